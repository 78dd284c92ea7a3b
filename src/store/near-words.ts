/**
 * The writer's near-duplicate check, word by word, over 32-bit hashes of the words instead of the
 * words themselves.
 *
 * A quotation that shares a band with others (band-index.ts) is compared with a few of them. Most
 * of those share a band by chance (common words) and are far from near-identical; comparing them
 * as arrays of strings kept in Maps cost about a fifth of the writer's time on invented news
 * text. Here the words of recent quotations are kept as hashes in flat typed arrays (a ring over
 * quotation ids, no Map and nothing for the garbage collector), a candidate is first bounded by
 * the words the two have in common (an edit distance is at least the longer length less that),
 * then compared by edit distance over hashes, and only a pair that still reaches the threshold is
 * compared as words (`nearSimilarity`), so the decisions are exactly those of comparing words: two
 * equal words have equal hashes, so hashes never find fewer words in common or more edits.
 * `similarity` makes that last comparison in the same pass: the edit distance over hashes, a
 * pair of equal hashes counted a match only when its two words are equal characters (found by
 * their offsets in the strings held), which is the words' own distance with no array of words.
 *
 * Before any of that, each quotation's words are kept as a 64-bit sketch (one bit per word, by its
 * hash): a bit one side has and the other lacks is a word of that side the other lacks, so the
 * bits either side alone holds bound its unmatched words from below. On invented news text every
 * candidate is a chance one, and this rules out nearly all of them for the price of a few
 * operations, where counting common words cost a table of the query's words and a pass over the
 * candidate's.
 */
import { NEAR_THRESHOLD } from './normalize.js';

/** Quotations whose word hashes are kept (the newest; slots are by quotation id). */
const RING_QUOTATIONS = 1 << 16;
/** Word hashes kept, all quotations together (8 MB). */
const RING_WORDS = 1 << 21;
/** Longest quotation compared, in words (longer ones are compared as words directly). */
const MAX_WORDS = 1 << 12;

/**
 * FNV-1a's offset basis as a signed 32-bit integer (the same bits): written as 0x811c9dc5, above
 * 2^31, it made the hash a double in the loop, converted to and from an integer at each character.
 */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Writes the hashes of the words of `words` (normalised words joined by single spaces, as
 * `PreparedQuote.words` is) into `out`, and where each word starts into `starts` when given;
 * returns how many, or -1 when there are more than `out` holds. Each word's hash is FNV-1a over
 * its characters, made as the characters are read (one pass: finding the spaces first and
 * hashing each word after read every character twice).
 */
export function hashWords(words: string, out: Int32Array, starts?: Int32Array): number {
  let n = 0;
  let start = 0;
  let h = FNV_OFFSET;
  for (let i = 0; i < words.length; i++) {
    const c = words.charCodeAt(i);
    if (c !== 32) {
      h = Math.imul(h ^ c, FNV_PRIME);
      continue;
    }
    if (n === out.length) return -1;
    if (starts) starts[n] = start;
    out[n++] = h | 0;
    h = FNV_OFFSET;
    start = i + 1;
  }
  if (n === out.length) return -1;
  if (starts) starts[n] = start;
  out[n++] = h | 0;
  return n;
}

/** The bit of the 64-bit word sketch for a word's hash (high bits of a remix: 0 to 63). */
function sketchBit(h: number): number {
  return Math.imul(h, 0x2545f491) >>> 26;
}

/**
 * Whether two word sketches alone tell that the words differ by more than `allowed` edits: the
 * words one side has and the other lacks are at least as many as the sketch bits only it has.
 */
function sketchesApart(aLow: number, aHigh: number, bLow: number, bHigh: number, allowed: number): boolean {
  return popcount(aLow & ~bLow) + popcount(aHigh & ~bHigh) > allowed || popcount(bLow & ~aLow) + popcount(bHigh & ~aHigh) > allowed;
}

