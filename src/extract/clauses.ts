/**
 * Clauses: small tests of English clause structure over tagged tokens, shared by the
 * attribution stages (does a clause open here, does it have a main verb, does a unit end here),
 * and the type of a quotation (direct, indirect, mixed) from the quotes inside its content.
 */
import type { Doc, Range, Token } from './document.js';
import type { QuotedSpan } from './quotemarks.js';
import type { QuoteType } from './types.js';

export const TIME_WORDS = new Set(`monday tuesday wednesday thursday friday saturday sunday today yesterday
 tonight morning afternoon evening night week month year weekend earlier later recently previously
 ago last this`.split(/\s+/));

/** `In other words, explained ...`: a few words and a comma opening the sentence, with no verb. */
export function openingAdverbial(doc: Doc, first: number, cue: number): boolean {
  const tokens = doc.tokens;
  if (cue - first > 5 || cue - first < 2 || tokens[cue - 1].text !== ',') return false;
  for (let x = first; x < cue - 1; x++) if (tokens[x].quote >= 0 || tokens[x].pos === 'VERB' || tokens[x].pos === 'AUX' || tokens[x].pos === 'PUNCT') return false;
  return true;
}

export const OPENING_SUBORDINATORS = new Set(['when', 'while', 'as', 'after', 'before', 'although', 'though', 'if', 'because', 'since', 'once', 'until', 'whether']);

/** Only adjuncts (`in an interview on Monday`) stand between token `k` and the clause's end. */
export function endsUnit(doc: Doc, k: number, unit: Range): boolean {
  const tokens = doc.tokens;
  let j = k;
  if (j < unit.last && (tokens[j].pos === 'ADP' || tokens[j].pos === 'ADV' || TIME_WORDS.has(tokens[j].lower))) {
    while (j < unit.last && tokens[j].quote < 0 && tokens[j].lower !== 'that' && (tokens[j].pos === 'ADP' || tokens[j].pos === 'ADV' || tokens[j].pos === 'DET' || tokens[j].pos === 'ADJ' || tokens[j].pos === 'NOUN' || tokens[j].pos === 'PROPN' || tokens[j].pos === 'NUM' || TIME_WORDS.has(tokens[j].lower) || tokens[j].lower === '’s' || tokens[j].lower === "'s" || tokens[j].text === '-')) j++;
  }
  if (j >= unit.last) return true;
  const t = tokens[j];
  // A colon after the cue opens content, so it does not end the clause.
  return t.quote < 0 && (/^[.!?;,]$/.test(t.text) || t.text === '—' || t.text === '(');
}

/** Mixed when the clause holds a quotation; a title of a work (`the memoir “Paper Roads”`) is none. */
export function typeOf(doc: Doc, first: number, last: number, spans: QuotedSpan[]): QuoteType {
  for (let t = first; t < last; t++) {
    const q = doc.tokens[t].quote;
    if (q >= 0 && !spans[q].title) return 'mixed';
  }
  return 'indirect';
}

// (`given` as a conjunction: `added a premium, given it has not been built`.)
export const SUBORDINATORS = new Set(['which', 'who', 'whom', 'whose', 'where', 'when', 'that', 'as', 'because', 'if', 'while', 'whether', 'how', 'why', 'what', 'since', 'until', 'unless', 'although', 'though', 'after', 'before', 'once', 'given']);

export const PREPOSITIONAL = new Set(['as', 'until', 'since', 'after', 'before', 'once', 'given']);

/** A subject pronoun, or a short noun phrase and a verb, at `k`. */
export function opensClause(tokens: Token[], k: number, last: number): boolean {
  if (k >= last) return false;
  if (tokens[k].pos === 'PRON' && /^(he|she|it|they|we|i|you)$/.test(tokens[k].lower)) return true;
  for (let x = k + 1; x < last && x <= k + 3; x++) {
    if (tokens[x].pos === 'VERB' || tokens[x].pos === 'AUX') return !tokens[x].lower.endsWith('ing');
    if (!/^(NOUN|PROPN|ADJ|DET|NUM)$/.test(tokens[x].pos)) return false;
  }
  return false;
}

/**
 * A finite verb of the clause itself from `first` to `last`: a verb that is neither a participle
 * in `-ing` nor an infinitive after `to`, and not the first verb group after a relative pronoun
 * or a subordinator (`the man who shot him was ...` has `was`).
 */
export function mainVerb(doc: Doc, first: number, last: number): boolean {
  return mainVerbAt(doc, first, last) >= 0;
}

