/**
 * The quote record's storage interface. Ingest and the query commands talk only to this
 * interface; `sqlite.ts` implements it on an embedded SQLite file, and a PostgreSQL backend
 * can implement it without touching either side. Every method is asynchronous for that reason,
 * even though the SQLite implementation does its work synchronously.
 */
import type { Analysis, Person, Quote, QuoteType, Span } from '../extract/types.js';
import type { PreparedArticle } from './prepare.js';
import { unpackExtracted, type PackedExtraction } from './wire.js';

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
  /**
   * `text` as UTF-8 bytes, when the reader has them (a text file): a store may write these rather
   * than encode the text again (for the SQLite writer, converting an article's text to UTF-8 was
   * 4% of its work).
   */
  textUtf8?: Uint8Array;
  /**
   * Where `textUtf8`'s offsets and `text`'s part, when the reader found it decoding them: for
   * each character past ASCII, its code unit offset in `text` and the extra bytes its UTF-8 takes
   * over its code units, added up to and including it (pairs: `[unit, extra, unit, extra, ...]`);
   * given only for a text with no character past U+FFFF (no surrogate pair, which a span could cut).
   * A store slices spans' bytes with it (utf8-slices.ts); without it, it finds them itself.
   */
  textUtf8Extra?: Int32Array;
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
 * workers send: the analysis and its keys packed (`wire.ts`), unpacked only when the article is
 * written (the writer may hold a thousand articles until their commit: three flat values each
 * rather than hundreds of small objects).
 */
export type ArticleToStore =
  | { article: ArticleInput; analysis: Analysis; prepared?: PreparedArticle }
  | { article: ArticleInput; extracted: PackedExtraction };

export type { PackedExtraction };

/** The analysis and keys of an article to store, unpacking them if they came from a worker. */
export function unpackArticle(item: ArticleToStore): { analysis: Analysis; prepared: PreparedArticle | undefined } {
  if (!('extracted' in item)) return { analysis: item.analysis, prepared: item.prepared };
  return unpackExtracted(item.extracted, item.article.text);
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
  /** `findArticle` answered at once, by a backend that reads in this process (ingest asks it of every article). */
  findArticleSync?(key: ArticleKey): number | null;
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
