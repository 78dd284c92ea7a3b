/**
 * The quote record on an embedded SQLite file (better-sqlite3 12): WAL journal, versioned
 * migrations, one savepoint per article inside group commits, FTS5 over quote text and speaker names.
 */
import Database from 'better-sqlite3';
import type { Analysis, Person, Quote } from '../extract/types.js';
import { MIGRATIONS } from './migrations.js';
import { BandIndex } from './band-index.js';
import { RecentWords } from './near-words.js';
import { FullNames, type FullName } from './full-names.js';
import { BANDS_PER_QUOTATION, nameTokens, NEAR_THRESHOLD, nearSimilarity, quotationSignature, stripDiacritics } from './normalize.js';
import { shownSpeaker, toSearchHits, toPersonQuote, toArticleSummary, toContractPeople, toExportedArticle, articlePeopleJson, articlePeopleRows, circumstancesJson, toContractQuote, toPage, toSummary, pageBounds, untilBound, type AppearanceRow, type ArticlePeopleRow, type ArticleSummaryRow, type ExportRow, type QuoteRow } from './rows.js';
import { MAX_SURNAME_CANDIDATES, descriptorWords, displayName, givenRoots, nameVariants, pickFullName, pickShortFormSibling, pickVariant, titlesOf, type Candidate, type Evidence } from './identity.js';
import { objectList } from './object-list.js';
import { prepareArticle, type PreparedArticle, type PreparedPerson, type PreparedQuote } from './prepare.js';
import type {
  AddResult,
  ArticleDetail,
  ArticleInput,
  ArticleToStore,
  ArticleGroup,
  ArticleKey,
  ArticlePerson,
  ArticleSummary,
  CountedValue,
  DayCount,
  ExportedArticle,
  Page,
  PageOptions,
  PersonDetail,
  PersonQuote,
  PersonSummary,
  SearchHit,
  SearchQuery,
  Store,
  StoreStats,
  StoredQuote,
} from './store.js';
import { unpackArticle } from './store.js';
import { Utf8Slices } from './utf8-slices.js';

type DB = Database.Database;

export interface SqliteStoreOptions {
  readonly?: boolean;
}

export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(file, options);
}

/** Applies pending migrations; returns the schema version afterwards. */
export function migrate(db: DB): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      // Another process opening the same record (`serve --workers N` starts several at once)
      // may have applied it since `done` was read; this transaction holds the write lock, so
      // what it reads now is the last word.
      if (applied.get(m.version) !== undefined) return;
      db.exec(m.sql);
      m.run?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  db.pragma(`user_version = ${row.v ?? 0}`);
  return row.v ?? 0;
}

interface PersonRow {
  id: number;
  name: string;
  norm_name: string;
  surname: string;
  kind: string;
  quote_count: number;
  article_count: number;
  male: number;
  female: number;
}

/** Turns user search words into a safe FTS5 expression (every term quoted, implicit AND). */
export function ftsTerms(input: string): string {
  const parts: string[] = [];
  for (const m of input.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu);
      if (words) parts.push('"' + words.join(' ') + '"');
      continue;
    }
    const raw = m[2]!;
    if (raw === 'OR' || raw === 'NOT') {
      if (parts.length) parts.push(raw);
      continue;
    }
    const prefix = raw.endsWith('*');
    const words = raw.match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    parts.push('"' + words.join(' ') + '"' + (prefix ? '*' : ''));
  }
  while (parts.length && (parts[parts.length - 1] === 'OR' || parts[parts.length - 1] === 'NOT')) parts.pop();
  return parts.join(' ');
}

/**
 * The terms of search words as ftsTerms writes them, each on its own (a word, a "phrase", a
 * prefix*), when nothing but AND joins them; else the whole expression as one.
 */
export function ftsTermList(input: string): string[] {
  const terms: string[] = [];
  for (const m of input.matchAll(/"[^"]*"|\S+/g)) {
    if (m[0] === 'OR' || m[0] === 'NOT') {
      const all = ftsTerms(input);
      return all ? [all] : [];
    }
    const term = ftsTerms(m[0]);
    if (term) terms.push(term);
  }
  return terms;
}

/** The migration that gave articles the range of their quotes' ids (see quotesOfArticle). */
const QUOTE_RANGES_VERSION = 14;

/**
 * The name a quote's person is shown by now, read with the quote `q` (its `speaker_label` is the
 * name the person had when the quote was written: see `chooseNames`, and rows.ts `shownSpeaker`).
 */
const PERSON_NAME = '(SELECT name FROM people WHERE id = q.person_id) AS person_name';

/** The full-text index's columns a search's words are matched in (not `person`: see textMatch). */
const QUOTE_COLUMNS = '{text speaker_label}';

/** People a text search's term names beyond which it is not widened to their quotes (see textMatch). */
const NAMED_PEOPLE_MAX = 200;

/** Surnames of the people a speaker search names beyond which the full-text match is not narrowed by them (see speakerFilter). */
const SPEAKER_SURNAMES_MAX = 32;

/** Articles written between two returns to the event loop in a large batch. */
const WRITE_CHUNK = 16;
/**
 * Quotes a batch indexes for full-text search at a time, as it goes (written without savepoints):
 * indexing a whole group commit's quotes at its end held the main thread for some 100 ms, long
 * enough for the extraction workers (then 32 queued articles each) to run out of work. Each step
 * becomes one FTS5 segment (migration 15 gives FTS5 the room: with its 1 MB default a step made
 * two), and merging them is most of FTS5's work: at 8,192 rather than 1,024 the
 * writer's instructions over 10,000 news-shaped articles fell 4.7% (session 24), for steps of up to
 * some 30 ms against the 128 articles now queued on each worker.
 */
const INDEX_EVERY_QUOTES = 8192;
/** Members of each band read when looking for near-identical wordings (the newest first). */
const MAX_BAND_MEMBERS = 4;
/** Near-duplicate candidates compared word by word, those sharing the most bands first. */
const MAX_CANDIDATES = 8;
/** The candidates of one near-duplicate check, ranked (see rankCandidates): reused, nothing to collect. */
const candidateIds = new Float64Array(BANDS_PER_QUOTATION * MAX_BAND_MEMBERS);
const candidateShared = new Int32Array(BANDS_PER_QUOTATION * MAX_BAND_MEMBERS);
/** A band index entry of each candidate (its word sketch: see similarQuotation), and a lookup's entries. */
const candidateEntries = new Int32Array(BANDS_PER_QUOTATION * MAX_BAND_MEMBERS);
const memberEntries = new Int32Array(BANDS_PER_QUOTATION * MAX_BAND_MEMBERS);
/**
 * The distinct quotations among a band lookup's members (`count` entries of `memberEntries`; a
 * quotation appears once for each band it shares), those sharing the most bands first (the
 * likeliest near-duplicates), then the newest: written to `candidateIds` (and one entry of each to
 * `candidateEntries`), of which the first `max` at most are returned as a count.
 * There are at most 4 bands of MAX_BAND_MEMBERS members, so a linear search and an insertion
 * sort over typed arrays do; arrays and a sort with a comparator were a fifth of what the writer
 * allocated.
 */
function rankCandidates(index: BandIndex, count: number, max: number): number {
  let n = 0;
  for (let m = 0; m < count; m++) {
    const entry = memberEntries[m]!;
    const id = index.quotationOf(entry);
    let k = 0;
    while (k < n && candidateIds[k] !== id) k++;
    if (k < n) candidateShared[k]!++;
    else {
      candidateIds[n] = id;
      candidateEntries[n] = entry;
      candidateShared[n++] = 1;
    }
  }
  for (let i = 1; i < n; i++) {
    const id = candidateIds[i]!;
    const entry = candidateEntries[i]!;
    const shared = candidateShared[i]!;
    let j = i - 1;
    for (; j >= 0 && (candidateShared[j]! < shared || (candidateShared[j] === shared && candidateIds[j]! < id)); j--) {
      candidateIds[j + 1] = candidateIds[j]!;
      candidateEntries[j + 1] = candidateEntries[j]!;
      candidateShared[j + 1] = candidateShared[j]!;
    }
    candidateIds[j + 1] = id;
    candidateEntries[j + 1] = entry;
    candidateShared[j + 1] = shared;
  }
  return Math.min(n, max);
}
/** Most quotes a full-text search reads by rank before it groups every match instead (see bestRanked). */
const TOP_QUOTES_MAX = 50_000;
/** The band columns of a quotation too short for near grouping. */
const NO_BANDS = [null, null, null, null] as const;
/** People (and their known names) remembered between articles; forgotten at once when full. */
const PERSON_CACHE_MAX = 100_000;
/** People quoted this many times or more are in the index `people_quotes` (its condition in migration 17). */
const TOP_INDEXED_QUOTES = 10;

/** The people filter's kind for a full name's first and last name (see `mayHaveVariant`). */
const VARIANT = 'variant';

/** A normalised name's first and last word. */
function shortName(norm: string): string {
  return norm.slice(0, norm.indexOf(' ')) + norm.slice(norm.lastIndexOf(' '));
}

/** The people filter's kind for the full first names a full name's first word stands for, with its last word (see `givenKeys`). */
const GIVEN = 'given';

/**
 * The people filter's keys under which a full name is found by its other first-name forms:
 * each full first name its first word stands for (identity.ts SHORT_FORMS) with its last word
 * (`joe biden` and `joseph r biden` are both under `joseph biden`). None for most names.
 */
function givenKeys(norm: string): Float64Array {
  const space = norm.indexOf(' ');
  if (space < 0) return NO_KEYS;
  const roots = givenRoots(norm.slice(0, space));
  if (roots.length === 0) return NO_KEYS;
  const last = norm.slice(norm.lastIndexOf(' '));
  const keys = new Float64Array(roots.length);
  for (let i = 0; i < roots.length; i++) keys[i] = personKey(GIVEN, roots[i]! + last);
  return keys;
}
/**
 * (Keys in a Float64Array, none or some: one kind of array. An empty `[]` and an array of keys,
 * which are not small integers, were two, and the first full name with a short first name
 * after `resolvePerson` was compiled threw the compiled code away, 65 ms to compile again.)
 */
const NO_KEYS = new Float64Array(0);

/** Candidate lists whose titles have been read (see `withTitles`). */
const TITLES_READ = new WeakSet<readonly Candidate[]>();

/** What one article says of an entity: the gender it gave, the titles among its descriptors. */
function entityEvidence(p: Person, pp: PreparedPerson): Evidence {
  const honorifics = { found: false };
  const titles = titlesOf(pp.descriptors.map((d) => d[0]), honorifics);
  return { male: p.gender === 'm' ? 1 : 0, female: p.gender === 'f' ? 1 : 0, titles, named: titles.size > 0 || honorifics.found };
}

function genderOfEntity(p: Person): 'm' | 'f' | null {
  return p.gender === 'm' || p.gender === 'f' ? p.gender : null;
}

/** An entity's gender as bits: 1 male, 2 female. */
function genderBits(gender: string | undefined): number {
  return gender === 'm' ? 1 : gender === 'f' ? 2 : 0;
}

/** The kinds of extraction's entities (`Person['kind']`). */
const ENTITY_KINDS: readonly Person['kind'][] = ['person', 'org', 'description'];

/** What the writer remembers of a person of the record (the counts are not: they change). */
type CachedPerson = Pick<PersonRow, 'id' | 'name' | 'norm_name' | 'surname' | 'kind'>;

/** A person's row as the writer remembers it: one shape for every person it holds (a row read whole is another). */
function cachedPerson(row: PersonRow): CachedPerson {
  return { id: row.id, name: row.name, norm_name: row.norm_name, surname: row.surname, kind: row.kind };
}

/**
 * The record's people by kind and normalised name: a map of names for each kind. A key joined
 * from the two (`kind + '\u0000' + norm`) was a new string at every lookup, copied flat and
 * hashed before the map could be read: a third of looking a person up (session 23).
 */
class PeopleByName {
  private readonly byKind = new Map<string, Map<string, CachedPerson>>();
  /** People held, of all kinds. */
  size = 0;
  constructor() {
    // A map for each kind from the start (and kept when cleared): a kind first met after `set`
    // was compiled, on a path never taken before, threw the compiled code away (session 24).
    for (const kind of ENTITY_KINDS) this.byKind.set(kind, new Map());
  }
  get(kind: string, norm: string): CachedPerson | undefined {
    return this.byKind.get(kind)?.get(norm);
  }
  set(kind: string, norm: string, person: CachedPerson): void {
    let names = this.byKind.get(kind);
    if (!names) this.byKind.set(kind, (names = new Map()));
    const before = names.size;
    names.set(norm, person);
    this.size += names.size - before;
  }
  delete(kind: string, norm: string): void {
    if (this.byKind.get(kind)?.delete(norm)) this.size--;
  }
  /** Every name held for a person (a full name also has the variants found for it). */
  forget(id: number): void {
    for (const names of this.byKind.values()) {
      for (const [norm, person] of names) {
        if (person.id !== id) continue;
        names.delete(norm);
        this.size--;
      }
    }
  }
  clear(): void {
    for (const names of this.byKind.values()) names.clear();
    this.size = 0;
  }
  *values(): IterableIterator<CachedPerson> {
    for (const names of this.byKind.values()) yield* names.values();
  }
}

