/** Reading text files and walking directories as ingest's main thread does: the same results as the reference readers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputWalker } from '../src/ingest/inputs.js';
import { binaryByCounts, looksBinary, SNIFF_LENGTH } from '../src/ingest/sniff.js';
import { readTextArticle, readTextFile } from '../src/ingest/text.js';
import { articleTextHash, normalizeArticleText, sha256, utf8TextScan } from '../src/store/normalize.js';

function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-read-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Random byte strings of text, marks, control bytes and NULs (a fixed seed: the same each run). */
function randomBytes(count: number): Buffer[] {
  const bytesOf = (list: string[]) => list.map((p) => Buffer.from(p, 'utf8'));
  const text = bytesOf(['a', 'B', 'Word ', ' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '\u00a0', '\u2026', '\u201c', '\u2019', '\u2014', '\u2212', '\u00ab', '`', '"', '\x7f']);
  const controls = bytesOf(['\x01', '\x07', '\x08', '\x0e', '\x1b', '\x1f', '\0']);
  // Characters the one pass leaves to the reference path.
  const rare = bytesOf(['é', '\u2028', '\u{1f600}']);
  let seed = 11;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out: Buffer[] = [Buffer.alloc(0)];
  for (let k = 0; k < count; k++) {
    const parts: Buffer[] = [];
    // Mostly short texts; some past SNIFF_LENGTH, where control bytes no longer count.
    const long = rnd() < 0.1;
    if (long) parts.push(Buffer.alloc(SNIFF_LENGTH - 40 + Math.floor(rnd() * 80), 'x'));
    // Few control bytes in most texts, many in some.
    const controlRate = rnd() < 0.5 ? 0.02 : 0.3;
    for (let i = 1 + Math.floor(rnd() * 60); i > 0; i--) {
      const r = rnd();
      const from = r < 0.003 ? rare : r < controlRate ? controls : text;
      parts.push(from[Math.floor(rnd() * from.length)]!);
    }
    if (long && rnd() < 0.5) parts.reverse();
    out.push(Buffer.concat(parts));
  }
  return out;
}

test('a text file scanned once: the binary check and the hash of looksBinary and articleTextHash', () => {
  let hashed = 0;
  let binary = 0;
  for (const bytes of randomBytes(20000)) {
    const n = Math.min(bytes.length, SNIFF_LENGTH);
    const scan = utf8TextScan(bytes, n);
    if (scan.textHash === null) continue; // the caller checks and hashes such a text itself
    hashed++;
    const isBinary = binaryByCounts(n, scan.controls, scan.nul);
    if (isBinary) binary++;
    assert.equal(isBinary, looksBinary(bytes), JSON.stringify(bytes.toString('latin1')));
    const text = bytes.toString('utf8');
    assert.equal(scan.textHash, articleTextHash(text, bytes), JSON.stringify(text));
    assert.equal(scan.text, /[^\x00-\xff]/.test(text) ? text : null, JSON.stringify(text));
    assert.equal(scan.textHash, articleTextHash(text), JSON.stringify(text));
  }
  // Both verdicts, and most texts, took the one pass.
  assert.ok(hashed > 15000 && binary > 1000 && hashed - binary > 1000, `${hashed} hashed, ${binary} binary`);
});

test('the text hash and text read from bytes four at a time: the same at any alignment of the bytes', () => {
  // Runs of plain ASCII (read a word at a time) broken by what is read a byte at a time: capitals
  // at the word tests' edges (@ A Z [), backquotes, spaces doubled, other whitespace, marks.
  const pieces = ['word', 'Word', 'ABCD', 'a b ', ' ', '  ', '@[`{', 'Z', '~\x7f', '\n', '\t', '\r\n', '\u00a0', '\u201c', '\u2019', '\u2026', '\x01', 'é', '12.5%'];
  let seed = 5;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const room = Buffer.alloc(8192);
  for (let k = 0; k < 5000; k++) {
    let text = '';
    for (let i = Math.floor(rnd() * 80); i > 0; i--) text += rnd() < 0.7 ? pieces[Math.floor(rnd() * 4)] : pieces[Math.floor(rnd() * pieces.length)];
    const expected = sha256(normalizeArticleText(text));
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < 8; offset++) {
      bytes.copy(room, offset);
      const view = new Uint8Array(room.buffer, room.byteOffset + offset, bytes.length);
      assert.equal(articleTextHash(text, view), expected, `${JSON.stringify(text)} at ${offset}`);
      const scan = utf8TextScan(view, view.length);
      if (scan.textHash !== null) {
        assert.equal(scan.textHash, expected);
        assert.equal(binaryByCounts(view.length, scan.controls, scan.nul), looksBinary(view));
        // Decoded on the way when it has a character past Latin-1: the text itself.
        assert.equal(scan.text, /[^\x00-\xff]/.test(text) ? text : null, `${JSON.stringify(text)} at ${offset}`);
      }
    }
  }
});

test('readTextFile reads a file as readTextArticle does, with its text hash', async () => {
  const { dir, done } = tempDir();
  try {
    const files: [string, Buffer][] = [
      ['plain.txt', Buffer.from('The Mayor said: \u201cWe\u2019ll build it \u2014 soon.\u201d\n\nEnd.\n')],
      ['accented.txt', Buffer.from('Zo\u00eb said: \u201cIt\u2019s caf\u00e9 time.\u201d')],
      ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Ren\u00e9e\u2019s note.')])],
      ['latin1.txt', Buffer.from('Cl\u00e9ment\'s "note".', 'latin1')],
      ['controls.txt', Buffer.from('a\x01b\x02 c\x1b d\n'.repeat(40))],
      ['late-controls.txt', Buffer.concat([Buffer.alloc(SNIFF_LENGTH, 'y'), Buffer.alloc(2000, 1)])],
      ['nul.txt', Buffer.from('text then \0 a NUL')],
      ['empty.txt', Buffer.from(' \n\t ')],
      // Past the room the decoding keeps between files (a million code units).
      ['large.txt', Buffer.from('\u201cQuote,\u201d he said.  '.repeat(70000))],
    ];
    for (const [name, bytes] of files) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      let expected: unknown;
      try {
        const article = await readTextArticle(path, true);
        expected = { article, textHash: articleTextHash(article.text, article.textUtf8) };
      } catch (err) {
        expected = (err as Error).message;
      }
      let actual: unknown;
      try {
        const read = readTextFile(path);
        // And, when the one pass decoded the text, where its UTF-8 offsets and its code units part:
        // each character past ASCII, with the extra bytes up to and including it.
        const extra = read.article.textUtf8Extra;
        if (extra) {
          const text = read.article.text;
          const expectedPairs: number[] = [];
          let more = 0;
          for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c < 0x80) continue;
            more += c < 0x800 ? 1 : 2;
            expectedPairs.push(i, more);
          }
          assert.deepEqual([...extra], expectedPairs, name);
          delete read.article.textUtf8Extra;
        }
        actual = read;
      } catch (err) {
        actual = (err as Error).message;
      }
      assert.deepEqual(actual, expected, name);
    }
    assert.throws(() => readTextFile(join(dir, 'missing.txt')), /no such file/);
  } finally {
    done();
  }
});

