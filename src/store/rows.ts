/**
 * Rows as both backends read them, and how they become the Store interface's objects: one
 * place for the mapping, so SQLite and PostgreSQL answer with the same shapes.
 */
import type { Person, Quote, QuoteType, Span } from '../extract/types.js';
import type { Appearance, ArticleSummary, ExportedArticle, Page, PageOptions, PersonQuote, PersonSummary, SearchHit } from './store.js';

export interface QuoteRow {
  id: number;
  article_id: number;
  quotation_id: number;
  person_id: number | null;
  start: number;
  end: number;
  text: string;
  type: QuoteType;
  speaker_name: string | null;
  speaker_entity: string | null;
  speaker_label: string | null;
  /** The name the quote's person is shown by now (people.name), when the read joins it. */
  person_name?: string | null;
  mention_start: number | null;
  mention_end: number | null;
  mention_text: string | null;
  cue_start: number | null;
  cue_end: number | null;
  cue_text: string | null;
  confidence: number;
  published: string | null;
  /** JSON of the quote's `addressee` and `when`, or null (and absent from rows of stores that do not keep them). */
  addressee?: string | null;
  said_when?: string | null;
}

export interface AppearanceRow extends QuoteRow {
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  outlet: string | null;
}

export interface ArticleSummaryRow {
  id: number;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  url: string | null;
  canonical_url: string | null;
  quotes: number;
}

export interface ArticlePeopleRow {
  local_id: string;
  person_id: number | null;
  name: string;
  kind: Person['kind'];
  gender: string | null;
  /** JSON text (PostgreSQL rows), or the array itself (SQLite's article-row JSON). */
  descriptors: string | string[];
  /** Offsets `[[start, end], ...]` (see `mentionsJson`), or full spans in rows written before; as JSON text or parsed. */
  mentions: string | ([number, number] | Span)[];
}

/**
 * The people of one article as the SQLite record keeps them: one JSON array on the article row,
 * each entity as extraction found it (mentions as offsets) with `person`, the record's person it
 * was linked to (`recordId` of its local id). A row per entity, with its primary key, was about a
 * tenth of the writer's statements. (The record's ids were an array of numbers and nulls, whose
 * kind changed at the first article with an entity linked to no one: the writer, which inlines
 * this, was thrown back to the interpreter and compiled again, about 100 ms.)
 */
export function articlePeopleJson(people: readonly Person[], recordId: (localId: string) => number | null): string {
  // An entity id given twice keeps its later entry, as a keyed row would have.
  const last = new Map<string, number>();
  for (let i = 0; i < people.length; i++) last.set(people[i]!.id, i);
  // Plain objects in one JSON.stringify: a call per field and the concatenations cost a third more.
  const rows: object[] = [];
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    if (last.get(p.id) !== i) continue;
    rows.push(peopleRow(p, recordId(p.id)));
  }
  return JSON.stringify(rows);
}

/** One entity of `articlePeopleJson`. */
function peopleRow(p: Person, person: number | null): object {
  return {
    id: p.id,
    person,
    name: p.name,
    kind: p.kind,
    gender: p.gender === 'm' || p.gender === 'f' ? p.gender : null,
    descriptors: p.descriptors ?? [],
    mentions: mentionOffsets(p.mentions ?? []),
  };
}
/*
 * `person` is a number or null. V8 keeps a field of small integers apart from one that may hold
 * null, and the first entity linked to no one changed the hidden class of these rows: the writer,
 * which inlines this, was thrown away and compiled again (about 100 ms, session 24). A row of
 * each made now, before anything is compiled, makes the field hold both from the start.
 */
for (const person of [0, null]) peopleRow({ id: '', name: '', kind: 'person', descriptors: [], mentions: [] }, person);

/** The rows of `articlePeopleJson`, each linked to the person its record's person became if it was merged since. */
export function articlePeopleRows(json: string, current: (personId: number) => number): ArticlePeopleRow[] {
  const people = JSON.parse(json) as {
    id: string;
    person: number | null;
    name: string;
    kind: Person['kind'];
    gender: string | null;
    descriptors: string[];
    mentions: ([number, number] | Span)[];
  }[];
  return people.map((p) => ({
    local_id: p.id,
    person_id: p.person === null ? null : current(p.person),
    name: p.name,
    kind: p.kind,
    gender: p.gender,
    descriptors: p.descriptors,
    mentions: p.mentions,
  }));
}