/** An article that could not be written in a batch written without savepoints. */
class ArticleFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Keys present in the record (quotation keys as numbers, or people's names), as a Bloom filter
 * (no false negatives; about 0.2% false positives at capacity): most keys of a new quotation are
 * in no other, and one the filter has never seen needs no lookup. Built from the
 * index for large batches only (its scan is proportional to the record), kept up to date by the
 * writer, dropped when another connection writes.
 */
class KeyFilter {
  private readonly bits: Int32Array;
  /** Blocks of BLOCK_WORDS 32-bit words, less one. */
  private readonly blockMask: number;
  readonly capacity: number;
  size = 0;
  constructor(expected: number) {
    let bits = 1 << 20;
    while (bits < expected * 16 && bits < 2 ** 31) bits *= 2;
    this.bits = new Int32Array(bits / 32);
    this.blockMask = bits / 32 / BLOCK_WORDS - 1;
    this.capacity = bits / 16;
  }
  /*
   * A key's four bits are in one block of 512 bits (a cache line): the block from one mix of the
   * key, the bits within it from another. Four bits anywhere in the filter were four cache misses
   * for each key added (and up to four for each looked up) once the filter outgrew the caches
   * (session 25). False positives are a little more frequent than with bits anywhere (they cost a
   * lookup in the record, never a wrong answer).
   */
  add(key: number): void {
    const x = keyMix(key);
    const y = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    const base = (x & this.blockMask) * BLOCK_WORDS;
    const bits = this.bits;
    bits[base + ((y & 511) >>> 5)]! |= 1 << (y & 31);
    bits[base + (((y >>> 9) & 511) >>> 5)]! |= 1 << ((y >>> 9) & 31);
    bits[base + (((y >>> 18) & 511) >>> 5)]! |= 1 << ((y >>> 18) & 31);
    bits[base + (x >>> 28)]! |= 1 << ((x >>> 22) & 31);
    this.size++;
  }
  has(key: number): boolean {
    const x = keyMix(key);
    const y = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    const base = (x & this.blockMask) * BLOCK_WORDS;
    const bits = this.bits;
    return (
      (bits[base + ((y & 511) >>> 5)]! & (1 << (y & 31))) !== 0 &&
      (bits[base + (((y >>> 9) & 511) >>> 5)]! & (1 << ((y >>> 9) & 31))) !== 0 &&
      (bits[base + (((y >>> 18) & 511) >>> 5)]! & (1 << ((y >>> 18) & 31))) !== 0 &&
      (bits[base + (x >>> 28)]! & (1 << ((x >>> 22) & 31))) !== 0
    );
  }
}
/** 32-bit words in a block of the key filter (512 bits). */
const BLOCK_WORDS = 16;
/** A key of the key filter (up to 53 bits) mixed to 32. */
function keyMix(key: number): number {
  const lo = key >>> 0;
  return Math.imul(lo ^ Math.imul(Math.floor(key / 0x100000000), 0x9e3779b1), 0x85ebca6b) >>> 0;
}
/**
 * A mention's text as a quote row stores it: NULL when it is the article's own text between the
 * span's offsets (as extraction's always is), read back from the article where quotes are read
 * with their article (toContractQuote). (Cues are read without it, by search and person pages.)
 */
function storedSpanText(span: { start: number; end: number; text: string }, articleText: string): string | null {
  const text = span.text ?? '';
  return text === articleText.slice(span.start, span.end) ? null : text;
}

/*
 * Comparisons written so that each side of a === has one type. Written inline, a comparison of a
 * number with `undefined` (an optional chain that found nothing) or of a string with null (a
 * quote with no entity) deoptimised the writer's largest functions the first time it happened,
 * a few hundred articles into a run, and TurboFan compiled them again (`resolvePerson` and
 * `writeArticle` about 70 ms each).
 */
/** Whether `pick` is the person `id`. */
function isPick(pick: { id: number } | null, id: number): boolean {
  return pick !== null && pick.id === id;
}
/** Whether the quote's speaker is the article's entity `entity`. */
function saidBy(q: Quote, entity: string): boolean {
  const own = q.speaker?.entity;
  return typeof own === 'string' && own === entity;
}

/** A quotation key (hex digits of a hash) as a number for the key filter: its first 52 bits. */
function filterKey(key: string): number {
  return parseInt(key.slice(0, 13), 16);
}

/**
 * A person's kind and normalised name as a number for the people filter: two FNV-1a hashes
 * (52 bits) of `kind + '\u0000' + norm`, read from the two strings rather than from a string
 * joined for it.
 */
function personKey(kind: string, norm: string): number {
  let a = 0x811c9dc5 | 0; // (signed: an integer throughout, see near-words.ts FNV_OFFSET)
  let b = 0x01000193;
  for (let i = 0; i < kind.length; i++) {
    const c = kind.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  a = Math.imul(a, 0x01000193); // the separator: a ^ 0 is a
  b = Math.imul(b, 0x5bd1e995);
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 2 ** 20 + ((b >>> 0) & 0xfffff);
}

/**
 * Batches of at least this many articles use the key and people filters, and check every so many
 * articles whether to build them (see `ensureFilters`).
 */
const FILTER_MIN_BATCH = 64;
/**
 * About what one lookup in the record's index costs, in keys read while building a filter (3.5 µs
 * against 1 µs, measured in a record of 130,000 quotations). A filter is built once the lookups
 * made without it have cost as much as building it would, so that a few articles written into a
 * large record do not read all of its keys first, and a long run still gets its filters early.
 */
const LOOKUP_COST_IN_KEYS = 3;
const KEY_SCAN_PAGE = 100_000;

let pendingStamps = 0;
/**
 * Counts of people, their names and descriptors summed over a batch, written once before it
 * commits; and the people it created, whose names are indexed for search then, in one statement
 * (an FTS5 insert of one row cost about 20k instructions, more than tokenising the name).
 */
class PendingCounts {
  readonly stamp = ++pendingStamps;
  /** Person id: [quotes, articles, articles giving it as male, as female]. */
  readonly bumps = new Map<number, [number, number, number, number]>();
  /** Ids of the people created, their recorded names not yet in `people_fts`. */
  readonly newPeople: number[] = [];
  /** Names counted again in the batch (each once, its sum in `n`: see KnownAlias). */
  readonly aliases = objectList<KnownAlias>();
  readonly descriptors = new Map<number, Map<string, number>>();
  bump(id: number, quotes: number, articles: number, male: number, female: number): void {
    const c = this.bumps.get(id);
    if (c) {
      c[0] += quotes;
      c[1] += articles;
      c[2] += male;
      c[3] += female;
    } else this.bumps.set(id, [quotes, articles, male, female]);
  }
  /** Counts a name again, `n` more in this batch (a number, not this object: a name kept would keep a batch's counts alive). */
  alias(known: KnownAlias, n: number): void {
    if (known.batch !== this.stamp) {
      known.batch = this.stamp;
      known.n = 0;
      this.aliases.push(known);
    }
    known.n += n;
  }
  descriptor(id: number, descriptor: string, n: number): void {
    add(this.descriptors, id, descriptor, n);
  }
}

/**
 * A name the record counts for a person (its row in person_aliases exists), as the writer
 * remembers it, with what a batch has counted of it since (written at the batch's end: see
 * flushPending). Kept by person and name in `knownAliases`: a name counted again is one lookup by
 * name there, where a set of names and the batch's counts by person and name were three (session 25).
 */
class KnownAlias {
  /** The batch that counted it last (its PendingCounts' stamp), and how many it counted (stale when that batch is over). */
  batch = 0;
  n = 0;
  constructor(
    readonly personId: number,
    readonly alias: string,
  ) {}
}

function add(m: Map<number, Map<string, number>>, id: number, key: string, n: number): void {
  let inner = m.get(id);
  if (!inner) m.set(id, (inner = new Map()));
  inner.set(key, (inner.get(key) ?? 0) + n);
}

/** Appearances listed per quotation in search results (the total is always given). */
export const MAX_APPEARANCES = 50;

function sinceBound(since: string): string {
  return since;
}

export class SqliteStore implements Store {
  readonly db: DB;
  readonly schemaVersion: number;
  private readonly stmt: ReturnType<SqliteStore['prepare']>;
  /** Writes one article in a savepoint of the current batch (safe mode). */
  private readonly articleTx: (article: ArticleInput, analysis: Analysis, prepared: PreparedArticle) => AddResult;
  /** First quote id of the batch not yet in the full-text index (indexed as the batch goes, and at its end). */
  private unindexedFrom = 0;
  /** Id of the next quote written (ids are given by the writer: a new quotation names its first quote). */
  private nextQuoteId = 0;
  /** The batch's summed counts; null when each article writes its own (safe mode). */
  private pending: PendingCounts | null = null;
  private safe = true;
  /** `PRAGMA data_version` when this connection last began a write: another writer's commit changes it. */
  private dataVersion = -1;
  /** The record's people by kind and normalised name, and the names known to be counted for each. */
  private readonly personCache = new PeopleByName();
  private readonly knownAliases = new Map<number, Map<string, KnownAlias>>();
  /** Surnames the record has no fuller-named person of (a surname-only person found by name stays itself). */
  private readonly noFullNames = new Set<string>();
  /** The fuller-named people of surnames read so far, kept in step with the writes (see fullNamesOf). */
  private readonly fullNames = new FullNames(MAX_SURNAME_CANDIDATES, PERSON_CACHE_MAX);
  /** Surname-only people joined to a full name while the current article was written: lone id to full person. */
  private readonly absorbed = new Map<number, CachedPerson>();
  /**
   * Full-named people a full name other than their recorded one was counted for since their names
   * were last chosen: their displayed name may change (see `chooseNames`).
   */
  private readonly renamable = new Set<number>();
  /** People created by the article being written, with the quotes their row was written with. */
  private readonly countedHere = new Map<number, number>();
  /** The record's near-duplicate bands, loaded when this connection first writes. */
  private bandIndex: BandIndex | null = null;
  /**
   * Where `bandIndex` stood when this connection last began a write or committed one: a rollback
   * rewinds it there (-1: loaded inside a write whose fate is unknown, so dropped instead).
   */
  private bandMark = -1;
  /** Reading the last band block and writing one (prepared on first use: see writeBandBlock). */
  private blockStmt: { last: Database.Statement; insert: Database.Statement } | null = null;
  /** Quotation keys present in the record (see `filterKey`), for large batches. */
  private keyFilter: KeyFilter | null = null;
  /** People of the record by kind and normalised name (see `personKey`), likewise. */
  private peopleFilter: KeyFilter | null = null;
  /** Lookups made in the record's indexes for want of a key filter, and of a people filter. */
  private unfilteredKeyLookups = 0;
  private unfilteredPeopleLookups = 0;
  /** The write under way (`addArticles` calls run one after the other). */
  private writing: Promise<unknown> = Promise.resolve();
  /** True while a large write runs with foreign keys unchecked (see beginImmediate). */
  private foreignKeysOff = false;
  /** Articles in the last group committed on this connection (see openGroup). */
  private lastGroupSize = 0;
  /** True while `writeBatchInSteps` holds a transaction open across event-loop turns. */
  private batchOpen = false;
  /**
   * Words of recent quotations as hashes, by id, for near-duplicate checks (candidates are the
   * newest of their bands, so recent quotations are compared most; see near-words.ts). Cleared
   * whenever a write rolls back, since a rolled-back id can be reused.
   */
  private readonly recentWords = new RecentWords();
  /** The article being written's spans as slices of its UTF-8 bytes (utf8-slices.ts). */
  private readonly slices = new Utf8Slices();

  constructor(readonly file: string, options: SqliteStoreOptions = {}) {
    this.db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    this.db.pragma('busy_timeout = 10000');
    if (!options.readonly) {
      // A new record uses 16 KB pages (an existing one keeps its own): quote rows and their
      // random-key index entries split and dirty fewer pages; the writer measured 5 to 10% faster.
      this.db.pragma('page_size = 16384');
      this.db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL loses nothing committed when the process dies (kill -9); only an OS
      // crash or power cut can lose the last transactions, and never corrupts the file.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('cache_size = -65536'); // 64 MB: random-key index inserts stay in memory
      // Savepoint journals (one per article) in memory rather than in temporary files: on disk
      // they cost a write system call for every page an article touches.
      this.db.pragma('temp_store = MEMORY');
      this.schemaVersion = migrate(this.db);
    } else {
      this.schemaVersion = (this.db.pragma('user_version', { simple: true }) as number) ?? 0;
    }
    this.stmt = this.prepare();
    this.articleTx = this.db.transaction((article: ArticleInput, analysis: Analysis, prepared: PreparedArticle) =>
      this.writeArticle(article, analysis, prepared),
    );
  }

  private prepare() {
    const db = this.db;
    return {
      byCanonical: db.prepare('SELECT id FROM articles WHERE canonical_url = ?'),
      byHash: db.prepare('SELECT id FROM articles WHERE text_hash = ? AND (canonical_url IS NULL OR ? IS NULL) LIMIT 1'),
      // With the ids its quotes will have (migration 14), or NULLs when it has none.
      insertArticle: db.prepare(`INSERT INTO articles
        (external_id, source, url, canonical_url, text_hash, title, byline, outlet, published, text, ingested_at, people,
         first_quote_id, last_quote_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?)`),
      personByNorm: db.prepare('SELECT * FROM people WHERE kind = ? AND norm_name = ?'),
      personById: db.prepare('SELECT * FROM people WHERE id = ?'),
      // The fuller-named people a surname-only one may be (the most quoted, should there be very many).
      personBySurname: db.prepare(
        `SELECT * FROM people WHERE kind = 'person' AND surname = ? AND norm_name <> surname ORDER BY quote_count DESC LIMIT ${MAX_SURNAME_CANDIDATES}`,
      ),
      // All of them when there are no more than that: a list the writer can keep (FullNames).
      allBySurname: db
        .prepare(`SELECT id, norm_name, quote_count, male, female FROM people WHERE kind = 'person' AND surname = ? AND norm_name <> surname LIMIT ${MAX_SURNAME_CANDIDATES + 1}`)
        .raw(),
      descriptorsOf: db.prepare('SELECT person_id, descriptor FROM person_descriptors WHERE person_id IN (SELECT value FROM json_each(?))').raw(),
      // People through the alias index (`+p.kind`: on the kind index SQLite walked every person of the kind).
      personByAlias: db.prepare(
        'SELECT p.* FROM people p WHERE p.id IN (SELECT person_id FROM person_aliases WHERE norm = ?) AND +p.kind = ? LIMIT 3',
      ),
      // A new person is written with the counts of the article that names it first: no update follows.
      insertPerson: db.prepare('INSERT INTO people (name, norm_name, surname, kind, quote_count, article_count, male, female) VALUES (?, ?, ?, ?, ?, 1, ?, ?)'),
      bumpPerson: db.prepare('UPDATE people SET quote_count = quote_count + ?, article_count = article_count + ?, male = male + ?, female = female + ? WHERE id = ?'),
      // (No quote_count in it: a statement that sets that column rewrites its index entry, people_quotes, even when it adds 0.)
      bumpArticles: db.prepare('UPDATE people SET article_count = article_count + ?, male = male + ?, female = female + ? WHERE id = ?'),
      // The count returned equals the count added only when the alias is new (counts are >= 1).
      upsertAlias: db.prepare(`INSERT INTO person_aliases (person_id, alias, norm, count) VALUES (?, ?, ?, ?)
        ON CONFLICT(person_id, alias) DO UPDATE SET count = count + excluded.count RETURNING count`).pluck(),
      // A name the batch has not yet counted for the person: written with this article's count
      // when new to the record (the batch adds the counts of known names before committing).
      addAlias: db.prepare('INSERT OR IGNORE INTO person_aliases (person_id, alias, norm, count) VALUES (?, ?, ?, ?)'),
      countAlias: db.prepare('UPDATE person_aliases SET count = count + ? WHERE person_id = ? AND alias = ?'),
      upsertDescriptor: db.prepare(`INSERT INTO person_descriptors (person_id, descriptor, count) VALUES (?, ?, ?)
        ON CONFLICT(person_id, descriptor) DO UPDATE SET count = count + excluded.count`),
      insertPeopleFts: db.prepare('INSERT INTO people_fts (person_id, name) VALUES (?, ?)'),
      indexPeople: db.prepare('INSERT INTO people_fts (person_id, name) SELECT id, name FROM people WHERE id IN (SELECT value FROM json_each(?))'),
      aliasesOf: db.prepare('SELECT alias FROM person_aliases WHERE person_id = ?').pluck(),
      aliasNormsOf: db.prepare('SELECT DISTINCT norm FROM person_aliases WHERE person_id = ?').pluck(),
      personNameOf: db.prepare("SELECT name, norm_name, surname FROM people WHERE id = ? AND kind = 'person' AND instr(norm_name, ' ') > 0"),
      aliasCountsOf: db.prepare('SELECT alias, norm, count FROM person_aliases WHERE person_id = ?').raw(),
      renamePerson: db.prepare('UPDATE people SET name = ? WHERE id = ?'),
      namesOfPerson: db.prepare('SELECT rowid FROM people_fts WHERE people_fts MATCH ? AND person_id = ?').pluck(),
      repointName: db.prepare('UPDATE people_fts SET person_id = ? WHERE rowid = ?'),
      mergedInto: db.prepare('SELECT into_id FROM people_merged WHERE id = ?').pluck(),
      // A quotation's own key (`quotations.norm_key`) has no row in quotation_keys: one random
      // index entry less per new quotation, the store's commonest write.
      quotationByKey: db
        .prepare('SELECT quotation_id FROM quotation_keys WHERE key = ? UNION ALL SELECT id FROM quotations WHERE norm_key = ? LIMIT 1')
        .pluck(),
      insertQuotationKey: db.prepare('INSERT OR IGNORE INTO quotation_keys (key, quotation_id) VALUES (?, ?)'),
      lastPersonId: db.prepare('SELECT MAX(id) FROM people').pluck(),
      peopleNames: db.prepare('SELECT kind, norm_name FROM people'),
      keysFrom: db.prepare(`SELECT key FROM quotation_keys WHERE key > ? ORDER BY key LIMIT ${KEY_SCAN_PAGE}`).pluck(),
      normKeysFrom: db.prepare(`SELECT norm_key FROM quotations WHERE norm_key > ? ORDER BY norm_key LIMIT ${KEY_SCAN_PAGE}`).pluck(),
      lastQuotationId: db.prepare('SELECT MAX(id) FROM quotations').pluck(),
      // A quotation's words: its norm_text, or, when that is empty (the writer no longer stores
      // them), the words of the text of the quote that created it: its lowest id, as ids only grow.
      quotationWords: db.prepare(
        `SELECT norm_text AS words, CASE WHEN norm_text = '' THEN
           (SELECT text FROM quotes WHERE quotation_id = quotations.id ORDER BY id LIMIT 1) END AS text
         FROM quotations WHERE id = ?`,
      ).raw(),
      // A new quotation with its first appearance (the quote inserted next, with this id).
      insertQuotationFirst: db.prepare(
        'INSERT INTO quotations (norm_key, norm_text, first_quote_id, first_published, appearances, words, band0, band1, band2, band3) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)',
      ),
      // One appearance more; this one becomes the first when it is the first or was published earlier.
      // (better-sqlite3 binds arguments to plain ? only, in order: `published` is passed five times.)
      countAppearance: db.prepare(`UPDATE quotations SET appearances = appearances + 1,
        first_quote_id = CASE WHEN first_quote_id IS NULL OR (? IS NOT NULL AND (first_published IS NULL OR ? < first_published)) THEN ? ELSE first_quote_id END,
        first_published = CASE WHEN first_quote_id IS NULL OR (? IS NOT NULL AND (first_published IS NULL OR ? < first_published)) THEN ? ELSE first_published END
        WHERE id = ?`),
      insertQuote: db.prepare(`INSERT INTO quotes
        (id, article_id, quotation_id, person_id, start, "end", text, type, speaker_name, speaker_entity, speaker_label,
         mention_start, mention_end, mention_text, cue_start, cue_end, cue_text, confidence, published, addressee, said_when)
        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?)`),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
      lastQuoteId: db.prepare('SELECT MAX(id) FROM quotes').pluck(),
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      indexQuotesFrom: db.prepare('INSERT INTO quotes_fts (rowid, text, speaker_label, person) SELECT id, text, speaker_label, person FROM quotes_search WHERE id >= ?'),
      // Quotes indexed again, all in one statement: FTS5 writes out its pending terms as a segment
      // at each such statement's savepoint, and one statement a quote made a segment a quote.
      indexQuotes: db.prepare(
        'INSERT INTO quotes_fts (rowid, text, speaker_label, person) SELECT id, text, speaker_label, person FROM quotes_search WHERE id IN (SELECT value FROM json_each(?))',
      ),
      unindexQuote: db.prepare("INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_label, person) VALUES ('delete', ?, ?, ?, ?)"),
    };
  }

  async findArticle(key: ArticleKey): Promise<number | null> {
    return this.findArticleSync(key);
  }

  findArticleSync(key: ArticleKey): number | null {
    if (key.canonicalUrl) {
      const row = this.stmt.byCanonical.get(key.canonicalUrl) as { id: number } | undefined;
      if (row) return row.id;
    }
    const row = this.stmt.byHash.get(key.textHash, key.canonicalUrl ?? null) as { id: number } | undefined;
    return row ? row.id : null;
  }

  async addArticle(article: ArticleInput, analysis: Analysis, prepared?: PreparedArticle): Promise<AddResult> {
    const [result] = await this.addArticles([{ article, analysis, prepared }]);
    if (result instanceof Error) throw result;
    return result!;
  }

  addArticleSync(article: ArticleInput, analysis: Analysis, prepared?: PreparedArticle): AddResult {
    const [result] = this.addArticlesSync([{ article, analysis, prepared }]);
    if (result instanceof Error) throw result;
    return result!;
  }

  /**
   * Writes run one batch at a time. A large batch stays one transaction but returns to the event
   * loop every few articles, so the extraction workers get their next tasks while it is written.
   */
  async addArticles(items: ArticleToStore[]): Promise<(AddResult | Error)[]> {
    const run = this.writing.then(() => (items.length <= WRITE_CHUNK ? this.writeBatch(items) : this.writeBatchInSteps(items)));
    this.writing = run.catch(() => undefined);
    return run;
  }

  addArticlesSync(items: ArticleToStore[]): (AddResult | Error)[] {
    return this.writeBatch(items);
  }

  /**
   * One commit for the batch. Written optimistically first: the articles one after the other
   * with no savepoint each, counts of people, names and descriptors summed in memory and written
   * once per batch. Should any article fail, the whole transaction rolls back and the batch is
   * written again with one savepoint per article (an article that fails leaves nothing and does
   * not stop the others). Full-text indexing of the batch's quotes runs between articles, a
   * thousand quotes at a time, and at the end, never inside an article's savepoint: FTS5 flushes
   * its pending index at every savepoint, which per article cost more than all the other writes
   * together.
   */
  private writeBatch(items: ArticleToStore[]): (AddResult | Error)[] {
    if (this.batchOpen) throw new Error('store: a batch is being written; wait for addArticles to finish');
    // Inside a transaction of the caller's: savepoints, so that a failure leaves the caller's
    // writes. Nothing is remembered from it: the caller may still roll it back.
    if (this.db.inTransaction) {
      this.forget();
      this.bandIndex = null;
      this.keyFilter = null;
      this.peopleFilter = null;
      try {
        return this.db.transaction(() => this.writeBatchBody(items, true, false))();
      } finally {
        this.forget();
        this.bandIndex = null;
        this.keyFilter = null;
        this.peopleFilter = null;
      }
    }
    const large = items.length >= FILTER_MIN_BATCH;
    this.beginImmediate(large);
    let fast = true;
    for (;;) {
      try {
        const results = this.writeBatchBody(items, !fast);
        this.commitWrite();
        return results;
      } catch (err) {
        this.rollbackAll();
        if (!(fast && err instanceof ArticleFailure)) throw err instanceof ArticleFailure ? err.cause : err;
      }
      fast = false;
      this.beginImmediate(large);
    }
  }

  /** `writeBatch` for large batches: the same single transaction, written WRITE_CHUNK articles at a time. */
  private async writeBatchInSteps(items: ArticleToStore[]): Promise<(AddResult | Error)[]> {
    if (this.batchOpen || this.db.inTransaction) return this.writeBatch(items);
    this.batchOpen = true;
    try {
      for (const safe of [false, true]) {
        this.beginImmediate(items.length >= FILTER_MIN_BATCH);
        try {
          this.startBatch(safe);
          const results: (AddResult | Error)[] = [];
          for (let i = 0; i < items.length; i += WRITE_CHUNK) {
            if (i > 0) await new Promise((resolve) => setImmediate(resolve));
            if (items.length >= FILTER_MIN_BATCH) this.ensureFilters();
            for (let k = i; k < Math.min(items.length, i + WRITE_CHUNK); k++) results.push(this.writeOne(items[k]!, safe));
            this.indexAsWritten();
          }
          this.finishBatch();
          this.commitWrite();
          return results;
        } catch (err) {
          this.rollbackAll();
          if (safe || !(err instanceof ArticleFailure)) throw err instanceof ArticleFailure ? err.cause : err;
        }
      }
      throw new Error('unreachable');
    } finally {
      this.batchOpen = false;
    }
  }

  /**
   * A group commit written as it fills (see `Store.openGroup`). Written optimistically, like a
   * batch: no savepoint per article, counts summed until the commit. Should an article fail, the
   * transaction rolls back, the group's articles so far are written again with a savepoint each,
   * and the rest of the group is written that way too.
   */
  openGroup(): ArticleGroup {
    if (this.batchOpen || this.db.inTransaction) throw new Error('store: a write is under way; open a group when it has finished');
    this.batchOpen = true;
    let release!: () => void;
    const committed = new Promise<void>((resolve) => (release = resolve));
    const previous = this.writing;
    this.writing = previous.then(() => committed);
    // (Arrays of objects from the start: see object-list.ts.)
    const items = objectList<ArticleToStore>();
    let results = objectList<AddResult | Error>();
    let safe = false;
    let fatal: Error | null = null;
    let open = false;
    let closed = false;
    // Its size is known only at its commit: a group is taken to be large when the one before was.
    const large = this.lastGroupSize >= FILTER_MIN_BATCH;
    const fail = (err: unknown) => {
      fatal = err instanceof Error ? err : new Error(String(err));
      this.rollbackAll();
      open = false;
    };
    return {
      get size() {
        return items.length;
      },
      add: (item) => {
        if (closed) throw new Error('store: this group has been committed');
        items.push(item);
        if (fatal) return;
        try {
          if (!open) {
            this.beginImmediate(large);
            this.startBatch(false);
            open = true;
          }
          // The filters pay off in a large batch; their scans see this group's writes.
          if (items.length % FILTER_MIN_BATCH === 0) this.ensureFilters();
          try {
            results.push(this.writeOne(item, safe));
            this.indexAsWritten();
          } catch (err) {
            if (safe || !(err instanceof ArticleFailure)) throw err instanceof ArticleFailure ? err.cause : err;
            // Written again, each article in its own savepoint.
            this.rollbackAll();
            this.beginImmediate(large);
            safe = true;
            this.startBatch(true);
            if (items.length >= FILTER_MIN_BATCH) this.ensureFilters();
            results = items.map((it) => this.writeOne(it, true));
          }
        } catch (err) {
          fail(err);
        }
      },
      commit: () => {
        if (closed) throw new Error('store: this group has been committed');
        closed = true;
        this.lastGroupSize = items.length;
        try {
          if (open && !fatal) {
            try {
              this.finishBatch();
              this.commitWrite();
            } catch (err) {
              fail(err);
            }
          }
          if (fatal) return items.map(() => fatal!);
          return results;
        } finally {
          this.batchOpen = false;
          release();
        }
      },
    };
  }

  /**
   * Begins a write. A large one (a batch of FILTER_MIN_BATCH articles or more, or a group after
   * a group that large) runs with foreign keys unchecked: the writer links only rows it has just
   * read or written, and the one delete it makes (absorbSurnameOnly) removes the children itself.
   * The checks were about 3% of the writer's instructions on news-shaped text (three parent
   * lookups a quote). Switching them makes every statement compile again, about 0.8 M
   * instructions, which a group of one article would pay for nothing.
   */
  private beginImmediate(large = false): void {
    // (Foreign keys can only be switched outside a transaction.)
    if (large && !this.foreignKeysOff && !this.db.inTransaction) {
      this.db.pragma('foreign_keys = OFF');
      this.foreignKeysOff = true;
    }
    try {
      this.stmt.begin.run();
    } catch (err) {
      this.restoreForeignKeys();
      throw err;
    }
    // Another connection committed since our last write: what this one remembers may be stale.
    const version = this.stmt.dataVersion.get() as number;
    if (version !== this.dataVersion) {
      this.forget();
      this.bandIndex?.topUp(this.db); // others only ever add quotations
      this.keyFilter = null;
      this.peopleFilter = null;
      this.dataVersion = version;
    }
    this.bandIndex ??= BandIndex.load(this.db);
    this.bandMark = this.bandIndex.mark();
  }

  /**
   * Commits the transaction under way. What the band index holds is now all committed: a later
   * rollback (even of a transaction that never began) takes back only what comes after.
   */
  private commitWrite(): void {
    this.writeBandBlock();
    this.stmt.commit.run();
    this.restoreForeignKeys();
    if (this.bandIndex) this.bandMark = this.bandIndex.mark();
  }

  /** Foreign keys checked again once a large write has ended (see beginImmediate). */
  private restoreForeignKeys(): void {
    if (!this.foreignKeysOff || this.db.inTransaction) return;
    this.db.pragma('foreign_keys = ON');
    this.foreignKeysOff = false;
  }

  /**
   * The bands of the quotations this transaction added, and of any others past the record's last
   * block, as one block (see band-index.ts). The index holds every quotation up to its newest:
   * loaded at the first write, topped up whenever another writer has committed.
   */
  private writeBandBlock(): void {
    if (!this.bandIndex) return;
    // Prepared on first use: a record opened read-only may predate the table.
    this.blockStmt ??= {
      last: this.db.prepare('SELECT MAX(last_id) FROM band_blocks').pluck(),
      insert: this.db.prepare('INSERT INTO band_blocks (last_id, data) VALUES (?, ?)'),
    };
    const block = this.bandIndex.block((this.blockStmt.last.get() as number | null) ?? 0);
    if (block) this.blockStmt.insert.run(this.bandIndex.newest, block);
  }

  /** The band index, loaded from the record when none is held (inside a caller's transaction). */
  private bands(): BandIndex {
    if (!this.bandIndex) {
      this.bandIndex = BandIndex.load(this.db);
      this.bandMark = -1;
    }
    return this.bandIndex;
  }

  /**
   * Builds the key and people filters from their tables: a full one again, larger, and a missing
   * one once the lookups made without it have cost what reading the table's keys would
   * (LOOKUP_COST_IN_KEYS; record sizes by their largest ids, which is cheap to ask).
   */
  private ensureFilters(): void {
    const full = (f: KeyFilter | null) => f !== null && f.size >= f.capacity;
    if (this.keyFilter && this.peopleFilter && !full(this.keyFilter) && !full(this.peopleFilter)) return;
    const quotations = (this.stmt.lastQuotationId.get() as number | null) ?? 0;
    if (this.keyFilter ? full(this.keyFilter) : this.unfilteredKeyLookups * LOOKUP_COST_IN_KEYS >= quotations) {
      const filter = new KeyFilter(Math.max(4 * quotations, 2 * (this.keyFilter?.capacity ?? 0)));
      for (const keysFrom of [this.stmt.keysFrom, this.stmt.normKeysFrom]) {
        let last = '';
        for (;;) {
          const keys = keysFrom.all(last) as string[];
          for (const k of keys) filter.add(filterKey(k));
          if (keys.length < KEY_SCAN_PAGE) break;
          last = keys[keys.length - 1]!;
        }
      }
      this.keyFilter = filter;
    }
    const people = (this.stmt.lastPersonId.get() as number | null) ?? 0;
    if (this.peopleFilter ? full(this.peopleFilter) : this.unfilteredPeopleLookups * LOOKUP_COST_IN_KEYS >= people) {
      const filter = new KeyFilter(Math.max(2 * people, 2 * (this.peopleFilter?.capacity ?? 0)));
      for (const r of this.stmt.peopleNames.iterate() as IterableIterator<{ kind: string; norm_name: string }>) {
        filter.add(personKey(r.kind, r.norm_name));
        // A name with middle names also under its first and last name: a variant may be looked for (resolvePerson).
        if (r.kind === 'person' && r.norm_name.indexOf(' ') !== r.norm_name.lastIndexOf(' ')) filter.add(personKey(VARIANT, shortName(r.norm_name)));
        if (r.kind === 'person') for (const k of givenKeys(r.norm_name)) filter.add(k);
      }
      this.peopleFilter = filter;
    }
  }

  /** The quotation with this exact key, if any (no lookup when the key filter has never seen it). */
  private quotationByKey(key: string): number | undefined {
    if (!this.keyFilter) this.unfilteredKeyLookups++;
    else if (!this.keyFilter.has(filterKey(key))) return undefined;
    return this.stmt.quotationByKey.get(key, key) as number | undefined;
  }

  private addQuotationKey(key: string, quotationId: number): void {
    this.stmt.insertQuotationKey.run(key, quotationId);
    this.keyFilter?.add(filterKey(key));
  }

  private rollbackAll(): void {
    if (this.db.inTransaction) this.stmt.rollback.run();
    this.restoreForeignKeys();
    this.forget();
    // The bands of the quotations rolled back go too (all of them, if loaded inside the transaction).
    if (this.bandMark >= 0) this.bandIndex?.rewind(this.bandMark);
    else this.bandIndex = null;
  }

  private writeBatchBody(items: ArticleToStore[], safe: boolean, filter = true): (AddResult | Error)[] {
    this.startBatch(safe);
    filter &&= items.length >= FILTER_MIN_BATCH;
    const results = items.map((item, i) => {
      if (filter && i % FILTER_MIN_BATCH === 0) this.ensureFilters();
      return this.writeOne(item, safe);
    });
    this.finishBatch();
    return results;
  }

  private startBatch(safe: boolean): void {
    this.safe = safe;
    this.pending = safe ? null : new PendingCounts();
    this.unindexedFrom = ((this.stmt.lastQuoteId.get() as number | null) ?? 0) + 1;
    this.nextQuoteId = this.unindexedFrom;
  }

  /** Writes the counts summed over the batch and indexes its quotes for full-text search. */
  private finishBatch(): void {
    this.flushPending();
    this.chooseNames();
    this.stmt.indexQuotesFrom.run(this.unindexedFrom);
  }

  /**
   * Indexes the batch's quotes so far once there are enough of them, when the batch has no
   * savepoints (FTS5 writes out what it holds at every savepoint: indexing between articles
   * written in savepoints would make more, smaller index segments).
   */
  private indexAsWritten(): void {
    if (this.safe || this.nextQuoteId - this.unindexedFrom < INDEX_EVERY_QUOTES) return;
    this.stmt.indexQuotesFrom.run(this.unindexedFrom);
    this.unindexedFrom = this.nextQuoteId;
  }

  /** Drops everything remembered about the record (after a rollback, or another writer's commit). */
  private forget(): void {
    this.forgetWords();
    this.personCache.clear();
    this.knownAliases.clear();
    this.noFullNames.clear();
    this.fullNames.clear();
    this.absorbed.clear();
    this.renamable.clear();
    this.pending = null;
  }

  /**
   * One article of a batch. Safe mode: in its own savepoint, its failure returned, not thrown.
   * Otherwise written directly; a failure is thrown (as ArticleFailure) and the batch starts over.
   */
  private writeOne(item: ArticleToStore, safe: boolean): AddResult | Error {
    let prepared: PreparedArticle;
    let analysis: Analysis;
    try {
      let given: PreparedArticle | undefined;
      ({ analysis, prepared: given } = unpackArticle(item));
      // A packed article's quote texts and cues are slices of its text (wire.ts), so they can be
      // bound as slices of its UTF-8 bytes; an analysis given whole may have texts of its own.
      if ('extracted' in item) this.slices.reset(item.article.text, item.article.textUtf8, item.article.textUtf8Extra);
      else this.slices.reset(item.article.text, undefined);
      prepared = given ?? prepareArticle(item.article, analysis);
    } catch (err) {
      if (!safe) throw new ArticleFailure(err);
      return err instanceof Error ? err : new Error(String(err));
    }
    if (!safe) {
      try {
        return this.writeArticle(item.article, analysis, prepared);
      } catch (err) {
        throw new ArticleFailure(err);
      }
    }
    const nextQuoteId = this.nextQuoteId;
    const bandMark = this.bandIndex ? this.bandIndex.mark() : -1;
    try {
      return this.articleTx(item.article, analysis, prepared);
    } catch (err) {
      this.nextQuoteId = nextQuoteId;
      if (bandMark >= 0) this.bandIndex?.rewind(bandMark);
      else this.bandIndex = null;
      this.forgetWords();
      this.personCache.clear();
      this.knownAliases.clear();
      this.fullNames.clear();
      this.renamable.clear();
      // Another process stored the same article between our check and our insert.
      if (err instanceof Error && /UNIQUE constraint failed: articles\./.test(err.message)) {
        const id = this.findArticleSync({ canonicalUrl: item.article.canonicalUrl ?? null, textHash: prepared.textHash });
        if (id !== null) return { added: false, articleId: id, quotes: 0 };
      }
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  /** Writes one article; runs inside the batch's transaction (in safe mode, a savepoint of it). */
  private writeArticle(article: ArticleInput, analysis: Analysis, prepared: PreparedArticle): AddResult {
    const canonicalUrl = article.canonicalUrl ?? null;
    const existing = this.findArticleSync({ canonicalUrl, textHash: prepared.textHash });
    if (existing !== null) return { added: false, articleId: existing, quotes: 0 };
    const published = article.published ?? null;

    // People first: link each of the article's entities to one person of the record. A person
    // new to the record is written with the quotes its entity has here and this article counted.
    const personOf = new Map<string, CachedPerson | null>();
    const counted = this.countedHere;
    counted.clear();
    for (let i = 0; i < analysis.people.length; i++) {
      const p = analysis.people[i]!;
      personOf.set(p.id, this.resolvePerson(p, prepared.people[i] ?? null, analysis.quotes));
    }
    // A surname-only person named early in the article may have joined the fuller name it gave
    // later (`Adelson` in a headline, `Sheldon Adelson` in the text): its quotes are the full one's.
    if (this.absorbed.size) {
      for (const [local, person] of personOf) if (person) personOf.set(local, this.absorbed.get(person.id) ?? person);
      this.absorbed.clear();
    }
    const quoteCount = analysis.quotes.length;
    const info = this.stmt.insertArticle.run(
      article.externalId ?? null,
      article.source,
      article.url ?? null,
      canonicalUrl,
      prepared.textHash,
      article.title ?? null,
      article.byline ?? null,
      article.outlet ?? null,
      published,
      article.textUtf8 ?? article.text, // bytes are cast to text as they are (see ArticleInput)
      new Date().toISOString(),
      articlePeopleJson(analysis.people, (local) => personOf.get(local)?.id ?? null),
      // The quotes are written next, one id each from nextQuoteId (insertQuote); no quotes, an
      // empty range (NULL is left for rows whose range is not known: see quotesOfArticle).
      this.nextQuoteId,
      this.nextQuoteId + quoteCount - 1,
    );
    const articleId = Number(info.lastInsertRowid);

    const quotesPerPerson = new Map<number, number>();
    analysis.quotes.forEach((q, i) => {
      const pq = prepared.quotes[i]!;
      const speakerNorm = pq.speakerNorm; // (read before the test: see isPick)
      let person = q.speaker?.entity ? personOf.get(q.speaker.entity) ?? null : null;
      if (!person && speakerNorm) person = this.personByNorm('person', speakerNorm);
      if (person) quotesPerPerson.set(person.id, (quotesPerPerson.get(person.id) ?? 0) + 1);
      this.insertQuote(articleId, published, q, pq, person, article.text);
    });
    // The people the article links, each with the genders its entities for them had (bit 1: male, 2: female).
    const linked = new Map<number, number>();
    for (const p of analysis.people) {
      const person = personOf.get(p.id);
      if (person) linked.set(person.id, (linked.get(person.id) ?? 0) | genderBits(p.gender));
    }
    // What a new person's row has not counted yet (quotes its entity did not give, say): a
    // difference, so that the totals are the same whichever way they were reached.
    for (const [id, genders] of linked) {
      const quotes = quotesPerPerson.get(id) ?? 0;
      const already = counted.get(id);
      const male = genders & 1;
      const female = genders >> 1;
      if (already === undefined) this.bumpPerson(id, quotes, 1, male, female);
      else if (quotes !== already) this.bumpPerson(id, quotes - already, 0); // (its gender counted when created)
    }
    for (const [id, n] of quotesPerPerson) {
      if (!linked.has(id)) this.bumpPerson(id, n - (counted.get(id) ?? 0), counted.has(id) ? -1 : 0);
    }
    // (A new person no entity ends up linked to, the earlier of an entity id given twice, counts nothing.)
    for (const [id, quotes] of counted) if (!linked.has(id) && !quotesPerPerson.has(id)) this.bumpPerson(id, -quotes, -1);
    if (!this.pending) this.chooseNames();
    return { added: true, articleId, quotes: analysis.quotes.length };
  }

  /** The record's person of a kind and normalised name, if any (remembered between articles). */
  private personByNorm(kind: string, norm: string): CachedPerson | null {
    const cached = this.personCache.get(kind, norm);
    if (cached) return cached;
    if (!this.peopleFilter) this.unfilteredPeopleLookups++;
    else if (!this.peopleFilter.has(personKey(kind, norm))) return null;
    const row = this.stmt.personByNorm.get(kind, norm) as PersonRow | undefined;
    if (!row) return null; // a miss is not remembered: the person may be created later
    const person = cachedPerson(row);
    if (this.personCache.size >= PERSON_CACHE_MAX) this.personCache.clear();
    this.personCache.set(kind, norm, person);
    return person;
  }

  private bumpPerson(id: number, quotes: number, articles: number, male = 0, female = 0): void {
    if (this.pending) this.pending.bump(id, quotes, articles, male, female);
    else this.writeCounts(id, quotes, articles, male, female);
  }

  /** Adds to a person's counts in its row (and in the full names held: see fullNamesOf). */
  private writeCounts(id: number, quotes: number, articles: number, male: number, female: number): void {
    if (quotes === 0) this.stmt.bumpArticles.run(articles, male, female, id);
    else this.stmt.bumpPerson.run(quotes, articles, male, female, id);
    this.fullNames.counted(id, quotes, male, female);
  }

  /** Counts a person's names (an entity's, as prepared); a name new to the person becomes searchable. */
  private countAliases(person: CachedPerson, aliases: PreparedPerson['aliases']): void {
    // (A person with a full name may be renamed after a name of it counted: see chooseNames.)
    const fullName = person.kind === 'person' && person.norm_name.indexOf(' ') > 0;
    const pending = this.pending;
    let known: Map<string, KnownAlias> | undefined;
    if (pending) {
      known = this.knownAliases.get(person.id);
      if (!known) {
        if (this.knownAliases.size >= PERSON_CACHE_MAX) this.knownAliases.clear();
        this.knownAliases.set(person.id, (known = new Map()));
      }
    }
    for (const [alias, norm, count] of aliases) {
      if (fullName && alias !== person.name && norm.indexOf(' ') > 0) this.renamable.add(person.id);
      if (!pending || !known) {
        const total = this.stmt.upsertAlias.get(person.id, alias, norm, count) as number;
        if (total === count && needsNameRow(alias, person.name)) this.stmt.insertPeopleFts.run(person.id, alias);
        continue;
      }
      let name = known.get(alias);
      if (name === undefined) {
        known.set(alias, (name = new KnownAlias(person.id, alias)));
        if (this.stmt.addAlias.run(person.id, alias, norm, count).changes > 0) {
          if (needsNameRow(alias, person.name)) this.stmt.insertPeopleFts.run(person.id, alias);
          continue; // counted
        }
      }
      pending.alias(name, count);
    }
  }

  private countDescriptor(person: CachedPerson, descriptor: string, count: number): void {
    if (this.pending) this.pending.descriptor(person.id, descriptor, count);
    else this.stmt.upsertDescriptor.run(person.id, descriptor, count);
  }

  /** Writes the counts summed in memory (before a commit, and before people are merged). */
  private flushPending(): void {
    const p = this.pending;
    if (!p) return;
    for (const [id, c] of p.bumps) this.writeCounts(id, c[0], c[1], c[2], c[3]);
    for (const name of p.aliases) this.stmt.countAlias.run(name.n, name.personId, name.alias);
    for (const [id, m] of p.descriptors) for (const [d, n] of m) this.stmt.upsertDescriptor.run(id, d, n);
    if (p.newPeople.length) this.stmt.indexPeople.run(JSON.stringify(p.newPeople));
    this.pending = new PendingCounts();
  }

  /**
   * Each person of `renamable` is shown by its most used full form (`displayName`). Only the
   * person's row changes: its quotes keep the label they were written with (reads show the
   * person's name, searches by speaker find people by any of their names: `speakerFilter`), so
   * a rename costs one statement however many quotes the person has. Runs once the counts are
   * written: at the end of a batch (a person renamed once however often its names changed
   * places in it), and per article in safe mode. Most people are counted under their recorded
   * name only and are never looked at here.
   *
   * A person's names are read from the record each time (its counts are written by then). They
   * were kept between batches and counted as `countAlias` counted them, but few people are looked
   * at here (4 in 10,000 news-shaped articles, 12 in 3,000 news-like ones), and that count, first
   * reached late in a run, threw the compiled `resolvePerson` away (session 24).
   */
  private chooseNames(): void {
    if (this.renamable.size === 0) return;
    const renamed = new Map<number, string>();
    for (const id of this.renamable) {
      const person = this.stmt.personNameOf.get(id) as { name: string; norm_name: string; surname: string } | undefined;
      if (!person) continue; // created by an article that failed, or merged
      const names = this.stmt.aliasCountsOf.all(id) as [string, string, number][];
      const name = displayName(names, person.norm_name.slice(0, person.norm_name.indexOf(' ')), person.surname);
      if (name === null || name === person.name) continue;
      this.stmt.renamePerson.run(name, id);
      renamed.set(id, name);
    }
    this.renamable.clear();
    if (renamed.size === 0) return;
    for (const person of this.personCache.values()) {
      const name = renamed.get(person.id);
      if (name !== undefined) person.name = name;
    }
  }

  /**
   * Finds or creates the record's person for one entity of one article, and counts its names.
   * A person created here is written with the article's quotes of its entity and one article
   * (noted in `countedHere`). A surname-only person is the fuller-named one of that surname its
   * article's evidence fits, and a full name new to the record the one person it is a variant
   * of (identity.ts); a new full name takes in the surname-only record of its surname that fits it.
   */
  private resolvePerson(p: Person, pp: PreparedPerson | null, articleQuotes: readonly Quote[]): CachedPerson | null {
    if (!pp) return null;
    let row = this.personByNorm(p.kind, pp.norm);
    const isPerson = p.kind === 'person';
    if (isPerson && pp.tokens === 1 && (row === null || !this.noFullNames.has(pp.surname))) {
      row = this.surnameOnlyPerson(row, p, pp);
    } else if (row && isPerson && pp.tokens > 1 && pp.descriptors.length > 0 && givenRoots(row.norm_name.slice(0, row.norm_name.indexOf(' '))).length > 0) {
      row = this.joinShortFormSibling(row, p, pp);
    } else if (!row && isPerson && pp.tokens > 1 && this.mayHaveVariant(pp)) {
      row = this.variantPerson(p, pp);
    }
    let created = false;
    if (!row) {
      let quotes = 0;
      for (const q of articleQuotes) if (saidBy(q, p.id)) quotes++;
      const genders = genderBits(p.gender);
      const info = this.stmt.insertPerson.run(pp.name, pp.norm, pp.surname, p.kind, quotes, genders & 1, genders >> 1);
      this.peopleFilter?.add(personKey(p.kind, pp.norm));
      if (isPerson && pp.tokens > 2) this.peopleFilter?.add(personKey(VARIANT, shortName(pp.norm)));
      if (isPerson && pp.tokens > 1 && this.peopleFilter) for (const k of givenKeys(pp.norm)) this.peopleFilter.add(k);
      const id = Number(info.lastInsertRowid);
      this.countedHere.set(id, quotes);
      if (this.pending) this.pending.newPeople.push(id);
      else this.stmt.insertPeopleFts.run(id, pp.name);
      row = { id, name: pp.name, norm_name: pp.norm, surname: pp.surname, kind: p.kind };
      // Remembered as a person found is: the next article naming it needs no lookup (about one
      // an article on news-shaped text, where new people keep coming back).
      this.rememberPerson(p.kind, pp.norm, row);
      created = true;
      if (isPerson && pp.norm !== pp.surname) {
        this.fullNames.created(pp.surname, { id, quotes, male: genders & 1, female: genders >> 1, tokens: pp.norm.split(' ') });
      }
      if (pp.tokens > 1) this.noFullNames.delete(pp.surname);
    }
    this.countAliases(row, pp.aliases);
    for (const [d, count] of pp.descriptors) this.countDescriptor(row, d, count);
    // (After its descriptors are counted: they are part of what the surname-only record must fit.)
    if (created && pp.tokens > 1 && isPerson) this.absorbSurnameOnly(row);
    return row;
  }

  /*
   * The forms of a name the record may already have under another person, in methods of their
   * own rather than in `resolvePerson`: most of their paths are taken seldom, some first late in
   * a run, and a path first taken after the code around it was compiled throws that code away.
   * In `resolvePerson` that was the whole of it, with everything inlined into it, four compiles of
   * 50 to 150 ms a run (session 24).
   */

  /** The record's person a surname-only entity is: the fuller-named one its article's evidence fits, or the surname-only one (`row`, if any). */
  private surnameOnlyPerson(row: CachedPerson | null, p: Person, pp: PreparedPerson): CachedPerson | null {
    const candidates = this.fullNamesOf(pp.surname);
    if (candidates.length === 0) {
      if (row) {
        if (this.noFullNames.size >= PERSON_CACHE_MAX) this.noFullNames.clear();
        this.noFullNames.add(pp.surname);
      } else {
        const byAlias = this.stmt.personByAlias.all(pp.norm, p.kind) as PersonRow[];
        if (byAlias.length === 1) row = cachedPerson(byAlias[0]!);
      }
      return row;
    }
    const pick = pickFullName(this.withTitles(entityEvidence(p, pp), candidates), candidates);
    if (!pick) return row;
    const full = this.personByNorm('person', pick.tokens.join(' '))!;
    // The surname-only record found by name joins the full one when its own evidence,
    // gathered over its articles, fits it too.
    if (row && isPick(pickFullName(this.withTitles(this.recordEvidence(row.id), candidates), candidates), full.id)) {
      this.joinSurnameOnly(row, full);
    }
    return full;
  }

  /** The record's person a full name new to it is another form of (a middle name more or less, another form of the first name), or null. */
  private variantPerson(p: Person, pp: PreparedPerson): CachedPerson | null {
    const candidates = this.fullNamesOf(pp.surname);
    const variant =
      this.joinedFormOf(pp, candidates) ??
      (candidates.length
        ? pickVariant(pp.norm.split(' '), genderOfEntity(p), candidates, (c) => this.stmt.aliasNormsOf.all(c.id) as string[], {
            words: descriptorWords(pp.descriptors.map((d) => d[0])),
            wordsOf: (c) => descriptorWords(this.descriptorsOf(c.id)),
          })
        : null);
    if (!variant) return null;
    const row = this.personByNorm('person', variant.tokens.join(' '))!;
    this.rememberPerson(p.kind, pp.norm, row);
    return row;
  }

  /**
   * The person a full name was joined to under another form of its first name (its recorded
   * name then, joinShortFormSibling: an alias of that person now), so that the name's later
   * articles find it without the evidence that joined them; null for any other name.
   */
  private joinedFormOf<C extends Candidate & { tokens: readonly string[] }>(pp: PreparedPerson, candidates: readonly C[]): C | null {
    const first = pp.norm.slice(0, pp.norm.indexOf(' '));
    if (givenRoots(first).length === 0) return null;
    const byAlias = this.stmt.personByAlias.all(pp.norm, 'person') as PersonRow[];
    if (byAlias.length !== 1) return null;
    const c = candidates.find((x) => x.id === byAlias[0]!.id);
    return c && c.tokens[0] !== first && nameVariants(pp.norm.split(' '), c.tokens) ? c : null;
  }

  /**
   * A recorded full name whose article describes it as the record describes another person of
   * another form of its first name (`Joseph R. Doe`, `Joe Doe`, kept apart when the second came
   * without that evidence): the two are joined (identity.ts pickShortFormSibling), the later
   * recorded into the earlier, and the person the article's entity is returned.
   */
  private joinShortFormSibling(row: CachedPerson, p: Person, pp: PreparedPerson): CachedPerson {
    const candidates = this.fullNamesOf(pp.surname);
    const own = candidates.find((c) => c.id === row.id);
    if (!own || candidates.length < 2) return row;
    const sibling = pickShortFormSibling(own, genderOfEntity(p), candidates, (c) => this.stmt.aliasNormsOf.all(c.id) as string[], {
      words: descriptorWords(pp.descriptors.map((d) => d[0])),
      wordsOf: (c) => descriptorWords(this.descriptorsOf(c.id)),
    });
    if (!sibling) return row;
    const other = this.personByNorm('person', sibling.tokens.join(' '));
    if (!other) return row;
    const [into, from] = other.id < row.id ? [other, row] : [row, other];
    this.joinSurnameOnly(from, into);
    return into;
  }

  /**
   * False when the people filter tells that the record has no other form of this full name
   * (the same first and last name, with or without middle names, or the same last name with
   * another form of the first name): no lookup then.
   */
  private mayHaveVariant(pp: PreparedPerson): boolean {
    if (!this.peopleFilter) {
      this.unfilteredPeopleLookups++;
      return true;
    }
    const short = shortName(pp.norm);
    if (this.peopleFilter.has(personKey(VARIANT, short)) || (pp.tokens > 2 && this.peopleFilter.has(personKey('person', short)))) return true;
    for (const k of givenKeys(pp.norm)) if (this.peopleFilter.has(k)) return true;
    return false;
  }

  /**
   * The fuller-named people of a surname, with what the record knows of them: counts written
   * and those of the batch still pending (their titles are read only when needed: withTitles).
   * A surname's people are read once and then kept as the writer changes them (`fullNames`:
   * people created, counts written, a person deleted; all forgotten on a rollback).
   */
  private fullNamesOf(surname: string): (Candidate & { tokens: readonly string[] })[] {
    let people = this.fullNames.get(surname);
    if (people === undefined) {
      const rows = this.stmt.allBySurname.all(surname) as [number, string, number, number, number][];
      const read = rows.map(([id, norm, quotes, male, female]): FullName => ({ id, quotes, male, female, tokens: norm.split(' ') }));
      this.fullNames.read(surname, read);
      people = read.length <= this.fullNames.limit ? read : null;
    }
    // More than the candidates taken: the most quoted, as the record orders them.
    people ??= (this.stmt.personBySurname.all(surname) as PersonRow[]).map(
      (r): FullName => ({ id: r.id, quotes: r.quote_count, male: r.male, female: r.female, tokens: r.norm_name.split(' ') }),
    );
    return people.map((r) => {
      const c = this.pending?.bumps.get(r.id);
      return {
        id: r.id,
        quotes: r.quotes + (c?.[0] ?? 0),
        male: r.male + (c?.[2] ?? 0),
        female: r.female + (c?.[3] ?? 0),
        titles: new Set<string>(),
        tokens: r.tokens,
      };
    });
  }

  /**
   * The evidence, with the candidates' titles filled in when it has titles to compare (the
   * descriptors of a candidate are read then: most surname-only mentions come without a title).
   */
  private withTitles(e: Evidence, candidates: Candidate[]): Evidence {
    if (e.titles.size === 0 || candidates.length === 0 || TITLES_READ.has(candidates)) return e;
    TITLES_READ.add(candidates);
    const descriptors = new Map<number, string[]>();
    for (const [id, d] of this.stmt.descriptorsOf.all(JSON.stringify(candidates.map((c) => c.id))) as [number, string][]) {
      let list = descriptors.get(id);
      if (!list) descriptors.set(id, (list = []));
      list.push(d);
    }
    for (const c of candidates) {
      const list = descriptors.get(c.id) ?? [];
      const pending = this.pending?.descriptors.get(c.id);
      if (pending) list.push(...pending.keys());
      const titles = c.titles as Set<string>;
      for (const t of titlesOf(list)) titles.add(t);
    }
    return e;
  }

  /** A person's descriptors, those of the batch still pending included. */
  private descriptorsOf(id: number): string[] {
    const descriptors = (this.stmt.descriptorsOf.all(JSON.stringify([id])) as [number, string][]).map((x) => x[1]);
    const pending = this.pending?.descriptors.get(id);
    if (pending) descriptors.push(...pending.keys());
    return descriptors;
  }

  /** What the record knows of a person (a surname-only one): genders and titles, pending counts included. */
  private recordEvidence(id: number): Evidence {
    const r = this.stmt.personById.get(id) as PersonRow;
    const c = this.pending?.bumps.get(id);
    const descriptors = (this.stmt.descriptorsOf.all(JSON.stringify([id])) as [number, string][]).map((x) => x[1]);
    const pending = this.pending?.descriptors.get(id);
    if (pending) descriptors.push(...pending.keys());
    const honorifics = { found: false };
    const titles = titlesOf(descriptors, honorifics);
    return { male: r.male + (c?.[2] ?? 0), female: r.female + (c?.[3] ?? 0), titles, named: titles.size > 0 || honorifics.found };
  }

  private rememberPerson(kind: string, norm: string, person: CachedPerson): void {
    if (this.personCache.size >= PERSON_CACHE_MAX) this.personCache.clear();
    this.personCache.set(kind, norm, person);
  }

  /**
   * When a full name arrives whose surname was so far known only on its own (articles that
   * named the person by surname alone), the surname-only record joins the full one if, of the
   * full names sharing the surname, its evidence picks this one (identity.ts).
   */
  private absorbSurnameOnly(full: CachedPerson): void {
    if (this.peopleFilter && !this.peopleFilter.has(personKey('person', full.surname))) return;
    const lone = this.stmt.personByNorm.get('person', full.surname) as PersonRow | undefined;
    if (!lone) return;
    const candidates = this.fullNamesOf(full.surname);
    if (!isPick(pickFullName(this.withTitles(this.recordEvidence(lone.id), candidates), candidates), full.id)) return;
    this.joinSurnameOnly(lone, full);
  }

  /**
   * A surname-only person joins a full one (or a full name another form of it: see
   * joinShortFormSibling): its quotes, names, descriptors and counts become the full one's.
   */
  private joinSurnameOnly(lone: CachedPerson, full: CachedPerson): void {
    this.flushPending(); // the batch's counts so far (lone's all in its row) and new names (read by repointNames)
    let { quote_count, article_count, male, female } = this.stmt.personById.get(lone.id) as PersonRow;
    // Created by this very article: what its row counted is counted again for the full person
    // when the article's quotes are (its entity's quotes become the full person's).
    const countedHere = this.countedHere.get(lone.id);
    if (countedHere !== undefined) {
      quote_count -= countedHere;
      article_count -= 1;
      // Its gender too: counted again for the full person unless the full person was created here as well.
      if (!this.countedHere.has(full.id)) {
        male = 0;
        female = 0;
      }
      this.countedHere.delete(lone.id);
    }
    this.personCache.forget(lone.id);
    this.knownAliases.delete(lone.id);
    const db = this.db;
    // Quotes already in the full-text index are indexed again under the person they join (its
    // id: the view quotes_search of migration 12); those of the current batch are indexed at its end.
    const indexed = db
      .prepare('SELECT id, text, speaker_label, person FROM quotes_search WHERE id IN (SELECT id FROM quotes WHERE person_id = ? AND id < ?)')
      .raw()
      .all(lone.id, this.unindexedFrom) as [number, string, string | null, string][];
    for (const r of indexed) this.stmt.unindexQuote.run(...r);
    db.prepare('UPDATE quotes SET person_id = ?, speaker_label = ? WHERE person_id = ?').run(full.id, full.name, lone.id);
    if (indexed.length) this.stmt.indexQuotes.run(JSON.stringify(indexed.map((r) => r[0])));
    // Articles keep the person they were linked to (on their row); reading them follows this.
    db.prepare('INSERT OR REPLACE INTO people_merged (id, into_id) VALUES (?, ?)').run(lone.id, full.id);
    db.prepare('UPDATE people_merged SET into_id = ? WHERE into_id = ?').run(full.id, lone.id);
    db.prepare(`INSERT INTO person_aliases (person_id, alias, norm, count)
      SELECT ?, alias, norm, count FROM person_aliases WHERE person_id = ? AND true
      ON CONFLICT(person_id, alias) DO UPDATE SET count = count + excluded.count`).run(full.id, lone.id);
    db.prepare(`INSERT INTO person_descriptors (person_id, descriptor, count)
      SELECT ?, descriptor, count FROM person_descriptors WHERE person_id = ? AND true
      ON CONFLICT(person_id, descriptor) DO UPDATE SET count = count + excluded.count`).run(full.id, lone.id);
    this.repointNames(lone, full.id);
    this.writeCounts(full.id, quote_count, article_count, male, female);
    // Its names and descriptors, now the full person's, go with it (without relying on the
    // cascade: a large write runs with foreign keys unchecked).
    db.prepare('DELETE FROM person_aliases WHERE person_id = ?').run(lone.id);
    db.prepare('DELETE FROM person_descriptors WHERE person_id = ?').run(lone.id);
    db.prepare('DELETE FROM people WHERE id = ?').run(lone.id);
    this.fullNames.removed(lone.surname);
    // Names of the full person that came from the lone one are in its rows now.
    this.knownAliases.delete(full.id);
    this.renamable.add(full.id);
    this.absorbed.set(lone.id, full);
  }

  /**
   * Points a person's rows of the names index at another person. Its rows are its recorded name
   * and each other name counted for it (one row each, written when the name was new to it), so
   * they are found through the index by those names. Its `person_id` column is not indexed: the
   * statement by person alone read every row, 5 ms a time in a record of 18,000 people.
   * Should the index give fewer rows than that (a name without words to search by), it does so.
   */
  private repointNames(person: CachedPerson, intoId: number): void {
    const names = new Set<string>([person.name]);
    for (const alias of this.stmt.aliasesOf.all(person.id) as string[]) names.add(alias);
    const phrases: string[] = [];
    let expected = 0; // rows that must exist (see needsNameRow); a merged-in name may have one more
    for (const name of names) {
      const words = name.match(/[\p{L}\p{N}]+/gu);
      if (words) phrases.push('"' + words.join(' ') + '"');
      if (name === person.name || needsNameRow(name, person.name)) expected++;
    }
    const rows = phrases.length ? (this.stmt.namesOfPerson.all(phrases.join(' OR '), person.id) as number[]) : [];
    if (rows.length < expected) {
      this.db.prepare('UPDATE people_fts SET person_id = ? WHERE person_id = ?').run(intoId, person.id);
      return;
    }
    for (const rowid of rows) this.stmt.repointName.run(intoId, rowid);
  }

  private forgetWords(): void {
    this.recentWords.clear();
  }

  /** The quotation a quote not known by its own key belongs to: by a long segment's key, else by near-identical wording; undefined for a new one. */
  private similarQuotation(pq: PreparedQuote): number | undefined {
    let quotationId: number | undefined;
    for (let i = 0; quotationId === undefined && i < pq.segmentKeys.length; i++) {
      quotationId = this.quotationByKey(pq.segmentKeys[i]!);
    }
    if (quotationId === undefined && pq.bands.length === BANDS_PER_QUOTATION) {
      // The newest few quotations of each band: a band shared by very many quotations (common
      // words) says little, and comparing all of them would make every insert slower as the record grows.
      const index = this.bands();
      const members = index.memberEntries(pq.bands, MAX_BAND_MEMBERS, pq.wordCount, memberEntries);
      if (members > 0) {
        // Compared as hashes first (near-words.ts): a pair is compared as words only when that
        // cannot rule it out, so the decisions are those of comparing words.
        const hashed = this.recentWords.setQuery(pq.words);
        let words: string[] | undefined;
        let best = NEAR_THRESHOLD;
        const candidates = rankCandidates(index, members, MAX_CANDIDATES);
        for (let c = 0; c < candidates; c++) {
          const id = candidateIds[c]!;
          const entry = candidateEntries[c]!;
          // The word sketch its band entry keeps rules out nearly every candidate on news text
          // (chance members of a band), with no look at the words held, nor a read of a
          // quotation no longer held: the test `similarity` would make first (session 25).
          // (A quotation's words never change: those read back are its first-written quote's.)
          const length = index.sketchLengthOf(entry);
          if (hashed && length >= 0 && this.recentWords.ruledOut(length, index.sketchLowOf(entry), index.sketchHighOf(entry), best)) continue;
          // A quotation of the record not written by this connection lately is read once, then held.
          let text: string | undefined;
          if (hashed && !this.recentWords.has(id)) {
            text = this.quotationWords(id);
            if (text === undefined) continue;
            this.recentWords.add(id, text);
            if (length < 0) this.keepSketch(index, entry, id);
          }
          if (hashed && this.recentWords.has(id)) {
            // Its words' similarity, as nearSimilarity gives it, when it reaches the best so far.
            const sim = this.recentWords.similarity(id, best);
            if (sim >= best) {
              best = sim;
              quotationId = id;
            }
            continue;
          }
          text ??= this.recentWords.wordsOf(id) ?? this.quotationWords(id);
          if (text === undefined) continue;
          const sim = nearSimilarity((words ??= pq.words.split(' ')), text.split(' '));
          if (sim >= best) {
            best = sim;
            quotationId = id;
          }
        }
      }
    }
    return quotationId;
  }

  /** Gives a band entry the word sketch of its quotation, if held (read from the record: the entry had none). */
  private keepSketch(index: BandIndex, entry: number, id: number): void {
    const length = this.recentWords.lengthOf(id);
    if (length >= 0) index.setSketch(entry, length, this.recentWords.sketchLowOf(id), this.recentWords.sketchHighOf(id));
  }

  /** A quotation's normalised words as a near-duplicate check compares them (see `quotationWords` above). */
  private quotationWords(id: number): string | undefined {
    const row = this.stmt.quotationWords.get(id) as [string, string | null] | undefined;
    if (row === undefined) return undefined;
    return row[1] === null ? row[0] : quotationSignature(row[1]).joined;
  }

  private insertQuote(articleId: number, published: string | null, q: Quote, pq: PreparedQuote, person: CachedPerson | null, articleText: string): void {
    const quoteId = this.nextQuoteId;
    let quotationId = this.quotationByKey(pq.key);
    const byOwnKey = quotationId !== undefined;
    if (!byOwnKey) quotationId = this.similarQuotation(pq);
    const isNew = quotationId === undefined;
    if (quotationId === undefined) {
      // A new quotation, its first appearance the quote written next.
      const words = pq.wordCount;
      const banded = pq.bands.length === BANDS_PER_QUOTATION;
      const b = banded ? pq.bands : NO_BANDS;
      quotationId = Number(this.stmt.insertQuotationFirst.run(pq.key, '', quoteId, published, words, b[0], b[1], b[2], b[3]).lastInsertRowid);
      if (banded) {
        // Its word sketch kept with its bands too (see similarQuotation).
        const held = this.recentWords;
        held.add(quotationId, pq.words);
        this.bands().add(quotationId, pq.bands, words, held.lengthOf(quotationId), held.sketchLowOf(quotationId), held.sketchHighOf(quotationId));
      }
    }
    // A new quotation is found by its own key through `quotations.norm_key`; another wording of
    // a known one gets a key row.
    if (isNew) this.keyFilter?.add(filterKey(pq.key));
    else if (!byOwnKey) this.addQuotationKey(pq.key, quotationId);
    for (const k of pq.segmentKeys) this.addQuotationKey(k, quotationId);
    const mention = q.speaker?.mention ?? null;
    const cue = q.cue ?? null;
    const speakerName = q.speaker?.name ?? null;
    const circumstances = circumstancesJson(q);
    this.stmt.insertQuote.run(
      quoteId,
      articleId,
      quotationId,
      person?.id ?? null,
      q.start,
      q.end,
      this.slices.slice(q.start, q.end, q.text),
      q.type,
      speakerName,
      q.speaker?.entity ?? null,
      person?.name ?? speakerName,
      mention?.start ?? null,
      mention?.end ?? null,
      mention ? storedSpanText(mention, articleText) : null,
      q.cue?.start ?? null,
      q.cue?.end ?? null,
      cue ? this.slices.slice(cue.start, cue.end, cue.text) : null,
      Number.isFinite(q.confidence) ? q.confidence : 0,
      published,
      circumstances.addressee,
      circumstances.said_when,
    );
    this.nextQuoteId = quoteId + 1;
    // One appearance more; this one becomes the first when it was published earlier.
    if (!isNew) this.stmt.countAppearance.run(published, published, quoteId, published, published, published, quotationId);
  }

  // ------------------------------------------------------------------------------------------
  // Queries

  async search(query: SearchQuery): Promise<SearchHit[]> {
    return this.searchSync(query);
  }

  searchSync(query: SearchQuery): SearchHit[] {
    return this.searchFrom(query, 0, Math.max(1, Math.min(query.limit ?? 20, 1000)));
  }

  async searchPage(query: SearchQuery, options: PageOptions = {}): Promise<Page<SearchHit>> {
    return this.searchPageSync(query, options);
  }

  searchPageSync(query: SearchQuery, options: PageOptions = {}): Page<SearchHit> {
    const { limit, offset } = pageBounds({ limit: options.limit ?? query.limit, offset: options.offset });
    // One hit more than the page tells whether another page follows.
    const hits = this.searchFrom(query, offset, limit + 1);
    return toPage(hits, limit, offset);
  }

  /**
   * The `count` best-ranked quotations of a full-text match whose appearances pass the filters
   * (`join`, `where` and their `params`, as searchFrom builds them), ranked as the grouped query
   * there ranks them (by their best passing appearance's score, then id), from the best-ranked
   * quotes alone. Grouping every match by quotation cost as much again as ranking them: half of
   * a search for a common word (100,000 matches: about 75 ms of 150), and joining every match to
   * its article to filter by outlet tripled a search for a topic word (10,000 matches: 33 ms
   * against 11). SQLite ranks all matches either way but keeps only the best `k` when asked for
   * no more; only those are looked up and filtered. A quotation whose best passing appearance
   * is beyond them scores no better than the last one read, so only quotations scoring strictly
   * better than that are sure of their place. When those are too few, a second read takes as
   * many more quotes as the first one's yield says are needed; null when that would mean
   * reading most of the matches, or the first read gave nothing to estimate from (the grouped
   * query does it then).
   */
  private bestRanked(match: string, count: number, join: string, where: string, params: unknown[]): number[] | null {
    const topQuotes = this.db.prepare(
      'SELECT rowid AS id, bm25(quotes_fts) AS score FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY score LIMIT ?',
    );
    const quotationOf = this.db.prepare(
      `SELECT q.id, q.quotation_id AS quotation FROM quotes q ${join} WHERE q.id IN (SELECT value FROM json_each(?))${where}`,
    );
    // Filters pass a share of the quotes: an outlet of six passes one in six.
    let k = Math.max(64, (where ? 16 : 4) * count);
    for (let read = 1; ; read++) {
      const top = topQuotes.all(match, k) as { id: number; score: number }[];
      const quotation = new Map(
        (quotationOf.all(JSON.stringify(top.map((t) => t.id)), ...params) as { id: number; quotation: number }[]).map((r) => [r.id, r.quotation]),
      );
      const best = new Map<number, number>();
      for (const t of top) {
        const q = quotation.get(t.id);
        if (q !== undefined && !best.has(q)) best.set(q, t.score); // `top` is in score order: the first is the best
      }
      const all = top.length < k; // every match was read
      const bound = top.length ? top[top.length - 1]!.score : 0;
      const sure = [...best].filter(([, score]) => all || score < bound);
      if (all || sure.length >= count) {
        sure.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
        return sure.slice(0, count).map(([q]) => q);
      }
      if (read === 2 || sure.length === 0) return null;
      k = Math.ceil((2 * k * count) / sure.length);
      if (k > TOP_QUOTES_MAX) return null;
    }
  }

  /**
   * A speaker search as a condition on quotes `q`: the quotes of the people one of whose names
   * has its words (`people_fts`: names and aliases, whatever name the person is shown by now),
   * and those of no person whose speaker label has them. Quotes keep the label they were
   * written with, so a person renamed since (`chooseNames`) is found by its people rows.
   * `labels` narrows the full-text match to quotes that may pass (the index has the search's
   * words in the label of a quote of no person, or the surname of one of those people for
   * theirs: the view quotes_search of migration 12), so that words and a speaker together are
   * matched in the index rather than every quote with the words being filtered; null when too
   * many surnames.
   */
  private speakerFilter(speaker: string): { sql: string; params: string[]; labels: string | null } | null {
    const terms = ftsTerms(speaker);
    if (!terms) return null;
    const names = `name : (${terms})`;
    const surnames = this.db
      .prepare(`SELECT DISTINCT surname FROM people WHERE id IN (SELECT person_id FROM people_fts WHERE people_fts MATCH ?) LIMIT ${SPEAKER_SURNAMES_MAX + 1}`)
      .pluck()
      .all(names) as string[];
    const labels =
      surnames.length > SPEAKER_SURNAMES_MAX ? null : [`(${terms})`, ...surnames.map((n) => ftsTerms('"' + n + '"')).filter(Boolean)].join(' OR ');
    return {
      sql: ` AND (q.person_id IN (SELECT person_id FROM people_fts WHERE people_fts MATCH ?)
        OR (q.person_id IS NULL AND q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)))`,
      params: [names, `speaker_label : (${terms})`],
      labels,
    };
  }

  /**
   * A text search as a full-text match of the quote's columns (QUOTE_COLUMNS), with the quotes
   * of the people its words name. Each term (ftsTermList: a word, a phrase) is found in a
   * quote's text or its speaker in the index, or in one of the names of the quote's person
   * (`people_fts`: all its names, whatever name it is shown by now): a term that names people
   * is widened to their ids in the index's column `person` (migration 12). A term that names more
   * than NAMED_PEOPLE_MAX people (a common first name), or only people whose surname it is (the
   * index has that), is matched in the quote's columns alone.
   */
  private textMatch(input: string): string {
    const match: string[] = [];
    for (const term of ftsTermList(input)) {
      const people = this.db
        .prepare(`SELECT id, surname FROM people WHERE id IN (SELECT person_id FROM people_fts WHERE people_fts MATCH ?) LIMIT ${NAMED_PEOPLE_MAX + 1}`)
        .raw()
        .all(`name : (${term})`) as [number, string][];
      const own = `${QUOTE_COLUMNS} : (${term})`;
      if (people.length === 0 || people.length > NAMED_PEOPLE_MAX || people.every(([, surname]) => ftsTerms('"' + surname + '"') === term.toLowerCase())) {
        match.push(own);
      } else {
        match.push(`(${own} OR person : (${people.map(([id]) => `"p${id}"`).join(' OR ')}))`);
      }
    }
    return match.join(' AND ');
  }

  /** Hits `offset` to `offset + limit` of a search, in rank order (newest first without words). */
  private searchFrom(query: SearchQuery, offset: number, limit: number): SearchHit[] {
    const filters: string[] = [];
    const params: unknown[] = [];
    if (query.outlet) {
      filters.push("a.outlet LIKE ? ESCAPE '\\'");
      params.push('%' + query.outlet.replace(/[\\%_]/g, (c) => '\\' + c) + '%');
    }
    if (query.since) {
      filters.push('q.published >= ?');
      params.push(sinceBound(query.since));
    }
    if (query.until) {
      filters.push('q.published <= ?');
      params.push(untilBound(query.until));
    }
    const text = query.text ? ftsTerms(query.text) : '';
    const speaker = query.speaker ? this.speakerFilter(query.speaker.replace(/["*]/g, ' ')) : null;
    const byLabel = speaker?.labels ? `speaker_label : (${speaker.labels})` : '';
    const match = text ? `(${this.textMatch(query.text!)})` + (byLabel ? ` AND ${byLabel}` : '') : '';
    const needArticle = Boolean(query.outlet);
    const join = needArticle ? 'JOIN articles a ON a.id = q.article_id' : '';
    // The rows' filters, without the speaker's (the appearances of a hit are all shown).
    const where = filters.length ? ' AND ' + filters.join(' AND ') : '';
    const rowParams = [...params];
    const filter = where + (speaker?.sql ?? '');
    if (speaker) params.push(...speaker.params);
    let ids: number[];
    // Only words rank: a speaker alone filters, and the hits stay newest first (ranking by
    // the speaker's name alone put the shortest quotes first, in no order a reader could see).
    const ranked = text ? this.bestRanked(match, offset + limit, join, filter, params) : null;
    if (ranked) ids = ranked.slice(offset, offset + limit);
    else if (text) {
      // bm25() called in a subquery ranks the same as the `rank` column but costs about a third
      // less per match (measured on 100k quotes); LIMIT -1 keeps SQLite from flattening the
      // subquery into the aggregate, where auxiliary functions are not allowed.
      const sql = `SELECT q.quotation_id AS id, MIN(m.score) AS score
        FROM (SELECT rowid, bm25(quotes_fts) AS score FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT -1) m
        JOIN quotes q ON q.id = m.rowid ${join}
        WHERE 1${filter}
        GROUP BY q.quotation_id ORDER BY score, q.quotation_id LIMIT ? OFFSET ?`;
      ids = (this.db.prepare(sql).all(match, ...params, limit, offset) as { id: number }[]).map((r) => r.id);
    } else {
      // Newest first by each quotation's latest appearance (publication date, undated last,
      // then ingest order): walking the published index (dated quotes only: migration 13), then
      // the undated quotes by id, and stopping once the page is full reads a few rows instead of
      // grouping the whole record. A date filter leaves no undated quote to walk.
      const bySpeaker = byLabel ? ' AND q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)' : '';
      if (byLabel) params.push(byLabel);
      const passes = [`q.published IS NOT NULL${filter}${bySpeaker} ORDER BY q.published DESC, q.id DESC`];
      if (!query.since && !query.until) passes.push(`q.published IS NULL${filter}${bySpeaker} ORDER BY q.id DESC`);
      const seen = new Set<number>();
      ids = [];
      for (const pass of passes) {
        for (const row of this.db.prepare(`SELECT q.quotation_id AS id FROM quotes q ${join} WHERE ${pass}`).iterate(...params) as IterableIterator<{ id: number }>) {
          if (seen.has(row.id)) continue;
          seen.add(row.id);
          if (seen.size > offset) ids.push(row.id);
          if (ids.length >= limit) break;
        }
        if (ids.length >= limit) break;
      }
    }
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT * FROM (
           SELECT q.*, ${PERSON_NAME}, a.url, a.canonical_url, a.title, a.outlet,
             ROW_NUMBER() OVER (PARTITION BY q.quotation_id ORDER BY q.published IS NULL, q.published, q.id) AS nth
           FROM quotes q JOIN articles a ON a.id = q.article_id
           WHERE q.quotation_id IN (SELECT value FROM json_each(?))${where})
         WHERE nth <= ${MAX_APPEARANCES}
         ORDER BY published IS NULL, published, id`,
      )
      .all(JSON.stringify(ids), ...rowParams) as AppearanceRow[];
    const totals = new Map(
      (
        this.db
          .prepare('SELECT id, appearances FROM quotations WHERE id IN (SELECT value FROM json_each(?))')
          .all(JSON.stringify(ids)) as { id: number; appearances: number }[]
      ).map((r) => [r.id, r.appearances]),
    );
    return toSearchHits(ids, rows, totals);
  }

  async people(options: { top?: number; kind?: string; all?: boolean } = {}): Promise<PersonSummary[]> {
    return this.peopleRows(options, Math.max(1, options.top ?? 20), 0);
  }

  async person(name: string): Promise<PersonDetail | null> {
    const tokens = nameTokens(name);
    if (tokens.length === 0) return null;
    const norm = tokens.join(' ');
    const order = "ORDER BY (p.kind = 'person') DESC, p.quote_count DESC, p.article_count DESC LIMIT 1";
    let row =
      (this.db.prepare(`SELECT p.* FROM people p WHERE p.norm_name = ? ${order}`).get(norm) as PersonRow | undefined) ??
      (this.db
        .prepare(`SELECT p.* FROM people p WHERE p.id IN (SELECT person_id FROM person_aliases WHERE norm = ?) ${order}`)
        .get(norm) as PersonRow | undefined);
    if (!row && tokens.length === 1) {
      row = this.db.prepare(`SELECT p.* FROM people p WHERE p.surname = ? ${order}`).get(norm) as PersonRow | undefined;
    }
    if (!row) {
      const expr = tokens.map((t) => '"' + t + '"').join(' ');
      row = this.db
        .prepare(`SELECT p.* FROM people p WHERE p.id IN (SELECT person_id FROM people_fts WHERE people_fts MATCH ?) ${order}`)
        .get(`name : (${expr})`) as PersonRow | undefined;
    }
    if (!row) return null;
    return this.personDetail(row.id);
  }

  personDetail(id: number): PersonDetail | null {
    const row = this.db
      .prepare(
        `SELECT p.*,
          (SELECT MIN(published) FROM quotes WHERE person_id = p.id) AS first_quoted,
          (SELECT MAX(published) FROM quotes WHERE person_id = p.id) AS last_quoted
         FROM people p WHERE p.id = ?`,
      )
      .get(id) as (PersonRow & { first_quoted: string | null; last_quoted: string | null }) | undefined;
    if (!row) return null;
    const aliases = this.db
      .prepare('SELECT alias AS value, count FROM person_aliases WHERE person_id = ? ORDER BY count DESC, alias')
      .all(id) as CountedValue[];
    const descriptors = this.db
      .prepare('SELECT descriptor AS value, count FROM person_descriptors WHERE person_id = ? ORDER BY count DESC, descriptor')
      .all(id) as CountedValue[];
    const outlets = this.db
      .prepare(
        `SELECT COALESCE(a.outlet, '(unknown)') AS value, COUNT(*) AS count FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE q.person_id = ? GROUP BY 1 ORDER BY count DESC, value`,
      )
      .all(id) as CountedValue[];
    return { ...toSummary(row), aliases, descriptors, outlets };
  }

  // ------------------------------------------------------------------------------------------
  // Reads for browsing (the web app and API)

  /**
   * The condition that quote `q` is one of article `a`'s: by the range of ids on the article's row
   * (migration 14), or, in a record opened read-only before that, by its article id alone. A row
   * with no range (written into a migrated record by a build from before migration 14) is read
   * by its article id through the whole table: slower, never wrong.
   */
  private quotesOfArticle(): string {
    return this.schemaVersion >= QUOTE_RANGES_VERSION
      ? `q.id BETWEEN COALESCE(a.first_quote_id, 0) AND COALESCE(a.last_quote_id, ${Number.MAX_SAFE_INTEGER}) AND q.article_id = a.id`
      : 'q.article_id = a.id';
  }

  async listArticles(options: PageOptions & { outlet?: string } = {}): Promise<Page<ArticleSummary>> {
    return this.listArticlesSync(options);
  }

  listArticlesSync(options: PageOptions & { outlet?: string } = {}): Page<ArticleSummary> {
    const { limit, offset } = pageBounds(options);
    // SQLite sorts NULL lowest, so undated articles come last in a DESC order and the
    // published index gives the order without sorting every article.
    const where = options.outlet ? "WHERE a.outlet LIKE ? ESCAPE '\\'" : '';
    const params: unknown[] = options.outlet ? ['%' + likeEscape(options.outlet) + '%'] : [];
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, a.outlet, a.byline, a.published, a.url, a.canonical_url,
           (SELECT COUNT(*) FROM quotes q WHERE ${this.quotesOfArticle()}) AS quotes
         FROM articles a ${where}
         ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, limit + 1, offset) as ArticleSummaryRow[];
    return toPage(rows.map(toArticleSummary), limit, offset);
  }

  async getArticle(id: number): Promise<ArticleDetail | null> {
    return this.getArticleSync(id);
  }

  getArticleSync(id: number): ArticleDetail | null {
    const row = this.db
      .prepare(
        `SELECT a.id, a.title, a.outlet, a.byline, a.published, a.url, a.canonical_url, a.text, a.people,
           (SELECT COUNT(*) FROM quotes q WHERE ${this.quotesOfArticle()}) AS quotes
         FROM articles a WHERE a.id = ?`,
      )
      .get(id) as (ArticleSummaryRow & { text: string; people: string }) | undefined;
    if (!row) return null;
    const quotes = (
      this.db
        .prepare(`SELECT q.*, ${PERSON_NAME} FROM articles a JOIN quotes q ON ${this.quotesOfArticle()} WHERE a.id = ? ORDER BY q.start, q.id`)
        .all(id) as QuoteRow[]
    ).map(
      (r): StoredQuote => ({
        ...toContractQuote(r, row.text),
        id: r.id,
        quotationId: r.quotation_id,
        personId: r.person_id,
        speakerLabel: shownSpeaker(r),
      }),
    );
    const people = toContractPeople(this.articlePeople(row.people), row.text).map(
      ({ row: p, ...person }): ArticlePerson => ({ ...person, personId: p.person_id }),
    );
    return { ...toArticleSummary(row), text: row.text, quotes, people };
  }

  /** An article's people as its row keeps them, each linked to the record's person as it is now. */
  private articlePeople(json: string): ArticlePeopleRow[] {
    return articlePeopleRows(json, (id) => {
      // A person merged into another since the article was written (see `absorbSurnameOnly`,
      // which keeps the chain one step long; the bound only guards a damaged record).
      for (let hops = 0; hops < 64; hops++) {
        const into = this.stmt.mergedInto.get(id) as number | undefined;
        if (into === undefined) break;
        id = into;
      }
      return id;
    });
  }

  async listPeople(options: PageOptions & { kind?: string; all?: boolean } = {}): Promise<Page<PersonSummary>> {
    const { limit, offset } = pageBounds(options);
    return toPage(this.peopleRows(options, limit + 1, offset), limit, offset);
  }

  /**
   * Most quoted first (`people` and `listPeople`): only people quoted at least once unless `all`.
   * People quoted TOP_INDEXED_QUOTES times or more come before all others in this order and are
   * the ones the index `people_quotes` holds (migration 17): when they fill the page asked for, it
   * is theirs, read from the index; otherwise (a page past them, a record with few) the page comes
   * from sorting all the people, as it did before.
   */
  private peopleRows(options: { kind?: string; all?: boolean }, limit: number, offset: number): PersonSummary[] {
    const top = this.peopleOrdered(options, `p.quote_count >= ${TOP_INDEXED_QUOTES}`, limit, offset);
    if (top.length === limit) return top.map(toSummary);
    return this.peopleOrdered(options, options.all ? null : 'p.quote_count > 0', limit, offset).map(toSummary);
  }

  private peopleOrdered(options: { kind?: string }, counted: string | null, limit: number, offset: number) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.kind) {
      // (`+`: the kind is tested on the rows read, never a reason to read them by the index of names.)
      where.push('+p.kind = ?');
      params.push(options.kind);
    }
    if (counted) where.push(counted);
    // The page's people first, then their dates: a sort reads each person's dates for every row
    // it sorts, and a page past the indexed people sorts them all.
    const order = 'ORDER BY p.quote_count DESC, p.article_count DESC, p.name, p.id';
    return this.db
      .prepare(
        `SELECT p.*,
           (SELECT MIN(published) FROM quotes WHERE person_id = p.id) AS first_quoted,
           (SELECT MAX(published) FROM quotes WHERE person_id = p.id) AS last_quoted
         FROM (SELECT p.id FROM people p ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ${order} LIMIT ? OFFSET ?) page
           JOIN people p ON p.id = page.id
         ${order}`,
      )
      .all(...params, limit, offset) as (PersonRow & { first_quoted: string | null; last_quoted: string | null })[];
  }

  async getPerson(id: number): Promise<PersonDetail | null> {
    return this.personDetail(id);
  }

  async personQuotes(id: number, options: PageOptions = {}): Promise<Page<PersonQuote>> {
    return this.personQuotesSync(id, options);
  }

  personQuotesSync(id: number, options: PageOptions = {}): Page<PersonQuote> {
    const { limit, offset } = pageBounds(options);
    // Dated quotes newest first, then undated ones: two queries, so that the first walks the
    // (person_id, published) index instead of sorting all of a much-quoted person's quotes.
    const select = 'SELECT q.*, a.url, a.canonical_url, a.title, a.outlet FROM quotes q JOIN articles a ON a.id = q.article_id';
    const rows = this.db
      .prepare(`${select} WHERE q.person_id = ? AND q.published IS NOT NULL ORDER BY q.published DESC, q.id DESC LIMIT ? OFFSET ?`)
      .all(id, limit + 1, offset) as AppearanceRow[];
    if (rows.length < limit + 1) {
      const dated = rows.length > 0 ? offset + rows.length : (this.db
        .prepare('SELECT COUNT(*) AS n FROM quotes WHERE person_id = ? AND published IS NOT NULL')
        .get(id) as { n: number }).n;
      rows.push(
        ...(this.db
          .prepare(`${select} WHERE q.person_id = ? AND q.published IS NULL ORDER BY q.id DESC LIMIT ? OFFSET ?`)
          .all(id, limit + 1 - rows.length, Math.max(0, offset - dated)) as AppearanceRow[]),
      );
    }
    const items = rows.map(toPersonQuote);
    return toPage(items, limit, offset);
  }

  async personQuotesPerDay(id: number): Promise<DayCount[]> {
    return this.db
      .prepare(
        `SELECT substr(published, 1, 10) AS day, COUNT(*) AS count FROM quotes
         WHERE person_id = ? AND published IS NOT NULL GROUP BY 1 ORDER BY 1`,
      )
      .all(id) as DayCount[];
  }

  async *exportArticles(): AsyncIterable<ExportedArticle> {
    let last = 0;
    const page = this.db.prepare('SELECT * FROM articles WHERE id > ? ORDER BY id LIMIT 200');
    const quotes = this.db.prepare(`SELECT q.* FROM articles a JOIN quotes q ON ${this.quotesOfArticle()} WHERE a.id = ? ORDER BY q.start, q.id`);
    for (;;) {
      const rows = page.all(last) as (ExportRow & { people: string })[];
      if (rows.length === 0) return;
      for (const a of rows) {
        last = a.id;
        yield toExportedArticle(a, quotes.all(a.id) as QuoteRow[], this.articlePeople(a.people));
      }
    }
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      articles: count('articles'),
      quotes: count('quotes'),
      quotations: count('quotations'),
      people: count('people'),
      schemaVersion: this.schemaVersion,
    };
  }

  async close(): Promise<void> {
    this.closeSync();
  }

  closeSync(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Whether a name counted for a person needs its own row in the names index. It does not when
 * every word of it is a word of the person's recorded name (`Hallmor` of `Keith Hallmor`): the
 * index is searched for rows holding all the words asked for, and the recorded name's row holds
 * them already. That is most surnames, about a third of the index's rows.
 */
function needsNameRow(alias: string, name: string): boolean {
  if (alias === name) return false;
  const own = searchWords(name);
  return !searchWords(alias).every((w) => own.includes(w));
}

/** A name's words as the full-text index tokenises them: letters and digits, no case or accents. */
function searchWords(text: string): string[] {
  return stripDiacritics(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

