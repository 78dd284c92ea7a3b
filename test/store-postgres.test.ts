/**
 * What only the PostgreSQL store has: migrations in a shared database, full-text search through
 * a GIN-indexed tsvector, concurrent writers deciding identities (articles, people, quotations)
 * without duplicates, and clear errors for a missing server or record.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import pg from 'pg';
import { PG_MIGRATIONS } from '../src/store/pg-migrations.js';
import { openPostgresStore, tsQueryText } from '../src/store/postgres.js';
import { openStore, StoreOpenError } from '../src/store/index.js';
import type { ArticleInput } from '../src/store/store.js';
import { buildAnalysis } from './helpers/analysis.js';
import { needs, throwawayDatabase } from './helpers/backends.js';

const skip = needs('ONRECORD_TEST_PG');

test('tsQueryText: words, phrases, prefixes, OR/NOT, weights; nothing else gets through', () => {
  assert.equal(tsQueryText('harbour decade'), "'harbour' & 'decade'");
  assert.equal(tsQueryText('"first pier" pier*'), "('first' <-> 'pier') & 'pier':*");
  assert.equal(tsQueryText('a OR b NOT c'), "'a' | 'b' & ! 'c'");
  assert.equal(tsQueryText('Reyes', 'B'), "'reyes':B");
  assert.equal(tsQueryText("rey* o'brien", 'B'), "'rey':*B & ('o':B <-> 'brien':B)");
  assert.equal(tsQueryText("OR NOT ' & | ! ( ) :* <->"), '');
});

test('[postgres] migrations: versioned, applied once by concurrent openers, tsvector with a GIN index', { skip }, async () => {
  const db = await throwawayDatabase();
  try {
    // Several workers starting at once: one migrates, the others wait and find it done.
    const stores = [openPostgresStore(db.url), openPostgresStore(db.url), openPostgresStore(db.url)];
    const stats = await Promise.all(stores.map((s) => s.stats()));
    const latest = PG_MIGRATIONS.at(-1)!.version;
    assert.deepEqual(stats.map((s) => s.schemaVersion), [latest, latest, latest]);
    await Promise.all(stores.map((s) => s.close()));
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      assert.deepEqual((await c.query('SELECT version FROM schema_migrations ORDER BY version')).rows, PG_MIGRATIONS.map((m) => ({ version: m.version })));
      const gin = (await c.query("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING gin (search)%' ORDER BY 1")).rows;
      assert.deepEqual(gin.map((r) => r.indexname), ['person_names_search', 'quotes_search']);
    } finally {
      await c.end();
    }
  } finally {
    await db.drop();
  }
});

test('[postgres] diacritics fold in search: "Jose" finds José, "Skoda" finds Škoda', { skip }, async () => {
  const db = await throwawayDatabase();
  const store = openPostgresStore(db.url);
  try {
    const T = 'José Núñez was clear. "The Škoda plant stays open, whatever happens this winter," Núñez said.';
    await store.addArticle(
      { source: 't', text: T, published: '2025-01-02' },
      buildAnalysis(T, [{ id: 'p1', name: 'José Núñez', mentions: ['José Núñez', 'Núñez'] }], [
        { quote: '"The Škoda plant stays open, whatever happens this winter,"', speaker: 'José Núñez', entity: 'p1', mention: 'Núñez' },
      ]),
    );
    assert.equal((await store.search({ text: 'skoda plant' })).length, 1);
    assert.equal((await store.search({ speaker: 'Jose Nunez' })).length, 1);
    assert.equal((await store.person('jose nunez'))?.name, 'José Núñez');
  } finally {
    await store.close();
    await db.drop();
  }
});

const VOCAB = (
  'harbour ferry budget council school bridge library taxes parks police water election transit rents port road ' +
  'winter summer river market hospital nurses doctors teachers buses trains cyclists farmers fishermen workers ' +
  'promise plan vote delay cost money future region village city island coast valley forest mountain lake'
).split(' ');

/** Twelve words of article i's own quotation, drawn so that no two articles' wordings are near-identical. */
function ownWords(i: number): string {
  let seed = 7919 * (i + 1);
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % VOCAB.length;
  return Array.from({ length: 12 }, () => VOCAB[next()]!).join(' ');
}

