/**
 * Quotation marks: pairs opening and closing marks into quoted spans, in one linear pass.
 *
 * Curly marks say which way they face; straight `"` marks do not, so their direction comes from
 * the state (open or not) and their neighbours. Single quotes are only read as nesting inside
 * double ones, because `’` doubles as the apostrophe. A quotation that runs over several
 * paragraphs has an opening mark at each paragraph start and no closing mark until the last,
 * so an unclosed paragraph followed by one that opens with a mark continues the same span.
 */
import type { Doc, Paragraph } from './document.js';

export interface QuotedSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark (or after the last character when unclosed). */
  end: number;
  /** Token range of the span, marks included. */
  first: number;
  last: number;
  /** Words inside the marks. */
  words: number;
  /** No closing mark was found before the paragraph ended. */
  unclosed: boolean;
  /** The span runs over more than one paragraph. */
  paragraphs: number;
  /** Title Case with no sentence punctuation (`“The Boy Who Sold The Moon”`): a name of a work. */
  title: boolean;
}

const OPENERS = new Set(['“', '„', '«', '"']);
/** Single marks, which open a quotation only when doubled (`‘’`, `''`). */
const SINGLE = new Set(["'", '‘', '’']);
const CLOSERS = new Set(['”', '»', '"']);

function opensHere(text: string, i: number): boolean {
  // A straight mark opens when it follows a boundary and precedes a word.
  const prev = i > 0 ? text[i - 1] : ' ';
  const next = i + 1 < text.length ? text[i + 1] : ' ';
  return /[\s([{\u2014\u2013\-\/:;,]/.test(prev) && !/\s/.test(next);
}

function countWords(text: string, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127 && c !== 0x201c && c !== 0x201d && c !== 0x2014;
    if (letter && !inWord) words++;
    inWord = letter;
  }
  return words;
}

/** Finds the quoted spans of the document body, and marks every token inside one. */
export function findQuotedSpans(doc: Doc): QuotedSpan[] {
  return withTokenRanges(doc, pairMarks(doc.text, doc.paragraphs));
}

/**
 * The scan's state between paragraphs: where the quotation still open began (-1 when none is),
 * and over how many paragraphs it has run.
 */
interface OpenQuote {
  at: number;
  paras: number;
}

/**
 * The quoted spans of the paragraphs, in text order, their token ranges not yet set. (The scan
 * of a paragraph and what happens at its end are functions of their own so that V8, which
 * recompiles a function each time it meets a branch it has no type feedback for, recompiles
 * small ones.)
 */
function pairMarks(text: string, paras: Paragraph[]): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const open: OpenQuote = { at: -1, paras: 0 };
  for (let p = 0; p < paras.length; p++) {
    scanParagraph(text, paras[p]!, open, spans);
    if (open.at >= 0) endParagraphOpen(text, paras, p, open, spans);
  }
  return spans;
}

/** `"`, `'`, `«`, `»` and the curly marks `‘’‚‛“”„`: a superset of the marks scanParagraph reads. */
function mayBeQuoteMark(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0xab || c === 0xbb || c >= 0x2018 && c <= 0x201e;
}

/** Pairs the marks of one paragraph, from the state the paragraphs before it left. */
function scanParagraph(text: string, para: Paragraph, open: OpenQuote, spans: QuotedSpan[]): void {
  const { start, end } = para;
  let openAt = open.at;
  let openParas = open.paras;
  let i = start;
  if (openAt >= 0) {
    // Continuing a quote from the previous paragraph: skip this paragraph's opening mark.
    while (i < end && /\s/.test(text[i])) i++;
    if (OPENERS.has(text[i])) i++;
  }
  for (; i < end; i++) {
    // (Every branch below is about a quotation mark: the other characters, nearly all of them,
    // are passed over by their code without making a string of each.)
    if (!mayBeQuoteMark(text.charCodeAt(i))) continue;
    const ch = text[i];
    if (openAt < 0) {
      // Straight and misprinted marks open where a quotation can start: `"`, a closing `”`
      // typed as an opener, and two single marks standing for a double one (`‘’It’s`).
      const doubledSingle = (ch === "'" || ch === '‘' || ch === '’') && SINGLE.has(text[i + 1] ?? '') && opensHere(text, i) && /\S/.test(text[i + 2] ?? ' ');
      if (ch === '“' || ch === '„' || ch === '«' || (ch === '"' || ch === '”') && opensHere(text, i) || doubledSingle) {
        openAt = i;
        openParas = 1;
        if (doubledSingle) i++;
      }
    } else if (CLOSERS.has(ch)) {
      spans.push(makeSpan(text, openAt, i + 1, false, openParas));
      openAt = -1;
    } else if ((ch === "'" || ch === '’') && (text[i + 1] === "'" || text[i + 1] === '’') && !/\p{L}/u.test(text[i + 2] ?? ' ')
      && (SINGLE.has(text[openAt]) || /\S/.test(text[i - 1] ?? ' '))) {
      // `''The lack of parking is shameful,''`: doubled single marks close what they
      // opened, and a double mark typed as two singles (`“... bakers,’’ says`) too.
      spans.push(makeSpan(text, openAt, i + 2, false, openParas));
      openAt = -1;
      i++;
    } else if (ch === '“' && text[openAt] === '"' && /\s/.test(text[i - 1]) && text.indexOf('”', i) > i && text.indexOf('”', i) < end) {
      // `"... put it to you: “As you recall ...” Sixty-one, yes."`: curly marks
      // inside a straight-quoted passage nest in it; the straight mark still closes it.
      i = text.indexOf('”', i);
    } else if (ch === '“' && i > openAt + 1 && /\s/.test(text[i - 1])) {
      // A second opening mark after a space: the first quote was never closed. Close it at
      // the last sentence end before this mark, if there is one, and start again.
      const cut = lastSentenceEnd(text, openAt + 1, i);
      if (cut > 0) spans.push(makeSpan(text, openAt, cut, true, openParas));
      openAt = i;
      openParas = 1;
    }
  }
  open.at = openAt;
  open.paras = openParas;
}

/**
 * A paragraph ends with a quotation open: it goes on into the next paragraph when that opens with
 * a mark of the same style, else it ends unclosed with the paragraph.
 */
function endParagraphOpen(text: string, paras: Paragraph[], p: number, open: OpenQuote, spans: QuotedSpan[]): void {
  const next = p + 1 < paras.length ? paras[p + 1] : undefined;
  // The continuing paragraph opens with a mark of the same style: a straight mark left
  // open is a typo, not the start of a passage that a curly mark continues.
  const nextOpens = next !== undefined && OPENERS.has(text[next.start]) && (text[next.start] === '"') === (text[open.at] === '"');
  // (`... at the discretion of the decision-maker` / `based on ...," said X.`: a paragraph that
  // opens in lower case goes on with the sentence a stray break cut, and so does the quotation
  // open in it.)
  const cutSentence = next !== undefined && /\p{Ll}/u.test(text[next.start] ?? '') && !/[.!?:;]\s*$/.test(text.slice(Math.max(paras[p]!.start, paras[p]!.end - 3), paras[p]!.end));
  if (nextOpens || cutSentence) {
    open.paras++;
  } else {
    spans.push(makeSpan(text, open.at, paras[p]!.end, true, open.paras));
    open.at = -1;
  }
}

/** Sets the token range of each span and the quote index on every token inside it; spans with no token are dropped. */
function withTokenRanges(doc: Doc, spans: QuotedSpan[]): QuotedSpan[] {
  const tokens = doc.tokens;
  let t = 0;
  const kept: QuotedSpan[] = [];
  for (const s of spans) {
    while (t < tokens.length && tokens[t].start < s.start) t++;
    s.first = t;
    while (t < tokens.length && tokens[t].end <= s.end) tokens[t++].quote = kept.length;
    s.last = t;
    if (s.last > s.first) kept.push(s);
  }
  return kept;
}

function lastSentenceEnd(text: string, from: number, to: number): number {
  for (let j = to - 1; j > from; j--) {
    if (/[.!?]/.test(text[j])) return j + 1;
  }
  return -1;
}

function makeSpan(text: string, start: number, end: number, unclosed: boolean, paragraphs: number): QuotedSpan {
  return { start, end, first: 0, last: 0, words: countWords(text, start, end), unclosed, paragraphs, title: !unclosed && end - start <= 82 && isTitle(text.slice(start + 1, end - 1)) };
}

const MINOR_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'by', 'with', 'from', 'as', 'nor', 'vs', 'vs.']);

/** Two or more words, every major word capitalised, no sentence punctuation: a title. */
function isTitle(inner: string): boolean {
  if (inner.length > 80 || /[!?;:]\s*$/.test(inner) || /[.!?;]\s/.test(inner)) return false;
  const words = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return false;
  return words.every((w, k) => /^[^\p{L}]*\p{Lu}/u.test(w) || k > 0 && MINOR_WORDS.has(w.toLowerCase()));
}
