/**
 * Attribution: ties each cue to its source phrase and its content, and gives every quotation
 * that has no cue of its own the speaker of the quotation it continues.
 *
 * Works on units: sentences merged wherever a quotation runs across a sentence break, so that
 * `“A. B,” she said` is one unit whose cue covers both sentences.
 *
 * This file holds the units and the pairing; the parts it pairs are found in files of their
 * own: a cue's source phrase (sources.ts), what it reports (contents.ts), quotations with no
 * cue that go on with another (continuations.ts), the parts of a page that quote their own way
 * (layout.ts), and the tests of clause structure all of them share (clauses.ts).
 */
import type { Doc, Range } from './document.js';
import type { QuotedSpan } from './quotemarks.js';
import { type Cue, cueAt } from './cues.js';
import type { Mention, RunIndex } from './mentions.js';
import type { QuoteType } from './types.js';
import { typeOf } from './clauses.js';
import { according, type Content, contentsFor, endRelativeClause, isByGerund, isReport, subjectBeforeCue } from './contents.js';
import { continuations } from './continuations.js';
import { bylines, isCaption, isHeading, paragraphPieces, pullQuotes } from './layout.js';
import { findSource } from './sources.js';
import { QUESTIONS } from './lexicon.js';

/** Every attribution is made by `newAttribution` (or spread from one), with every field present in one order: one shape keeps V8's compiled readers of attributions on one map. */
export interface Attribution {
  type: QuoteType;
  /** Character span of the content. */
  start: number;
  end: number;
  cue: Cue | null;
  /** The phrase the attribution rests on, in the quote's own sentence. */
  source: Mention | null;
  /** For quotes with no source of their own: the attribution whose speaker they take. */
  inherits: Attribution | null;
  /** For a quote with no source of its own: a mention outside its sentence naming its speaker. */
  hint: Mention | null;
  /** For the part after a cue that interrupts its quotation mid-sentence: the whole quotation's attribution. */
  whole: Attribution | null;
  /** How the content was found, for confidence. */
  how: 'post-quote' | 'pre-quote' | 'clause' | 'post-clause' | 'according' | 'subject' | 'continuation';
  para: number;
  /** The quoted parts of the content: one for most quotes, several when the cue interrupts. */
  segments: Array<[number, number]>;
  /** Token where the attribution's sentence starts (for ordering and salience). */
  anchor: number;
  /**
   * An indirect report in a participle that goes on with the report before it (`Ruiz said A,
   * adding that B`): its source is that report's mention, so it has none of its own.
   */
  continuesReport: boolean;
}

/** What every stage gives an attribution; `newAttribution` adds the rest. */
export type AttributionCore = Pick<Attribution, 'type' | 'start' | 'end' | 'cue' | 'source' | 'inherits' | 'how' | 'para' | 'segments' | 'anchor'>;

/** An attribution with no hint, no whole quotation and no report it continues. */
export function newAttribution(c: AttributionCore): Attribution {
  return {
    type: c.type, start: c.start, end: c.end, cue: c.cue, source: c.source, inherits: c.inherits, hint: null, whole: null,
    how: c.how, para: c.para, segments: c.segments, anchor: c.anchor, continuesReport: false,
  };
}
const MAX_UNIT = 1000;

/**
 * `Vale asked how high the wall would be`: a question reported in the reporter's words. What
 * follows it is as a rule its answer, someone else's words: no quotation goes on with it, and
 * its asker is not the `he` of the next quote.
 */
export function asksQuestion(a: Attribution): boolean {
  return a.type === 'indirect' && a.cue !== null && QUESTIONS.has(a.cue.sense.lemma);
}

/** The start of a link: `pic.twitter.com/...`, `https://...`, `www.`. */
const LINK = /^(pic\.twitter\.com\/|https?:\/\/|www\.)/;

