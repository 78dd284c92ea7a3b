/**
 * Spans of an article's text as slices of its UTF-8 bytes, for binding to SQLite.
 *
 * better-sqlite3 binds a string by measuring and writing it as UTF-8 (V8's `Utf8Length` and
 * `WriteUtf8`, character by character for a string of two-byte characters, which any article
 * with a curly quote mark is), then SQLite copies the result. A quote's text and its cue are
 * slices of the article's text, and a text file's article comes with that text's UTF-8 bytes
 * (`ArticleInput.textUtf8`): the same characters as a slice of those bytes, bound as a blob and
 * cast to text (`CAST(? AS TEXT)`: the bytes as they are), skip the conversion.
 *
 * JavaScript's offsets count UTF-16 code units, the bytes' count UTF-8 bytes; the two differ by
 * the extra bytes of each character past ASCII before the offset. Where those are is given by the
 * reader that decoded the bytes (`ArticleInput.textUtf8Extra`), or found here in one pass.
 */

const NO_WORDS = new Int32Array(0);
const NO_PAIRS = new Int32Array(0);
/** Characters past ASCII an article's table starts with room for (grown as needed). */
const INITIAL_ROOM = 64;

export class Utf8Slices {
  private text = '';
  private bytes: Uint8Array | null = null;
  /** Where the bytes are: their buffer and their offset in it. */
  private buffer: ArrayBufferLike = NO_PAIRS.buffer;
  private offset = 0;
  /**
   * Each code unit past ASCII (its index) and the extra bytes up to and including it, in pairs
   * (`ArticleInput.textUtf8Extra`): the reader's, or found here (`found`).
   */
  private pairs: Int32Array = NO_PAIRS;
  private count = 0;
  /** Where the last offset fell among them (see `byteOf`). */
  private cursor = 0;
  /** Whether the text has a surrogate pair, which a span could cut (its test is some 5 K instructions an article). */
  private hasPairs = false;
  private found = new Int32Array(2 * INITIAL_ROOM);

  /**
   * The article whose spans are sliced next: its text and, when known, that text's UTF-8 bytes
   * exactly, and where the two part when the reader knows (`ArticleInput.textUtf8Extra`).
   * Without bytes, or when the text is ASCII (its strings then bind cheaply anyway), `slice`
   * gives the string.
   */
  reset(text: string, bytes: Uint8Array | undefined, given?: Int32Array): void {
    this.text = text;
    this.count = 0;
    this.cursor = 0;
    this.hasPairs = false;
    if (bytes === undefined || bytes.length === text.length) {
      this.bytes = null;
      return;
    }
    this.bytes = bytes;
    this.buffer = bytes.buffer;
    this.offset = bytes.byteOffset;
    if (given !== undefined && given.length > 0 && text.length + given[given.length - 1]! === bytes.length) {
      // As the reader found them decoding the bytes (text.ts: a text file; given only for a text
      // with no surrogate pair, see ArticleInput).
      this.pairs = given;
      this.count = given.length >> 1;
      return;
    }
    this.pairs = this.found;
    const view = bytes;
    // The characters past ASCII, read from the bytes: most are ASCII, skipped four at a time
    // (aligned words with no byte past 0x7f). Still some 5 instructions a byte: a reader that
    // decodes the bytes anyway gives them (`given`) for nothing.
    const n = view.length;
    const lead = (4 - (view.byteOffset & 3)) & 3;
    const wordCount = n > lead ? (n - lead) >> 2 : 0; // (the test is of every byte's top bit: any byte order)
    const words = wordCount ? new Int32Array(view.buffer, view.byteOffset + lead, wordCount) : NO_WORDS;
    let extra = 0;
    for (let b = 0; b < n; ) {
      if (b >= lead && ((b - lead) & 3) === 0) {
        // Past the aligned words that are ASCII, in a loop of their own.
        let w = (b - lead) >> 2;
        while (w < wordCount && (words[w]! & 0x80808080) === 0) w++;
        if (w > (b - lead) >> 2) {
          b = lead + 4 * w;
          if (b >= n) break;
        }
      }
      const c = view[b]!;
      if (c < 0x80) {
        b++;
        continue;
      }
      // A lead byte: two bytes for one code unit, three for one, four for two (a surrogate pair).
      const length = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
      if (length === 4) this.hasPairs = true;
      if (2 * this.count === this.found.length) this.grow();
      this.found[2 * this.count] = b - extra; // its code unit
      extra += length === 4 ? 2 : length - 1;
      this.found[2 * this.count++ + 1] = extra;
      b += length;
    }
    // Not the text's bytes after all (a caller's mistake): strings, always right.
    if (text.length + extra !== n) this.bytes = null;
  }

  /**
   * A span's text, `text` (the article's text from `start` to `end`, in code units): as the UTF-8
   * bytes of the article's text there when it has them, else `text` itself.
   */
  slice(start: number, end: number, text: string): Uint8Array | string {
    const bytes = this.bytes;
    if (bytes === null || (this.hasPairs && (splitsPair(this.text, start) || splitsPair(this.text, end)))) return text;
    // (A new view of the bytes' buffer rather than `subarray`, which looks up a species constructor.)
    const from = this.byteOf(start);
    return new Uint8Array(this.buffer, this.offset + from, this.byteOf(end) - from);
  }

  /**
   * The UTF-8 offset of a code unit offset: the extra bytes of the characters before it added.
   * Found by moving from where the last one fell: a quote's end is a few characters past its
   * start, its cue near it, the next quote further on (a bisection each time cost more).
   */
  private byteOf(at: number): number {
    const pairs = this.pairs;
    let k = this.cursor; // the characters past ASCII before the last offset
    while (k < this.count && pairs[2 * k]! < at) k++;
    while (k > 0 && pairs[2 * k - 2]! >= at) k--;
    this.cursor = k;
    return k === 0 ? at : at + pairs[2 * k - 1]!;
  }

  private grow(): void {
    const found = new Int32Array(this.found.length * 2);
    found.set(this.found);
    this.found = found;
    this.pairs = found;
  }
}

/** Whether an offset falls between the two halves of a surrogate pair (its bytes cannot be cut there). */
function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && (text.charCodeAt(at) & 0xfc00) === 0xdc00 && (text.charCodeAt(at - 1) & 0xfc00) === 0xd800;
}
