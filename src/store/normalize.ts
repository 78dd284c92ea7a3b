/**
 * Normalisation used for identity in the record: article text hashes, canonical URLs, person
 * names and quotation wording (exact keys and near-duplicate signatures).
 */
import * as crypto from 'node:crypto';

/** Unicode-folds typographic variants so that copies of the same text compare equal. */
function fold(text: string): string {
  // Fast path, same result: text of ASCII and the marks below only (NFKC leaves them as they are).
  if (FOLD_SAFE.test(text)) return text.replace(FOLD_CHARS, (c) => FOLD_MAP[c]!);
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00A0/g, ' ');
}
const FOLD_SAFE = /^[\x00-\x7F\u2018-\u201F\u00AB\u00BB\u2010\u2012-\u2015\u2212]*$/;
const FOLD_CHARS = /[`\u2018-\u201F\u00AB\u00BB\u2010\u2012-\u2015\u2212]/g;
const FOLD_MAP: Record<string, string> = {
  '`': "'", '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
};
const ASCII = /^[\x00-\x7F]*$/;
/**
 * A copy of a string in V8's one-byte representation. Characters past Latin-1 keep only their
 * low byte: for the marks FOLD_SAFE allows besides ASCII (quotes, dashes: U+2010 to U+201F,
 * U+2212) that is a control character, which separates words as the mark did.
 */
function oneByte(text: string): string {
  return Buffer.from(text, 'latin1').toString('latin1');
}
const APOSTROPHES = /['`\u2018-\u201B]/g;

/** The article text as deduplication sees it: folded, whitespace collapsed, case folded. */
export function normalizeArticleText(text: string): string {
  return fold(text).replace(WHITESPACE_RUN, ' ').trim().toLowerCase();
}
/**
 * What `/\s+/g` replaces with one space, except a lone space, which stays as it is: most gaps
 * between words are one already, and not replacing them takes a third of the time.
 */
const WHITESPACE_RUN = / \s+|[^\S ]\s*/g;

// One-shot hashing (Node 20.12 and later) costs a third of a Hash object's; the same digest.
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array) => string }).hash;

export function sha256(data: string | Uint8Array): string {
  return oneShot ? oneShot('sha256', data) : crypto.createHash('sha256').update(data).digest('hex');
}

/**
 * The hash an article is deduplicated by: of its text as `normalizeArticleText` has it. `utf8`, when
 * the caller has them, are the text's own UTF-8 bytes (a text file's): the same hash, read from
 * the bytes, which costs a third of reading the string's characters one at a time.
 */
export function articleTextHash(text: string, utf8?: Uint8Array): string {
  // (The two one-pass readers accept the same texts: when one refuses, so would the other.)
  return sha256((utf8 ? normalizedUtf8Bytes(utf8) : normalizedAsciiBytes(text)) ?? normalizeArticleText(text));
}

/**
 * `normalizeArticleText` as bytes, in one pass, for text that `fold` leaves as it is apart from
 * typographic marks (FOLD_SAFE), no-break spaces and ellipses: every character is then ASCII once
 * folded, and its UTF-8 bytes are its codes. Null for any other text (the reference path hashes it). Ingest hashes every
 * article it reads on its main thread, where folding, collapsing and lower-casing in three
 * passes over two-byte text cost as much as a tenth of writing the article (session 12).
 */
function normalizedAsciiBytes(text: string): Uint8Array | null {
  if (textBytes.length < 3 * text.length + 1) textBytes = new Uint8Array(4 * text.length + 1);
  const bytes = textBytes;
  let len = 0;
  let white = 1; // 1 after whitespace, and at the start: see ASCII_WHITE
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      const w = ASCII_WHITE[c]!;
      bytes[len] = ASCII_OUT[c]!;
      len += 1 - (w & white);
      white = w;
      continue;
    }
    if (c === 0xa0) {
      bytes[len] = 32;
      len += 1 - white;
      white = 1;
      continue;
    }
    if (c === 0x2026) {
      // An ellipsis, which NFKC writes as three full stops.
      bytes[len++] = 0x2e;
      bytes[len++] = 0x2e;
      c = 0x2e;
    } else if (c >= 0x2018 && c <= 0x201b) c = 0x27;
    else if ((c >= 0x201c && c <= 0x201f) || c === 0xab || c === 0xbb) c = 0x22;
    else if (c === 0x2010 || (c >= 0x2012 && c <= 0x2015) || c === 0x2212) c = 0x2d;
    else return null;
    bytes[len++] = c;
    white = 0;
  }
  if (white && len > 0) len--; // a trailing space
  return bytes.subarray(0, len);
}
/**
 * `normalizedAsciiBytes` read from a text's UTF-8 bytes rather than its characters: the same
 * bytes, or null for the same texts. Past ASCII it knows the UTF-8 forms of what that accepts:
 * C2 A0, C2 AB, C2 BB (no-break space, guillemets); E2 80 90 to E2 80 9F (dashes, quotes), E2 80 A6
 * (ellipsis) and E2 88 92 (minus).
 *
 * On the way it counts, among the first `sniffLength` bytes, the control bytes `looksBinary`
 * counts, and notes a NUL; and it writes the text's UTF-16 code units to `textUnits` (`utf8Sniff`
 * has both). So a text file's binary check, its hash and its decoding take one pass over its
 * bytes rather than three (see `utf8TextScan`). A control byte is rare, so it is counted off the
 * common path and costs the other bytes nothing.
 */