/** Where the verb group `mainVerb` finds begins (`first` for an answer), or -1. */
export function mainVerbAt(doc: Doc, first: number, last: number): number {
  const tokens = doc.tokens;
  // (`said no when reporters asked ...`: an answer is a report of its own.)
  if (/^(yes|no)$/.test(tokens[first].lower)) return first;
  let subordinate = false;
  for (let t = first; t < last; t++) {
    const tok = tokens[t];
    if (tok.quote >= 0) continue;
    // (`that` only after a noun, as a relative: `too often, that's not happening` is the clause.)
    // (`as`, `until`, `since`, `after`, `before` open a clause only with a subject and a verb
    // after them: `until only a decade ago, were now` is the clause's own verb.)
    if (t > first && SUBORDINATORS.has(tok.lower) && (tok.lower !== 'that' || /^(NOUN|PROPN|NUM)$/.test(tokens[t - 1].pos))
      && (!PREPOSITIONAL.has(tok.lower) || opensClause(tokens, t + 1, last))) { subordinate = true; continue; }
    if (tok.pos !== 'VERB' && tok.pos !== 'AUX') continue;
    const group = t;
    // The verb group: auxiliaries, adverbs and `not` with the verb (`have not even been set`).
    while (t + 1 < last && tokens[t + 1].quote < 0 && /^(VERB|AUX|ADV|PART)$/.test(tokens[t + 1].pos) && tokens[t + 1].lower !== 'to') t++;
    if (tokens[group].lower.endsWith('ing') || tokens[group - 1]?.lower === 'to') continue;
    // (`the profits earned quietly by the fund`: a lone participle right after a noun, its agent
    // after `by`, is a reduced relative on that noun, not the clause's verb.)
    if (tok.pos === 'VERB' && PARTICIPLE.test(tok.lower) && group > first && tokens[group - 1].pos === 'NOUN' && tokens[group - 1].quote < 0 && t + 1 < last
      && tokens[t + 1].lower === 'by' && tokens[t + 1].quote < 0 && tokens.slice(group + 1, t + 1).every((w) => w.pos === 'ADV')) continue;
    if (subordinate) { subordinate = false; continue; }
    return group;
  }
  return -1;
}

/** A past participle: a regular one, or one of the common irregular ones. */
const PARTICIPLE = /^(\p{Ll}+ed|made|paid|built|sold|bought|brought|held|kept|sent|spent|taken|given|known|shown|seen|done|written|driven|chosen|drawn|caught|taught|led|won|lost)$/u;

/**
 * `vowed retribution for the raid and has since struck again`, `reported little progress but
 * are hopeful`: the clause's first finite verb right after `and`, `but` or `or` (adverbs aside)
 * has no subject of its own in it; it is a second predicate of the cue's own subject, so what
 * stands between the cue and it is the cue's object, not a reported clause.
 */
export function coordinatedPredicate(doc: Doc, first: number, last: number): boolean {
  const tokens = doc.tokens;
  const v = mainVerbAt(doc, first, last);
  // (A capitalised `verb` is a name's word: `Stauskas and Wade/VERB Baldwin have been traded`.)
  if (v <= first || !/^\p{Ll}/u.test(tokens[v].text)) return false;
  let b = v - 1;
  while (b > first && tokens[b].pos === 'ADV' && tokens[b].quote < 0) b--;
  if (!(b > first && tokens[b].quote < 0 && /^(and|but|or|yet)$/.test(tokens[b].lower))) return false;
  // (`the union/ADJ plans/NOUN to meet ... and will then meet`: a plural noun after a noun and
  // before `to` and a verb is the clause's verb, whatever the tagger reads.)
  for (let x = first + 1; x < b; x++) {
    const t = tokens[x];
    if (t.quote < 0 && t.pos === 'NOUN' && /s$/.test(t.lower) && /^(NOUN|PROPN|ADJ)$/.test(tokens[x - 1].pos) && tokens[x + 1]?.lower === 'to' && tokens[x + 2]?.pos === 'VERB') return false;
  }
  return true;
}

/**
 * A clause opening with a subject whose next word, a plural noun to the tagger, is its verb:
 * `the new agreement deals with ...`, `the company plans to hire ...`. The subject is a plain
 * noun phrase after a determiner, ending in a noun, and the verb takes `with`, or `to` and a verb.
 */
export function pluralAsVerb(doc: Doc, first: number, last: number): boolean {
  const tokens = doc.tokens;
  let t = first;
  if (tokens[t]?.lower === 'that') t++;
  // (A determiner opens the subject: `building/NOUN institutions to house them` is a gerund's object.)
  if (!(tokens[t]?.pos === 'DET' || POSSESSIVE_WORDS.has(tokens[t]?.lower ?? ''))) return false;
  const subject = ++t;
  while (t < last && t < subject + 5 && tokens[t].quote < 0 && /^(ADJ|NOUN|PROPN|NUM)$/.test(tokens[t].pos)) {
    const w = tokens[t];
    if (t > subject && w.pos === 'NOUN' && /^\p{Ll}+[^su]s$/u.test(w.text) && /^(NOUN|PROPN)$/.test(tokens[t - 1].pos)) {
      const next = tokens[t + 1];
      if (t + 1 >= last || !next) return false;
      // (Not before `that`: `investments that soured` is a relative clause's.)
      return next.lower === 'with' || next.lower === 'to' && t + 2 < last && tokens[t + 2].pos === 'VERB';
    }
    t++;
  }
  return false;
}
export const POSSESSIVE_WORDS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

export function hasVerb(doc: Doc, first: number, last: number): boolean {
  for (let t = first; t < last; t++) if (doc.tokens[t].pos === 'VERB' || doc.tokens[t].pos === 'AUX') return true;
  return false;
}
