/** Spans of an article's text as slices of its UTF-8 bytes (src/store/utf8-slices.ts), and the table the text reader gives for them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utf8TextScan } from '../src/store/normalize.js';
import { Utf8Slices } from '../src/store/utf8-slices.js';

/** Random texts of ASCII words and characters of one to four UTF-8 bytes (a fixed seed). */
function randomTexts(count: number, pieces: readonly string[]): string[] {
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = '';
    for (let i = 1 + Math.floor(rnd() * 60); i > 0; i--) text += rnd() < 0.6 ? 'word ' : pieces[Math.floor(rnd() * pieces.length)];
    out.push(text);
  }
  return out;
}

/** The text of a slice, read back as SQLite reads the bytes it is given (UTF-8), or the string given. */
function asText(value: Uint8Array | string): string {
  return typeof value === 'string' ? value : Buffer.from(value.buffer, value.byteOffset, value.length).toString('utf8');
}

/** Every span of a text (a few hundred of them, start to end), bound as bytes when it can be. */
function checkSpans(slices: Utf8Slices, text: string, label: string): number {
  let asBytes = 0;
  const step = Math.max(1, Math.floor(text.length / 20));
  for (let start = 0; start <= text.length; start += step) {
    for (let end = start; end <= text.length; end += Math.max(1, step >> 1)) {
      const span = text.slice(start, end);
      const value = slices.slice(start, end, span);
      if (typeof value !== 'string') asBytes++;
      assert.equal(asText(value), span, `${label}: ${start}-${end} of ${JSON.stringify(text)}`);
    }
  }
  return asBytes;
}

test('a span sliced from the UTF-8 bytes is the span of the text, at any alignment, whoever finds the characters past ASCII', () => {
  const pieces = ['\u201c', '\u201d', '\u2019', '\u2014', '\u2026', '\u00a0', '\u00e9', 'abc', '\u4e2d', '\u{1f600}', '\n'];
  const room = Buffer.alloc(4096);
  let asBytes = 0;
  for (const text of randomTexts(400, pieces)) {
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < 4; offset++) {
      bytes.copy(room, offset);
      const view = new Uint8Array(room.buffer, room.byteOffset + offset, bytes.length);
      const slices = new Utf8Slices();
      slices.reset(text, view);
      asBytes += checkSpans(slices, text, `found, offset ${offset}`);
    }
  }
  assert.ok(asBytes > 10000, `${asBytes} spans bound as bytes`);
});

test("the text reader's table of characters past ASCII slices the same spans", () => {
  // What the one-pass reader decodes: ASCII, no-break space, guillemets, marks from U+2010 to U+201F, the ellipsis.
  const pieces = ['\u201c', '\u201d', '\u2018', '\u2019', '\u2014', '\u2026', '\u00a0', '\u00ab', '\u00bb', 'Word', '\n'];
  let given = 0;
  for (const text of randomTexts(400, pieces)) {
    const bytes = Buffer.from(text, 'utf8');
    const scan = utf8TextScan(bytes, 0);
    if (scan.text === null) continue; // no character past Latin-1: a one-byte string, bound as it is
    assert.equal(scan.text, text);
    const extra = scan.textUtf8Extra!;
    // Each pair: a code unit past ASCII, and the extra bytes up to and including it.
    for (let k = 0; k < extra.length; k += 2) {
      assert.ok(text.charCodeAt(extra[k]!) >= 0x80);
      assert.equal(extra[k + 1], Buffer.byteLength(text.slice(0, extra[k]! + 1)) - (extra[k]! + 1));
    }
    const slices = new Utf8Slices();
    slices.reset(text, bytes, extra);
    checkSpans(slices, text, 'given');
    given++;
  }
  assert.ok(given > 300, `${given} texts decoded by the reader`);
});

test('spans are given as strings when bytes cannot stand for them', () => {
  const slices = new Utf8Slices();
  const text = 'A \u201cquote\u201d with \u{1f600} in it.';
  // No bytes: the string given.
  slices.reset(text, undefined);
  assert.equal(slices.slice(2, 9, 'given'), 'given');
  // Bytes of another text (a caller's mistake): strings.
  slices.reset(text, Buffer.from(text + '\u2019', 'utf8'));
  assert.equal(slices.slice(2, 9, 'given'), 'given');
  // A table that does not match the bytes: found again from the bytes, right.
  slices.reset(text, Buffer.from(text, 'utf8'), new Int32Array([2, 5]));
  assert.equal(asText(slices.slice(0, text.length, text)), text);
  // An ASCII text binds cheaply as a string.
  slices.reset('plain words', Buffer.from('plain words'));
  assert.equal(slices.slice(0, 5, 'plain'), 'plain');
  // A span that cuts a surrogate pair: the string (its bytes would not be UTF-8).
  slices.reset(text, Buffer.from(text, 'utf8'));
  const emoji = text.indexOf('\u{1f600}');
  assert.equal(slices.slice(emoji + 1, text.length, 'cut'), 'cut');
  assert.equal(slices.slice(0, emoji + 1, 'cut'), 'cut');
  assert.equal(asText(slices.slice(emoji, emoji + 2, '\u{1f600}')), '\u{1f600}');
});