function normalizedUtf8Bytes(src: Uint8Array, sniffLength = 0): Uint8Array | null {
  const n = src.length;
  if (textBytes.length < n + 1) textBytes = new Uint8Array(2 * n + 1);
  if (textView.buffer !== textBytes.buffer) textView = new DataView(textBytes.buffer);
  // (A text too large to keep room for all run long is decoded into room of its own.)
  if (textUnits.length < n + 1 && n < KEPT_UNITS) growTextUnits(n + 1);
  const units = textUnits.length >= n + 1 ? textUnits : new Uint16Array(n + 1);
  let m = 0; // code units written
  let wide = false; // whether one is past Latin-1
  utf8Sniff.pastAscii = 0;
  const bytes = textBytes;
  const out = textView;
  const kinds = BYTE_KIND;
  // The bytes as aligned words, from the first aligned one (see below).
  const lead = (4 - (src.byteOffset & 3)) & 3;
  const wordCount = LITTLE_ENDIAN && n > lead ? (n - lead) >> 2 : 0;
  const words = wordCount ? new Int32Array(src.buffer, src.byteOffset + lead, wordCount) : NO_WORDS;
  const wordsEnd = lead + 4 * wordCount;
  let len = 0;
  let white = 1; // 1 after whitespace, and at the start: see BYTE_KIND
  let controls = 0;
  let nul = false;
  for (let i = 0; i < n; i++) {
    // Four bytes at once, at an aligned word, while each is printable ASCII (0x20 to 0x7f), none
    // a backquote, and no space follows whitespace: they are then written as they are, capitals
    // lower-cased. Most words of news text are: a news-shaped file of 4.4 KB took 9.5 µs a
    // byte at a time, 4.5 µs this way (session 25). A word that is not goes a byte at a time, below.
    while (i < wordsEnd && ((i - lead) & 3) === 0 && i >= lead) {
      const w = words[(i - lead) >> 2]!;
      // A byte past ASCII, or below 0x20 (`hasless` of Bit Twiddling Hacks: exact as a test).
      if (((w & 0x80808080) | ((w - 0x20202020) & ~w & 0x80808080)) !== 0) break;
      // 0x80 at each space, and at each backquote (exact: no carry crosses a byte).
      const v = w ^ 0x20202020;
      const spaces = ~(((v & 0x7f7f7f7f) + 0x7f7f7f7f) | v | 0x7f7f7f7f);
      const b = w ^ 0x60606060;
      const backquotes = ~(((b & 0x7f7f7f7f) + 0x7f7f7f7f) | b | 0x7f7f7f7f);
      // (The first byte is the lowest: `spaces << 8` marks the byte after each space.)
      if ((backquotes | (spaces & (spaces << 8)) | (spaces & (white << 7))) !== 0) break;
      // 0x80 at each capital (0x41 to 0x5a), moved to 0x20: its lower case.
      const capitals = (w + 0x3f3f3f3f) & ~(w + 0x25252525) & 0x80808080;
      out.setInt32(len, w | (capitals >>> 2), true);
      units[m] = w & 0xff;
      units[m + 1] = (w >>> 8) & 0xff;
      units[m + 2] = (w >>> 16) & 0xff;
      units[m + 3] = w >>> 24;
      m += 4;
      len += 4;
      i += 4;
      white = spaces >>> 31;
    }
    if (i >= n) break;
    let c = src[i]!;
    const kind = kinds[c]!;
    if (kind < CONTROL_BYTE) {
      // ASCII other than a control byte: written as BYTE_KIND has it.
      units[m++] = c;
      const w = kind >> 8;
      bytes[len] = kind;
      len += 1 - (w & white);
      white = w;
      continue;
    }
    if (kind < PAST_ASCII_BYTE) {
      // A control byte: written as it is, like any ASCII character that is not whitespace.
      units[m++] = c;
      if (i < sniffLength) {
        controls++;
        if (c === 0) nul = true;
      }
    } else if (c === 0xc2) {
      notePastAscii(m, 1);
      c = src[++i]!;
      units[m++] = c; // (U+0080 to U+00BF: its second byte; any other is refused below)
      if (c === 0xa0) {
        bytes[len] = 32;
        len += 1 - white;
        white = 1;
        continue;
      }
      if (c === 0xab || c === 0xbb) c = 0x22;
      else return null;
    } else if (c === 0xe2) {
      const second = src[i + 1]!;
      c = src[i + 2]!;
      i += 2;
      // (U+2000 to U+2FFF from its two last bytes; any this does not take is refused below.)
      notePastAscii(m, 2);
      units[m++] = 0x2000 | ((second & 0x3f) << 6) | (c & 0x3f);
      wide = true;
      if (second === 0x88 && c === 0x92) c = 0x2d;
      else if (second !== 0x80) return null;
      else if (c === 0xa6) {
        bytes[len++] = 0x2e;
        bytes[len++] = 0x2e;
        c = 0x2e;
      } else if (c >= 0x98 && c <= 0x9b) c = 0x27;
      else if (c >= 0x9c && c <= 0x9f) c = 0x22;
      else if (c === 0x90 || (c >= 0x92 && c <= 0x95)) c = 0x2d;
      else return null;
    } else return null;
    bytes[len++] = c;
    white = 0;
  }
  if (white && len > 0) len--; // a trailing space
  utf8Sniff.controls = controls;
  utf8Sniff.nul = nul;
  utf8Sniff.units = units;
  utf8Sniff.unitCount = m;
  utf8Sniff.wide = wide;
  return bytes.subarray(0, len);
}
/**
 * What the last `normalizedUtf8Bytes` that returned bytes found: control bytes and a NUL among
 * its first `sniffLength`, the text's code units (in `textUnits`, or for a text of more than
 * KEPT_UNITS, in room of its own) and how many, and whether one is past Latin-1.
 */
