/**
 * The near-duplicate bands of every quotation of a SQLite record, held in memory by the writer.
 *
 * Finding near-identical wordings needs, for each new quotation, the quotations that share one of
 * its LSH bands (see `quotationBands`). Kept as rows of a table, that was two statements per new
 * quotation, the lookup and the insert of four band rows: about a quarter of the writer's
 * statements. Here a band's members are a chain through flat typed arrays, newest first, rebuilt
 * when a record is opened for writing from the bands and word count each quotation row keeps
 * (columns `band0` to `band3`, `words`), and kept in step with the record by the writer: appended
 * as quotations are written, rewound when a transaction or an article's savepoint rolls back,
 * topped up when another process has written.
 *
 * Opening a record reads its bands from `band_blocks` (one blob per commit, written by
 * `block`) and only the quotations past the last block from their rows: reading every row cost
 * about 2 µs a quotation at the start of every run, most of a small run's writing in a large record.
 *
 * Memory: about 295 bytes per quotation (four entries and their share of the slot table; 185 to
 * 240 measured before entries kept their band for `block`, and 64 more since each keeps its
 * quotation's word sketch), so a record of a million quotations costs the writer some 300 MB.
 * Records far larger belong in the PostgreSQL store, which keeps bands as rows.
 */
import type Database from 'better-sqlite3';
import { endianness } from 'node:os';
import { BANDS_PER_QUOTATION, NEAR_THRESHOLD } from './normalize.js';

const TWO_32 = 2 ** 32;
/** Quotation rows read at a time when loading. */
const LOAD_PAGE = 10_000;
/** Numbers per quotation in a block: its id, its number of words, its bands. */
const BLOCK_STRIDE = 2 + BANDS_PER_QUOTATION;
/** Numbers an entry's word sketch takes (see `entrySketch`): 16 bytes, four to a cache line. */
const SKETCH_STRIDE = 4;
/** Blocks are little-endian doubles: a big-endian host swaps their bytes. */
const BIG_ENDIAN = endianness() === 'BE';

/** Where a band's chain starts: a slot of an open-addressing table keyed by the band. */
function slotHash(band: number): number {
  const lo = band >>> 0;
  const hi = Math.floor(band / TWO_32);
  return Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 0;
}

export class BandIndex {
  /** Slot table: the band of each used slot, and the newest entry of its chain (-1: empty). */
  private slotBand: Float64Array;
  private slotHead: Int32Array;
  private slotMask: number;
  private slotsUsed = 0;
  /** Entries, in the order written: the quotation, its number of words, the band, the older entry of the same band, the slot. */
  private entryQuotation: Float64Array;
  private entryWords: Int32Array;
  private entryBand: Float64Array;
  private entryNext: Int32Array;
  private entrySlot: Int32Array;
  /**
   * Each entry's quotation's word sketch, when the writer gave it (near-words.ts): SKETCH_STRIDE
   * numbers an entry, its number of hashed words (-1: not given) and its two halves. Apart from
   * the entries' other arrays, which `members` walks: a band's newest entries are most of what it
   * reads, and they stay in the caches longer the fewer bytes an entry takes there (the same
   * fields in one record of 32 bytes an entry made the walk slower, session 25).
   */
  private entrySketch: Int32Array;
  private entries = 0;

  constructor(expectedQuotations = 0) {
    let slots = 1 << 12;
    while (slots < expectedQuotations * BANDS_PER_QUOTATION * 2) slots *= 2;
    this.slotBand = new Float64Array(slots);
    this.slotHead = new Int32Array(slots).fill(-1);
    this.slotMask = slots - 1;
    const capacity = Math.max(1 << 12, expectedQuotations * BANDS_PER_QUOTATION);
    this.entryQuotation = new Float64Array(capacity);
    this.entryWords = new Int32Array(capacity);
    this.entryBand = new Float64Array(capacity);
    this.entryNext = new Int32Array(capacity);
    this.entrySlot = new Int32Array(capacity);
    this.entrySketch = new Int32Array(capacity * SKETCH_STRIDE);
  }

