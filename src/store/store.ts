/**
 * The quote record's storage interface. Ingest and the query commands talk only to this
 * interface; `sqlite.ts` implements it on an embedded SQLite file, and a PostgreSQL backend
 * can implement it without touching either side. Every method is asynchronous for that reason,
 * even though the SQLite implementation does its work synchronously.
 */
import type { Analysis, Person, Quote, QuoteType, Span } from '../extract/types.js';
import type { PreparedArticle } from './prepare.js';

/** An article as ingest hands it to the store, before or after extraction. */
export interface ArticleInput {
  /** Where it came from (file path, URL, `file.warc.gz#record-3`, `file.jsonl:12`), for messages. */
  source: string;
  /** Id given by the input (jsonl `id`), if any. */
  externalId?: string | null;
  /** URL the article was read from (fetched URL, WARC target URI, jsonl `url`). */
  url?: string | null;
  /** Canonical URL (`<link rel=canonical>`, og:url), normalised; falls back to `url`. */
  canonicalUrl?: string | null;
  title?: string | null;
  byline?: string | null;
  outlet?: string | null;
  /** ISO 8601 date or date-time. */
  published?: string | null;
  text: string;
}

/** The identity an article is deduplicated by: canonical URL first, else its normalised text. */
export interface ArticleKey {
  canonicalUrl: string | null;
  textHash: string;
}

/**
 * One article with its extraction results, as ingest hands it to the store. `prepared` (from
 * `prepareArticle`) is the article's derived keys, computed off the writer's thread when given;
 * a backend computes it itself when it is absent. `extracted` is the other form extraction
 * workers send: the analysis and its keys as JSON text (`ExtractedJson`), parsed only when the
 * article is written.
 */
export type ArticleToStore =
  | { article: ArticleInput; analysis: Analysis; prepared?: PreparedArticle }
  | { article: ArticleInput; extracted: ExtractedJson };

/**
 * `{ analysis, prepared }` of one article as JSON text. Workers send this rather than the
 * objects: one string crosses threads as one copy (cheaper than cloning hundreds of small
 * objects, and, measured, cheaper in garbage collection than moving a buffer), and the writer,
 * which may hold a thousand articles until their commit, holds one string each rather than the
 * objects; it parses each just before writing it.
 */
export type ExtractedJson = string & { readonly __extractedJson: true };

/**
 * The JSON is positional, one array per quote, person and key set, in the order of
 * `WireQuote` and the others below: without the property names it is 40% shorter, and both
 * writing it on the worker and parsing it on the writer take a quarter to a third less time.
 * Spans travel as offsets (`[start, end]`): their text is a slice of the article's, which the
 * writer has.
 */
type WireSpan = [start: number, end: number];
type WireQuote = [
  type: Quote['type'], start: number, end: number, speakerName: string | null, speakerEntity: string | null,
  mention: WireSpan | null, cue: WireSpan | null, confidence: number, segments: WireSpan[] | null,
  addressee: [name: string, entity: string | null, mention: WireSpan] | null, when: [start: number, end: number, resolved: string | null] | null,
];
type WirePerson = [
  id: string, name: string, kind: Person['kind'], gender: Person['gender'] | null, descriptors: string[],
  mentions: WireSpan[], members: string[] | null,
];
/** `bands` as two 24-bit halves each (see `bandsToWire`). */
type WirePreparedQuote = [key: string, segmentKeys: string[], words: string, bands: number[], speakerNorm: string | null, wordCount: number];
type WirePreparedPerson = [name: string, norm: string, surname: string, tokens: number, aliases: [string, string, number][], descriptors: [string, number][]];
type Wire = [
  id: string | null, textHash: string, quotes: WireQuote[], people: WirePerson[],
  preparedQuotes: WirePreparedQuote[], preparedPeople: (WirePreparedPerson | null)[],
];

const toWire = (span: Span | null): WireSpan | null => (span ? [span.start, span.end] : null);

/**
 * Band keys are 48-bit integers: as JSON numbers they are written and read through V8's
 * floating-point paths (shortest digits, then string to double), a few microseconds an
 * article. Their two 24-bit halves are small integers, which take the integer paths.
 */