const utf8Sniff = { controls: 0, nul: false, units: new Uint16Array(0), unitCount: 0, wide: false, pastAscii: 0 };
/**
 * The characters past ASCII the last `normalizedUtf8Bytes` read (none past U+2FFF: it refuses those),
 * `utf8Sniff.pastAscii` of them:
 * pairs of each one's code unit index and the extra bytes its UTF-8 takes over its code units,
 * added up to and including it (`ArticleInput.textUtf8Extra`).
 */
let pastAsciiPairs = new Int32Array(128);
function notePastAscii(unit: number, extra: number): void {
  const at = 2 * utf8Sniff.pastAscii++;
  if (at === pastAsciiPairs.length) {
    const grown = new Int32Array(2 * at);
    grown.set(pastAsciiPairs);
    pastAsciiPairs = grown;
  }
  pastAsciiPairs[at] = unit;
  pastAsciiPairs[at + 1] = (at === 0 ? 0 : pastAsciiPairs[at - 1]!) + extra;
}

/** What one pass over a file's bytes tells: `looksBinary`'s counts, and the text's hash. */
export interface Utf8TextScan {
  /**
   * `articleTextHash` of the bytes read as UTF-8 (right only when they are UTF-8, which the
   * caller's decoding tells). Null when the one-pass reader does not take the text: then
   * neither is anything else here, and the caller must check and hash the text itself.
   */
  textHash: string | null;
  /** Control bytes among the first `sniffLength` (as `looksBinary` counts them). */
  controls: number;
  /** Whether a NUL is among them. */
  nul: boolean;
  /**
   * The bytes decoded as UTF-8 (right only when `TextDecoder` would take them whole: no
   * byte-order mark, valid), when they have a character past Latin-1; null when they have none
   * (`TextDecoder` then makes a one-byte string, which the caller's decoding should, too).
   */
  text: string | null;
  /** Where `text` and the bytes' offsets part (see `ArticleInput.textUtf8Extra`), when there is `text`. */
  textUtf8Extra: Int32Array | null;
}

/**
 * A text file's hash, binary check and text in one pass over its bytes (`normalizedUtf8Bytes`).
 * On ingest's main thread, `looksBinary` and the hash each read every byte of every file in
 * JavaScript, at about a nanosecond a byte on this host (the second pass was 5 µs an article),
 * and V8's UTF-8 decoder took 6 µs more for a news-shaped file: the pass writes its code units
 * for 3 µs (session 25).
 */
export function utf8TextScan(bytes: Uint8Array, sniffLength: number): Utf8TextScan {
  const normalized = normalizedUtf8Bytes(bytes, sniffLength);
  if (normalized === null) return { textHash: null, controls: 0, nul: false, text: null, textUtf8Extra: null };
  const textHash = sha256(normalized);
  // (What the pass takes is ASCII and the marks it reads, all valid UTF-8: no check is left to make.)
  const units = utf8Sniff.units;
  const text = utf8Sniff.wide ? (units === textUnits ? textUnitBytes : Buffer.from(units.buffer)).toString('utf16le', 0, 2 * utf8Sniff.unitCount) : null;
  const textUtf8Extra = text === null ? null : pastAsciiPairs.slice(0, 2 * utf8Sniff.pastAscii);
  return { textHash, controls: utf8Sniff.controls, nul: utf8Sniff.nul, text, textUtf8Extra };
}

/**
 * Each ASCII code as `normalizedAsciiBytes` writes it (letters lower-cased, a backquote an
 * apostrophe, whitespace a space), and whether it is whitespace. Every ASCII character is written
 * and the length then moves on, except past whitespace after whitespace: a run leaves one space,
 * written over by what follows. No branch on the kind of character: branching on each gap
 * between words took twice as long (28 against 14 µs an article of 4.4 KB, session 23). None is
 * kept at the start, nor at the end.
 */
const ASCII_OUT = new Uint8Array(128);
const ASCII_WHITE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const white = c === 32 || (c >= 9 && c <= 13);
  ASCII_WHITE[c] = white ? 1 : 0;
  ASCII_OUT[c] = c >= 65 && c <= 90 ? c + 32 : c === 0x60 ? 0x27 : white ? 32 : c;
}
/**
 * `normalizedUtf8Bytes`' reading of each byte, in one table: for ASCII, the byte it writes (bits 0
 * to 7, as ASCII_OUT) and whether it is whitespace (WHITE_BYTE, as ASCII_WHITE); CONTROL_BYTE
 * added for a control byte `looksBinary` counts (none of them whitespace); PAST_ASCII_BYTE for
 * any byte past ASCII. One load a byte where there were two (the pass's bytes in 9.5 µs rather
 * than 11 on a news-shaped file of 4.4 KB).
 */
const WHITE_BYTE = 0x100;
const CONTROL_BYTE = 0x200;
const PAST_ASCII_BYTE = 0x400;
const BYTE_KIND = new Uint16Array(256);
for (let c = 0; c < 256; c++) {
  const control = c < 8 || (c > 13 && c < 32 && c !== 27);
  BYTE_KIND[c] = c >= 0x80 ? PAST_ASCII_BYTE : ASCII_OUT[c]! | (ASCII_WHITE[c] ? WHITE_BYTE : 0) | (control ? CONTROL_BYTE : 0);
}
/**
 * Scratch room (grown as needed): an ellipsis takes three bytes, anything else at most one.
 * A plain Uint8Array, not a Buffer: a Buffer's `subarray` is Node's JavaScript, which TurboFan
 * inlined into the readers above before it had feedback of its own; the code compiled on the
 * readers' loop (on-stack replacement) then deoptimised at the `subarray` of every later call
 * (2,078 times in one ingest of 10,000 files, session 24). A Uint8Array's is V8's own.
 */