/** Units: sentences, merged so that no quoted span crosses a unit boundary. */
export function buildUnits(doc: Doc, spans: QuotedSpan[]): Range[] {
  const units: Range[] = [];
  for (const s of doc.sentences) {
    const prev = units[units.length - 1];
    const firstTok = doc.tokens[s.first];
    const inside = firstTok.quote >= 0 && spans[firstTok.quote].first < s.first;
    // `“... built.” he said.`: a sentence cannot open in lower case, so the split was wrong.
    // (Nor with a comma: `Rep. Mara Quill (D-Ore.), who ...` split at the abbreviation.)
    // (But a link is no word: `... too often late. pic.twitter.com/... — Ana Vale (@ana_vale)`
    // opens an embed's signature, not the rest of the sentence before it.)
    const lower = /^(\p{Ll}|[,;)])/u.test(firstTok.text) && prev !== undefined && doc.tokens[prev.last - 1].para === firstTok.para
      && !LINK.test(doc.text.slice(firstTok.start, firstTok.start + 20));
    // `“Why now?” Brandt said.`: a question or exclamation mark inside the closing quotation
    // mark does not end the sentence it belongs to. (A pronoun going on with it would be in
    // lower case: after `“Who could say no?” She now calls it an error.` a sentence begins, unless
    // it is only a subject and a cue, as after a full stop.)
    const closer = prev ? doc.tokens[prev.last - 1] : undefined;
    const capitalPronoun = firstTok.pos === 'PRON' && /^(He|She|They|We|It)$/.test(firstTok.text);
    const askedBefore = closer !== undefined && closer.quote >= 0 && spans[closer.quote].last === prev!.last && closer.para === firstTok.para
      && firstTok.quote < 0 && (/^[?!]$/.test(doc.tokens[prev!.last - 2]?.text ?? '') && !capitalPronoun || /^[.?!]$/.test(doc.tokens[prev!.last - 2]?.text ?? '') && bareCueSentence(doc, s));
    if (prev && (inside || lower || askedBefore)) prev.last = s.last;
    else units.push({ first: datelineEnd(doc, s), last: s.last });
  }
  // No real sentence runs past a few hundred tokens; cutting pathological ones (a megabyte of
  // unclosed quotation marks) keeps every per-unit step bounded and the whole pass linear.
  const bounded: Range[] = [];
  for (const u of units) {
    for (let f = u.first; f < u.last; f += MAX_UNIT) bounded.push({ first: f, last: Math.min(u.last, f + MAX_UNIT) });
  }
  return bounded;
}

