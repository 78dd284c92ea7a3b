/**
 * Addressees: to whom a quotation was said. Two constructions name one.
 *
 * - In the attribution, right after the cue: the object of a verb of telling (`told reporters`,
 *   `warned lawmakers`, `telling CBC News`), or `to` and a noun phrase after any other cue
 *   (`said to reporters`, `wrote to supporters`; not `said to be`).
 * - Elsewhere in the attribution's sentence, outside what was said: a message addressed `to`
 *   someone (`in a letter to supporters, she wrote`, `in remarks to reporters`), or what the
 *   speaker would tell someone (`Asked what he would tell Ferris, Velhorn said ...`).
 * - Inside the quotation: a name of the article's people set off by commas where a sentence of
 *   the quote opens (`“So, Olin Ferris, since I know you’re listening, ...”`), in a sentence that
 *   speaks to `you`.
 *
 * The addressee is the article's entity when the words name one (its canonical name and id),
 * else the words themselves (`reporters`). Pronouns (`told him`) give none: which person they
 * stand for is the speaker resolution's kind of question, and a bare `him` tells a reader nothing.
 */
import { sentenceOf, type Doc, type Token } from './document.js';
import type { Attribution } from './attribution.js';
import type { Entity } from './coreference.js';
import type { RunIndex } from './mentions.js';
import { TAKES_ADDRESSEE } from './lexicon.js';

export interface FoundAddressee {
  /** Token range of the words naming the addressee. */
  first: number;
  last: number;
  entity: Entity | null;
}

/** The addressee of each attribution, in order (null when none is named). */
export function findAddressees(doc: Doc, attributions: Attribution[], index: RunIndex, entities: Entity[]): Array<FoundAddressee | null> {
  let byEnd: Map<number, Array<{ start: number; entity: Entity }>> | null = null;
  const addressee = (a: Attribution): FoundAddressee | null => {
    const range = afterCue(doc, a) ?? inSentence(doc, a) ?? vocative(doc, a, index);
    if (!range) return null;
    const [first, last] = range;
    const entity = entityAt(doc, (byEnd ??= mentionsByEnd(entities)), first, last);
    // A vocative counts only when it names one of the article's people.
    if (!entity && doc.tokens[first]!.quote >= 0) return null;
    return { first, last, entity };
  };
  // (Built from a literal: see findTimes.)
  const found: Array<FoundAddressee | null> = [];
  for (const a of attributions) found.push(addressee(a));
  return found;
}

/** The noun phrase a cue takes as its addressee, if any. */
function afterCue(doc: Doc, a: Attribution): [number, number] | null {
  const cue = a.cue;
  if (!cue || cue.according) return null;
  const tokens = doc.tokens;
  let k = cue.last;
  if (!TAKES_ADDRESSEE.has(cue.sense.lemma)) {
    // `said to reporters`; not `is said to be`, `agreed to meet`.
    if (tokens[k]?.lower !== 'to' || tokens[k]!.quote >= 0) return null;
    k++;
  }
  const first = k;
  const last = nounPhrase(tokens, k);
  if (last === first) return null;
  // The source after an inverted cue (`“...,” warned Ferris`) is not spoken to.
  if (a.source && a.source.first < last && first < a.source.last) return null;
  // A noun phrase with a verb of its own is the reported clause's subject (`promised his
  // whole budget would be balanced`, `told reporters the line would open` keeps `reporters`).
  if (tokens[last]?.pos === 'VERB' || tokens[last]?.pos === 'AUX') return null;
  return [first, last];
}

