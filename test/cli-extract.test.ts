/**
 * `onrecord extract`: inputs, formats and bad input, through the real bin entry.
 * These tests check structure (one output per input, ids, offsets, exit codes), never the
 * extractor's accuracy.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableLines } from '../src/cli/extract.js';
import type { Quote } from '../src/index.js';

const BIN = fileURLToPath(new URL('../../bin/onrecord.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../samples/harbour-ferry.txt', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'onrecord-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function extract(args: string[], input?: string | Buffer, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, 'extract', ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

interface SpanLike {
  start: number;
  end: number;
  text: string;
}

function assertSpan(text: string, span: SpanLike | null | undefined, what: string): void {
  if (!span) return;
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what}: offsets in range`);
  assert.equal(text.slice(span.start, span.end), span.text, `${what}: text.slice(start, end) === text`);
}

/** Every span in an output object points into the article text it came from. */
function assertConsistent(text: string, out: Record<string, unknown>): void {
  assert.ok(Array.isArray(out.quotes), 'quotes is an array');
  assert.ok(Array.isArray(out.people), 'people is an array');
  const people = out.people as { id: string; name: string; mentions: SpanLike[] }[];
  const ids = new Set(people.map((p) => p.id));
  for (const p of people) {
    assert.equal(typeof p.name, 'string');
    for (const m of p.mentions ?? []) assertSpan(text, m, `mention of ${p.name}`);
  }
  for (const q of out.quotes as Quote[]) {
    assert.ok(['direct', 'mixed', 'indirect'].includes(q.type), `type ${q.type}`);
    assertSpan(text, q, 'quote');
    assertSpan(text, q.cue, 'cue');
    assertSpan(text, q.speaker?.mention, 'speaker mention');
    if (q.speaker?.entity != null) assert.ok(ids.has(q.speaker.entity), `speaker entity ${q.speaker.entity} is in people`);
  }
}

const ARTICLE_A = [
  'Mayor Ines Varga opened the new library on Friday.',
  '',
  '“Books are the cheapest way to travel,” Varga said. “Everyone is welcome here.”',
  '',
  'The head librarian, Piet Sorensen, said that the shelves would be full by June.',
].join('\n');

const ARTICLE_B = [
  'Firefighters contained a grass fire near the old quarry on Sunday.',
  '',
  'Chief Dana Whitlow told reporters: "Nobody was hurt, and the wind helped us."',
  'She said the cause was not yet known.',
].join('\n');

test('a .txt file is one article, its id the file name', () => {
  const path = file('library-opening.txt', ARTICLE_A);
  const r = extract([path]);
  assert.equal(r.status, 0, r.stderr);
  const out = jsonLines(r.stdout);
  assert.equal(out.length, 1);
  assert.equal(out[0]!.id, 'library-opening');
  assertConsistent(ARTICLE_A, out[0]!);
});

test('the sample article: offsets are consistent with the text', () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const r = extract([SAMPLE]);
  assert.equal(r.status, 0, r.stderr);
  const [out] = jsonLines(r.stdout);
  assert.equal(out!.id, 'harbour-ferry');
  assertConsistent(text, out!);
});

