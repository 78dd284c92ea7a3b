/**
 * The hand-off between an extraction worker and the store's writer: one article's analysis and
 * the keys prepared from it (`prepare.ts`), packed as three flat values that cross threads as three
 * copies, with no JSON to write or parse.
 *
 * - `numbers`: every number, length and presence flag in the order the fields are written.
 * - `strings` and `keys`: every string, concatenated; the pieces are found again from their
 *   lengths (in `numbers`), so no character needs escaping.
 *
 * Measured against the positional JSON this replaces (session 12, docs/ingest-budget.md):
 * JSON cost about 0.6 M instructions an article to write and parse, most of it the parser
 * reading numbers and brackets one character at a time, in its two-byte form whenever a name
 * was sliced from a text with curly quotes. Spans travel as offsets: their text is a slice of
 * the article's, which the writer has.
 *
 * The writer and reader below are mirror images: a field added to one is added to the other
 * in the same place.
 */
import type { Analysis, Person, Quote, Span } from '../extract/types.js';
import type { PreparedArticle, PreparedPerson, PreparedQuote } from './prepare.js';

/** One article's analysis and prepared keys, as `packExtracted` writes them. */
export interface PackedExtraction {
  /** Names, descriptors, ids and the like, concatenated. */
  readonly strings: string;
  /** Keys, hashes and normalised words, concatenated apart from the rest: see `WireWriter.key`. */
  readonly keys: string;
  readonly numbers: Float64Array;
}

const NONE = -1;
const BEYOND_LATIN1 = /[^\x00-\xff]/;

class WireWriter {
  private readonly parts: string[] = [];
  private readonly keyParts: string[] = [];
  /** Numbers written so far, in `numberScratch`. */
  private n = 0;

  num(x: number): void {
    if (this.n === numberScratch.length) numberScratch = growNumbers(numberScratch);
    numberScratch[this.n++] = x;
  }
  str(s: string): void {
    this.num(s.length);
    this.parts.push(s);
  }
  /**
   * A string built in V8's one-byte form (hex digests, normalised words): kept out of `strings`
   * so that it comes back as a one-byte slice, which the writer binds to SQLite and compares
   * faster, rather than a slice of a two-byte whole (names are slices of article texts, and
   * those are two-byte when they have curly quotes).
   */
  key(s: string): void {
    this.num(s.length);
    this.keyParts.push(s);
  }
  keys(list: readonly string[]): void {
    this.num(list.length);
    for (let i = 0; i < list.length; i++) this.key(list[i]!);
  }
  // The optional writers write their first number on every path, as the reader reads it (see
  // WireReader): a path that only wrote NONE had no feedback when first taken, and threw the
  // compiled packing code back to the interpreter.
  /** A string or null (null as length -1). */
  optStr(s: string | null | undefined): void {
    this.num(s == null ? NONE : s.length);
    if (s != null) this.parts.push(s);
  }
  span(s: { start: number; end: number }): void {
    this.num(s.start);
    this.num(s.end);
  }
  optSpan(s: { start: number; end: number } | null | undefined): void {
    this.num(s == null ? NONE : s.start);
    if (s != null) this.num(s.end);
  }
  strs(list: readonly string[]): void {
    this.num(list.length);
    for (let i = 0; i < list.length; i++) this.str(list[i]!);
  }
  optStrs(list: readonly string[] | null | undefined): void {
    this.num(list == null ? NONE : list.length);
    if (list != null) for (let i = 0; i < list.length; i++) this.str(list[i]!);
  }
  done(): PackedExtraction {
    let strings = this.parts.join('');
    // Names are slices of the article text, two-byte when it has curly quotes: as one-byte copies
    // (when nothing in them is past Latin-1) the writer binds and compares them faster.
    if (!BEYOND_LATIN1.test(strings)) strings = oneByteCopy(strings);
    return { strings, keys: this.keyParts.join(''), numbers: numberScratch.slice(0, this.n) };
  }
}

/**
 * Room for one article's numbers, reused (a thread packs one article at a time), rather than an
 * array grown number by number and converted with `Float64Array.from` at the end.
 */
let numberScratch = new Float64Array(4096);
function growNumbers(numbers: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(2 * numbers.length);
  grown.set(numbers);
  return grown;
}

/** `s` (nothing in it past Latin-1) in V8's one-byte form, copied through a reused buffer. */
function oneByteCopy(s: string): string {
  if (latin1Scratch.length < s.length) latin1Scratch = Buffer.allocUnsafe(2 * s.length);
  const length = latin1Scratch.write(s, 0, 'latin1');
  return latin1Scratch.toString('latin1', 0, length);
}
let latin1Scratch = Buffer.allocUnsafe(8192);