/** Set bits of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export class RecentWords {
  /** Quotation id held in each slot (0: none), where its hashes start (a count of all words ever written), and how many. */
  private readonly ids = new Float64Array(RING_QUOTATIONS);
  private readonly starts = new Float64Array(RING_QUOTATIONS);
  private readonly lengths = new Int32Array(RING_QUOTATIONS);
  /** Each slot's word sketch, low and high 32 bits (see `sketchBit`). */
  private readonly sketchLow = new Int32Array(RING_QUOTATIONS);
  private readonly sketchHigh = new Int32Array(RING_QUOTATIONS);
  private readonly words = new Int32Array(RING_WORDS);
  private written = 0;
  /**
   * Each slot's words as the string they were hashed from: a candidate that reaches the threshold
   * over hashes is compared as words, and reading them back from the record (its first quote's
   * text, normalised again) cost more than the comparison. About 100 to 200 bytes a quotation.
   */
  private readonly texts: string[] = new Array<string>(RING_QUOTATIONS).fill('');

  /** The query's words, their multiset as an open-addressing table, and the DP rows. */
  private readonly query = new Int32Array(MAX_WORDS);
  private queryLength = -1;
  private queryLow = 0;
  private queryHigh = 0;
  /** Whether the multiset table below holds the current query's words (built for the first candidate that needs it). */
  private tableReady = false;
  /** The words `query` holds the hashes of, where each starts (and one past the last), and a candidate's likewise. */
  private queryWords = '';
  private readonly queryAt = new Int32Array(MAX_WORDS + 1);
  private candidate = '';
  private readonly candidateAt = new Int32Array(MAX_WORDS + 1);
  private readonly tableKeys = new Int32Array(2 * MAX_WORDS);
  private readonly tableCounts = new Int32Array(2 * MAX_WORDS);
  private readonly tableUsed = new Int32Array(2 * MAX_WORDS);
  /** Slots are live when stamped with the current query; used counts when stamped with the current candidate. */
  private readonly tableStamp = new Int32Array(2 * MAX_WORDS);
  private readonly usedStamp = new Int32Array(2 * MAX_WORDS);
  private tableMask = 0;
  private queryStamp = 0;
  private candidateStamp = 0;
  private prev = new Int32Array(MAX_WORDS + 1);
  private cur = new Int32Array(MAX_WORDS + 1);
  private readonly scratch = new Int32Array(MAX_WORDS);

  /** Remembers a quotation's words (normalised, space-joined). */
  add(id: number, words: string): void {
    // A new quotation was usually the query just compared: its words are hashed already.
    const fromQuery = words === this.queryWords && this.queryLength >= 0;
    const n = fromQuery ? this.queryLength : hashWords(words, this.scratch);
    if (n < 0) return;
    // A quotation's hashes never wrap around the ring: past its end they start at 0. Written as
    // arithmetic on both paths: a branch first taken after two million words threw the compiled
    // writer (`insertQuote`, which inlines this) back to the interpreter (session 24).
    let at = this.written % RING_WORDS;
    const wrap = at + n > RING_WORDS ? 1 : 0;
    this.written += wrap * (RING_WORDS - at);
    at -= wrap * at;
    const hashes = fromQuery ? this.query : this.scratch;
    this.words.set(hashes.subarray(0, n), at);
    const slot = id & (RING_QUOTATIONS - 1);
    this.ids[slot] = id;
    this.texts[slot] = words;
    this.starts[slot] = this.written;
    this.lengths[slot] = n;
    if (fromQuery) {
      this.sketchLow[slot] = this.queryLow;
      this.sketchHigh[slot] = this.queryHigh;
    } else {
      let low = 0;
      let high = 0;
      for (let k = 0; k < n; k++) {
        const b = sketchBit(hashes[k]!);
        if (b < 32) low |= 1 << b;
        else high |= 1 << (b - 32);
      }
      this.sketchLow[slot] = low;
      this.sketchHigh[slot] = high;
    }
    this.written += n;
  }

  /** Whether a quotation's words are held. */
  has(id: number): boolean {
    const slot = id & (RING_QUOTATIONS - 1);
    return this.ids[slot] === id && this.starts[slot]! >= this.written - RING_WORDS;
  }

  /** How many words of a held quotation were hashed (its word sketch's length: see `ruledOut`); -1 when it is not held. */
  lengthOf(id: number): number {
    return this.has(id) ? this.lengths[id & (RING_QUOTATIONS - 1)]! : -1;
  }
  /** A held quotation's word sketch, low and high 32 bits (0 when it is not held). */
  sketchLowOf(id: number): number {
    return this.has(id) ? this.sketchLow[id & (RING_QUOTATIONS - 1)]! : 0;
  }
  sketchHighOf(id: number): number {
    return this.has(id) ? this.sketchHigh[id & (RING_QUOTATIONS - 1)]! : 0;
  }

  /**
   * Whether a quotation of `length` hashed words with this word sketch (as `lengthOf` and the
   * sketch's readers give them) certainly does not reach `atLeast` with the query: the first test
   * `similarity` makes, for a quotation whose sketch is kept elsewhere (the band index), held here
   * or not. When true, `similarity` of that quotation is -1.
   */
  ruledOut(length: number, low: number, high: number, atLeast: number): boolean {
    const longer = Math.max(this.queryLength, length);
    const allowed = Math.floor((1 - atLeast) * longer + 1e-9);
    return sketchesApart(this.queryLow, this.queryHigh, low, high, allowed);
  }

  /** A held quotation's words (normalised, space-joined, as given to `add`); undefined when not held. */
  wordsOf(id: number): string | undefined {
    return this.has(id) ? this.texts[id & (RING_QUOTATIONS - 1)] : undefined;
  }

  /** Forgets everything (the ids may be reused after a rollback). */
  clear(): void {
    this.ids.fill(0);
    this.texts.fill('');
    this.written = 0;
    this.queryLength = -1;
    this.queryWords = '';
    this.tableReady = false;
  }

  /**
   * Sets the quotation that candidates are compared with. Returns false when it is too long to
   * be compared here (the caller compares words directly).
   */
  setQuery(words: string): boolean {
    const n = hashWords(words, this.query, this.queryAt);
    this.queryLength = n;
    this.queryWords = words;
    this.tableReady = false;
    if (n < 0) return false;
    this.queryAt[n] = words.length + 1;
    let low = 0;
    let high = 0;
    for (let k = 0; k < n; k++) {
      const b = sketchBit(this.query[k]!);
      if (b < 32) low |= 1 << b;
      else high |= 1 << (b - 32);
    }
    this.queryLow = low;
    this.queryHigh = high;
    return true;
  }

  /** The query's words as a multiset (an open-addressing table of hash and count). */
  private buildTable(): void {
    this.tableReady = true;
    const n = this.queryLength;
    let size = 8;
    while (size < 2 * n) size *= 2;
    this.tableMask = size - 1;
    const stamp = ++this.queryStamp;
    for (let k = 0; k < n; k++) {
      const h = this.query[k]!;
      for (let s = Math.imul(h, 0x9e3779b1) & this.tableMask; ; s = (s + 1) & this.tableMask) {
        if (this.tableStamp[s] !== stamp) {
          this.tableStamp[s] = stamp;
          this.tableKeys[s] = h;
          this.tableCounts[s] = 1;
          break;
        }
        if (this.tableKeys[s] === h) {
          this.tableCounts[s]!++;
          break;
        }
      }
    }
  }

  /**
   * Whether the held quotation `id` may be near-identical to the query (word-level similarity at
   * least `atLeast`): false only when it certainly is not.
   */
  mayReach(id: number, atLeast: number): boolean {
    return this.distance(id, atLeast, false) >= 0;
  }

  /**
   * The word-level similarity of the held quotation `id` and the query (`nearSimilarity` of
   * their words) when it reaches `atLeast` (within rounding: the caller compares), else -1.
   * Compared over the hashes, as `mayReach` does, with two equal hashes taken for a match only
   * when their words are equal too: the words' own edit distance, with no string split.
   */
  similarity(id: number, atLeast: number): number {
    const n = this.queryLength;
    const m = this.lengths[id & (RING_QUOTATIONS - 1)]!;
    const longer = Math.max(n, m);
    if (longer === 0) return 1;
    if (Math.abs(n - m) / longer > 1 - NEAR_THRESHOLD) return -1; // as nearSimilarity decides it
    const d = this.distance(id, atLeast, true);
    return d < 0 ? -1 : 1 - d / longer;
  }

  /**
   * The edit distance of the held quotation `id` and the query when it is within what `atLeast`
   * allows, else -1: over hashes (`exact` false: never more than the words' distance), or over
   * words (`exact`: a pair of equal hashes is a match only when the words are equal).
   */
  private distance(id: number, atLeast: number, exact: boolean): number {
    const slot = id & (RING_QUOTATIONS - 1);
    const n = this.queryLength;
    const m = this.lengths[slot]!;
    const start = this.starts[slot]! % RING_WORDS;
    const longer = Math.max(n, m);
    if (longer === 0) return 0;
    const allowed = Math.floor((1 - atLeast) * longer + 1e-9);
    if (sketchesApart(this.queryLow, this.queryHigh, this.sketchLow[slot]!, this.sketchHigh[slot]!, allowed)) return -1;
    if (!this.tableReady) this.buildTable();
    // Words in common, counted with their repeats: each word of the longer not matched costs an edit.
    const stamp = this.queryStamp;
    const mine = ++this.candidateStamp;
    let common = 0;
    for (let j = 0; j < m; j++) {
      const h = this.words[start + j]!;
      for (let s = Math.imul(h, 0x9e3779b1) & this.tableMask; this.tableStamp[s] === stamp; s = (s + 1) & this.tableMask) {
        if (this.tableKeys[s] !== h) continue;
        const used = this.usedStamp[s] === mine ? this.tableUsed[s]! : 0;
        if (used < this.tableCounts[s]!) {
          this.tableUsed[s] = used + 1;
          this.usedStamp[s] = mine;
          common++;
        }
        break;
      }
    }
    if (longer - common > allowed) return -1;
    if (exact) this.candidateStarts(this.texts[slot]!, m);
    // Edit distance over the hashes, within `allowed` of the diagonal (see `nearSimilarity`).
    const a = this.query;
    const b = this.words;
    let prev = this.prev;
    let cur = this.cur;
    const far = allowed + 1;
    for (let j = 0; j <= m; j++) prev[j] = j <= allowed ? j : far;
    for (let i = 1; i <= n; i++) {
      const from = i > allowed ? i - allowed : 1;
      const to = i + allowed < m ? i + allowed : m;
      cur[from - 1] = from === 1 ? i : far;
      let rowMin = from === 1 ? i : far;
      const ai = a[i - 1]!;
      for (let j = from; j <= to; j++) {
        let d = prev[j - 1]! + (ai === b[start + j - 1] && (!exact || this.sameWord(i - 1, j - 1)) ? 0 : 1);
        const del = prev[j]! + 1;
        if (del < d) d = del;
        const ins = cur[j - 1]! + 1;
        if (ins < d) d = ins;
        cur[j] = d;
        if (d < rowMin) rowMin = d;
      }
      if (to < m) cur[to + 1] = far;
      if (rowMin > allowed) return -1;
      const t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m]! <= allowed ? prev[m]! : -1;
  }

  /** Where each word of a candidate's words starts (`candidate`), and one past its last (for `sameWord`). */
  private candidateStarts(words: string, m: number): void {
    this.candidate = words;
    const at = this.candidateAt;
    let k = 0;
    at[k++] = 0;
    for (let i = 0; i < words.length; i++) if (words.charCodeAt(i) === 32) at[k++] = i + 1;
    at[m] = words.length + 1;
  }

  /** Whether the query's word `i` and the candidate's word `j` are the same word. */
  private sameWord(i: number, j: number): boolean {
    const a = this.queryWords;
    const b = this.candidate;
    let x = this.queryAt[i]!;
    let y = this.candidateAt[j]!;
    const length = this.queryAt[i + 1]! - x;
    if (this.candidateAt[j + 1]! - y !== length) return false;
    for (const end = x + length - 1; x < end; x++, y++) if (a.charCodeAt(x) !== b.charCodeAt(y)) return false;
    return true;
  }
}