/** Article i of a set in which every article quotes the same people and shares one quotation. */
function raceArticle(i: number, copy: number): { article: ArticleInput; analysis: ReturnType<typeof buildAnalysis> } {
  // Near-identical wordings of one quotation (one word apart): grouped, never split by a race.
  const variant = ['on', 'within', 'under', 'to'][i % 4];
  const shared = `"The harbour will be finished before the next election, and ${variant} budget,"`;
  const own = `"${ownWords(i)},"`;
  const text = `Story ${i}. Mayor Jane Doe spoke. ${shared} Doe said. Tom Reyes replied: ${own} Reyes said.`;
  return {
    // Copies of one article: from a page with its canonical URL, or as bare text (a .txt
    // file): one article either way, by URL or by text.
    article: { source: `copy-${copy}-${i}`, canonicalUrl: copy % 2 ? null : `https://race.example/${i}`, outlet: `Outlet ${i % 3}`, published: `2025-02-${String(10 + (i % 9)).padStart(2, '0')}`, text },
    analysis: buildAnalysis(
      text,
      [
        { id: 'p1', name: 'Jane Doe', mentions: ['Mayor Jane Doe', 'Doe'] },
        { id: 'p2', name: 'Tom Reyes', mentions: ['Tom Reyes', 'Reyes'] },
      ],
      [
        { quote: shared, speaker: 'Jane Doe', entity: 'p1', mention: 'Doe', cue: 'said' },
        { quote: own, speaker: 'Tom Reyes', entity: 'p2', mention: 'Reyes', cue: 'said' },
      ],
    ),
  };
}

test('[postgres] concurrent writers: every article, person and quotation once, counts exact', { skip }, async () => {
  const db = await throwawayDatabase();
  // Four stores with their own connection pools stand for four worker processes; each stores
  // every article (as redelivered jobs would), all at the same time.
  const writers = [0, 1, 2, 3].map(() => openPostgresStore(db.url, { poolSize: 4 }));
  try {
    const N = 40;
    const results = await Promise.all(
      writers.map(async (w, copy) => {
        const order = Array.from({ length: N }, (_, i) => (copy % 2 ? N - 1 - i : i));
        const out: boolean[] = [];
        // Two articles in flight per writer, as a worker with --concurrency 2.
        for (let k = 0; k < order.length; k += 2) {
          const pair = order.slice(k, k + 2).map((i) => raceArticle(i, copy));
          const rs = await Promise.all(pair.map(({ article, analysis }) => w.addArticle(article, analysis)));
          out.push(...rs.map((r) => r.added));
        }
        return out;
      }),
    );
    assert.equal(results.flat().filter(Boolean).length, N, 'each article added by exactly one writer');
    const s = await writers[0]!.stats();
    assert.deepEqual([s.articles, s.quotes, s.people, s.quotations], [N, 2 * N, 2, N + 1]);
    const people = await writers[0]!.people();
    assert.deepEqual(people.map((p) => [p.name, p.quotes, p.articles]), [
      ['Jane Doe', N, N],
      ['Tom Reyes', N, N],
    ]);
    const hit = (await writers[0]!.search({ text: 'harbour election budget' }))[0]!;
    assert.equal(hit.totalAppearances, N);
    assert.equal(hit.first.published, '2025-02-10');
    const alias = (await writers[0]!.person('Jane Doe'))!.aliases.find((a) => a.value === 'Doe');
    assert.equal(alias?.count, N);
  } finally {
    await Promise.all(writers.map((w) => w.close()));
    await db.drop();
  }
});

test('[postgres] open errors: no server, no record (queries), a bad password never printed', { skip }, async () => {
  // A port nothing listens on.
  const port = await new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
  const down = openStore(`postgres://someone:s3cret@127.0.0.1:${port}/nothing`);
  await assert.rejects(down.stats(), (err: Error) => {
    assert.ok(err instanceof StoreOpenError);
    assert.match(err.message, new RegExp(`cannot connect to PostgreSQL at postgres://someone:\\*\\*\\*@127\\.0\\.0\\.1:${port}/nothing`));
    assert.ok(!err.message.includes('s3cret'));
    return true;
  });
  await down.close();
  const db = await throwawayDatabase();
  try {
    const q = openStore(db.url, { mustExist: true });
    await assert.rejects(q.people(), (err: Error) => err instanceof StoreOpenError && /no record at/.test(err.message));
    await q.close();
  } finally {
    await db.drop();
  }
});