class WireReader {
  private n = 0;
  private s = 0;
  private k = 0;
  constructor(
    private readonly strings: string,
    private readonly keyStrings: string,
    private readonly numbers: Float64Array,
    /** The article text spans are sliced from. */
    private readonly text: string,
  ) {}

  num(): number {
    return this.numbers[this.n++]!;
  }
  str(): string {
    const len = this.numbers[this.n++]!;
    return this.strings.slice(this.s, (this.s += len));
  }
  key(): string {
    const len = this.numbers[this.n++]!;
    return this.keyStrings.slice(this.k, (this.k += len));
  }
  keys(): string[] {
    const out = new Array<string>(this.num());
    for (let i = 0; i < out.length; i++) out[i] = this.key();
    return out;
  }
  // The optional readers read their first number once, on every path: a path that only
  // moved past a NONE was one the compiled reader had no feedback for, and the first absent
  // mention or cue of a run threw the writer's unpacking back to the interpreter.
  optStr(): string | null {
    const len = this.numbers[this.n++]!;
    if (len === NONE) return null;
    return this.strings.slice(this.s, (this.s += len));
  }
  span(): Span {
    const start = this.numbers[this.n++]!;
    const end = this.numbers[this.n++]!;
    return { start, end, text: this.text.slice(start, end) };
  }
  optSpan(): Span | null {
    const start = this.numbers[this.n++]!;
    if (start === NONE) return null;
    const end = this.numbers[this.n++]!;
    return { start, end, text: this.text.slice(start, end) };
  }
  strs(): string[] {
    const out = new Array<string>(this.num());
    for (let i = 0; i < out.length; i++) out[i] = this.str();
    return out;
  }
  optStrs(): string[] | null {
    const count = this.numbers[this.n++]!;
    if (count === NONE) return null;
    const out = new Array<string>(count);
    for (let i = 0; i < out.length; i++) out[i] = this.str();
    return out;
  }
  /** Throws unless every value was read: a writer and reader out of step would misread silently. */
  end(): void {
    if (this.n !== this.numbers.length || this.s !== this.strings.length || this.k !== this.keyStrings.length) throw new Error('store: malformed hand-off from an extraction worker');
  }
}

/** An article's analysis and prepared keys as the hand-off (see the top of this file). */
export function packExtracted(analysis: Analysis, prepared: PreparedArticle): PackedExtraction {
  const w = new WireWriter();
  w.optStr(analysis.id);
  w.key(prepared.textHash);
  w.num(analysis.quotes.length);
  for (let i = 0; i < analysis.quotes.length; i++) writeQuote(w, analysis.quotes[i]!);
  w.num(analysis.people.length);
  for (let i = 0; i < analysis.people.length; i++) writePerson(w, analysis.people[i]!);
  // One prepared quote per quote, one prepared person (or none) per person, in order.
  for (let i = 0; i < prepared.quotes.length; i++) writePreparedQuote(w, prepared.quotes[i]!);
  for (let i = 0; i < prepared.people.length; i++) writePreparedPerson(w, prepared.people[i]!);
  return w.done();
}

/** The analysis and keys `packExtracted` packed; spans are sliced from `text`, the article's. */
export function unpackExtracted(packed: PackedExtraction, text: string): { analysis: Analysis; prepared: PreparedArticle } {
  const r = new WireReader(packed.strings, packed.keys, packed.numbers, text);
  const id = r.optStr();
  const textHash = r.key();
  const quotes = new Array<Quote>(r.num());
  for (let i = 0; i < quotes.length; i++) quotes[i] = readQuote(r, text);
  const people = new Array<Person>(r.num());
  for (let i = 0; i < people.length; i++) people[i] = readPerson(r);
  const preparedQuotes = new Array<PreparedQuote>(quotes.length);
  for (let i = 0; i < quotes.length; i++) preparedQuotes[i] = readPreparedQuote(r);
  const preparedPeople = new Array<PreparedPerson | null>(people.length);
  for (let i = 0; i < people.length; i++) preparedPeople[i] = readPreparedPerson(r);
  r.end();
  const analysis: Analysis = { quotes, people };
  if (id !== null) analysis.id = id;
  return { analysis, prepared: { textHash, quotes: preparedQuotes, people: preparedPeople } };
}