test('a .jsonl file gives one output line per article, in order, with the same ids', () => {
  const lines = [
    { id: 'first', text: ARTICLE_A, url: 'https://example.org/a', published: '2024-03-01' },
    { id: 'second', text: ARTICLE_B, title: 'Fire' },
    { id: 'third', text: 'No quotes in this one at all.' },
  ];
  const path = file('three.jsonl', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const r = extract([path]);
  assert.equal(r.status, 0, r.stderr);
  const out = jsonLines(r.stdout);
  assert.deepEqual(
    out.map((o) => o.id),
    ['first', 'second', 'third'],
  );
  out.forEach((o, i) => assertConsistent(lines[i]!.text, o));
});

test('gold fields on a jsonl line are ignored, not echoed', () => {
  const line = { id: 'g', text: ARTICLE_B, quotes: [{ start: 0, end: 5, text: 'Firef' }], people: [{ id: 'x' }] };
  const r = extract([file('gold.jsonl', JSON.stringify(line) + '\n')]);
  assert.equal(r.status, 0, r.stderr);
  const [out] = jsonLines(r.stdout);
  assert.ok(!JSON.stringify(out).includes('"Firef"'), 'gold quote must not reach the output');
  assertConsistent(ARTICLE_B, out!);
});

test('several files are extracted in order', () => {
  const a = file('a.txt', ARTICLE_A);
  const j = file('b.jsonl', JSON.stringify({ id: 'b1', text: ARTICLE_B }) + '\n' + JSON.stringify({ id: 'b2', text: '' }) + '\n');
  const r = extract([a, j]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    jsonLines(r.stdout).map((o) => o.id),
    ['a', 'b1', 'b2'],
  );
});

test('standard input: plain text, with no file and with -', () => {
  for (const args of [[], ['-']]) {
    const r = extract(args, ARTICLE_B);
    assert.equal(r.status, 0, r.stderr);
    const out = jsonLines(r.stdout);
    assert.equal(out.length, 1);
    assert.equal(out[0]!.id, 'stdin');
    assertConsistent(ARTICLE_B, out[0]!);
  }
  const named = extract(['--id', 'fire-story'], ARTICLE_B);
  assert.equal(jsonLines(named.stdout)[0]!.id, 'fire-story');
});

test('standard input: JSONL when the first non-space character is {', () => {
  const input = '\n  ' + JSON.stringify({ id: 's1', text: ARTICLE_A }) + '\n' + JSON.stringify({ id: 's2', text: ARTICLE_B }) + '\n';
  const r = extract(['-'], input);
  assert.equal(r.status, 0, r.stderr);
  const out = jsonLines(r.stdout);
  assert.deepEqual(
    out.map((o) => o.id),
    ['s1', 's2'],
  );
});

test('empty text gives no quotes and exit 0', () => {
  for (const [args, input] of [
    [[file('empty.txt', '')], undefined],
    [[file('blank.txt', '  \n\n \t\n')], undefined],
    [[], ''],
    [[file('empty-text.jsonl', '{"id":"e","text":""}\n')], undefined],
  ] as [string[], string | undefined][]) {
    const r = extract(args, input);
    assert.equal(r.status, 0, r.stderr);
    const out = jsonLines(r.stdout);
    assert.equal(out.length, 1);
    assert.deepEqual(out[0]!.quotes, []);
    assert.deepEqual(out[0]!.people, []);
  }
});

test('a binary file is named on stderr, the good file is still extracted, exit 2', () => {
  const bin = file('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  const good = file('good.txt', ARTICLE_A);
  const r = extract([bin, good]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /photo\.txt/);
  const out = jsonLines(r.stdout);
  assert.deepEqual(
    out.map((o) => o.id),
    ['good'],
  );
});

test('a binary .jsonl file is rejected as a whole', () => {
  const bin = file('blob.jsonl', Buffer.concat([Buffer.from('{"id":"x"'), Buffer.alloc(64), Buffer.from('}\n')]));
  const r = extract([bin, file('ok.txt', ARTICLE_B)]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /blob\.jsonl/);
  assert.deepEqual(
    jsonLines(r.stdout).map((o) => o.id),
    ['ok'],
  );
});

test('invalid UTF-8 is named on stderr, exit 2', () => {
  const latin1 = file('latin1.txt', Buffer.from('Caf\xe9 owner said: "closed"', 'latin1'));
  const good = file('fine.txt', ARTICLE_B);
  const r = extract([latin1, good]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /latin1\.txt/);
  assert.match(r.stderr, /UTF-8/);
  assert.deepEqual(
    jsonLines(r.stdout).map((o) => o.id),
    ['fine'],
  );
});

test('binary data on standard input: error, exit 2', () => {
  const r = extract([], Buffer.from([0x00, 0x01, 0x02, 0xff]));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /stdin/);
  assert.equal(r.stdout, '');
});

test('a missing file is named on stderr, the rest still extracted, exit 2', () => {
  const missing = join(dir, 'does-not-exist.txt');
  const missingJsonl = join(dir, 'does-not-exist.jsonl');
  const r = extract([missing, file('here.txt', ARTICLE_A), missingJsonl]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /does-not-exist\.txt/);
  assert.match(r.stderr, /does-not-exist\.jsonl/);
  assert.deepEqual(
    jsonLines(r.stdout).map((o) => o.id),
    ['here'],
  );
});

test('bad jsonl lines become error objects in place, with line numbers; the rest is extracted; exit 2', () => {
  const lines = [
    JSON.stringify({ id: 'ok1', text: ARTICLE_A }), // 1
    '{"id": "broken", "text": "unterminated', // 2: not JSON
    '', // 3: blank, skipped
    JSON.stringify({ id: 'notext', title: 'No body' }), // 4: no text
    JSON.stringify({ id: 'numtext', text: 42 }), // 5: text not a string
    '[1, 2, 3]', // 6: not an object
    JSON.stringify({ id: 'ok2', text: ARTICLE_B }), // 7
  ];
  const r = extract([file('mixed.jsonl', lines.join('\n'))]); // no final newline
  assert.equal(r.status, 2);
  const out = jsonLines(r.stdout);
  assert.equal(out.length, 6, 'one output line per non-blank input line');
  assert.equal(out[0]!.id, 'ok1');
  assert.deepEqual(
    out.slice(1, 5).map((o) => [o.id, o.line]),
    [
      [null, 2],
      ['notext', 4],
      ['numtext', 5],
      [null, 6],
    ],
  );
  for (const o of out.slice(1, 5)) {
    assert.equal(typeof o.error, 'string');
    assert.ok((o.error as string).length > 0);
    assert.ok(!('quotes' in o));
  }
  assert.equal(out[5]!.id, 'ok2');
  assertConsistent(ARTICLE_B, out[5]!);
  assert.match(r.stderr, /mixed\.jsonl:2/);
  assert.match(r.stderr, /mixed\.jsonl:4/);
});

test('an invalid UTF-8 jsonl line becomes an error object in place', () => {
  const content = Buffer.concat([
    Buffer.from(JSON.stringify({ id: 'u1', text: 'Fine.' }) + '\n'),
    Buffer.from('{"id":"u2","text":"bad \xff byte"}\n', 'latin1'),
    Buffer.from(JSON.stringify({ id: 'u3', text: 'Also fine.' }) + '\r\n'),
  ]);
  const r = extract([file('utf.jsonl', content)]);
  assert.equal(r.status, 2);
  const out = jsonLines(r.stdout);
  assert.deepEqual(
    out.map((o) => o.id ?? o.line),
    ['u1', 2, 'u3'],
  );
  assert.match(out[1]!.error as string, /UTF-8/);
});

test('a 2 MB jsonl line with no spaces works', () => {
  const long = 'abcdefghij'.repeat(200_000) + '“' + 'klmnopqrst'.repeat(10_000);
  const content = JSON.stringify({ id: 'long', text: long }) + '\n' + JSON.stringify({ id: 'after', text: ARTICLE_A }) + '\n';
  const r = extract([file('long.jsonl', content)]);
  assert.equal(r.status, 0, r.stderr);
  const out = jsonLines(r.stdout);
  assert.deepEqual(
    out.map((o) => o.id),
    ['long', 'after'],
  );
  assertConsistent(long, out[0]!);
});

test('--format json is one pretty JSON array', () => {
  const r = extract(['--format', 'json', file('j1.txt', ARTICLE_A), file('j2.jsonl', '{"id":"j2","text":"Hi."}\nnope\n')]);
  assert.equal(r.status, 2);
  const arr = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.ok(Array.isArray(arr));
  assert.deepEqual(
    arr.map((o) => o.id),
    ['j1', 'j2', null],
  );
  assert.equal(arr[2]!.line, 2);
  assert.ok(r.stdout.split('\n').length > arr.length, 'pretty-printed');

  const none = extract(['--format', 'json', join(dir, 'nothing-here.txt')]);
  assert.deepEqual(JSON.parse(none.stdout), []);
});

test('--format table: header, one row per quote, fits the terminal width', () => {
  const one = extract(['--format', 'table', file('t1.txt', ARTICLE_A)], undefined, { COLUMNS: '72' });
  assert.equal(one.status, 0, one.stderr);
  assert.ok(one.stdout.length > 0);
  assert.ok(!one.stdout.trimStart().startsWith('{'), 'not JSON');
  for (const line of one.stdout.split('\n')) assert.ok(Array.from(line).length <= 72, `line fits 72 columns: ${line}`);

  const two = extract(['--format', 'table', file('t2.txt', ARTICLE_A), file('t3.txt', ARTICLE_B)], undefined, { COLUMNS: '72' });
  assert.equal(two.status, 0, two.stderr);
  assert.match(two.stdout, /^# t2\b/m, 'header line for the first article');
  assert.match(two.stdout, /^# t3\b/m, 'header line for the second article');
  for (const line of two.stdout.split('\n')) assert.ok(Array.from(line).length <= 72, `line fits 72 columns: ${line}`);
});

test('table rows: speaker, cue and quote aligned and cut to width', () => {
  const text = 'x'.repeat(10);
  const quotes: Quote[] = [
    {
      type: 'direct',
      start: 0,
      end: 10,
      text: '“A short one,”',
      speaker: { name: 'Ines Varga', entity: 'p1', mention: null },
      cue: { start: 0, end: 4, text: 'said' },
      confidence: 0.9,
    },
    {
      type: 'indirect',
      start: 0,
      end: 10,
      text: 'that the shelves would be full by June, and that\nthe reading room would stay open late on weekdays for students',
      speaker: { name: null, entity: null, mention: { start: 0, end: 3, text: 'she' } },
      cue: { start: 0, end: 9, text: 'announced' },
      confidence: 0.5,
    },
    { type: 'direct', start: 0, end: 10, text: '“Anonymous.”', speaker: { name: null, entity: null, mention: null }, cue: null, confidence: 0.2 },
  ];
  void text;
  const lines = tableLines(quotes, 60);
  assert.equal(lines.length, 4);
  assert.match(lines[0]!, /^SPEAKER\s+CUE\s+QUOTE$/);
  assert.match(lines[1]!, /^Ines Varga\s+said\s+“A short one,”$/);
  assert.match(lines[2]!, /^she\s+announced\s+that the shelves/);
  assert.ok(lines[2]!.endsWith('…'), 'long quote is cut with an ellipsis');
  assert.ok(!lines[2]!.includes('\n'));
  for (const l of lines) assert.ok(Array.from(l).length <= 60);
  // The quote column starts at the same place on every row.
  const col = lines[0]!.indexOf('QUOTE');
  assert.equal(lines[1]!.indexOf('“A short'), col);
  assert.equal(lines[2]!.indexOf('that the'), col);
  assert.equal(lines[3]!.indexOf('“Anonymous'), col);
});

test('output is written as it goes: a reader that stops early does not break the run', () => {
  const many = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: `m${i}`, text: ARTICLE_B })).join('\n');
  const r = spawnSync('bash', ['-c', `node "${BIN}" extract "$1" | head -n 3`, 'bash', file('many.jsonl', many)], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.doesNotMatch(r.stderr, /Error|EPIPE/);
  assert.deepEqual(
    jsonLines(r.stdout).map((o) => o.id),
    ['m0', 'm1', 'm2'],
  );
});

test('onrecord --help lists the extract command', () => {
  const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /extract/);
});