let textBytes = new Uint8Array(16384);
/** `textBytes` written a word at a time (four bytes, little-endian). */
let textView = new DataView(textBytes.buffer);
/** Whether an Int32Array reads bytes in the order `normalizedUtf8Bytes`' word tests assume. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const NO_WORDS = new Int32Array(0);

const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|src|smid|share)$/i;

/**
 * Normalises a URL for identity: lower-case scheme and host, no default port, no fragment, no
 * tracking parameters, no trailing slash on a non-root path. Null for anything not http(s).
 */
export function normalizeUrl(raw: string | null | undefined, base?: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const keep = [...url.searchParams.entries()].filter(([k]) => !TRACKING_PARAM.test(k));
  keep.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = keep.length ? '?' + new URLSearchParams(keep).toString() : '';
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}

/** Words before a name that are no part of it (also in the PostgreSQL store's onrecord_display_name()). */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev',
  'sen', 'senator', 'rep', 'gov', 'governor', 'pres', 'president', 'gen', 'col', 'capt', 'lt', 'sgt',
  'judge', 'justice', 'mayor', 'minister', 'premier', 'chief', 'hon',
]);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

export function stripDiacritics(text: string): string {
  if (ASCII.test(text)) return text;
  return text.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** Name tokens without honorifics, suffixes, diacritics, punctuation or case. */
export function nameTokens(name: string): string[] {
  const tokens = foldSafeNameTokens(name) ?? referenceNameTokens(name);
  while (tokens.length > 1 && HONORIFICS.has(tokens[0]!)) tokens.shift();
  while (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1]!)) tokens.pop();
  return tokens;
}

/**
 * `referenceNameTokens` of a name `fold` makes ASCII (FOLD_SAFE: nearly every name), in one scan;
 * null for any other name. A token is a run of letters, digits, apostrophes and hyphens once
 * folded (ASCII has no other `\p{L}` or `\p{N}`), less the apostrophes and hyphens at its ends.
 * The workers tokenise every name of every article they prepare: the reference's regular
 * expressions cost more than remembering every name of a run did, and that map (up to 50,000
 * names) cost a cache miss or more at each lookup in place (session 23).
 */
function foldSafeNameTokens(name: string): string[] | null {
  // (Lower case first: a flat string, where the name is often a slice of its article's text.)
  const lower = name.toLowerCase();
  let length = lower.length;
  // A possessive at the very end goes first, as the reference's /'s$/ does.
  if (length >= 2 && lower.charCodeAt(length - 1) === 0x73 && nameCode(lower.charCodeAt(length - 2)) === 0x27) length -= 2;
  const tokens: string[] = [];
  let i = 0;
  while (i < length) {
    // A token: its ends past any apostrophes and hyphens, and whether it has a mark to fold.
    let start = -1;
    let end = 0;
    let marks = false;
    for (; i < length; i++) {
      const raw = lower.charCodeAt(i);
      const c = nameCode(raw);
      if (c === NOT_FOLD_SAFE) return null;
      if (c === 0) break;
      if (c !== 0x27 && c !== 0x2d) {
        if (start < 0) start = i;
        end = i + 1;
      }
      if (raw >= 0x80 || raw === 0x60) marks = true;
    }
    i++;
    if (start < 0) continue;
    const token = lower.slice(start, end);
    tokens.push(marks ? token.replace(FOLD_CHARS, (m) => FOLD_MAP[m]!) : token);
  }
  return tokens;
}
/**
 * How `foldSafeNameTokens` reads a character, folded: a letter or digit as itself (lower case),
 * an apostrophe 0x27, a hyphen 0x2d, 0 for anything between tokens, NOT_FOLD_SAFE for what only
 * the reference reads (letters past ASCII, other marks).
 */
function nameCode(c: number): number {
  if (c < 0x80) return NAME_ASCII[c]!;
  if (c >= 0x2018 && c <= 0x201b) return 0x27;
  if (c === 0x2010 || (c >= 0x2012 && c <= 0x2015) || c === 0x2212) return 0x2d;
  if ((c >= 0x201c && c <= 0x201f) || c === 0xab || c === 0xbb) return 0;
  return NOT_FOLD_SAFE;
}
const NOT_FOLD_SAFE = -1;
const NAME_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  NAME_ASCII[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 0x27 || c === 0x2d ? c : c >= 65 && c <= 90 ? c + 32 : c === 0x60 ? 0x27 : 0;
}