// (A quote's own offsets and its time's are written here rather than by `span`: quotes and times
// come in several shapes, and `span`'s loads, seeing those beside mentions, cues and segments,
// were megamorphic.)
function writeQuote(w: WireWriter, q: Quote): void {
  w.str(q.type);
  w.num(q.start);
  w.num(q.end);
  w.optStr(q.speaker.name);
  w.optStr(q.speaker.entity);
  w.optSpan(q.speaker.mention);
  w.optSpan(q.cue);
  w.num(q.confidence);
  if (q.segments) {
    w.num(q.segments.length);
    for (let i = 0; i < q.segments.length; i++) w.span(q.segments[i]!);
  } else w.num(NONE);
  if (q.addressee) {
    w.num(1);
    w.str(q.addressee.name);
    w.optStr(q.addressee.entity);
    w.span(q.addressee.mention);
  } else w.num(0);
  if (q.when) {
    const when = q.when;
    w.num(1);
    w.num(when.start);
    w.num(when.end);
    w.optStr(when.resolved);
  } else w.num(0);
}

function readQuote(r: WireReader, text: string): Quote {
  const type = r.str() as Quote['type'];
  const { start, end } = r.span();
  const name = r.optStr();
  const entity = r.optStr();
  const mention = r.optSpan();
  const cue = r.optSpan();
  const confidence = r.num();
  const q: Quote = { start, end, text: text.slice(start, end), type, speaker: { name, entity, mention }, cue, confidence };
  const segments = r.num();
  if (segments !== NONE) {
    q.segments = new Array<Span>(segments);
    for (let i = 0; i < segments; i++) q.segments[i] = r.span();
  }
  if (r.num() === 1) q.addressee = { name: r.str(), entity: r.optStr(), mention: r.span() };
  if (r.num() === 1) q.when = { ...r.span(), resolved: r.optStr() };
  return q;
}

function writePerson(w: WireWriter, p: Person): void {
  w.str(p.id);
  w.str(p.name);
  w.str(p.kind);
  w.optStr(p.gender);
  w.strs(p.descriptors);
  w.num(p.mentions.length);
  for (let i = 0; i < p.mentions.length; i++) w.span(p.mentions[i]!);
  w.optStrs(p.members);
}

function readPerson(r: WireReader): Person {
  const id = r.str();
  const name = r.str();
  const kind = r.str() as Person['kind'];
  const gender = r.optStr() as Person['gender'] | null;
  const descriptors = r.strs();
  const mentions = new Array<Span>(r.num());
  for (let i = 0; i < mentions.length; i++) mentions[i] = r.span();
  const p: Person = { id, name, kind, descriptors, mentions };
  if (gender) p.gender = gender;
  const members = r.optStrs();
  if (members) p.members = members;
  return p;
}

function writePreparedQuote(w: WireWriter, q: PreparedQuote): void {
  w.key(q.key);
  w.keys(q.segmentKeys);
  w.key(q.words);
  w.num(q.wordCount);
  w.num(q.bands.length);
  for (let i = 0; i < q.bands.length; i++) w.num(q.bands[i]!);
  w.optStr(q.speakerNorm);
}

function readPreparedQuote(r: WireReader): PreparedQuote {
  const key = r.key();
  const segmentKeys = r.keys();
  const words = r.key();
  const wordCount = r.num();
  const bands = new Array<number>(r.num());
  for (let i = 0; i < bands.length; i++) bands[i] = r.num();
  return { key, segmentKeys, words, wordCount, bands, speakerNorm: r.optStr() };
}

function writePreparedPerson(w: WireWriter, p: PreparedPerson | null): void {
  // One call writes the flag either way: a person with none (first met thousands of articles into
  // a run) would otherwise reach a call the compiled packer had never seen, and throw it out.
  w.num(p ? 1 : 0);
  if (!p) return;
  w.str(p.name);
  w.str(p.norm);
  w.str(p.surname);
  w.num(p.tokens);
  w.num(p.aliases.length);
  for (let i = 0; i < p.aliases.length; i++) {
    const alias = p.aliases[i]!;
    w.str(alias[0]);
    w.str(alias[1]);
    w.num(alias[2]);
  }
  w.num(p.descriptors.length);
  for (let i = 0; i < p.descriptors.length; i++) {
    const descriptor = p.descriptors[i]!;
    w.str(descriptor[0]);
    w.num(descriptor[1]);
  }
}

function readPreparedPerson(r: WireReader): PreparedPerson | null {
  if (r.num() === 0) return null;
  const name = r.str();
  const norm = r.str();
  const surname = r.str();
  const tokens = r.num();
  const aliases = new Array<[string, string, number]>(r.num());
  for (let i = 0; i < aliases.length; i++) aliases[i] = [r.str(), r.str(), r.num()];
  const descriptors = new Array<[string, number]>(r.num());
  for (let i = 0; i < descriptors.length; i++) descriptors[i] = [r.str(), r.num()];
  return { name, norm, surname, tokens, aliases, descriptors };
}
