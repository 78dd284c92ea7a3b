/**
 * The document: the article text with tokens, sentences and paragraphs, every one carrying
 * offsets into the original string. Each later stage adds annotations to it; none of them
 * ever edits or copies the text, so every span they produce slices the input exactly.
 */
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import type Model from 'wink-eng-lite-web-model';
import { findBodyEnd } from './residue.js';
import { PERSON_NOUNS, TITLES } from './lexicon.js';

const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/**
 * wink with its English model, loaded on first use rather than on import: the model puts about
 * 35 MB on the heap of every thread that loads it, and a thread that only imports the pipeline
 * (ingest's writer, the CLI) would then mark it in every full garbage collection.
 * Sentence boundaries and part-of-speech tags are all the stages need; skipping wink's
 * negation, sentiment and entity passes roughly halves its cost.
 */
let wink: English | null = null;

interface English {
  nlp: ReturnType<typeof winkNLP>;
  its: ReturnType<typeof winkNLP>['its'];
  /** The reader's table of words (`hash`: word to index; `list`: index to word). */
  words: { hash: Record<string, number>; list: string[] };
  /** The table's length when it was made, and when the last document was read. */
  initialWords: number;
  readWords: number;
}

/**
 * wink learns each word it has not seen as it reads, and a word it has learned is no longer
 * split: `Brandt’s` read once as one token (`different from Brandt’s.`) stays one token in every
 * later document. So that a document reads the same whatever was read before it (on whichever
 * worker, in whichever order), what decides splitting is forgotten after each document (see
 * `forgetLearned`). wink keeps the slots of forgotten words, so past a bound a new reader is made.
 */
function english(): English {
  if (!wink || wink.words.list.length - wink.initialWords > RENEW_AFTER) wink = newReader();
  return wink;
}
const RENEW_AFTER = 300_000;

function newReader(): English {
  type Core = { features: { lexeme: English['words'] } };
  const model = createRequire(import.meta.url)('wink-eng-lite-web-model') as typeof Model & { core: () => Core };
  // `core` loads a fresh copy of the tables on each call: keep hold of this reader's copy.
  let core: Core | undefined;
  const nlp = winkNLP({ ...model, core: () => (core = model.core()) } as typeof Model, ['sbd', 'pos']);
  const words = core!.features.lexeme;
  return { nlp, its: nlp.its, words, initialWords: words.list.length, readWords: words.list.length };
}

/**
 * Forgets the words the last document taught the reader that decide how later text is split:
 * those with a mark in them (`Lee’s`, `U.S.-led`). A learned word of letters or digits alone
 * splits nothing and is tagged from its own features either way, so it is kept: re-learning
 * every word of every document made extraction a fifth slower.
 */
function forgetLearned(w: English): void {
  const { hash, list } = w.words;
  for (let i = w.readWords; i < list.length; i++) if (MARKED.test(list[i]!)) delete hash[list[i]!];
  w.readWords = list.length;
}
const MARKED = /[^\p{L}\p{N}]/u;

/** A run of 256 or more characters without a space. */
const LONG_RUN = /\S{256,}/g;
/** Run length from which `hasLongRun` answers: LONG_RUN's. */
const LONG_RUN_LENGTH = 256;

/**
 * `text` has a LONG_RUN. Articles almost never do, and scanning for one with the regex tried every
 * position inside every word again (2% of all extraction time). A run of LONG_RUN_LENGTH code
 * units covers some position that many after the last space seen, so only those ends are tried:
 * from each, walk back to the nearest space; the next end a run could have lies a run's length
 * past that space. Ordinary prose is read a few characters in every LONG_RUN_LENGTH.
 */
export function hasLongRun(text: string): boolean {
  let end = LONG_RUN_LENGTH - 1;
  while (end < text.length) {
    let k = end;
    while (k > end - LONG_RUN_LENGTH && !isRegExpSpace(text.charCodeAt(k))) k--;
    if (k === end - LONG_RUN_LENGTH) return true;
    end = k + LONG_RUN_LENGTH;
  }
  return false;
}

/** The UTF-16 code units `\s` matches in a regular expression (line terminators, Zs, BOM). */
function isRegExpSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `value` is empty or all spaces (as `value.trim() === ''`, without making the trimmed copy). */
function isBlank(value: string): boolean {
  for (let k = 0; k < value.length; k++) if (!isRegExpSpace(value.charCodeAt(k))) return false;
  return true;
}

/** `part` stands in `text` at `at` (as `text.startsWith(part, at)`, which was the Doc loop's slowest line). */
function occursAt(text: string, part: string, at: number): boolean {
  if (at + part.length > text.length) return false;
  for (let k = 0; k < part.length; k++) if (text.charCodeAt(at + k) !== part.charCodeAt(k)) return false;
  return true;
}

