/**
 * Layout: the parts of a page that are not running text and carry quotations their own way:
 * headings and captions (which hold no report of their own), bylines with a quotation
 * (`"...," — Ann Lee`), pull quotes, and transcript pieces (`LEE: ...`).
 */
import type { Doc, Token } from './document.js';
import type { QuotedSpan } from './quotemarks.js';
import { cueAt } from './cues.js';
import { type Mention, type NameRun, newMention, type RunIndex } from './mentions.js';
import type { QuoteType } from './types.js';
import { type Attribution, newAttribution } from './attribution.js';
import { typeOf } from './clauses.js';

/** A paragraph of a few words with no closing punctuation: a heading or a link. */
export function isHeading(doc: Doc, para: number): boolean {
  const p = doc.paragraphs[para];
  if (!p || p.last - p.first > 30) return false;
  let end = p.end;
  while (end > p.start && /\s/.test(doc.text[end - 1])) end--;
  if (!(end > p.start && !/[.!?:;,"”’'»)\]…]/.test(doc.text[end - 1]))) return false;
  // (Nor one whose sentence a stray break cut, the next paragraph going on in lower case.)
  const next = doc.paragraphs[para + 1];
  if (next && /\p{Ll}/u.test(doc.text[next.start] ?? '')) return false;
  // (`She hasn’t chosen yet, she says`: a sentence that lost its full stop; a heading names its
  // speaker, never by a pronoun.)
  const t = doc.tokens;
  let last = p.last - 1;
  while (last > p.first && t[last].pos === 'PUNCT') last--;
  return !(last - 2 >= p.first && t[last - 2].text === ',' && /^(he|she|they|we|i)$/.test(t[last - 1].lower) && cueAt(doc, last) !== null);
}

/**
 * A photo credit closing a paragraph: a photographer and an agency, in parentheses (`(Ann
 * Roe/The Harbour Star)`) or with the agency in capitals (`Ann Roe/HARBOUR WIRE`), or a picture
 * agency alone in parentheses (`( Dreamstime )`).
 */
const PHOTO_CREDIT = /(?:\(\s*\p{Lu}[^()/\n\d]{1,60}\/\s*\p{Lu}[^()\n\d]{1,80}\)|\(\s*(?:Dreamstime|Getty Images|iStock|Shutterstock|AP Photo|File Photo)\s*\)|\p{Lu}[\p{L}.'’ -]{1,60}\/\s*\p{Lu}[\p{Lu}.&'’ -]{1,40})\s*$/u;

export function isCaption(doc: Doc, para: number): boolean {
  const p = doc.paragraphs[para];
  if (!p) return false;
  const tail = doc.text.slice(Math.max(p.start, p.end - 160), p.end);
  // Every credit has a slash or a closing parenthesis: without one the regex, which tries every
  // position of the tail, need not run (it cost 2% of extraction time).
  return (tail.includes('/') || tail.includes(')')) && PHOTO_CREDIT.test(tail);
}

// (`--` too: a dash typed as two hyphens.)
const BYLINE_DASHES = new Set(['—', '―', '–', '--']);
const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/;

/**
 * `“...” ― Dana Whitlow.` and embedded posts (`... — Lakeside Power (@lakesidepower) March 3, 2019`):
 * a dash and a name closing the paragraph attribute what stands before the dash, with no cue.
 */
export function bylines(doc: Doc, spans: QuotedSpan[], runs: RunIndex, claimed: Uint8Array, out: Attribution[]): void {
  const tokens = doc.tokens;
  const reported = new Set(out.map((a) => a.para));
  doc.paragraphs.forEach((p, pi) => {
    if (p.last - p.first < 4) return;
    // The dash: the last one in the paragraph, with a name right after it.
    let dash = -1;
    for (let t = p.last - 1; t > p.first && t > p.last - 20; t--) if (BYLINE_DASHES.has(tokens[t].text) && tokens[t].quote < 0) { dash = t; break; }
    if (dash < 0) return;
    const run = runs.at[dash + 1];
    if (run < 0 || runs.runs[run].first !== dash + 1) return;
    // Only a handle, a date and punctuation may follow the name; after a quotation, also a
    // short description set off by a comma (`“...” — Anders Holm, on the closure`).
    let k = runs.runs[run].last;
    while (k < p.last && (tokens[k].pos === 'PUNCT' || tokens[k].pos === 'NUM' || tokens[k].text.startsWith('@') || MONTHS.test(tokens[k].lower))) k++;
    const quoted = tokens[dash - 1].quote >= 0 && spans[tokens[dash - 1].quote].last === dash;
    if (k < p.last && !(quoted && tokens[runs.runs[run].last]?.text === ',' && describesAfterComma(tokens, runs.runs[run].last + 1, p.last))) return;
    // The content: the quotation just before the dash, else the paragraph up to the dash.
    const before = tokens[dash - 1];
    let first = p.first;
    let last = dash;
    let type: QuoteType;
    if (before.quote >= 0 && spans[before.quote].last === dash) {
      const q = spans[before.quote];
      if (claimed[before.quote] || q.first < p.first) return;
      first = q.first;
      type = 'direct';
    } else {
      while (first < last && tokens[first].pos === 'PUNCT' && tokens[first].quote < 0) first++;
      if (last - first < 6 || reported.has(pi)) return;
      type = typeOf(doc, first, last, spans);
    }
    for (let t = first; t < last; t++) if (tokens[t].quote >= 0) claimed[tokens[t].quote] = 1;
    const r = runs.runs[run];
    const source = newMention({ kind: 'name', first: r.first, last: r.last, coreFirst: r.nameFirst, coreLast: r.nameLast, head: tokens[r.nameLast - 1].lower, plural: false, indefinite: false });
    const start = tokens[first].start;
    let end = tokens[last - 1].end;
    // (`... the line. pic.twitter.com/Xy7Qa — Nadia Brook`: the post's link and hashtags, and the
    // full stop before them, are no part of what it says.)
    if (type !== 'direct') end = start + doc.text.slice(start, end).replace(TRAILING_LINKS, '').length;
    out.push(newAttribution({ type, start, end, cue: null, source, inherits: null, how: 'post-quote', para: tokens[first].para, anchor: first, segments: [[start, end]] }));
  });
}

/** From `k` to `last`: a few words with no verb and no quotation, then only punctuation. */
function describesAfterComma(tokens: Token[], k: number, last: number): boolean {
  let words = 0;
  for (let x = k; x < last; x++) {
    const t = tokens[x];
    if (t.quote >= 0 || t.pos === 'VERB' || t.pos === 'AUX') return false;
    if (t.pos !== 'PUNCT') words++;
    else if (!/^[.,]$/.test(t.text)) return false;
  }
  return words >= 1 && words <= 10;
}

/**
 * A pull quote: a paragraph of the speaker's words, then only their name, without a dash or a
 * full stop (`It's a lot worse than last year. Dana Pruitt, Millbrook mayor`, `... days. Lakeside
 * Power`). Attributed to the name, no cue. A photo credit has the same shape (`A jogger runs
 * by. Ben Tarrow`), so the name must also stand in the article's running text: pull quotes
 * repeat the words of someone the story quotes, a photographer is named nowhere else.
 */
export function pullQuotes(doc: Doc, spans: QuotedSpan[], runs: RunIndex, claimed: Uint8Array, out: Attribution[]): void {
  const tokens = doc.tokens;
  const reported = new Set(out.map((a) => a.para));
  const found: Array<{ pi: number; first: number; stop: number; run: NameRun }> = [];
  const tails = new Set<number>();
  doc.paragraphs.forEach((p, pi) => {
    if (p.last - p.first < 8 || reported.has(pi)) return;
    // The name: what follows the paragraph's last full stop, opening with a name run.
    let stop = -1;
    for (let t = p.last - 1; t > p.first && t > p.last - 16; t--) {
      if (/^[.!?]$/.test(tokens[t].text) && tokens[t].quote < 0) { stop = t; break; }
    }
    if (stop < 0 || stop === p.last - 1) return;
    const r = runs.at[stop + 1];
    if (r < 0 || runs.runs[r].first !== stop + 1 || runs.runs[r].common) return;
    const run = runs.runs[r];
    // After the name, only a role set off by a comma (`, Port Ellery mayor`): no verb, no quotation.
    let k = run.last;
    if (k < p.last) {
      if (tokens[k].text !== ',' || p.last - k > 8) return;
      for (let x = k + 1; x < p.last; x++) {
        const t = tokens[x];
        if (t.quote >= 0 || t.pos === 'PUNCT' || (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON') && !/^\p{Lu}/u.test(t.text)) return;
      }
    }
    // The words: the whole paragraph before the name, sentences with no quotation of their own.
    let first = p.first;
    while (first < stop && tokens[first].pos === 'PUNCT' && tokens[first].quote < 0) first++;
    if (stop - first < 6) return;
    // (A paragraph that names its speaker in its own words is the writer's: `Harbour Power said
    // it was working. ... Harbour Power`.)
    const last = tokens[run.nameLast - 1].text;
    for (let t = first; t < stop; t++) if (tokens[t].quote >= 0 && claimed[tokens[t].quote] || tokens[t].text === last) return;
    for (let t = stop + 1; t < p.last; t++) tails.add(t);
    found.push({ pi, first, stop, run });
  });
  if (found.length === 0) return;
  // Where else each name's last word stands outside such a tail.
  const named = new Set<string>();
  for (const f of found) named.add(tokens[f.run.nameLast - 1].text);
  const elsewhere = new Set<string>();
  for (const t of tokens) if (named.has(t.text) && !tails.has(t.i)) elsewhere.add(t.text);
  for (const { first, stop, run } of found) {
    if (!elsewhere.has(tokens[run.nameLast - 1].text)) continue;
    for (let t = first; t < stop; t++) if (tokens[t].quote >= 0) claimed[tokens[t].quote] = 1;
    const source = newMention({ kind: 'name', first: run.first, last: run.last, coreFirst: run.nameFirst, coreLast: run.nameLast, head: tokens[run.nameLast - 1].lower, plural: false, indefinite: false });
    // (Like an embedded post's, the words end before the full stop that closes them.)
    const type = typeOf(doc, first, stop, spans);
    const start = tokens[first].start;
    const end = tokens[stop - 1].end;
    out.push(newAttribution({ type, start, end, cue: null, source, inherits: null, how: 'post-quote', para: tokens[first].para, anchor: first, segments: [[start, end]] }));
  }
}

/** Links and hashtags ending a post, with the punctuation before them. */
const TRAILING_LINKS = /[\s.,;:!?]*(?:\s*(?:https?:\/\/\S+|(?:#\w+)?pic\.twitter\.com\/\S+|#\w+))+\s*$/u;

/** `"(CROSSTALK.)`, `(Laughter)`: a transcript's stage direction, a paragraph in parentheses, is nobody's words. */
const STAGE_DIRECTION = /^["“”'‘]?\s*\([^()]*\)\s*["”]?$/u;

/**
 * A quotation that runs over several paragraphs is one quotation, and each paragraph after
 * its first is also a quote of its own with the same speaker, as news annotation counts them
 * (the same convention as the parts of an interrupted quotation).
 */
export function paragraphPieces(doc: Doc, spans: QuotedSpan[], out: Attribution[]): void {
  const attrs = [...out].sort((a, b) => a.start - b.start);
  let next = 0;
  let widest: Attribution | null = null;
  const continuing = new Map<number, Attribution>();
  for (const a of out) if (a.how === 'continuation') continuing.set(a.start, a);
  for (const s of spans) {
    if (s.paragraphs < 2) continue;
    while (next < attrs.length && attrs[next].start <= s.start) {
      if (!widest || attrs[next].end > widest.end) widest = attrs[next];
      next++;
    }
    if (!widest || widest.end < s.end) continue;
    const firstPara = doc.tokens[s.first].para;
    const pieces: Array<[number, number]> = [];
    for (let p = firstPara; p < firstPara + s.paragraphs && p < doc.paragraphs.length; p++) {
      const para = doc.paragraphs[p];
      let start = Math.max(para.start, s.start);
      let end = Math.min(para.end, s.end);
      while (start < end && /\s/.test(doc.text[start])) start++;
      while (end > start && /\s/.test(doc.text[end - 1])) end--;
      if (end > start) pieces.push([start, end]);
    }
    // `"MODERATOR: ...` / `"HALVERSON: ...`: a transcript's paragraphs, each opening with its
    // speaker's name in capitals, are each that speaker's; the first is no longer one quote
    // running over the others.
    const labels = pieces.map((_, k) => transcriptLabel(doc, firstPara + k));
    if (labels.some((l, k) => k > 0 && l)) {
      if (widest.start === pieces[0][0] || widest.start === s.start) {
        widest.end = pieces[0][1];
        widest.segments = [[widest.start, widest.end]];
        if (labels[0] && !widest.cue) { widest.source = labels[0]; widest.inherits = null; widest.how = 'post-quote'; }
      }
    }
    // `“A,” she said. “B.¶ “C.”`: the quotation before the cue already runs over B and C, so the
    // continuation that opens at B is B's paragraph only, as each later paragraph is its own.
    const cont = continuing.get(s.start);
    if (cont && cont.end === s.end && cont.inherits && cont.inherits.end >= s.end) {
      cont.end = pieces[0][1];
      cont.segments = [[cont.start, cont.end]];
    }
    // (A paragraph with no label goes on with the turn before it.)
    let owner = widest.inherits ?? widest;
    // (`“A.¶ “B,” Lind added.`: the cue and source after the last paragraph stand in that
    // paragraph's own sentence, so that paragraph's quote rests on them too.)
    const sourcePara = widest.source && widest.cue && widest.source.first > s.first ? doc.tokens[widest.source.first].para : -1;
    pieces.forEach(([start, end], k) => {
      if (k === 0 || STAGE_DIRECTION.test(doc.text.slice(start, end))) return;
      const label = labels[k];
      const piece = newAttribution({ type: 'direct', start, end, cue: null, source: label, inherits: label ? null : owner, how: label ? 'post-quote' : 'continuation', para: doc.tokens[s.first].para, anchor: s.first, segments: [[start, end]] });
      if (!label && firstPara + k === sourcePara && owner === widest) Object.assign(piece, { cue: widest.cue, source: widest.source, inherits: null, how: widest.how });
      out.push(piece);
      if (label) owner = piece;
    });
  }
}

/** `"HALVERSON: Well, ...`: a paragraph opening with a name in capitals and a colon, inside its quotation mark. */
function transcriptLabel(doc: Doc, para: number): Mention | null {
  const p = doc.paragraphs[para];
  if (!p) return null;
  const tokens = doc.tokens;
  let k = p.first;
  if (k < p.last && /^["“]$/.test(tokens[k].text)) k++;
  const first = k;
  while (k < p.last && k - first < 3 && /^\p{Lu}[\p{Lu}.'’-]+$/u.test(tokens[k].text)) k++;
  if (k === first || tokens[k]?.text !== ':' || k + 1 >= p.last) return null;
  return newMention({ kind: 'name', first, last: k, coreFirst: first, coreLast: k, head: tokens[k - 1].lower, plural: false, indefinite: false });
}