/**
 * An entity's mentions as the record keeps them: offsets only, `[[start, end], ...]`. Their text
 * is the article's, which the record holds anyway; the spelled-out spans were the largest part
 * of the people rows, larger than the quotes.
 */
export function mentionsJson(mentions: readonly Span[]): string {
  return JSON.stringify(mentionOffsets(mentions));
}

/** `[[start, end], ...]` of spans (see `mentionsJson`). */
function mentionOffsets(mentions: readonly Span[]): [number, number][] {
  const out = new Array<[number, number]>(mentions.length);
  for (let i = 0; i < mentions.length; i++) out[i] = [mentions[i]!.start, mentions[i]!.end];
  return out;
}

export function untilBound(until: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(until) ? until + 'T23:59:59.999Z' : until;
}

/** Clamps page options the same way for every list. */
export function pageBounds(options: PageOptions): { limit: number; offset: number } {
  const limit = Math.max(1, Math.min(Math.floor(options.limit ?? 20), 1000));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  return { limit: Number.isFinite(limit) ? limit : 20, offset: Number.isFinite(offset) ? offset : 0 };
}

/** A page from `limit + 1` fetched items: the extra one only says that another page follows. */
export function toPage<T>(items: T[], limit: number, offset: number): Page<T> {
  return { items: items.slice(0, limit), next: items.length > limit ? offset + limit : null };
}

/**
 * The speaker a stored quote is shown with: its person's name as it is now (a person's shown
 * name changes as its names are counted; quotes keep the label they were written with), else
 * the label, else the name the article gave.
 */
export function shownSpeaker(r: QuoteRow): string | null {
  return r.person_name ?? r.speaker_label ?? r.speaker_name;
}

export function toAppearance(r: AppearanceRow): Appearance {
  return {
    quoteId: r.id,
    articleId: r.article_id,
    url: r.canonical_url ?? r.url,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    text: r.text,
    type: r.type,
    speaker: shownSpeaker(r),
    cue: r.cue_text,
  };
}

export function toSummary(r: { id: number; name: string; kind: string; quote_count: number; article_count: number; first_quoted: string | null; last_quoted: string | null }): PersonSummary {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    quotes: r.quote_count,
    articles: r.article_count,
    firstQuoted: r.first_quoted,
    lastQuoted: r.last_quoted,
  };
}

export function toArticleSummary(r: ArticleSummaryRow): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    byline: r.byline,
    published: r.published,
    url: r.canonical_url ?? r.url,
    quoteCount: r.quotes,
  };
}

/** An article's people as the contract has them, in order of first mention. */
export function toContractPeople<R extends ArticlePeopleRow>(rows: readonly R[], text: string): (Person & { row: R })[] {
  const people = rows.map((r) => ({ ...toContractPerson(r, text), row: r }));
  return people.sort((x, y) => (x.mentions[0]?.start ?? 0) - (y.mentions[0]?.start ?? 0));
}

/** An article row as `exportArticles` reads it. */
export type ExportRow = Pick<ExportedArticle, 'url' | 'canonical_url' | 'title' | 'outlet' | 'published' | 'text'> & {
  id: number;
  external_id: string | null;
};

/** One line of `export --format jsonl`: the article, its quotes (rows in text order) and its people. */
export function toExportedArticle(a: ExportRow, quotes: readonly QuoteRow[], people: readonly ArticlePeopleRow[]): ExportedArticle {
  return {
    id: a.external_id ?? a.canonical_url ?? `article-${a.id}`,
    url: a.url,
    canonical_url: a.canonical_url,
    title: a.title,
    outlet: a.outlet,
    published: a.published,
    text: a.text,
    quotes: quotes.map((q) => toContractQuote(q, a.text)),
    people: toContractPeople(people, a.text).map(({ row: _, ...p }) => p),
  };
}