const DATELINE_DASHES = new Set(['—', '–', '-', '--', '―']);
const DATELINE_MONTH = /^(Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?$/;

/**
 * `WASHINGTON (AP) — The ...`, `MIRAMICHI, N.B. — The ...`: a dateline (a place in capitals,
 * perhaps a province, and an agency in parentheses) that opens a paragraph heads the story and
 * is no part of what its first sentence reports, so the sentence's unit starts after its dash.
 */
export function datelineEnd(doc: Doc, s: Range): number {
  const tokens = doc.tokens;
  if (doc.paragraphs[tokens[s.first].para]?.first !== s.first) return s.first;
  const capitals = (x: number) => tokens[x].quote < 0 && tokens[x].text.length > 1 && /^\p{Lu}[\p{Lu}.’'&]*$/u.test(tokens[x].text);
  let k = s.first;
  let words = 0;
  while (k < s.last && k - s.first < 10) {
    if (capitals(k)) words++;
    // (`WASHINGTON, June 10 (UPI) —`: a date after the place.)
    else if (words > 0 && DATELINE_MONTH.test(tokens[k].text) && /^\d{1,2}$/.test(tokens[k + 1]?.text ?? '')) k++;
    else if (tokens[k].text === '(' && words > 0) {
      // (An agency: `(AP)`, `(Reuters)`.)
      let close = k + 1;
      while (close < s.last && close < k + 5 && tokens[close].text !== ')' && /^\p{Lu}/u.test(tokens[close].text)) close++;
      if (tokens[close]?.text !== ')' || close === k + 1) return s.first;
      k = close;
    } else if (tokens[k].text !== ',' || words === 0) break;
    k++;
  }
  return words > 0 && k + 1 < s.last && DATELINE_DASHES.has(tokens[k].text) && tokens[k].quote < 0 ? k + 1 : s.first;
}

/**
 * `“... missing.” Ferris said.`: a short sentence that is only a subject and a cue closing it
 * belongs to the quotation before it, whatever the full stop inside the closing mark says.
 */
function bareCueSentence(doc: Doc, s: Range): boolean {
  if (s.last - s.first > 7 || doc.tokens[s.last - 1].text !== '.') return false;
  for (let k = s.first + 1; k < s.last - 1; k++) {
    if (cueAt(doc, k)) return s.last - 1 - k <= 3;
  }
  return false;
}

export function attribute(doc: Doc, spans: QuotedSpan[], runs: RunIndex): Attribution[] {
  const units = buildUnits(doc, spans);
  const out: Attribution[] = [];
  const claimed = new Uint8Array(spans.length);
  // (Captions by paragraph, read once each: 1 no, 2 yes.)
  const captions = new Uint8Array(doc.paragraphs.length);
  for (const unit of units) {
    // Headings and links to other stories (`READ MORE: X says Y`, `Brandt says deal is close`)
    // end without a full stop; what they report belongs to another article.
    if (isHeading(doc, doc.tokens[unit.first].para)) continue;
    // A photo's caption (`... said the video helps. (Ann Roe/The Canadian Press)`) repeats the
    // story's words under a picture; the story reports them where they belong.
    const para = doc.tokens[unit.first].para;
    if (captions[para] === 0) captions[para] = isCaption(doc, para) ? 2 : 1;
    if (captions[para] === 2) continue;
    attributeUnit(doc, unit, spans, runs, claimed, out);
  }
  bylines(doc, spans, runs, claimed, out);
  pullQuotes(doc, spans, runs, claimed, out);
  continuations(doc, units, spans, runs, claimed, out);
  paragraphPieces(doc, spans, out);
  out.sort((a, b) => a.start - b.start);
  return out;
}

export interface CueInUnit {
  cue: Cue;
  source: Mention | null;
  /** Token before which the source phrase begins, or the cue itself when inverted. */
  sourceFirst: number;
}

function attributeUnit(doc: Doc, unit: Range, spans: QuotedSpan[], runs: RunIndex, claimed: Uint8Array, out: Attribution[]): void {
  const from = out.length;
  attributeCues(doc, unit, spans, runs, claimed, out);
  markContinuedReports(out, from);
}

/**
 * `Lohmar said A, adding that B`, `Ruiz announced A, saying B`: an indirect report in a
 * participle takes its subject from the report before it, whose mention that is; it goes on
 * with that report rather than resting on a mention of its own (as the annotations of reported
 * speech have it: the mention belongs to the first report). A verb joined by `and` has a
 * predicate of its own, `He said A and added B`, and keeps the mention.
 */
function markContinuedReports(out: Attribution[], from: number): void {
  for (let i = from; i < out.length; i++) {
    const a = out[i];
    if (a.type !== 'indirect' || !a.cue || !a.source) continue;
    if (!a.cue.participle) continue;
    const src = a.source;
    if (src.first >= a.cue.first) continue;
    for (let j = from; j < out.length; j++) {
      const b = out[j];
      if (b !== a && b.cue && b.source && b.cue.first < a.cue.first && b.source.coreFirst === src.coreFirst && b.source.coreLast === src.coreLast) { a.continuesReport = true; break; }
    }
  }
}

function attributeCues(doc: Doc, unit: Range, spans: QuotedSpan[], runs: RunIndex, claimed: Uint8Array, out: Attribution[]): void {
  const cues: CueInUnit[] = [];
  for (let i = unit.first; i < unit.last; i++) {
    const cue = cueAt(doc, i);
    if (!cue) continue;
    cues.push({ cue, source: null, sourceFirst: i });
    i = cue.last - 1;
  }
  if (cues.length === 0) return;

  // Sources, left to right: a participle takes the subject found before it.
  for (let k = 0; k < cues.length; k++) findSource(doc, unit, spans, runs, cues, k);

  // Contents, right to left, so that an inner cue (`said he would say: “...”`) claims its
  // quotation before the outer one and the outer one then yields.
  // Contents claimed so far (see Taken): a named source's direct quotation is someone's own
  // words, which no other report contains: `threatening ... – a threat that Velhorn condemned as “...”`.
  const taken: Taken[] = [];
  for (let k = cues.length - 1; k >= 0; k--) {
    const found = contentsFor(doc, unit, spans, runs, cues[k], k > 0 ? cues[k - 1] : null, k + 1 < cues.length ? cues[k + 1] : null);
    if (k === 0) subjectBeforeCue(doc, unit, cues[k], found);
    endRelativeClause(doc, spans, cues[k], found);
    // `Velhorn said he would say: “...”`: what someone says they would say is reported by the
    // outer cue, which the attribution rests on; the outer cue then reports nothing else.
    let c = cues[k];
    if (found.length > 0 && k > 0 && (hypotheticalInner(doc, cues[k - 1], c) || thoughtInner(doc, cues[k - 1], c, found))) {
      c = cues[k - 1];
      k--;
    }
    const before = out.length;
    for (const f of found) claimContent(doc, unit, spans, claimed, out, taken, c, f);
    // `“A,” he said, “and B.”`: a quotation its cue interrupts mid-sentence is one quotation, as
    // across a full stop (see `continuations`): the first part's attribution spans both, and
    // the part after the cue is also a quote of its own. (Commas on both sides of the cue: not
    // `“A.” X posted: “B.”`, two quotations.)
    const [first, second] = [out[before], out[before + 1]];
    // (Also a fragment the reporter's words lead into, and one joined by `and`: `The surgeon is
    // “smart as hell,” X wrote, and “full of it.”`.)
    if (out.length - before === 2 && (first.how === 'post-quote' || first.how === 'post-clause') && second.how === 'pre-quote' && second.type === 'direct'
      && /,\s*['"”’»]+$/u.test(doc.text.slice(first.start, first.end)) && /,\s*((and|but)\s+)?$/.test(doc.text.slice(Math.max(0, second.start - 7), second.start))) {
      first.end = second.end;
      first.segments.push([second.start, second.end]);
      second.whole = first;
    }
  }
}

/**
 * Content claimed in a unit: where it begins and ends, where its source (or cue) begins, whether
 * it is a named source's direct quotation, whether its cue is a participle or a gerund of
 * means (`, saying`, `by tweeting`), whose subject is the main clause's, and whether it is what a
 * trailing `according to` reports (`CLAUSE, according to X`).
 */
interface Taken {
  first: number;
  last: number;
  sourceFirst: number;
  named: boolean;
  means: boolean;
  tail: boolean;
}

/**
 * Records content `f` of cue `c` as an attribution, unless it is no report (a title, a clause
 * without a verb of its own) or lies inside content already taken that it does not nest in.
 */
function claimContent(doc: Doc, unit: Range, spans: QuotedSpan[], claimed: Uint8Array, out: Attribution[], taken: Taken[], c: CueInUnit, f: Content): void {
  const tokens = doc.tokens;
  // (`Pratley says he was “sitting it out” until Marsh said she was backing Dunmore`: a reported
  // clause may end in a report of its own, in a subordinate clause (not one set off by a
  // comma or a dash: `her “blunders,” she called them, ...`), or be one from its first word
  // (`noted it had said it would ...`). The clause is then the report, and the inner one, unless
  // a direct quotation, is part of it only; a named speaker's own direct quotation is no part of
  // another's report.)
  const inner = taken.filter((t) => f.first < t.last && f.last > t.first);
  // (Nor a report by a participle or gerund of the speaker's own, `dismissed the rumours by
  // posting that ...`: that is how the main deed was done, the same speaker's report, and what
  // the main verb takes is only its object.)
  const nests = inner.length > 0 && f.type !== 'direct' && f.how === 'clause'
    && inner.every((t) => !t.named && !t.means && f.first <= t.sourceFirst && t.last === f.last && !/^[,—–-]$/.test(tokens[t.sourceFirst - 1].text) && tokens[t.sourceFirst - 1].quote < 0);
  // (`Falk said Tuesday that the levy would rise, according to a statement`: a report whose source
  // and cue open what a trailing `according to` reports, its content after them, is a report of
  // its own too; the tail tells where it was found and keeps it as its content, but does not take
  // the speaker's words from the speaker. A quotation before its cue, `“...,” Falk said, according
  // to a transcript`, stays the tail's: the quotations after it go on with the tail's report.)
  const inTail = inner.length > 0 && f.first > c.cue.first && inner.every((t) => t.tail && t.first === Math.min(c.sourceFirst, c.cue.first) && f.last <= t.last);
  if (inner.length > 0 && !nests && !inTail) return;
  if (nests) {
    const [a, b] = [tokens[f.first].start, tokens[f.last - 1].end];
    for (let x = out.length - 1; x >= 0 && out[x].anchor === unit.first; x--) {
      if (out[x].start >= a && out[x].end <= b && out[x].type !== 'direct') out.splice(x, 1);
    }
  }
  if (!f.naming && !f.rest && !isReport(doc, spans, c, f)) return;
  const means = c.cue.participle || isByGerund(tokens, c.cue);
  const tail = c.cue.according && f.how === 'according' && f.last <= c.cue.first;
  taken.push({ first: f.first, last: f.last, sourceFirst: Math.min(c.sourceFirst, c.cue.first), named: f.type === 'direct' && c.source?.kind === 'name', means, tail });
  for (let t = f.first; t < f.last; t++) if (tokens[t].quote >= 0) claimed[tokens[t].quote] = 1;
  const start = tokens[f.first].start;
  const end = tokens[f.last - 1].end;
  const segments: Array<[number, number]> = f.gap ? [[start, tokens[f.gap[0] - 1].end], [tokens[f.gap[1]].start, end]] : [[start, end]];
  const whole = newAttribution({
    type: f.type, start, end, cue: c.cue, source: c.source, inherits: null, how: f.how,
    para: tokens[f.first].para, anchor: unit.first, segments,
  });
  out.push(whole);
  // `Dunmore, he said, “understands ...”`, `Some delays, according to engineers, involve ...`: as for
  // a quotation its cue interrupts (`attributeUnit`), the part after the cue is also a quote of
  // its own, with the same cue and source.
  if (f.gap) {
    const q = tokens[f.gap[1]].quote;
    const quoted = q >= 0 && spans[q].first === f.gap[1] && spans[q].last === f.last;
    const part = newAttribution({
      type: quoted ? 'direct' : typeOf(doc, f.gap[1], f.last, spans), start: tokens[f.gap[1]].start, end, cue: c.cue, source: c.source, inherits: null,
      how: f.how, para: tokens[f.gap[1]].para, anchor: unit.first, segments: [[tokens[f.gap[1]].start, end]],
    });
    part.whole = whole;
    out.push(part);
  }
}

/** `said he would say`: the inner cue's subject follows the outer cue and a modal precedes it. */
function hypotheticalInner(doc: Doc, outer: CueInUnit, inner: CueInUnit): boolean {
  const tokens = doc.tokens;
  if (!inner.source || inner.source.kind !== 'pronoun' || inner.source.first !== outer.cue.last) return false;
  const modal = tokens[inner.cue.first - 1];
  return modal !== undefined && /^(would|will|could|might|'d|’d|should)$/.test(modal.lower) && modal.i === inner.source.last;
}

/** Verbs of remembering, which report a memory rather than a saying. */
const MEMORY = new Set(['recall', 'remember']);

/**
 * `said he thought that ...`, `told reporters she believes ...`: a thought the speaker reports
 * as they speak is reported by the outer cue, which the attribution rests on; the content stays
 * the inner `that` clause. (The inner cue's subject is a pronoun right after the outer cue or
 * its `that`.)
 */
function thoughtInner(doc: Doc, outer: CueInUnit, inner: CueInUnit, found: Content[]): boolean {
  const tokens = doc.tokens;
  // (`said she recalls the colleague being “confused”`: a memory is a thought too, whatever
  // follows the verb.)
  const memory = MEMORY.has(inner.cue.sense.lemma);
  // (Only the inner cue's own `that` clause: a bare quotation after it, `adding that he thinks
  // “...”`, is the outer cue's content, which holds the thought.)
  if (found.length !== 1 || found[0].first !== inner.cue.last || !memory && tokens[found[0].first]?.lower !== 'that') return false;
  if (outer.cue.sense.strength !== 'speech' || outer.cue.according || !outer.source || !memory && inner.cue.sense.strength !== 'that') return false;
  if (!inner.source || inner.source.kind !== 'pronoun' || inner.cue.first !== inner.source.last) return false;
  let k = outer.cue.last;
  // (`told reporters she believes`: the person told, a word or two, stands between.)
  if (tokens[k]?.pos === 'PRON' && k !== inner.source.first || tokens[k]?.lower === 'reporters') k++;
  if (tokens[k]?.lower === 'that') k++;
  return inner.source.first === k;
}
