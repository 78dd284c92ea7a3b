/**
 * The quote record on PostgreSQL (node-postgres): the same semantics as the SQLite store, for a
 * record shared by many worker processes and machines.
 *
 * Concurrency: every article is one transaction that first takes transaction-level advisory
 * locks on everything its identity decisions read: its canonical URL and text hash (one article
 * once), the surnames of its people (one person across articles, surname-only merges) and the
 * exact keys and LSH bands of its quotations (one quotation across outlets, near-identical
 * wording). Two workers deciding about the same thing therefore take turns, and the unique
 * constraints stay a backstop (a violation or a deadlock retries the whole article). Locks are
 * taken in one sorted batch so that they cannot deadlock among themselves.
 *
 * The write itself is server-side (onrecord_add(), migration 2) and goes with BEGIN and COMMIT
 * as one statement, so no lock is held while a message crosses the network; only the
 * near-identical wording comparison (normalize.ts, shared with the SQLite store) runs here,
 * on candidates read just before.
 */
import pg from 'pg';
import type { Analysis, Person, Quote } from '../extract/types.js';
import { PG_MIGRATIONS } from './pg-migrations.js';
import { shownSpeaker, toSearchHits, toPersonQuote, toArticleSummary, toContractPeople, toExportedArticle, mentionsJson, circumstancesJson, toContractQuote, toPage, toSummary, pageBounds, untilBound, type AppearanceRow, type ArticlePeopleRow, type ArticleSummaryRow, type ExportRow, type QuoteRow } from './rows.js';
import { prepareArticle, type PreparedArticle, type PreparedPerson } from './prepare.js';
import { titlesOf } from './identity.js';
import {
  nameTokens,
  NEAR_THRESHOLD,
  sha256,
  wordSimilarity,
} from './normalize.js';
import type {
  AddResult,
  ArticleDetail,
  ArticleInput,
  ArticleKey,
  ArticlePerson,
  ArticleSummary,
  ArticleToStore,
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
  StoredQuote,
  StoreStats,
} from './store.js';
import { unpackArticle } from './store.js';

import { StoreOpenError } from './errors.js';

/** Connection and schema failures (a StoreOpenError, as callers expect of any backend). */
export class PostgresOpenError extends StoreOpenError {}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** Appearances listed per quotation in search results (as the SQLite store). */
const MAX_APPEARANCES = 50;
/** Attempts of one article on a deadlock, serialisation failure or unique violation. */
const MAX_ATTEMPTS = 6;
const RETRYABLE = new Set(['40P01', '40001', '23505']);

// int8 (ids, counts) as JS numbers: ids stay far below 2^53.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export interface PostgresStoreOptions {
  /** Query commands: a database without the record's schema is an error, not a new record. */
  mustExist?: boolean;
  /** Connections in the pool (one per write in flight). */
  poolSize?: number;
}

export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): PostgresStore {
  return new PostgresStore(url, options);
}

export interface PersonRow {
  id: number;
  name: string;
  norm_name: string;
  surname: string;
  kind: string;
  quote_count: number;
  article_count: number;
}

/**
 * Quote columns without the tsvector (never sent to the client), and the name the quote's
 * person is shown by now (`speaker_label` is the one it had when the quote was written).
 */
const QUOTE_COLS = `q.id, q.article_id, q.quotation_id, q.person_id, q.start, q."end", q.text, q.type, q.speaker_name,
  q.speaker_entity, q.speaker_label, q.mention_start, q.mention_end, q.mention_text, q.cue_start, q.cue_end, q.cue_text,
  q.confidence, q.published, q.addressee, q.said_when, (SELECT name FROM people WHERE id = q.person_id) AS person_name`;

/** As the SQLite store's NAMED_PEOPLE_MAX: beyond so many people a text search's term is not widened to their quotes. */
const NAMED_PEOPLE_MAX = 200;

/** As the SQLite store's SPEAKER_SURNAMES_MAX: beyond so many surnames a speaker's do not narrow the match. */
const SPEAKER_SURNAMES_MAX = 32;

/**
 * Turns user search words into a tsquery (the same syntax the SQLite store accepts: words,
 * "phrases", prefix*, OR, NOT; everything else is ignored). `weight` restricts every lexeme to
 * those weight classes (B: the speaker; AB: the quote and its speaker, not C: its person).
 * Lexemes are letters and digits only, so nothing the user types can inject tsquery syntax.
 * Empty when nothing searchable is left.
 */