/** `nameTokens` before honorifics and suffixes are dropped, for any name (the definition). */
export function referenceNameTokens(name: string): string[] {
  return stripDiacritics(fold(name))
    .toLowerCase()
    .replace(/'s$/, '')
    .replace(/[^\p{L}\p{N}'\- ]+/gu, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean);
}

export function normalizeName(name: string): string {
  return nameTokens(name).join(' ');
}

const PRONOUNS = new Set([
  'he', 'she', 'they', 'him', 'her', 'them', 'his', 'hers', 'their', 'theirs', 'it', 'its', 'we', 'us',
  'our', 'i', 'me', 'my', 'you', 'your', 'himself', 'herself', 'themselves', 'itself', 'who', 'whom',
]);

/** True when a mention is worth recording as an alias: a name, not a pronoun or a description. */
export function isNameMention(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 80) return false;
  // The first character decides most mentions (ingest tests every distinct one), so it comes
  // first, without a regular expression when it is ASCII: there only A to Z are upper-case
  // letters (`\p{Lu}`). The articles' `/i` (no `u` flag) matches only ASCII `a` and `t` first,
  // so after a capital only `A` and `T`.
  const first = t.charCodeAt(0);
  if (first < 0x80 ? first < 65 || first > 90 : !/^\p{Lu}/u.test(t)) return false;
  if (PRONOUNS.has(t.toLowerCase())) return false;
  if ((first === 65 || first === 84) && /^(the|a|an|this|that|these|those)\s/i.test(t)) return false;
  return true;
}

/** Words of a quotation as grouping sees them: no marks, punctuation, case or diacritics. */
export function quotationWords(text: string): string[] {
  // Fast path, same result: folding maps the safe marks to ASCII, and of ASCII only letters and
  // digits survive, apostrophes joining the letters around them.
  // The words come out as one-byte strings (a two-byte source, curly quotes and all, gives
  // two-byte words): lower-casing, joining, hashing and the workers' JSON hand-off of one-byte
  // strings all take V8's and Node's faster paths.
  if (FOLD_SAFE.test(text)) return oneByte(text.replace(APOSTROPHES, '')).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return stripDiacritics(fold(text))
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Quoted segments with at least this many words get their own grouping key. */
export const MIN_SEGMENT_WORDS = 8;

/**
 * The words of a quotation for grouping: for a quote in several quoted parts ("A," she said.
 * "B."), only the quoted parts, so the interrupting attribution does not count; and the words
 * of each long part, by which an outlet quoting only one part finds the same quotation.
 */
export function quotationParts(text: string): { words: string[]; segments: string[][] } {
  const quoted = [...fold(text).matchAll(/"([^"]+)"/g)];
  if (quoted.length >= 2) {
    const parts = quoted.map((m) => quotationWords(m[1]!));
    return { words: parts.flat(), segments: parts.filter((p) => p.length >= MIN_SEGMENT_WORDS) };
  }
  return { words: quotationWords(text), segments: [] };
}

/** What grouping keeps of a quotation's wording (`quotationParts`, `quotationBands`), in one pass. */
export interface QuotationSignature {
  /** Its words (the quoted parts' only, for a quote in several), joined by single spaces. */
  joined: string;
  wordCount: number;
  /** `quotationBands` of the words. */
  bands: number[];
  /** Each long quoted part's words joined (`quotationParts`' segments). */
  segments: string[];
}

/**
 * `quotationParts`, `quotationBands` and the joins of their words, the same values, in one
 * pass over the text that writes the words' bytes and hashes as it goes, with no string per
 * word: this runs for every quote of every article ingested, on the extraction workers, and
 * folding, splitting, joining and matching the text in separate passes was half of what
 * preparing an article for the store cost (session 12).
 *
 * ASCII letters and digits make words, lower-cased; apostrophes are not there (as
 * `quotationWords` removes them) but count as characters between quotation marks; `"` and the
 * marks `fold` makes `"` delimit the quoted parts; anything else separates words. A character
 * past ASCII counts as `PAST_ASCII` says (the marks, a no-break space, an ellipsis, a letter with
 * a diacritic); at any other (a Greek letter, a combining mark) the pass hands the text to the
 * reference path.
 */
export function quotationSignature(text: string): QuotationSignature {
  return quotationSignatures(text, [{ start: 0, end: text.length, text }])[0]!;
}

/**
 * `quotationSignature` of each quote's text, the same values, from one copy of the article's
 * text and one string of all their words. Each quote whose `text` is the article's between its
 * offsets (all that extraction makes) is read from that copy; any other from its own text.
 *
 * (Per quote, copying the text out of V8 and making the joined words a string were a call into
 * Node each, about 2,000 instructions apiece; and `charCodeAt` on a quote's text, a slice of a
 * two-byte article, cost some 44 instructions a character in optimised code, where reading a copy's
 * code units costs a few. Session 24, docs/ingest-budget.md.)
 */
export function quotationSignatures(text: string, quotes: readonly { start: number; end: number; text: string }[]): QuotationSignature[] {
  let room = 0; // bytes the words may take: at most one a character
  let longest = 0;
  for (let i = 0; i < quotes.length; i++) {
    const length = quotes[i]!.text.length;
    room += length;
    if (length > longest) longest = length;
  }
  if (wordBytes.length < room) wordBytes = Buffer.allocUnsafe(2 * room);
  if (wordStarts.length < longest || wordHashes.length < longest) growWordScratch(longest);
  if (textUnits.length < text.length) growTextUnits(text.length);
  textUnitBytes.write(text, 0, 2 * text.length, 'utf16le');
  const scanned: (ScannedQuotation | null)[] = [];
  let len = 0;
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    let from = q.start;
    let to = q.end;
    let units = textUnits;
    if (!(from >= 0 && to <= text.length && from <= to && q.text === text.slice(from, to))) {
      // Not the article's own words: read from a copy of its text, after the article's.
      if (textUnits.length < text.length + q.text.length) growTextUnits(text.length + q.text.length, text.length);
      units = textUnits;
      textUnitBytes.write(q.text, 2 * text.length, 2 * q.text.length, 'utf16le');
      from = text.length;
      to = from + q.text.length;
    }
    const s = scanQuotation(units, from, to, len);
    scanned.push(s);
    if (s !== null) len = s.end;
  }
  const words = len > 0 ? wordBytes.toString('latin1', 0, len) : '';
  const out: QuotationSignature[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const s = scanned[i]!;
    if (s === null) {
      out.push(referenceSignature(quotes[i]!.text));
      continue;
    }
    const segments: string[] = [];
    for (let k = 0; k < s.segments.length; k += 2) segments.push(words.slice(s.segments[k]!, s.segments[k + 1]!));
    out.push({ joined: words.slice(s.start, s.end), wordCount: s.wordCount, bands: s.bands, segments });
  }
  return out;
}

/** Where `scanQuotation` wrote a quotation's words: bytes [start, end) of `wordBytes`, and its long parts' ranges. */
interface ScannedQuotation {
  start: number;
  end: number;
  wordCount: number;
  bands: number[];
  /** [start, end) of each segment's words, in `wordBytes`. */
  segments: number[];
}

/**
 * One pass over a quotation's code units `units[from..to)`, writing its words from `wordBytes[at]`
 * (see `quotationSignature` for what it reads as what). Null when a character needs the
 * reference path.
 */
function scanQuotation(units: Uint16Array, from: number, to: number, at: number): ScannedQuotation | null {
  const bytes = wordBytes;
  const hashes = wordHashes;
  // Byte offset of each word's start in `bytes`, then of its end.
  const starts = wordStarts;
  const ends = wordEnds;
  const codes = SIGNATURE_CODES;
  // (As int32s: offsets come in as numbers of any kind.)
  const start = at | 0;
  const stop = to | 0;
  let len = start; // bytes written: the words so far, a space between two
  let n = 0; // words so far
  // (FNV-1a's offset basis as an int32, the same bits: as a number above 2^31 it kept the hash
  // in a double, converted at every character.)
  let h = -2128831035;
  let inWord = false;
  // Quoted parts as `/"([^"]+)"/g` finds them in the folded text: [first word, end word] each.
  let parts = 0;
  const partWords = wordParts;
  let open = -1;
  let openWord = 0;
  for (let i = from | 0; i < stop; i++) {
    const u = units[i]!;
    const c = codes[u]!;
    if (c > 0x27) {
      // A letter or digit, as the word's byte.
      if (!inWord) {
        inWord = true;
        h = -2128831035;
        if (n > 0) bytes[len++] = 32;
        starts[n] = len;
      }
      bytes[len++] = c;
      h = Math.imul(h ^ c, 0x01000193);
      continue;
    }
    if (c === 0x27) continue; // an apostrophe: as if not there
    if (c === 0) return null;
    // A space (anything between words) or a quotation mark.
    if (inWord) {
      ends[n] = len;
      // mix32(h, WORD_SEED), written out: see bandsOfHashes.
      h = Math.imul(h ^ 0x2f6b1d3, 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      hashes[n++] = h ^ (h >>> 16);
      inWord = false;
    }
    if (c === 0x22) {
      if (open >= 0 && i - open > 1) {
        partWords[2 * parts] = openWord;
        partWords[2 * parts + 1] = n;
        parts++;
        open = -1;
      } else {
        open = i;
        openWord = n;
      }
    }
  }
  if (inWord) {
    ends[n] = len;
    h = Math.imul(h ^ 0x2f6b1d3, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    hashes[n++] = h ^ (h >>> 16);
  }
  if (parts < 2) return { start, end: len, wordCount: n, bands: bandsOfHashes(hashes, 0, n), segments: [] };
  // Several quoted parts: their words only, in order, moved together to the front (parts are in
  // order and do not overlap, so nothing is written over before it is moved).
  const segments: number[] = [];
  let count = 0;
  let end = start;
  for (let p = 0; p < parts; p++) {
    const first = partWords[2 * p]!;
    const last = partWords[2 * p + 1]!;
    if (last === first) continue;
    if (end > start) bytes[end++] = 32;
    const partStart = end;
    bytes.copyWithin(end, starts[first]!, ends[last - 1]!);
    end += ends[last - 1]! - starts[first]!;
    if (last - first >= MIN_SEGMENT_WORDS) segments.push(partStart, end);
    for (let k = first; k < last; k++) hashes[count++] = hashes[k]!;
  }
  return { start, end, wordCount: count, bands: bandsOfHashes(hashes, 0, count), segments };
}

/** `quotationSignature` by the reference functions, for text the one pass does not handle. */
function referenceSignature(text: string): QuotationSignature {
  const { words, segments } = quotationParts(text);
  return { joined: words.join(' '), wordCount: words.length, bands: quotationBands(words), segments: segments.map((w) => w.join(' ')) };
}

/**
 * What `quotationSignature` reads a character past ASCII as, by its code: `"` (a quotation mark
 * `fold` makes `"`), `'` (gone after folding: an apostrophe, a double prime), a space (anything
 * that separates words), a letter or digit of one byte as the reference path writes it (`é` is
 * `e`, `Ø` is `ø`, `²` is `2`), or 0: the reference path must read the text.
 *
 * Worked out at load from the reference functions themselves, one character at a time, for
 * Latin-1, Latin Extended-A and -B, General Punctuation and the currency signs, where news text's
 * characters past ASCII are (3.3% of news-like quotes took the reference path before, nine in ten
 * for a no-break space or an ellipsis). A character is read alone only when that is how the
 * reference path reads it in any text: it is not a combining mark (NFKC composes those with the
 * letter before them), folds to no `"` of its own, and comes out as letters or digits of one
 * byte (one character, so the pass writes at most a byte a character) or as none. (672
 * characters: about 10 ms once a thread, on a busy host.)
 */
function pastAsciiTable(): Uint8Array {
  const table = new Uint8Array(0x2213);
  const ranges = [[0x80, 0x250], [0x2000, 0x20d0]];
  for (const [from, to] of ranges) for (let c = from!; c < to!; c++) table[c] = readAlone(String.fromCharCode(c));
  // The marks `fold` maps to `"` (readAlone leaves them to the reference), and minus.
  for (const c of [0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x201f]) table[c] = 0x22;
  table[0x2212] = readAlone('\u2212');
  return table;
}
/** A `PAST_ASCII` entry: how the reference path reads `ch`, when it reads it alone (else 0). */
function readAlone(ch: string): number {
  if (/\p{M}/u.test(ch)) return 0;
  const folded = fold(ch);
  if (folded === '' || folded.includes('"')) return 0;
  const words = stripDiacritics(folded).toLowerCase().replace(/'/g, '');
  if (words === '') return 0x27;
  if (/^[^\p{L}\p{N}]+$/u.test(words)) return 0x20;
  if (words.length === 1 && /^[\p{L}\p{N}]$/u.test(words) && words.charCodeAt(0) <= 0xff) return words.charCodeAt(0);
  return 0;
}
const PAST_ASCII = pastAsciiTable();
/**
 * How `quotationSignature` reads each character, by its code, in one table: a letter or digit as
 * its word's byte (ASCII lower-cased, past ASCII as `PAST_ASCII`), 0x27 an apostrophe, 0x22 a
 * quotation mark, 0x20 anything else between words, 0 for the reference path. Every byte of a
 * word is above 0x27, every other value at most: one comparison tells a word's character from the
 * rest (the pass branched on each kind of ASCII character before).
 */
const SIGNATURE_CODES = signatureCodes();
function signatureCodes(): Uint8Array {
  // (One entry for every code unit, 0 past PAST_ASCII's: read with no test of the code's range.)
  const table = new Uint8Array(0x10000);
  table.set(PAST_ASCII);
  for (let c = 0; c < 0x80; c++) {
    table[c] = c >= 65 && c <= 90 ? c + 32 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : c === 0x27 || c === 0x60 ? 0x27 : c === 0x22 ? 0x22 : 0x20;
  }
  for (let c = 0x80; c < table.length; c++) {
    const v = table[c]!;
    const word = (v >= 97 && v <= 122) || (v >= 48 && v <= 57) || v >= 0x80;
    if (!word && v !== 0 && v !== 0x20 && v !== 0x22 && v !== 0x27) throw new Error(`quotationSignature: no reading of ${v} past ASCII`);
  }
  return table;
}

// Scratch room (grown as needed): the words of an article's quotations, at most one byte a
// character; for one quotation, at most one word and one quotation mark a character. (Typed
// arrays: stores into them need no check that a list has room.)
let wordBytes = Buffer.allocUnsafe(16384);
let wordHashes = new Uint32Array(8192);
let wordStarts = new Int32Array(8192);
let wordEnds = new Int32Array(8192);
let wordParts = new Int32Array(8192);
function growWordScratch(length: number): void {
  wordHashes = new Uint32Array(2 * length);
  wordStarts = new Int32Array(2 * length);
  wordEnds = new Int32Array(2 * length);
  wordParts = new Int32Array(2 * length);
}
// The article's text as UTF-16 code units (what `charCodeAt` reads), written through a Buffer
// over the same memory. (Also where `normalizedUtf8Bytes` decodes a text file, on the main thread.)
let textUnits = new Uint16Array(16384);
/** The most code units `textUnits` grows to for a text file's decoding (`normalizedUtf8Bytes`). */
const KEPT_UNITS = 1 << 20;
let textUnitBytes = Buffer.from(textUnits.buffer);
/** Room for `length` code units, keeping the first `keep`. */
function growTextUnits(length: number, keep = 0): void {
  const grown = new Uint16Array(2 * length);
  grown.set(textUnits.subarray(0, keep));
  textUnits = grown;
  textUnitBytes = Buffer.from(grown.buffer);
}

/** Exact key of a quotation: same words after normalisation, same key. */
export function quotationKey(words: string[]): string {
  return joinedWordsKey(words.join(' '));
}

/** `quotationKey` of words already joined by single spaces. */
export function joinedWordsKey(joined: string): string {
  return sha256(joined).slice(0, 32);
}

// ---------------------------------------------------------------------------------------------
// Near-duplicate grouping: MinHash over word sets, banded (LSH) for candidate lookup, and a
// word-level edit ratio to confirm a candidate.
//
// 4 bands of 2 minima: measured on real quotations with random edits that keep them above
// NEAR_THRESHOLD, 98.6% of such pairs share a band (8 bands of 3 found 99.7%, at twice the rows
// written per quotation, the largest single cost of storing one; 4 bands of 3 found 95.9%).

const NUM_HASHES = 8;
const ROWS_PER_BAND = 2;
/** Number of LSH bands of a quotation long enough for near grouping. */
export const BANDS_PER_QUOTATION = NUM_HASHES / ROWS_PER_BAND;
/** Quotations shorter than this are grouped only when exactly equal. */
export const MIN_NEAR_WORDS = 6;
/** Word-level similarity (1 - edit distance / longer length) above which wordings are one quotation. */
export const NEAR_THRESHOLD = 0.8;

/** murmur3's finaliser over `h ^ seed`: a well-mixed 32-bit value. */
function mix32(h: number, seed: number): number {
  h = Math.imul(h ^ seed, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a word, mixed. */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return mix32(h, WORD_SEED);
}
const WORD_SEED = 0x2f6b1d3;
if (WORD_SEED !== 0x2f6b1d3) throw new Error('scanQuotation hashes words with WORD_SEED written out');

/** The seeds of the NUM_HASHES hash functions (each one `mix32(wordHash, seed)`). */
const SEEDS = Array.from({ length: NUM_HASHES }, (_, i) => mix32(i + 1, 0x9e3779b9));

/** LSH band keys of a quotation's word set (empty when it is too short for near grouping). */
export function quotationBands(words: string[]): number[] {
  if (words.length > wordHashes.length) wordHashes = new Uint32Array(2 * words.length);
  for (let k = 0; k < words.length; k++) wordHashes[k] = wordHash(words[k]!);
  return bandsOfHashes(wordHashes, 0, words.length);
}

/** `quotationBands` of the words whose `wordHash`es are `hashes[from..to)`. */
function bandsOfHashes(hashes: Uint32Array, from: number, to: number): number[] {
  if (to - from < MIN_NEAR_WORDS) return [];
  // The NUM_HASHES (8) minima in local variables, the seeds' loop written out: in a loop over an
  // array of minima, loading and storing them cost more than the hashing (this runs for every word
  // of every quotation ingested). Each is `mix32(h, SEEDS[i])` written out, with the seed as a
  // constant (checked below): taken from the array, the seeds were read through the iterator
  // protocol at each call and kept in registers or spilled; and where this is inlined into
  // `scanQuotation`, calls to `mix32` were not (V8's inlining budget), at some 40 instructions each.
  let m0 = 0xffffffff, m1 = m0, m2 = m0, m3 = m0, m4 = m0, m5 = m0, m6 = m0, m7 = m0;
  // A repeated word changes no minimum, so the words need no deduplication.
  for (let k = from; k < to; k++) {
    const h = hashes[k]!;
    let v = 0;
    v = Math.imul(h ^ 0x3f2da09d, 0x85ebca6b);
    v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
    v = (v ^ (v >>> 16)) >>> 0;
    if (v < m0) m0 = v;
    v = Math.imul(h ^ 0x05f75c95, 0x85ebca6b);
    v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
    v = (v ^ (v >>> 16)) >>> 0;
    if (v < m1) m1 = v;
    v = Math.imul(h ^ 0x3c0f0328, 0x85ebca6b);
    v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
    v = (v ^ (v >>> 16)) >>> 0;
    if (v < m2) m2 = v;
    v = Math.imul(h ^ 0x894dba56, 0x85ebca6b);
    v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
    v = (v ^ (v >>> 16)) >>> 0;
    if (v < m3) m3 = v;
    v = Math.imul(h ^ 0x77a3d5aa, 0x85ebca6b);
    v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
    v = (v ^ (v >>> 16)) >>> 0;
    if (v < m4) m4 = v;
    v = Math.imul(h ^ 0xcc9d8f90, 0x85ebca6b);
    v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
    v = (v ^ (v >>> 16)) >>> 0;
    if (v < m5) m5 = v;
    v = Math.imul(h ^ 0x62add4d9, 0x85ebca6b);
    v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
    v = (v ^ (v >>> 16)) >>> 0;
    if (v < m6) m6 = v;
    v = Math.imul(h ^ 0xc664752f, 0x85ebca6b);
    v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
    v = (v ^ (v >>> 16)) >>> 0;
    if (v < m7) m7 = v;
  }
  return [bandKey(0, m0, m1), bandKey(1, m2, m3), bandKey(2, m4, m5), bandKey(3, m6, m7)];
}
if ([0x3f2da09d, 0x05f75c95, 0x3c0f0328, 0x894dba56, 0x77a3d5aa, 0xcc9d8f90, 0x62add4d9, 0xc664752f].some((s, i) => s !== SEEDS[i])) {
  throw new Error('bandsOfHashes: its seeds are not SEEDS');
}
if (NUM_HASHES !== 8 || ROWS_PER_BAND !== 2) throw new Error('bandsOfHashes is written for 4 bands of 2 minima');

/** Band `b`'s key from its minima. */
function bandKey(b: number, first: number, second: number): number {
  const h = mix32(mix32(first, b + 1) ^ second, 0x27d4eb2f);
  // 48-bit key: the band number in the top 8 bits keeps bands apart, 40 bits of hash below.
  return b * 2 ** 40 + h * 256 + (mix32(h, 0x165667b1) & 0xff);
}

/**
 * `wordSimilarity(a, b)` when it reaches NEAR_THRESHOLD, else 0: the same decisions, but the
 * edit distance stops as soon as it must exceed what the threshold allows.
 */
export function nearSimilarity(a: string[], b: string[]): number {
  const n = a.length;
  const m = b.length;
  const longer = Math.max(n, m);
  if (longer === 0) return 1;
  if (Math.abs(n - m) / longer > 1 - NEAR_THRESHOLD) return 0; // as wordSimilarity decides it
  // The most edits a pair at the threshold may have (a little slack against rounding).
  const allowed = Math.floor((1 - NEAR_THRESHOLD) * longer + 1e-9);
  if (prevRow.length <= m) {
    prevRow = new Int32Array(m + 1);
    curRow = new Int32Array(m + 1);
  }
  // Only cells within `allowed` of the diagonal: a path leaving that band has made more edits
  // than allowed already (Ukkonen), so outside it a cell is just "too far" (`far`). The distance
  // comes out exact whenever it is at most `allowed`, and above `allowed` otherwise.
  let prev = prevRow;
  let cur = curRow;
  const far = allowed + 1;
  for (let j = 0; j <= m; j++) prev[j] = j <= allowed ? j : far;
  for (let i = 1; i <= n; i++) {
    const from = i > allowed ? i - allowed : 1;
    const to = i + allowed < m ? i + allowed : m;
    cur[from - 1] = from === 1 ? i : far;
    let rowMin = from === 1 ? i : far;
    const ai = a[i - 1];
    for (let j = from; j <= to; j++) {
      let d = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < d) d = del;
      const ins = cur[j - 1]! + 1;
      if (ins < d) d = ins;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (to < m) cur[to + 1] = far;
    // Every path to the end passes through this row: the distance is at least its minimum.
    if (rowMin > allowed) return 0;
    const t = prev;
    prev = cur;
    cur = t;
  }
  const sim = 1 - prev[m]! / longer;
  return sim >= NEAR_THRESHOLD ? sim : 0;
}
let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);

/** 1 - (word-level edit distance / length of the longer), in [0, 1]. */
export function wordSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) / Math.max(n, m) > 1 - NEAR_THRESHOLD) return 0;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - prev[m]! / Math.max(n, m);
}