const TIME_WORD = /^((mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday)$/;

/** Tokens either side of the cue searched for a message's addressee. */
const NEAR = 25;

/** Words for a message, which `to` after them addresses (`a letter to supporters`). */
const MESSAGES = new Set(['letter', 'message', 'email', 'e-mail', 'memo', 'note', 'speech', 'remarks', 'address', 'appeal', 'plea', 'statement', 'post', 'tweet', 'video']);

/** `in a letter to X`, `what he would tell X`, in the attribution's sentence outside what was said. */
function inSentence(doc: Doc, a: Attribution): [number, number] | null {
  // (The cue, else the source: read apart, each a kind of object of its own.)
  if (!a.cue && !a.source) return null;
  const anchor = a.cue ? { first: a.cue.first, last: a.cue.last } : { first: a.source!.first, last: a.source!.last };
  const tokens = doc.tokens;
  const sentence = sentenceOf(doc, anchor.first);
  if (!sentence) return null;
  const parts: Array<[number, number]> = a.segments.length > 1 ? a.segments : [[a.start, a.end]];
  const said = (t: Token) => t.quote >= 0 || parts.some(([s, e]) => t.start < e && t.end > s);
  // Near the cue only: a sentence can be very long (a run of text with no full stop).
  const from = Math.max(sentence.first, anchor.first - NEAR);
  const to = Math.min(sentence.last, anchor.last + NEAR);
  for (let t = from; t + 2 < to; t++) {
    const tok = tokens[t]!;
    if (said(tok)) continue;
    let k = -1;
    if (MESSAGES.has(tok.lower) && tok.pos === 'NOUN' && tokens[t + 1]!.lower === 'to') k = t + 2;
    // (`what he would tell Ferris`, `what she would say to voters`)
    else if ((tok.lower === 'what' || tok.lower === 'how') && tokens[t + 1]!.pos === 'PRON' && /^(would|will|might|could)$/.test(tokens[t + 2]?.lower ?? '')) {
      const verb = tokens[t + 3]?.lower;
      if (verb === 'tell') k = t + 4;
      else if (verb === 'say' && tokens[t + 4]?.lower === 'to') k = t + 5;
    }
    if (k < 0 || k >= to || said(tokens[k]!)) continue;
    const last = nounPhrase(tokens, k);
    if (last > k && tokens.slice(k, last).every((x) => !said(x))) return [k, last];
  }
  return null;
}

/** End of the noun phrase starting at `k` (k itself when there is none): `the ward's three councillors`, `KLXV's Ada Pike`. */
function nounPhrase(tokens: Token[], k: number): number {
  const outside = (t: Token | undefined): t is Token => t !== undefined && t.quote < 0 && t.lower !== 'that';
  const start = k;
  if (!outside(tokens[k])) return start;
  const possessive = /^(his|her|their|its|our|my|your)$/.test(tokens[k]!.lower);
  if (tokens[k]!.pos === 'PRON' && !possessive) return start;
  if (tokens[k]!.pos === 'DET' || possessive) k++;
  while (outside(tokens[k]) && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NUM') && k - start < 6) k++;
  const nounsFrom = k;
  while (outside(tokens[k]) && k - start < 8) {
    const t = tokens[k]!;
    if (TIME_WORD.test(t.lower)) break; // (`told Ferris backers Saturday night`)
    if (t.pos === 'NOUN' || t.pos === 'PROPN') k++;
    // (`KLXV's Ada Pike`, `Surrey's councillors`, `Smith and Jones`, `House of Commons`.)
    else if ((t.lower === '’s' || t.lower === "'s") && tokens[k - 1]?.pos === 'PROPN' && /^(PROPN|NOUN|ADJ)$/.test(tokens[k + 1]?.pos ?? '')) k++;
    else if ((t.lower === 'and' || t.lower === '&' || t.lower === 'of') && tokens[k - 1]?.pos === 'PROPN' && tokens[k + 1]?.pos === 'PROPN') k++;
    else break;
  }
  return k > nounsFrom ? k : start;
}

/** A name addressed where a sentence of the quotation opens: `“So, Olin Ferris, since ...`. */
function vocative(doc: Doc, a: Attribution, index: RunIndex): [number, number] | null {
  if (a.type === 'indirect') return null;
  const tokens = doc.tokens;
  // The first part only: in `“A,” he said. “B.”` a name called in B is B's (B is a quote of its
  // own too), and the first words of a quotation are where a name is called.
  for (const [start, end] of a.segments.slice(0, 1)) {
    // (A long quote is not read through.)
    const first = firstTokenAt(doc, start);
    for (let t = first; t < tokens.length && tokens[t]!.start < end && t - first < VOCATIVE_REACH; t++) {
      const k = index.at[t]!;
      if (k < 0 || index.runs[k]!.first !== t) continue;
      const run = index.runs[k]!;
      if (tokens[run.first]!.quote < 0) continue; // (the unquoted words of a mixed quote)
      // Opened by the quotation mark, or by a comma after a sentence's first words (`So,`, `Hear me,`).
      const before = tokens[run.first - 1];
      const opens = before !== undefined && (/^["“‘']$/.test(before.text) || before.text === ',' && opensSentence(doc, run.first - 1, start));
      const after = tokens[run.last];
      if (!opens || !after || !/^[,!]$/.test(after.text) || !speaksToYou(doc, run.last, end)) continue;
      return [run.nameFirst, run.nameLast];
    }
  }
  return null;
}

/** Tokens of a quotation searched for a name called, and after it for `you`. */
const VOCATIVE_REACH = 120;

function firstTokenAt(doc: Doc, char: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.end <= char) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The comma at `comma` follows at most three words opening a sentence of the quotation. */
function opensSentence(doc: Doc, comma: number, quoteStart: number): boolean {
  const tokens = doc.tokens;
  for (let t = comma - 1, words = 0; t >= 0 && tokens[t]!.end > quoteStart; t--) {
    const tok = tokens[t]!;
    if (/^["“‘'.?!]$/.test(tok.text)) return words > 0;
    if (tok.pos === 'PUNCT' || ++words > 3) return false;
  }
  return true;
}

/** `you` or `your` follows in the same sentence of the quotation. */
function speaksToYou(doc: Doc, from: number, end: number): boolean {
  const tokens = doc.tokens;
  for (let t = from; t < tokens.length && tokens[t]!.start < end && t - from < VOCATIVE_REACH; t++) {
    const w = tokens[t]!.lower;
    if (w === 'you' || w === 'your' || w === 'yours' || w === 'you’re' || w === "you're") return true;
    if (/^[.?!]$/.test(w)) return false;
  }
  return false;
}

/** The named entities' mentions by where they end. */
function mentionsByEnd(entities: Entity[]): Map<number, Array<{ start: number; entity: Entity }>> {
  const byEnd = new Map<number, Array<{ start: number; entity: Entity }>>();
  for (const entity of entities) {
    if (entity.kind === 'description') continue;
    for (const m of entity.mentions) {
      let list = byEnd.get(m.end);
      if (!list) byEnd.set(m.end, (list = []));
      list.push({ start: m.start, entity });
    }
  }
  return byEnd;
}

/**
 * The entity the phrase names: one with a mention that ends the phrase (`CBC host Chris Walker`),
 * not one named on the way to its head (`Surrey's councillors` are not Surrey).
 */
function entityAt(doc: Doc, byEnd: Map<number, Array<{ start: number; entity: Entity }>>, first: number, last: number): Entity | null {
  const start = doc.tokens[first]!.start;
  for (const m of byEnd.get(doc.tokens[last - 1]!.end) ?? []) if (m.start >= start) return m.entity;
  return null;
}