test('a directory walk: regular files without a stat each, links followed, in name order', async () => {
  const { dir, done } = tempDir();
  try {
    const src = join(dir, 'in');
    mkdirSync(join(src, 'b-sub'), { recursive: true });
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'linked.txt'), 'linked\n');
    writeFileSync(join(src, 'a.txt'), 'a\n');
    writeFileSync(join(src, 'B.jsonl'), '{}\n');
    writeFileSync(join(src, 'c.md'), 'not an input\n');
    writeFileSync(join(src, '.hidden.txt'), 'hidden\n');
    writeFileSync(join(src, 'b-sub', 'inner.html'), '<p>x</p>\n');
    symlinkSync(join(other, 'linked.txt'), join(src, 'd-link.txt'));
    symlinkSync(other, join(src, 'e-dirlink'));
    symlinkSync(join(dir, 'nowhere.txt'), join(src, 'f-dangling.txt'));
    symlinkSync(join(other, 'linked.txt'), join(src, 'g-link.md'));
    const seen = [];
    for await (const e of new InputWalker().walk(src)) seen.push(e);
    assert.deepEqual(
      seen.map((e) => [e.type, e.path.replace(dir + '/', ''), e.type === 'file' ? e.kind : e.type === 'failed' ? e.reason : '']),
      [
        ['file', 'in/B.jsonl', 'jsonl'],
        ['file', 'in/a.txt', 'text'],
        ['file', 'in/b-sub/inner.html', 'html'],
        ['ignored', 'in/c.md', ''],
        ['file', 'in/d-link.txt', 'text'],
        ['file', 'in/e-dirlink/linked.txt', 'text'],
        ['failed', 'in/f-dangling.txt', 'no such file or directory'],
        ['ignored', 'in/g-link.md', ''],
      ],
    );
  } finally {
    done();
  }
});