const HALF = 2 ** 24;
function bandsToWire(bands: number[]): number[] {
  const out = new Array<number>(bands.length * 2);
  for (let i = 0; i < bands.length; i++) {
    out[2 * i] = Math.floor(bands[i]! / HALF);
    out[2 * i + 1] = bands[i]! % HALF;
  }
  return out;
}
function bandsFromWire(halves: number[]): number[] {
  const out = new Array<number>(halves.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = halves[2 * i]! * HALF + halves[2 * i + 1]!;
  return out;
}

export function packExtracted(analysis: Analysis, prepared: PreparedArticle): ExtractedJson {
  const wire: Wire = [
    analysis.id ?? null,
    prepared.textHash,
    analysis.quotes.map((q) => [
      q.type, q.start, q.end, q.speaker.name, q.speaker.entity, toWire(q.speaker.mention), toWire(q.cue), q.confidence,
      q.segments ? q.segments.map((s) => [s.start, s.end] as WireSpan) : null,
      q.addressee ? [q.addressee.name, q.addressee.entity, [q.addressee.mention.start, q.addressee.mention.end]] : null,
      q.when ? [q.when.start, q.when.end, q.when.resolved] : null,
    ]),
    analysis.people.map((p) => [p.id, p.name, p.kind, p.gender ?? null, p.descriptors, p.mentions.map((m) => [m.start, m.end] as WireSpan), p.members ?? null]),
    prepared.quotes.map((q) => [q.key, q.segmentKeys, q.words, bandsToWire(q.bands), q.speakerNorm, q.wordCount]),
    prepared.people.map((p) => p && [p.name, p.norm, p.surname, p.tokens, p.aliases, p.descriptors]),
  ];
  return JSON.stringify(wire) as ExtractedJson;
}

/** The analysis and keys of an article to store, parsing them if they came as JSON text. */
export function unpackArticle(item: ArticleToStore): { analysis: Analysis; prepared: PreparedArticle | undefined } {
  if (!('extracted' in item)) return { analysis: item.analysis, prepared: item.prepared };
  const [id, textHash, quotes, people, preparedQuotes, preparedPeople] = JSON.parse(item.extracted) as Wire;
  const text = item.article.text;
  const span = (w: WireSpan): Span => ({ start: w[0], end: w[1], text: text.slice(w[0], w[1]) });
  const analysis: Analysis = {
    quotes: quotes.map(([type, start, end, name, entity, mention, cue, confidence, segments, addressee, when]) => {
      const q: Quote = { start, end, text: text.slice(start, end), type, speaker: { name, entity, mention: mention && span(mention) }, cue: cue && span(cue), confidence };
      if (segments) q.segments = segments.map(span);
      if (addressee) q.addressee = { name: addressee[0], entity: addressee[1], mention: span(addressee[2]) };
      if (when) q.when = { ...span([when[0], when[1]]), resolved: when[2] };
      return q;
    }),
    people: people.map(([pid, name, kind, gender, descriptors, mentions, members]) => {
      const p: Person = { id: pid, name, kind, descriptors, mentions: mentions.map(span) };
      if (gender) p.gender = gender;
      if (members) p.members = members;
      return p;
    }),
  };
  if (id !== null) analysis.id = id;
  return {
    analysis,
    prepared: {
      textHash,
      quotes: preparedQuotes.map(([key, segmentKeys, words, bands, speakerNorm, wordCount]) => ({ key, segmentKeys, words, bands: bandsFromWire(bands), speakerNorm, wordCount })),
      people: preparedPeople.map((p) => p && { name: p[0], norm: p[1], surname: p[2], tokens: p[3], aliases: p[4], descriptors: p[5] }),
    },
  };
}

export interface AddResult {
  /** True when the article was new and has been stored with its quotes. */
  added: boolean;
  articleId: number;
  quotes: number;
}

export interface SearchQuery {
  /** Full-text query over quote text and speaker names; empty matches everything. */
  text?: string;
  speaker?: string;
  outlet?: string;
  /** ISO date; appearances published on or after it. */
  since?: string;
  /** ISO date; appearances published on or before it (the whole day when a date is given). */
  until?: string;
  limit?: number;
}

export interface Appearance {
  quoteId: number;
  articleId: number;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  text: string;
  type: QuoteType;
  speaker: string | null;
  cue: string | null;
}

/** One quotation (possibly reported by several outlets) matching a search. */
export interface SearchHit {
  quotationId: number;
  /** The quotation's text as its earliest appearance has it. */
  text: string;
  speaker: string | null;
  personId: number | null;
  type: QuoteType;
  /** Earliest appearance (by publication date, then by ingest order). */
  first: Appearance;
  /** Every appearance, earliest first (only those matching the filters). */
  appearances: Appearance[];
  /** Number of appearances in the whole record (ignoring filters). */
  totalAppearances: number;
}

export interface CountedValue {
  value: string;
  count: number;
}

export interface PersonSummary {
  id: number;
  name: string;
  kind: string;
  quotes: number;
  articles: number;
  firstQuoted: string | null;
  lastQuoted: string | null;
}

export interface PersonDetail extends PersonSummary {
  aliases: CountedValue[];
  descriptors: CountedValue[];
  outlets: CountedValue[];
}

/** One article as `export --format jsonl` writes it. */
export interface ExportedArticle {
  id: string;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  text: string;
  quotes: Analysis['quotes'];
  people: Analysis['people'];
}

export interface StoreStats {
  articles: number;
  quotes: number;
  quotations: number;
  people: number;
  schemaVersion: number;
}

/** Where a page of a list starts and how long it is. */
export interface PageOptions {
  /** Items per page (backends clamp it to 1..1000; 20 when absent). */
  limit?: number;
  /** Items skipped before the page (0 when absent). */
  offset?: number;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** The offset of the next page, or null when this page is the last. */
  next: number | null;
}

/** An article as lists show it. */
export interface ArticleSummary {
  id: number;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  /** Canonical URL, else the URL it was read from. */
  url: string | null;
  /** Quotes stored for it. */
  quoteCount: number;
}

/** One quote of a stored article: the extraction contract's fields plus the record's links. */
export interface StoredQuote extends Quote {
  id: number;
  quotationId: number;
  /** The record's person the speaker was linked to, if any. */
  personId: number | null;
  /** The record's name for the speaker (the person's name), else the extracted name. */
  speakerLabel: string | null;
}

/** One person of a stored article as extraction found it, linked to the record's person. */
export interface ArticlePerson extends Person {
  personId: number | null;
}

/** A stored article with its text, quotes (in text order) and people (in order of first mention). */
export interface ArticleDetail extends ArticleSummary {
  text: string;
  quotes: StoredQuote[];
  people: ArticlePerson[];
}

/** One quote by a person, with where and when it appeared. */
export interface PersonQuote {
  quoteId: number;
  quotationId: number;
  articleId: number;
  text: string;
  type: QuoteType;
  cue: string | null;
  /** To whom it was said (the addressee's name), when the text names it. */
  addressee: string | null;
  /** When it was said, when the attribution names it: its words and their ISO date. */
  when: { text: string; resolved: string | null } | null;
  confidence: number;
  published: string | null;
  outlet: string | null;
  title: string | null;
  url: string | null;
}

/** Number of quotes on one day (`YYYY-MM-DD`, the date part of the publication date). */
export interface DayCount {
  day: string;
  count: number;
}

/** See `Store.openGroup`. */
export interface ArticleGroup {
  /** Articles added so far. */
  readonly size: number;
  /** Writes one article now (never throws: a failure is its result at `commit`). */
  add(item: ArticleToStore): void;
  /** Commits the group; the result of each added article, in order (all errors if the commit fails). */
  commit(): (AddResult | Error)[];
}

export interface Store {
  /** The stored article with this identity, if any. */
  findArticle(key: ArticleKey): Promise<number | null>;
  /**
   * Stores one article and everything extracted from it, atomically (one transaction): after a
   * crash it is either wholly there or not at all. An article already stored is left alone.
   */
  addArticle(article: ArticleInput, analysis: Analysis): Promise<AddResult>;
  /**
   * Stores several articles in one commit, each still atomic on its own (a savepoint per
   * article): an article that fails leaves nothing behind and does not stop the others.
   * Results (or the error) come back in order. Cuts per-commit cost on large ingests.
   */
  addArticles(items: ArticleToStore[]): Promise<(AddResult | Error)[]>;
  /**
   * A group commit written as it fills (a backend may not have it; ingest then uses
   * `addArticles`): each article is written when it is added, in a transaction that stays open
   * until `commit`, so the writing overlaps the extraction of the next articles instead of
   * following it. The same guarantees as `addArticles`: each article whole or not at all, one
   * that fails leaves nothing and does not stop the others; nothing is durable before `commit`.
   * One group at a time; other writes of this store wait for its commit.
   */
  openGroup?(): ArticleGroup;
  search(query: SearchQuery): Promise<SearchHit[]>;
  /** Most quoted first; only people quoted at least once unless `all`. */
  people(options?: { top?: number; kind?: string; all?: boolean }): Promise<PersonSummary[]>;
  /** Finds a person by name, alias or surname; null when nobody matches. */
  person(name: string): Promise<PersonDetail | null>;
  /** Every article with its quotes, in ingest order. */
  exportArticles(): AsyncIterable<ExportedArticle>;
  stats(): Promise<StoreStats>;
  /** Articles, newest first (by publication date, undated last, then latest ingested); `outlet` matches part of the name. */
  listArticles(options?: PageOptions & { outlet?: string }): Promise<Page<ArticleSummary>>;
  /** One stored article with its text, quotes and people; null when there is none with this id. */
  getArticle(id: number): Promise<ArticleDetail | null>;
  /** People, most quoted first (as `people()` orders them); only people quoted at least once unless `all`. */
  listPeople(options?: PageOptions & { kind?: string; all?: boolean }): Promise<Page<PersonSummary>>;
  /** One person by the record's id; null when there is none. */
  getPerson(id: number): Promise<PersonDetail | null>;
  /** A person's quotes, newest first (undated last); an unknown id gives an empty page. */
  personQuotes(id: number, options?: PageOptions): Promise<Page<PersonQuote>>;
  /** A person's quotes counted per publication day, oldest first; undated quotes are not counted. */
  personQuotesPerDay(id: number): Promise<DayCount[]>;
  /** `search()` one page at a time: the same hits in the same order, from `offset` on. */
  searchPage(query: SearchQuery, options?: PageOptions): Promise<Page<SearchHit>>;
  close(): Promise<void>;
}