export function tsQueryText(input: string, weight?: 'B' | 'AB'): string {
  const parts: string[] = [];
  let pending: string | null = null;
  const w = weight ?? '';
  const add = (words: string[], prefix: boolean) => {
    const lex = words.map((x, i) => `'${x.toLowerCase()}'${i === words.length - 1 && prefix ? ':*' + w : w ? ':' + w : ''}`);
    const term = lex.length > 1 ? '(' + lex.join(' <-> ') + ')' : lex[0]!;
    if (parts.length) parts.push(pending ?? '&');
    parts.push(term);
    pending = null;
  };
  for (const m of input.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu);
      if (words) add(words, false);
      continue;
    }
    const raw = m[2]!;
    if (raw === 'OR' || raw === 'NOT') {
      if (parts.length) pending = raw === 'OR' ? '|' : '& !';
      continue;
    }
    const words = raw.match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    add(words, raw.endsWith('*'));
  }
  return parts.join(' ');
}

/**
 * The terms of search words as tsQueryText writes them, each on its own (a word, a "phrase", a
 * prefix*), when nothing but AND joins them; else the whole query as one.
 */
export function tsQueryTerms(input: string): { term: string; own: string }[] {
  const terms: { term: string; own: string }[] = [];
  for (const m of input.matchAll(/"[^"]*"|\S+/g)) {
    if (m[0] === 'OR' || m[0] === 'NOT') {
      const term = tsQueryText(input);
      return term ? [{ term, own: tsQueryText(input, 'AB') }] : [];
    }
    const term = tsQueryText(m[0]);
    if (term) terms.push({ term, own: tsQueryText(m[0], 'AB') });
  }
  return terms;
}