  /** The index of a record: every quotation's bands, oldest first (its blocks, then rows past them). */
  static load(db: Database.Database): BandIndex {
    const count = (db.prepare('SELECT MAX(id) FROM quotations').pluck().get() as number | null) ?? 0;
    const index = new BandIndex(count);
    const bands = [0, 0, 0, 0];
    for (const data of db.prepare('SELECT data FROM band_blocks ORDER BY last_id').pluck().iterate() as IterableIterator<Buffer>) {
      const numbers = new Float64Array(data.byteLength >> 3);
      const bytes = new Uint8Array(numbers.buffer);
      bytes.set(data.subarray(0, bytes.length));
      if (BIG_ENDIAN) Buffer.from(numbers.buffer).swap64();
      for (let at = 0; at + BLOCK_STRIDE <= numbers.length; at += BLOCK_STRIDE) {
        const id = numbers[at]!;
        if (id <= index.newest) continue; // (blocks never overlap; should one, its repeats are skipped)
        for (let b = 0; b < BANDS_PER_QUOTATION; b++) bands[b] = numbers[at + 2 + b]!;
        index.add(id, bands, numbers[at + 1]!);
      }
    }
    index.topUp(db);
    return index;
  }

  /**
   * The quotations indexed after `afterId`, packed as a block for `band_blocks` (null when there
   * are none): little-endian doubles, BLOCK_STRIDE per quotation. A quotation's entries are
   * consecutive and in the order of its bands, as `add` writes them.
   */
  block(afterId: number): Buffer | null {
    let first = this.entries;
    while (first > 0 && this.entryQuotation[first - 1]! > afterId) first -= BANDS_PER_QUOTATION;
    if (first === this.entries) return null;
    const quotations = (this.entries - first) / BANDS_PER_QUOTATION;
    const numbers = new Float64Array(BLOCK_STRIDE * quotations);
    for (let at = 0, e = first; at < numbers.length; at += BLOCK_STRIDE, e += BANDS_PER_QUOTATION) {
      numbers[at] = this.entryQuotation[e]!;
      numbers[at + 1] = this.entryWords[e]!;
      for (let b = 0; b < BANDS_PER_QUOTATION; b++) numbers[at + 2 + b] = this.entryBand[e + b]!;
    }
    const data = Buffer.from(numbers.buffer);
    if (BIG_ENDIAN) data.swap64();
    return data;
  }

  /** The newest quotation id in the index (0 when empty). */
  get newest(): number {
    return this.entries === 0 ? 0 : this.entryQuotation[this.entries - 1]!;
  }

  /** Adds the quotations written since the newest one indexed (by another process, say). */
  topUp(db: Database.Database): void {
    const page = db
      .prepare(`SELECT id, words, band0, band1, band2, band3 FROM quotations WHERE id > ? AND band0 IS NOT NULL ORDER BY id LIMIT ${LOAD_PAGE}`)
      .raw();
    const bands = [0, 0, 0, 0];
    for (;;) {
      const rows = page.all(this.newest) as [number, number, number, number, number, number][];
      for (const [id, words, b0, b1, b2, b3] of rows) {
        bands[0] = b0;
        bands[1] = b1;
        bands[2] = b2;
        bands[3] = b3;
        this.add(id, bands, words);
      }
      if (rows.length < LOAD_PAGE) return;
    }
  }

  /**
   * Indexes a quotation's bands and its number of words, and its word sketch when given
   * (`sketchLength` hashed words, -1 for none: see `sketchLengthOf`). Quotations must come in
   * increasing id order.
   */
  add(quotationId: number, bands: readonly number[], words: number, sketchLength = -1, sketchLow = 0, sketchHigh = 0): void {
    for (const band of bands) {
      if (this.entries === this.entryQuotation.length) this.growEntries();
      const slot = this.slotOf(band, true);
      const e = this.entries++;
      this.entryQuotation[e] = quotationId;
      this.entryWords[e] = words;
      this.entryBand[e] = band;
      this.entryNext[e] = this.slotHead[slot]!;
      this.entrySlot[e] = slot;
      this.slotHead[slot] = e;
      this.setSketch(e, sketchLength, sketchLow, sketchHigh);
    }
  }

  /**
   * Of the newest `perBand` quotations of each band, those whose length a quotation of `words`
   * words could be near-identical to, band after band (a quotation in several bands appears once
   * for each: the caller counts shared bands from the repeats). Most quotations sharing a band
   * by chance (common words) differ in length more than NEAR_THRESHOLD allows: they are dropped
   * here, before their words are read.
   */
  members(bands: readonly number[], perBand: number, words: number): number[] {
    const entries = new Int32Array(bands.length * perBand);
    const n = this.memberEntries(bands, perBand, words, entries);
    const out: number[] = [];
    for (let k = 0; k < n; k++) out.push(this.quotationOf(entries[k]!));
    return out;
  }