/** Abbreviated titles wink does not keep whole (`Rev.`, `Adm.`, `Atty.`): their period is theirs. */
const SPLIT_TITLES = new Set(['rev', 'adm', 'atty', 'msgr']);

/**
 * `had to step in.`, `the answer was no.`: words wink reads with their full stop as one
 * abbreviation (`in.` for inches, `no.` for number) when the period ends a sentence: a closing
 * mark, a capital or the end of the paragraph follows.
 */
const WORD_STOP = /^(in|no)\.$/;
/** A closing bracket and a colon or semicolon, which wink reads as one emoticon (`):`). */
const EMOTICON_PUNCT = /^[)\]][:;]$/;
const SENTENCE_GOES_ON = /^[”"’'»)\]]*(\s*$|[ \t]*\n|\s+[“"‘'(]?\p{Lu})/u;

export interface Token {
  /** Index in `Doc.tokens`. */
  i: number;
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Universal part-of-speech tag from wink (NOUN, PROPN, VERB, PUNCT, ...). */
  pos: string;
  /** Whitespace precedes the token. */
  space: boolean;
  /** Index of the paragraph the token is in. */
  para: number;
  /** Index of the quoted span the token lies in, or -1 (set by the quotation stage). */
  quote: number;
}

export interface Range {
  /** First token index. */
  first: number;
  /** One past the last token index. */
  last: number;
}

export interface Paragraph {
  start: number;
  end: number;
  first: number;
  last: number;
}

export class Doc {
  readonly text: string;
  readonly tokens: Token[] = [];
  /** wink's sentences, split again at paragraph breaks. */
  readonly sentences: Range[] = [];
  readonly paragraphs: Paragraph[] = [];
  /** Full stops split from a word wink read as an abbreviation (`in.`): see WORD_STOP. */
  private readonly wordStops = new Set<number>();
  /** Where the article ends and page residue (timestamps, counters, share links) begins. */
  readonly bodyEnd: number;

  constructor(text: string) {
    this.text = text;
    this.bodyEnd = findBodyEnd(text);
    const body = text.slice(0, this.bodyEnd);
    if (body.trim() === '') return;
    // wink's tokenizer is quadratic in the length of a single word, so a 2 MB run with no
    // spaces would never finish. It reads a same-length copy in which every very long run is
    // broken by a space every 100 characters; offsets are unchanged, and tokens take their
    // text from the original.
    // Zero-width characters (`Traeger\u200b said`) become spaces in the same copy, so they never
    // glue themselves to a word.
    let readable = /[\u200b\u200c\u200d\u2060\ufeff]/.test(body) ? body.replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, ' ') : body;
    if (hasLongRun(readable)) readable = readable.replace(LONG_RUN, (run) => run.replace(/(.{99})./gsu, '$1 '));
    const reader = english();
    const { its } = reader;
    let wdoc: ReturnType<English['nlp']['readDoc']>, values: string[], spaces: string[], tags: string[];
    try {
      wdoc = reader.nlp.readDoc(readable);
      values = wdoc.tokens().out(its.value) as string[];
      spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
      tags = wdoc.tokens().out(its.pos) as string[];
    } finally {
      forgetLearned(reader); // also when wink fails on a text: the next one reads as if first
    }
    // wink token index -> our token index (SPACE tokens are dropped).
    const map = new Int32Array(values.length + 1);
    let offset = 0;
    let para = 0;
    let paraStart = -1;
    let pendingBreak = false;
    // Where the copy wink read is the text itself, a token whose value stands at its offsets takes
    // wink's string for its text rather than a new slice: wink's strings are shared by every
    // occurrence of a word and keep their hash, which the later stages' many set and map lookups
    // of token texts then need not compute again.
    const readsText = readable === body;
    for (let w = 0; w < values.length; w++) {
      const pre = spaces[w];
      let start = offset + pre.length;
      // wink reproduces the text exactly; if it ever does not (odd Unicode), resynchronise.
      let inText = occursAt(readable, values[w], start);
      if (!inText) {
        const found = readable.indexOf(values[w], offset);
        inText = found >= 0;
        start = inText ? found : start;
      }
      const end = start + values[w].length;
      offset = end;
      map[w] = this.tokens.length;
      if (pre.includes('\n')) pendingBreak = true;
      if (tags[w] === 'SPACE' || isBlank(values[w])) {
        if (values[w].includes('\n')) pendingBreak = true;
        continue;
      }
      if (pendingBreak && this.tokens.length > 0) {
        this.closeParagraph(paraStart);
        para++;
        paraStart = this.tokens.length;
      }
      if (paraStart < 0) paraStart = this.tokens.length;
      pendingBreak = false;
      const value = readsText && inText ? values[w] : body.slice(start, end);
      // `the Rev. Al Brantley`: an abbreviated title wink splits from its period is one token,
      // as `Sen.` is (and the sentence does not end there: splitSentences).
      const prevTok = this.tokens[this.tokens.length - 1];
      if (value === '.' && pre.length === 0 && prevTok !== undefined && prevTok.end === start && SPLIT_TITLES.has(prevTok.lower) && /^\p{Lu}/u.test(prevTok.text)) {
        prevTok.end = end;
        prevTok.text += '.';
        prevTok.lower += '.';
        map[w] = this.tokens.length - 1;
        continue;
      }
      const space = pre.length > 0 || (w > 0 && tags[w - 1] === 'SPACE');
      if (WORD_STOP.test(value) && SENTENCE_GOES_ON.test(body.slice(end, end + 8))) {
        // (The word and its full stop, which ends the sentence: see splitSentences.)
        const word = value.slice(0, -1);
        this.tokens.push({ i: this.tokens.length, start, end: end - 1, text: word, lower: word, pos: word === 'in' ? 'ADP' : 'DET', space, para, quote: -1 });
        this.wordStops.add(this.tokens.length);
        this.tokens.push({ i: this.tokens.length, start: end - 1, end, text: '.', lower: '.', pos: 'PUNCT', space: false, para, quote: -1 });
        continue;
      }
      if (tags[w] === 'SYM' && EMOTICON_PUNCT.test(value)) {
        // `(D-Vt.):`, `(one);`: wink reads a closing bracket and a colon as one emoticon; they
        // are two marks, and the colon introduces what follows (`Rep. Ada Fenwick (D-Vt.): “...”`).
        this.tokens.push({ i: this.tokens.length, start, end: start + 1, text: value[0]!, lower: value[0]!, pos: 'PUNCT', space, para, quote: -1 });
        this.tokens.push({ i: this.tokens.length, start: start + 1, end, text: value[1]!, lower: value[1]!, pos: 'PUNCT', space: false, para, quote: -1 });
        continue;
      }
      this.tokens.push({
        i: this.tokens.length, start, end, text: value, lower: value.toLowerCase(), pos: tags[w],
        space, para, quote: -1,
      });
    }
    map[values.length] = this.tokens.length;
    if (this.tokens.length) this.closeParagraph(paraStart);

    const spans: number[][] = [];
    wdoc.sentences().each((s: any) => { spans.push(s.out(its.span) as number[]); });
    this.splitSentences(spans, map);
    this.retagNamesReadAsVerbs();
    this.retagModifiersReadAsVerbs();
  }

  /**
   * `the study's lead/VERB author`, `the acting/VERB director`: a word the tagger reads as a verb
   * between a determiner or possessive and a noun for a person modifies that noun, so the phrase
   * is one noun phrase a source can be.
   */
  private retagModifiersReadAsVerbs(): void {
    const tokens = this.tokens;
    for (let k = 1; k + 1 < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.pos !== 'VERB') continue;
      const prev = tokens[k - 1]!;
      const next = tokens[k + 1]!;
      if (next.para !== t.para || !PERSON_NOUNS.has(next.lower) || next.pos !== 'NOUN') continue;
      if (prev.pos === 'DET' && /^(the|a|an)$/.test(prev.lower) || POSSESSIVE_DETERMINERS.has(prev.lower) || /^['’]s$/.test(prev.lower) && prev.pos === 'PART') t.pos = 'ADJ';
    }
  }

  /**
   * `that Dole was wrong`, `told the Harbour Herald that`, `the Associated Press`: a capitalised
   * word inside a sentence of running text is a name's, though the tagger reads it as a verb (a
   * surname that is also a verb). Running text: the word before it is in lower case, or is a name
   * with a lower-case word or punctuation after the capitalised one (not a headline in capitals).
   */
  private retagNamesReadAsVerbs(): void {
    const tokens = this.tokens;
    for (const s of this.sentences) {
      // (A headline in capitals, `Mike Pence Calls for ...`, is left as the tagger read it.)
      let words = 0;
      let capitals = 0;
      for (let k = s.first; k < s.last; k++) {
        if (!/^\p{L}/u.test(tokens[k]!.text)) continue;
        words++;
        if (/^\p{Lu}/u.test(tokens[k]!.text)) capitals++;
      }
      if (capitals * 2 > words) continue;
      for (let k = s.first + 1; k < s.last; k++) {
        const t = tokens[k]!;
        if (t.pos !== 'VERB' || !/^\p{Lu}\p{Ll}/u.test(t.text)) continue;
        const prev = tokens[k - 1]!;
        const next = tokens[k + 1];
        const lowerBefore = /^\p{Ll}/u.test(prev.text);
        const nameBefore = prev.pos === 'PROPN' && /^\p{Lu}/u.test(prev.text) && next !== undefined && next.para === t.para && (/^\p{Ll}/u.test(next.text) || next.pos === 'PUNCT');
        if (lowerBefore || nameBefore) t.pos = 'PROPN';
      }
    }
  }

  /**
   * Our sentences from wink's (token spans in wink's numbering, `map` to ours), split again
   * wherever a paragraph break falls inside one. Every sentence is pushed by the one statement:
   * a push of its own for the rare split had never run when V8 compiled the loop, and the
   * compiled code bailed out to the interpreter there every time (on one document in thirty).
   */
  private splitSentences(spans: number[][], map: Int32Array): void {
    const tokens = this.tokens;
    const sentences = this.sentences;
    for (const [a, b] of spans) {
      let first: number = map[a!]!;
      // (A sentence wink ended at an abbreviated title, `said the Rev.`, goes on, as does one it
      // ended inside a word, with no space after the period: `Rep. Ann Ruiz (D-N.Y.) said`.)
      const prev = sentences[sentences.length - 1];
      if (prev !== undefined && prev.last === first && first > 0 && first < tokens.length && tokens[first]!.para === tokens[first - 1]!.para
        && tokens[first - 1]!.lower.endsWith('.') && (SPLIT_TITLES.has(tokens[first - 1]!.lower.slice(0, -1)) || !tokens[first]!.space)) {
        first = prev.first;
        sentences.length--;
      }
      const last: number = map[b! + 1] ?? tokens.length;
      for (let t = first + 1; t <= last; t++) {
        if (t === last || tokens[t]!.para !== tokens[t - 1]!.para || this.quotationAfterAbbreviation(t) || this.afterWordStop(t)) {
          sentences.push({ first, last: t });
          first = t;
        }
      }
    }
  }

  /**
   * `... in Lakeport, N.Y. “I enjoy the night shift,” she says.`: wink reads the period of an
   * abbreviation as never ending a sentence, but a quotation opening after it with a capital,
   * a passage of three words or more, starts a new one. (A nickname is not a passage: `Gov.
   * J.R. "Buzz" Harlan`; nor does a quotation open a sentence after a title: `Sen. "...`.)
   */
  private quotationAfterAbbreviation(t: number): boolean {
    const tokens = this.tokens;
    const abbr = tokens[t - 1]!;
    const mark = tokens[t]!;
    if (mark.text !== '“' && mark.text !== '"' || !mark.space || abbr.text.length < 3 || !abbr.text.endsWith('.')) return false;
    if (!/^\p{Lu}/u.test(tokens[t + 1]?.text ?? '') || TITLES.has(abbr.lower)) return false;
    let words = 0;
    for (let k = t + 1; k < tokens.length && k < t + 8 && words < 3; k++) {
      const w = tokens[k]!;
      if (/^["“”]$/.test(w.text) || w.para !== mark.para) return false;
      if (w.pos !== 'PUNCT') words++;
    }
    return words >= 3;
  }

  /** `“They came in.” Not a vote`: a capital after a full stop split from its word (past closing marks) opens a sentence. */
  private afterWordStop(t: number): boolean {
    if (this.wordStops.size === 0) return false;
    const open = /^[“"‘']$/.test(this.tokens[t]!.text) ? this.tokens[t + 1] : this.tokens[t];
    if (!open || !/^\p{Lu}/u.test(open.text)) return false;
    let k = t - 1;
    while (k > 0 && /^[”"’'»)\]]$/.test(this.tokens[k]!.text)) k--;
    return this.wordStops.has(k);
  }

  private closeParagraph(first: number): void {
    const last = this.tokens.length;
    this.paragraphs.push({ first, last, start: this.tokens[first].start, end: this.tokens[last - 1].end });
  }

  /** Text of a token range. */
  slice(first: number, last: number): string {
    if (last <= first) return '';
    return this.text.slice(this.tokens[first].start, this.tokens[last - 1].end);
  }
}

/** The sentence token `t` lies in (sentences are in text order). */
export function sentenceOf(doc: Doc, t: number): Range | undefined {
  const sentences = doc.sentences;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.last <= t) lo = mid + 1;
    else hi = mid;
  }
  const s = sentences[lo];
  return s && s.first <= t ? s : undefined;
}