function likePattern(s: string): string {
  return '%' + s.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/** A 64-bit advisory lock key (as a decimal string for the bigint[] parameter). */
function lockKey(kind: string, value: string): bigint {
  return BigInt.asIntN(64, BigInt('0x' + sha256(kind + '\u0000' + value).slice(0, 16)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the write path needs of one quote, computed before the transaction. */
interface QuotePlan {
  speakerNorm: string | null;
  /** The quote as onrecord_add() takes it (set by addPayload). */
  payload?: Record<string, unknown>;
  quote: Quote;
  key: string;
  keys: string[];
  words: string[];
  normText: string;
  bands: number[];
}


type Client = pg.PoolClient;

export class PostgresStore implements Store {
  readonly pool: pg.Pool;
  schemaVersion = 0;
  private readonly ready: Promise<void>;
  private closed = false;

  constructor(readonly url: string, private readonly options: PostgresStoreOptions = {}) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 8,
      types,
      application_name: 'onrecord',
      // Short queries on indexes: JIT compilation (PostgreSQL 11+) would cost more than it saves.
      options: '-c jit=off',
      connectionTimeoutMillis: 15_000,
    });
    // An idle connection the server drops (restart, admin) must not crash the process.
    this.pool.on('error', () => undefined);
    this.ready = this.init();
    // Callers see the failure on their first call; an unobserved rejection must not crash us first.
    this.ready.catch(() => undefined);
  }

  private async init(): Promise<void> {
    let client: Client;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw new PostgresOpenError(`cannot connect to PostgreSQL at ${redactUrl(this.url)}: ${(err as Error).message}`);
    }
    try {
      const exists = (
        await client.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t")
      ).rows[0]!.t;
      if (!exists && this.options.mustExist) {
        throw new PostgresOpenError(`no record at ${redactUrl(this.url)} (run \`onrecord ingest --db ${redactUrl(this.url)} ...\` first)`);
      }
      this.schemaVersion = await migrate(client);
    } finally {
      client.release();
    }
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    await this.ready;
    return (await this.pool.query<R>(sql, params)).rows;
  }

  async findArticle(key: ArticleKey): Promise<number | null> {
    await this.ready;
    return findArticleWith(this.pool, key);
  }

  // ------------------------------------------------------------------------------------------
  // Writes

  async addArticle(article: ArticleInput, analysis: Analysis, prepared?: PreparedArticle): Promise<AddResult> {
    await this.ready;
    const client = await this.pool.connect();
    let broken = false;
    try {
      return await this.addWith(client, article, analysis, prepared);
    } catch (err) {
      broken = isConnectionError(err);
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async addArticles(items: ArticleToStore[]): Promise<(AddResult | Error)[]> {
    await this.ready;
    // One transaction per article (each takes its own locks, so a batch never holds many), on
    // one connection.
    const client = await this.pool.connect();
    let broken = false;
    const results: (AddResult | Error)[] = [];
    try {
      for (const item of items) {
        try {
          const { analysis, prepared } = unpackArticle(item);
          const article = item.article;
          results.push(await this.addWith(client, article, analysis, prepared));
        } catch (err) {
          if (isConnectionError(err)) {
            broken = true;
            throw err;
          }
          results.push(err instanceof Error ? err : new Error(String(err)));
        }
      }
      return results;
    } finally {
      client.release(broken);
    }
  }

  /**
   * One article in its own transaction. Two round trips: onrecord_candidates() reads, without
   * locks, what deciding the article's quotations needs (known keys, near-identical candidates),
   * the wordings are compared here (normalize.ts, as the SQLite store does); then BEGIN,
   * onrecord_add() (locks, checks that the candidates are unchanged, all the writes) and COMMIT
   * go as one simple-protocol query, so that no lock is held across the network. Retried whole
   * on a deadlock, a serialisation failure (candidates changed) or a unique violation.
   */
  private async addWith(client: Client, article: ArticleInput, analysis: Analysis, prepared?: PreparedArticle): Promise<AddResult> {
    let plan;
    try {
      plan = addPayload(article, analysis, prepared ?? prepareArticle(article, analysis));
    } catch (err) {
      throw new Error(`cannot prepare the article for the store: ${(err as Error).message}`);
    }
    const { payload, quotes } = plan;
    const lookup = JSON.stringify({ keys: [...new Set(quotes.flatMap((q) => q.keys))], bands: quotes.map((q) => q.bands.map(String)) });
    for (let attempt = 1; ; attempt++) {
      try {
        const found = (await client.query('SELECT onrecord_candidates($1::jsonb) AS r', [lookup])).rows[0]!.r as {
          keys: Record<string, number>;
          candidates: [number, string][][];
        };
        payload.quotes = decideNear(quotes, found.keys, found.candidates);
        const lit = client.escapeLiteral(JSON.stringify(payload)) + '::jsonb';
        const results = await client.query(`BEGIN; SELECT onrecord_add(${lit}) AS r; ${circumstancesUpdate(client, analysis, payload)}COMMIT`);
        const r = (Array.isArray(results) ? results[1]! : results).rows[0]!.r as { existing?: number; id?: number };
        if (r.existing !== undefined) return { added: false, articleId: r.existing, quotes: 0 };
        return { added: true, articleId: r.id!, quotes: analysis.quotes.length };
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (err as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) {
          await sleep(5 * attempt + Math.random() * 20 * attempt);
          continue;
        }
        throw err;
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Queries

  async search(query: SearchQuery): Promise<SearchHit[]> {
    return this.searchFrom(query, 0, Math.max(1, Math.min(query.limit ?? 20, 1000)));
  }

  async searchPage(query: SearchQuery, options: PageOptions = {}): Promise<Page<SearchHit>> {
    const { limit, offset } = pageBounds({ limit: options.limit ?? query.limit, offset: options.offset });
    return toPage(await this.searchFrom(query, offset, limit + 1), limit, offset);
  }

  /**
   * A speaker search as a condition on quotes `q` (as the SQLite store's speakerFilter): the
   * quotes of the people one of whose names has its words (person_names), and those of no
   * person whose speaker label has them. `p` binds a parameter. `labels` narrows the text
   * search's match as there: the search's words or those people's surnames in weight B (which
   * has a person's surname for its quotes, the label for those of no person: migration 7).
   */
  private async speakerFilter(speaker: string, p: (v: unknown) => string): Promise<{ sql: string; labels: string | null }> {
    const words = tsQueryText(speaker);
    if (!words) return { sql: '', labels: null };
    const surnames = (
      await this.query<{ surname: string }>(
        `SELECT DISTINCT surname FROM people WHERE id IN (SELECT person_id FROM person_names WHERE search @@ to_tsquery('simple', onrecord_fold($1)))
         LIMIT ${SPEAKER_SURNAMES_MAX + 1}`,
        [words],
      )
    ).map((r) => r.surname);
    const own = tsQueryText(speaker, 'B');
    const labels =
      surnames.length > SPEAKER_SURNAMES_MAX
        ? null
        : [own, ...surnames.map((n) => tsQueryText('"' + n + '"', 'B'))].filter(Boolean).map((t) => `(${t})`).join(' | ');
    const w = p(words);
    const label = p(own);
    return {
      sql: ` AND (q.person_id IN (SELECT person_id FROM person_names WHERE search @@ to_tsquery('simple', onrecord_fold(${w})))
        OR (q.person_id IS NULL AND q.search @@ to_tsquery('simple', onrecord_fold(${label}))))`,
      labels,
    };
  }

  /**
   * A text search as a tsquery on the quote's words (weights A and B), with the quotes of the
   * people its words name (as the SQLite store's textMatch): a term that names people (in
   * person_names) is widened to their ids (weight C, migration 7), unless it names more than
   * NAMED_PEOPLE_MAX or only people whose surname it is.
   */
  private async textMatch(input: string): Promise<string> {
    const match: string[] = [];
    for (const { term, own } of tsQueryTerms(input)) {
      const people = await this.query<{ id: number; surname: string }>(
        `SELECT id, surname FROM people WHERE id IN (SELECT person_id FROM person_names WHERE search @@ to_tsquery('simple', onrecord_fold($1)))
         LIMIT ${NAMED_PEOPLE_MAX + 1}`,
        [term],
      );
      if (people.length === 0 || people.length > NAMED_PEOPLE_MAX || people.every((r) => tsQueryText('"' + r.surname + '"') === term)) {
        match.push(`(${own})`);
      } else {
        match.push(`((${own}) | ${people.map((r) => `'p${r.id}':C`).join(' | ')})`);
      }
    }
    return match.join(' & ');
  }

  private async searchFrom(query: SearchQuery, offset: number, limit: number): Promise<SearchHit[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return '$' + params.length;
    };
    const filters: string[] = [];
    if (query.outlet) filters.push(`a.outlet ILIKE ${p(likePattern(query.outlet))} ESCAPE '\\'`);
    if (query.since) filters.push(`q.published >= ${p(query.since)}`);
    if (query.until) filters.push(`q.published <= ${p(untilBound(query.until))}`);
    const text = query.text ? tsQueryText(query.text) : '';
    const join = query.outlet ? 'JOIN articles a ON a.id = q.article_id' : '';
    // The rows' filters, without the speaker's (the appearances of a hit are all shown).
    const where = filters.length ? ' AND ' + filters.join(' AND ') : '';
    const filterParams = [...params];
    const speaker = query.speaker ? await this.speakerFilter(query.speaker.replace(/["*]/g, ' '), p) : null;
    const filter = where + (speaker?.sql ?? '');
    let ids: number[];
    // Only words rank: a speaker alone filters, and the hits stay newest first.
    if (text) {
      const words = await this.textMatch(query.text!);
      const t = p(speaker?.labels ? `(${words}) & (${speaker.labels})` : words);
      const sql = `SELECT q.quotation_id AS id, MAX(ts_rank(q.search, tq)) AS score
        FROM quotes q ${join}, to_tsquery('simple', onrecord_fold(${t})) AS tq
        WHERE q.search @@ tq${filter}
        GROUP BY q.quotation_id ORDER BY score DESC, q.quotation_id LIMIT ${p(limit)} OFFSET ${p(offset)}`;
      ids = (await this.query<{ id: number }>(sql, params)).map((r) => r.id);
    } else {
      const bySpeaker = speaker?.labels ? ` AND q.search @@ to_tsquery('simple', onrecord_fold(${p(speaker.labels)}))` : '';
      const sql = `SELECT q.quotation_id AS id FROM quotes q ${join} WHERE true${filter}${bySpeaker}
        GROUP BY q.quotation_id ORDER BY MAX(COALESCE(q.published, '')) DESC, MAX(q.id) DESC LIMIT ${p(limit)} OFFSET ${p(offset)}`;
      ids = (await this.query<{ id: number }>(sql, params)).map((r) => r.id);
    }
    if (ids.length === 0) return [];
    const idParam = '$' + (filterParams.length + 1);
    const rows = await this.query<AppearanceRow>(
      `SELECT * FROM (
         SELECT ${QUOTE_COLS}, a.url, a.canonical_url, a.title, a.outlet,
           ROW_NUMBER() OVER (PARTITION BY q.quotation_id ORDER BY q.published IS NULL, q.published, q.id) AS nth
         FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE q.quotation_id = ANY(${idParam}::bigint[])${where}) t
       WHERE nth <= ${MAX_APPEARANCES}
       ORDER BY published IS NULL, published, id`,
      [...filterParams, ids],
    );
    const totals = new Map(
      (await this.query<{ id: number; appearances: number }>('SELECT id, appearances FROM quotations WHERE id = ANY($1::bigint[])', [ids])).map(
        (r) => [r.id, r.appearances],
      ),
    );
    return toSearchHits(ids, rows, totals);
  }

  private peopleSql(options: { kind?: string; all?: boolean }, params: unknown[]): string {
    const where: string[] = [];
    if (options.kind) {
      params.push(options.kind);
      where.push(`p.kind = $${params.length}`);
    }
    if (!options.all) where.push('p.quote_count > 0');
    return `SELECT p.*,
        (SELECT MIN(published) FROM quotes WHERE person_id = p.id) AS first_quoted,
        (SELECT MAX(published) FROM quotes WHERE person_id = p.id) AS last_quoted
      FROM people p ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY p.quote_count DESC, p.article_count DESC, p.name COLLATE "C", p.id`;
  }

  async people(options: { top?: number; kind?: string; all?: boolean } = {}): Promise<PersonSummary[]> {
    const params: unknown[] = [];
    const sql = this.peopleSql(options, params) + ` LIMIT $${params.length + 1}`;
    const rows = await this.query<PersonRow & { first_quoted: string | null; last_quoted: string | null }>(sql, [
      ...params,
      Math.max(1, options.top ?? 20),
    ]);
    return rows.map(toSummary);
  }

  async listPeople(options: PageOptions & { kind?: string; all?: boolean } = {}): Promise<Page<PersonSummary>> {
    const { limit, offset } = pageBounds(options);
    const params: unknown[] = [];
    const sql = this.peopleSql(options, params) + ` LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
    const rows = await this.query<PersonRow & { first_quoted: string | null; last_quoted: string | null }>(sql, [
      ...params,
      limit + 1,
      offset,
    ]);
    return toPage(rows.map(toSummary), limit, offset);
  }

  async person(name: string): Promise<PersonDetail | null> {
    const tokens = nameTokens(name);
    if (tokens.length === 0) return null;
    const norm = tokens.join(' ');
    const order = "ORDER BY (p.kind = 'person') DESC, p.quote_count DESC, p.article_count DESC, p.id LIMIT 1";
    let row =
      (await this.query<PersonRow>(`SELECT p.* FROM people p WHERE p.norm_name = $1 ${order}`, [norm]))[0] ??
      (await this.query<PersonRow>(`SELECT p.* FROM people p WHERE p.id IN (SELECT person_id FROM person_aliases WHERE norm = $1) ${order}`, [norm]))[0];
    if (!row && tokens.length === 1) {
      row = (await this.query<PersonRow>(`SELECT p.* FROM people p WHERE p.surname = $1 ${order}`, [norm]))[0];
    }
    if (!row) {
      const words = tokens.join(' ').match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length) {
        const tsq = words.map((w) => `'${w}'`).join(' & ');
        row = (
          await this.query<PersonRow>(
            `SELECT p.* FROM people p WHERE p.id IN (
               SELECT person_id FROM person_names WHERE search @@ to_tsquery('simple', onrecord_fold($1))) ${order}`,
            [tsq],
          )
        )[0];
      }
    }
    return row ? this.getPerson(row.id) : null;
  }

  async getPerson(id: number): Promise<PersonDetail | null> {
    if (!Number.isSafeInteger(id)) return null;
    const row = (
      await this.query<PersonRow & { first_quoted: string | null; last_quoted: string | null }>(
        `SELECT p.*,
           (SELECT MIN(published) FROM quotes WHERE person_id = p.id) AS first_quoted,
           (SELECT MAX(published) FROM quotes WHERE person_id = p.id) AS last_quoted
         FROM people p WHERE p.id = $1`,
        [id],
      )
    )[0];
    if (!row) return null;
    const [aliases, descriptors, outlets] = await Promise.all([
      this.query<CountedValue>('SELECT alias AS value, count FROM person_aliases WHERE person_id = $1 ORDER BY count DESC, alias COLLATE "C"', [id]),
      this.query<CountedValue>(
        'SELECT descriptor AS value, count FROM person_descriptors WHERE person_id = $1 ORDER BY count DESC, descriptor COLLATE "C"',
        [id],
      ),
      this.query<CountedValue>(
        `SELECT COALESCE(a.outlet, '(unknown)') AS value, COUNT(*)::int AS count FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE q.person_id = $1 GROUP BY 1 ORDER BY COUNT(*) DESC, COALESCE(a.outlet, '(unknown)') COLLATE "C"`,
        [id],
      ),
    ]);
    return { ...toSummary(row), aliases, descriptors, outlets };
  }

  async listArticles(options: PageOptions & { outlet?: string } = {}): Promise<Page<ArticleSummary>> {
    const { limit, offset } = pageBounds(options);
    const params: unknown[] = [];
    let where = '';
    if (options.outlet) {
      params.push(likePattern(options.outlet));
      where = `WHERE a.outlet ILIKE $1 ESCAPE '\\'`;
    }
    const rows = await this.query<ArticleSummaryRow>(
      `SELECT a.id, a.title, a.outlet, a.byline, a.published, a.url, a.canonical_url,
         (SELECT COUNT(*)::int FROM quotes q WHERE q.article_id = a.id) AS quotes
       FROM articles a ${where}
       ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit + 1, offset],
    );
    return toPage(rows.map(toArticleSummary), limit, offset);
  }

  async getArticle(id: number): Promise<ArticleDetail | null> {
    if (!Number.isSafeInteger(id)) return null;
    const row = (
      await this.query<ArticleSummaryRow & { text: string }>(
        `SELECT a.id, a.title, a.outlet, a.byline, a.published, a.url, a.canonical_url, a.text,
           (SELECT COUNT(*)::int FROM quotes q WHERE q.article_id = a.id) AS quotes
         FROM articles a WHERE a.id = $1`,
        [id],
      )
    )[0];
    if (!row) return null;
    const [quoteRows, peopleRows] = await Promise.all([
      this.query<QuoteRow>(`SELECT ${QUOTE_COLS} FROM quotes q WHERE q.article_id = $1 ORDER BY q.start, q.id`, [id]),
      this.query<ArticlePeopleRow>('SELECT * FROM article_people WHERE article_id = $1', [id]),
    ]);
    const quotes = quoteRows.map(
      (r): StoredQuote => ({
        ...toContractQuote(r),
        id: r.id,
        quotationId: r.quotation_id,
        personId: r.person_id,
        speakerLabel: shownSpeaker(r),
      }),
    );
    const people = toContractPeople(peopleRows, row.text).map(({ row: p, ...person }): ArticlePerson => ({ ...person, personId: p.person_id }));
    return { ...toArticleSummary(row), text: row.text, quotes, people };
  }

  async personQuotes(id: number, options: PageOptions = {}): Promise<Page<PersonQuote>> {
    const { limit, offset } = pageBounds(options);
    if (!Number.isSafeInteger(id)) return { items: [], next: null };
    const rows = await this.query<AppearanceRow>(
      `SELECT ${QUOTE_COLS}, a.url, a.canonical_url, a.title, a.outlet FROM quotes q JOIN articles a ON a.id = q.article_id
       WHERE q.person_id = $1 ORDER BY q.published IS NULL, q.published DESC, q.id DESC LIMIT $2 OFFSET $3`,
      [id, limit + 1, offset],
    );
    return toPage(
      rows.map(toPersonQuote),
      limit,
      offset,
    );
  }

  async personQuotesPerDay(id: number): Promise<DayCount[]> {
    if (!Number.isSafeInteger(id)) return [];
    return this.query<DayCount>(
      `SELECT substr(published, 1, 10) AS day, COUNT(*)::int AS count FROM quotes
       WHERE person_id = $1 AND published IS NOT NULL GROUP BY 1 ORDER BY 1`,
      [id],
    );
  }

  async *exportArticles(): AsyncIterable<ExportedArticle> {
    let last = 0;
    for (;;) {
      const rows = await this.query<ExportRow>('SELECT id, external_id, url, canonical_url, title, outlet, published, text FROM articles WHERE id > $1 ORDER BY id LIMIT 200', [last]);
      if (rows.length === 0) return;
      const ids = rows.map((r) => r.id);
      const [quoteRows, peopleRows] = await Promise.all([
        this.query<QuoteRow>(`SELECT ${QUOTE_COLS} FROM quotes q WHERE q.article_id = ANY($1::bigint[]) ORDER BY q.article_id, q.start, q.id`, [ids]),
        this.query<ArticlePeopleRow & { article_id: number }>('SELECT * FROM article_people WHERE article_id = ANY($1::bigint[])', [ids]),
      ]);
      const quotesOf = groupBy(quoteRows, (r) => r.article_id);
      const peopleOf = groupBy(peopleRows, (r) => r.article_id);
      for (const a of rows) {
        last = a.id;
        yield toExportedArticle(a, quotesOf.get(a.id) ?? [], peopleOf.get(a.id) ?? []);
      }
    }
  }

  async stats(): Promise<StoreStats> {
    const r = (
      await this.query<{ articles: number; quotes: number; quotations: number; people: number }>(
        `SELECT (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM quotes) AS quotes,
           (SELECT COUNT(*) FROM quotations) AS quotations, (SELECT COUNT(*) FROM people) AS people`,
      )
    )[0]!;
    return { ...r, schemaVersion: this.schemaVersion };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready.catch(() => undefined);
    await this.pool.end();
  }
}

/** Applies pending migrations under an advisory lock; returns the schema version afterwards. */
export async function migrate(client: pg.ClientBase): Promise<number> {
  // A fixed key: only one process migrates a database at a time.
  await client.query('SELECT pg_advisory_lock(7242031)');
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const m of PG_MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await m.run?.(client);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new PostgresOpenError(`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`);
      }
    }
    return (await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')).rows[0]!.v ?? 0;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7242031)');
  }
}

async function findArticleWith(db: pg.Pool | pg.ClientBase, key: ArticleKey): Promise<number | null> {
  const r = await db.query<{ id: number }>(
    `(SELECT id FROM articles WHERE $1::text IS NOT NULL AND canonical_url = $1 LIMIT 1)
     UNION ALL
     (SELECT id FROM articles WHERE text_hash = $2 AND (canonical_url IS NULL OR $1::text IS NULL) LIMIT 1)
     LIMIT 1`,
    [key.canonicalUrl ?? null, key.textHash],
  );
  return r.rows[0]?.id ?? null;
}

/** A failure of the connection itself (the client must not go back to the pool). */
function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  const message = (err as Error)?.message ?? '';
  return /^E[A-Z]+$/.test(code) || /^(08|57)/.test(code) || /Connection terminated|connection error|not queryable/i.test(message);
}

/**
 * What onrecord_add() takes: the advisory locks to take (sorted), the article, its people with
 * their normalised names and counted aliases and descriptors, and its quotes with their exact
 * keys, normalised wording and LSH bands (normalize.ts, the same keys as the SQLite store).
 */
function addPayload(article: ArticleInput, analysis: Analysis, prepared: PreparedArticle): { payload: AddPayload; quotes: QuotePlan[] } {
  const textHash = prepared.textHash;
  const canonicalUrl = article.canonicalUrl ?? null;
  const people = analysis.people
    .map((person, i) => ({ person, pp: prepared.people[i] ?? null }))
    .filter((x): x is { person: Person; pp: PreparedPerson } => x.pp !== null);
  const quotes: QuotePlan[] = analysis.quotes.map((quote, i) => {
    const pq = prepared.quotes[i]!;
    return {
      quote,
      key: pq.key,
      keys: [...new Set([pq.key, ...pq.segmentKeys])],
      words: pq.words ? pq.words.split(' ') : [],
      normText: pq.words,
      bands: pq.bands,
      speakerNorm: pq.speakerNorm,
    };
  });
  const locks = new Set<bigint>([lockKey('article-hash', textHash)]);
  if (canonicalUrl) locks.add(lockKey('article-url', canonicalUrl));
  for (const { pp } of people) locks.add(lockKey('surname', pp.surname));
  for (const q of quotes) if (q.speakerNorm) locks.add(lockKey('surname', q.speakerNorm.slice(q.speakerNorm.lastIndexOf(' ') + 1)));
  for (const q of quotes) {
    for (const k of q.keys) locks.add(lockKey('quotation', k));
    for (const b of q.bands) locks.add(lockKey('band', String(b)));
  }
  // One row per local id (the last, as the SQLite store's INSERT OR REPLACE keeps).
  const local = new Map<string, Person>();
  for (const p of analysis.people) local.set(p.id, p);
  const payload: AddPayload = {
    locks: [...locks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String),
    article: {
      external_id: article.externalId ?? null,
      source: article.source,
      url: article.url ?? null,
      canonical_url: canonicalUrl,
      text_hash: textHash,
      title: article.title ?? null,
      byline: article.byline ?? null,
      outlet: article.outlet ?? null,
      published: article.published ?? null,
      text: article.text,
    },
    people: people.map(({ person, pp }) => {
      // What the article says of the person, for onrecord_add()'s identity rules (identity.ts).
      const honorifics = { found: false };
      const titles = titlesOf(pp.descriptors.map((d) => d[0]), honorifics);
      return {
        local_id: person.id,
        name: pp.name,
        kind: person.kind,
        norm: pp.norm,
        surname: pp.surname,
        tokens: pp.tokens,
        aliases: pp.aliases,
        descriptors: pp.descriptors,
        gender: person.gender === 'm' || person.gender === 'f' ? person.gender : null,
        male: person.gender === 'm' ? 1 : 0,
        female: person.gender === 'f' ? 1 : 0,
        titles: [...titles],
        named: titles.size > 0 || honorifics.found,
        quotes: analysis.quotes.reduce((n, q) => n + (q.speaker?.entity === person.id ? 1 : 0), 0),
      };
    }),
    article_people: [...local.values()].map((p) => ({
      local_id: p.id,
      name: p.name,
      kind: p.kind,
      gender: p.gender ?? null,
      descriptors: JSON.stringify(p.descriptors ?? []),
      mentions: mentionsJson(p.mentions ?? []),
    })),
    quotes: quotes.map(({ quote: q, key, keys, normText, bands }, i) => (quotes[i]!.payload = {
      key,
      keys,
      norm_text: normText,
      bands: bands.map(String),
      entity: q.speaker?.entity ?? null,
      speaker_norm: quotes[i]!.speakerNorm,
      speaker_name: q.speaker?.name ?? null,
      start: q.start,
      end: q.end,
      text: q.text,
      type: q.type,
      mention_start: q.speaker?.mention?.start ?? null,
      mention_end: q.speaker?.mention?.end ?? null,
      mention_text: q.speaker?.mention?.text ?? null,
      cue_start: q.cue?.start ?? null,
      cue_end: q.cue?.end ?? null,
      cue_text: q.cue?.text ?? null,
      confidence: Number.isFinite(q.confidence) ? q.confidence : 0,
    })),
  };
  return { payload, quotes };
}

/**
 * The quotes' addressees and times, written in the article's transaction right after
 * onrecord_add() (which predates them): matched by offsets among the quotes of the newest
 * article with this text, the one just added. (When the article was already stored, that is
 * the stored one, and the same text gives the same values, so it only fills what is empty.)
 */
function circumstancesUpdate(client: Client, analysis: Analysis, payload: AddPayload): string {
  const rows = analysis.quotes
    .filter((q) => q.addressee || q.when)
    .map((q) => ({ start: q.start, end: q.end, ...circumstancesJson(q) }));
  if (rows.length === 0) return '';
  const hash = client.escapeLiteral(String(payload.article.text_hash));
  return `UPDATE quotes q SET addressee = c.addressee, said_when = c.said_when
    FROM jsonb_to_recordset(${client.escapeLiteral(JSON.stringify(rows))}::jsonb) AS c(start int, "end" int, addressee text, said_when text)
    WHERE q.article_id = (SELECT a.id FROM articles a WHERE a.text_hash = ${hash} ORDER BY a.id DESC LIMIT 1)
      AND q.start = c.start AND q."end" = c."end" AND q.addressee IS NULL AND q.said_when IS NULL; `;
}

type QuotePayload = Record<string, unknown>;

interface AddPayload {
  locks: string[];
  article: Record<string, unknown>;
  people: unknown[];
  article_people: unknown[];
  quotes: QuotePayload[];
}

/**
 * For each quote no known key finds: the near-identical quotation it joins (`near`, or
 * `near_quote`: the one an earlier quote of the article starts), chosen as the SQLite store
 * chooses (most similar wording at or above the threshold, among at most 50 candidates), and
 * the candidates it chose among (`cands`) and the best similarity (`best`): onrecord_add()
 * compares, under the locks, only the candidates that have appeared since.
 */
function decideNear(plans: QuotePlan[], keys: Record<string, number>, candidates: [number, string][][]): QuotePayload[] {
  const known = new Set(Object.keys(keys));
  const fresh: { index: number; words: string[]; bands: Set<number> }[] = [];
  return plans.map((q, i) => {
    const base = { ...q.payload };
    const hit = q.keys.some((k) => known.has(k));
    for (const k of q.keys) known.add(k); // later quotes with the same key join this one
    if (hit || q.bands.length === 0) {
      if (!hit && q.bands.length === 0) fresh.push({ index: i, words: q.words, bands: new Set() });
      return { ...base, cands: [] };
    }
    const cands = candidates[i] ?? [];
    let best = NEAR_THRESHOLD;
    let near: number | null = null;
    let nearQuote: number | null = null;
    for (const [id, text] of cands) {
      const sim = wordSimilarity(q.words, text.split(' '));
      if (sim >= best) {
        best = sim;
        near = id;
      }
    }
    for (const f of fresh) {
      if (!q.bands.some((b) => f.bands.has(b))) continue;
      const sim = wordSimilarity(q.words, f.words);
      if (sim >= best) {
        best = sim;
        near = null;
        nearQuote = f.index;
      }
    }
    if (near === null && nearQuote === null) fresh.push({ index: i, words: q.words, bands: new Set(q.bands) });
    return { ...base, cands: cands.map(([id]) => id), near, near_quote: nearQuote, best };
  });
}

function groupBy<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(r);
  }
  return m;
}