  /**
   * `members`, as the entries found (see `quotationOf` and the sketch's readers), written to `out`
   * (room for `bands.length * perBand`); returns how many.
   */
  memberEntries(bands: readonly number[], perBand: number, words: number, out: Int32Array): number {
    const slack = 1 - NEAR_THRESHOLD;
    let n = 0;
    for (const band of bands) {
      const slot = this.slotOf(band, false);
      if (slot < 0) continue;
      for (let e = this.slotHead[slot]!, k = 0; e >= 0 && k < perBand; e = this.entryNext[e]!, k++) {
        const other = this.entryWords[e]!;
        if (!(Math.abs(other - words) / Math.max(other, words) > slack)) out[n++] = e; // as nearSimilarity decides it
      }
    }
    return n;
  }

  /** The quotation of an entry. */
  quotationOf(e: number): number {
    return this.entryQuotation[e]!;
  }
  /** How many words an entry's quotation had hashed for its word sketch (near-words.ts), -1 when the sketch was not given. */
  sketchLengthOf(e: number): number {
    return this.entrySketch[e * SKETCH_STRIDE]!;
  }
  sketchLowOf(e: number): number {
    return this.entrySketch[e * SKETCH_STRIDE + 1]!;
  }
  sketchHighOf(e: number): number {
    return this.entrySketch[e * SKETCH_STRIDE + 2]!;
  }
  /** Gives an entry the word sketch of its quotation (-1 words: none). */
  setSketch(e: number, length: number, low: number, high: number): void {
    const at = e * SKETCH_STRIDE;
    this.entrySketch[at] = length;
    this.entrySketch[at + 1] = low;
    this.entrySketch[at + 2] = high;
  }

  /** A point to rewind to: everything added after it can be taken back. */
  mark(): number {
    return this.entries;
  }

  /** Takes back every entry added since `mark` (their quotations were rolled back). */
  rewind(mark: number): void {
    // The entries after the mark are the newest of their chains, so each is its chain's head
    // when removed newest first. A slot left empty keeps its band: probing passes over it.
    while (this.entries > mark) {
      const e = --this.entries;
      this.slotHead[this.entrySlot[e]!] = this.entryNext[e]!;
    }
  }

  /** The slot of a band: found, or (when `create`) claimed; -1 when absent and not created. */
  private slotOf(band: number, create: boolean): number {
    for (let slot = slotHash(band) & this.slotMask; ; slot = (slot + 1) & this.slotMask) {
      if (this.slotHead[slot] === -1 && this.slotBand[slot] === 0) {
        if (!create) return -1;
        if (2 * (this.slotsUsed + 1) > this.slotBand.length) {
          this.growSlots();
          return this.slotOf(band, true);
        }
        this.slotsUsed++;
        this.slotBand[slot] = band === 0 ? -1 : band; // 0 marks a never-used slot
        return slot;
      }
      if (this.slotBand[slot] === (band === 0 ? -1 : band)) return slot;
    }
  }

  private growEntries(): void {
    const grow = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.entryQuotation = grow(this.entryQuotation);
    this.entryWords = grow(this.entryWords);
    this.entryBand = grow(this.entryBand);
    this.entryNext = grow(this.entryNext);
    this.entrySlot = grow(this.entrySlot);
    this.entrySketch = grow(this.entrySketch);
  }

  /** Twice the slots: every used slot moves, its chain's entries told their new slot. */
  private growSlots(): void {
    const oldBand = this.slotBand;
    const oldHead = this.slotHead;
    this.slotBand = new Float64Array(oldBand.length * 2);
    this.slotHead = new Int32Array(oldBand.length * 2).fill(-1);
    this.slotMask = this.slotBand.length - 1;
    this.slotsUsed = 0;
    for (let s = 0; s < oldBand.length; s++) {
      if (oldBand[s] === 0 || oldHead[s] === -1) continue; // never used, or emptied by a rewind
      const band = oldBand[s] === -1 ? 0 : oldBand[s]!;
      const slot = this.slotOf(band, true);
      this.slotHead[slot] = oldHead[s]!;
      for (let e = oldHead[s]!; e >= 0; e = this.entryNext[e]!) this.entrySlot[e] = slot;
    }
  }
}