/** An article's entity as the contract has it; `text` is the article's (mentions are stored as offsets into it). */
export function toContractPerson(p: ArticlePeopleRow, text: string): Person {
  const stored = typeof p.mentions === 'string' ? (JSON.parse(p.mentions) as ([number, number] | Span)[]) : p.mentions;
  const mentions = stored.map((m) =>
    Array.isArray(m) ? { start: m[0], end: m[1], text: text.slice(m[0], m[1]) } : m,
  );
  const person: Person = {
    id: p.local_id,
    name: p.name,
    kind: p.kind,
    descriptors: typeof p.descriptors === 'string' ? (JSON.parse(p.descriptors) as string[]) : p.descriptors,
    mentions,
  };
  if (p.gender === 'm' || p.gender === 'f') person.gender = p.gender;
  return person;
}

/**
 * `articleText` is the quote's article: a mention stored without its text (NULL, see the SQLite
 * writer) is the article's text between its offsets. Rows that kept their text read as stored.
 */
export function toContractQuote(r: QuoteRow, articleText?: string): Quote {
  const quote: Quote = {
    type: r.type,
    start: r.start,
    end: r.end,
    text: r.text,
    speaker: {
      name: r.speaker_name,
      entity: r.speaker_entity,
      mention:
        r.mention_start !== null && r.mention_end !== null
          ? { start: r.mention_start, end: r.mention_end, text: r.mention_text ?? articleText?.slice(r.mention_start, r.mention_end) ?? '' }
          : null,
    },
    cue: r.cue_start !== null && r.cue_end !== null ? { start: r.cue_start, end: r.cue_end, text: r.cue_text ?? '' } : null,
    confidence: r.confidence,
  };
  const { addressee, when } = circumstancesOf(r);
  if (addressee) quote.addressee = addressee;
  if (when) quote.when = when;
  return quote;
}

/** A quote row's `addressee` and `when`, parsed from their JSON columns. */
function circumstancesOf(r: QuoteRow): Pick<Quote, 'addressee' | 'when'> {
  return {
    addressee: r.addressee ? (JSON.parse(r.addressee) as NonNullable<Quote['addressee']>) : undefined,
    when: r.said_when ? (JSON.parse(r.said_when) as NonNullable<Quote['when']>) : undefined,
  };
}

/** The columns a quote's `addressee` and `when` are stored in (JSON, or null). */
export function circumstancesJson(q: Quote): { addressee: string | null; said_when: string | null } {
  return {
    addressee: q.addressee ? JSON.stringify(q.addressee) : null,
    said_when: q.when ? JSON.stringify(q.when) : null,
  };
}

/**
 * Search hits from the matching appearances (earliest first within each quotation), in the
 * order of `ids`, with each quotation's total appearances in the whole record.
 */
export function toSearchHits(ids: number[], rows: AppearanceRow[], totals: Map<number, number>): SearchHit[] {
  const byQuotation = new Map<number, Appearance[]>();
  const personOf = new Map<number, number | null>();
  for (const r of rows) {
    let list = byQuotation.get(r.quotation_id);
    if (!list) byQuotation.set(r.quotation_id, (list = []));
    list.push(toAppearance(r));
    if (!personOf.get(r.quotation_id) && r.person_id) personOf.set(r.quotation_id, r.person_id);
  }
  const hits: SearchHit[] = [];
  for (const id of ids) {
    const apps = byQuotation.get(id);
    if (!apps || apps.length === 0) continue;
    const first = apps[0]!;
    hits.push({
      quotationId: id,
      text: first.text,
      speaker: apps.find((a) => a.speaker)?.speaker ?? null,
      personId: personOf.get(id) ?? null,
      type: first.type,
      first,
      appearances: apps,
      totalAppearances: totals.get(id) ?? apps.length,
    });
  }
  return hits;
}

export function toPersonQuote(r: AppearanceRow): PersonQuote {
  const { addressee, when } = circumstancesOf(r);
  return {
    quoteId: r.id,
    quotationId: r.quotation_id,
    articleId: r.article_id,
    text: r.text,
    type: r.type,
    cue: r.cue_text,
    addressee: addressee?.name ?? null,
    when: when ? { text: when.text, resolved: when.resolved } : null,
    confidence: r.confidence,
    published: r.published,
    outlet: r.outlet,
    title: r.title,
    url: r.canonical_url ?? r.url,
  };
}
