/**
 * Contents: what one cue reports. A quoted span next to it, an indirect clause after it
 * (`said that ...`, up to where the reported clause ends), or a clause before it (`..., he said`),
 * as mixed, direct or indirect speech; also `according to`, naming (`called it "..."`) and
 * `as X said`. Part of attribution (attribution.ts); sources are found in sources.ts.
 */
import type { Doc, Range, Token } from './document.js';
import type { QuotedSpan } from './quotemarks.js';
import { type Cue, cueAt, PARTICIPLE_SUBORDINATORS } from './cues.js';
import { type Mention, phraseAfter, type RunIndex } from './mentions.js';
import { OBJECT_FIRST, PERSON_NOUNS, QUESTIONS, REMARK_NOUNS, TAKES_ADDRESSEE } from './lexicon.js';
import type { QuoteType } from './types.js';
import type { Attribution, CueInUnit } from './attribution.js';
import { coordinatedPredicate, endsUnit, hasVerb, mainVerb, mainVerbAt, OPENING_SUBORDINATORS, openingAdverbial, opensClause, pluralAsVerb, PREPOSITIONAL, SUBORDINATORS, TIME_WORDS, typeOf } from './clauses.js';

/** Verbs that report an order or a plea to an addressee: `urged voters to ...`. */
const DIRECTIVES = new Set(['urge', 'tell', 'ask', 'warn', 'advise', 'remind', 'implore', 'encourage', 'beg', 'caution', 'exhort', 'call on']);
/** Verbs that commit the speaker to a deed: `vowed to ...`, `threatened to ...`. */
const COMMISSIVES = new Set(['vow', 'promise', 'pledge', 'threaten']);

/** Content `f` of cue `c` reports something: it is no title of a work, and a clause when indirect. */
export function isReport(doc: Doc, spans: QuotedSpan[], c: CueInUnit, f: Content): boolean {
  const tokens = doc.tokens;
  // A title of a work is no report, whichever cue stands by it (`Later on ''Morning Desk,''
  // Ferris questioned ...`, `a cap that read “Recall Ferris”`).
  const q = tokens[f.first].quote;
  if (f.type === 'direct' && q >= 0 && spans[q].title && spans[q].first === f.first && spans[q].last === f.last) return false;
  // Reported speech is a clause: `claimed responsibility for the attack` reports nothing.
  // (Before `, X said.` the place alone makes a clause of five words or more a report,
  // whatever the tagger reads: `Rentals account/NOUN for 12 per cent of revenue, Tallis said.`;
  // not an adjunct: `During his years in office, Ferris said, ...`.)
  // (`Out-of-state sales ...`: a word glued to a hyphen opens a compound, not an adjunct.)
  const compound = tokens[f.first + 1]?.text === '-' && !tokens[f.first + 1].space && !tokens[f.first + 2]?.space;
  // (`argued that the change disadvantaged/ADJ her club`: a `that` before a determiner or a
  // pronoun is no determiner itself but opens a clause, whatever the tagger reads in it; `said
  // that day`, `questioned that logic` are no clauses.)
  const complement = f.how === 'clause' && tokens[f.first].lower === 'that' && /^(DET|PRON)$/.test(tokens[f.first + 1]?.pos ?? '') && f.last - f.first >= 5;
  // (`said no`: an answer alone is a report.)
  const answer = f.how === 'clause' && f.last - f.first === 1 && /^(yes|no)$/.test(tokens[f.first].lower);
  // (`said the agreement deals/NOUN with ...`, `said the company plans/NOUN to hire`: a plural the
  // tagger read as a noun is the clause's verb after a speech cue.)
  const pluralVerb = f.how === 'clause' && c.cue.sense.strength === 'speech' && pluralAsVerb(doc, f.first, f.last);
  if (f.type === 'indirect' && !complement && !answer && !pluralVerb && !hasVerb(doc, f.first, f.last) && !(f.how === 'post-clause' && f.last - f.first >= 5 && (compound || !/^(ADP|SCONJ|ADV)$/.test(tokens[f.first].pos)))) return false;
  // (Without a `that`, the clause needs a finite verb of its own, outside any relative or
  // subordinate clause: `posted a video in which a car shows off`, `announced the end of a
  // strike that lasted ...`, `vowed retribution for sending troops` report nothing.)
  if (f.type === 'indirect' && f.how === 'clause' && tokens[f.first].lower !== 'that' && !DIRECTIVES.has(c.cue.sense.lemma) && !pluralVerb && (!mainVerb(doc, f.first, f.last) || coordinatedPredicate(doc, f.first, f.last) || thenClause(doc, f.first, f.last))) return false;
  // (Nor with a quotation in it: `will maintain a patrol on the ridge and will then switch to a
  // “smaller crew”` is the cue's object and its subject's second predicate, no report; a
  // verb inside the quotation before it makes a clause: `claimed “the mayor overstates” the surplus`;
  // what a verb of naming calls its object is its report: `calling her a “liar” and then ...`.)
  if (f.type === 'mixed' && f.how === 'clause' && tokens[f.first].lower !== 'that' && !DIRECTIVES.has(c.cue.sense.lemma) && !NAMING.has(c.cue.sense.lemma) && !pluralVerb
    && coordinatedPredicate(doc, f.first, f.last) && !hasVerb(doc, f.first, mainVerbAt(doc, f.first, f.last))) return false;
  // (`promised donors who give ... a seat`, `pointed to the state, which passed ...`: a clause
  // opening with a relative pronoun and its verb belongs to the noun before it, no report; an
  // embedded question after `ask` or `wonder`, `asked who was to blame`, still is one; so is a
  // clause with a `that` further on, `told residents who live there that ...`, left as it was.)
  if (f.type === 'indirect' && f.how === 'clause' && /^(who|which|whom)$/.test(tokens[f.first].text) && /^(VERB|AUX)$/.test(tokens[f.first + 1]?.pos ?? '')
    && !QUESTIONS.has(c.cue.sense.lemma) && !tokens.slice(f.first + 2, f.last).some((t) => t.lower === 'that' && t.quote < 0)) return false;
  // (`said the same thing, including ...`, `said the same of the mayor`: what stands for words
  // reported before is no report of its own, whatever quotation follows it.)
  if (f.how === 'clause' && tokens[f.first].lower === 'the' && tokens[f.first + 1]?.lower === 'same' && tokens[f.first].quote < 0
    && (f.last === f.first + 2 || /^(thing|things|,|of|about|for|to)$/.test(tokens[f.first + 2]?.lower ?? ''))) return false;
  // (What a thing or a finding shows is evidence, nobody's words: `Tuesday's attack showed that
  // ...`, `the study estimated that ...`, `it suggests ...`; a person's finding still reports.)
  if (f.type === 'indirect' && EVIDENCE.has(c.cue.sense.lemma) && c.source && !personalSource(c.source)) return false;
  // (A gerund or participle with no subject to be found reports nobody's words: `keeping our
  // heads down and hoping that ...`, `figures showing that ...`.)
  if (f.type === 'indirect' && !c.source && tokens[c.cue.first].lower.endsWith('ing')) return false;
  return true;
}

/**
 * `opened her first shop in 1987, then in the early ’00s she became a councillor`: the clause's
 * first finite verb comes after `, then`, with no verb before it; what stands between the cue and
 * the comma is the cue's object, and the clause after it is the reporter's next event.
 */
function thenClause(doc: Doc, first: number, last: number): boolean {
  const tokens = doc.tokens;
  const v = mainVerbAt(doc, first, last);
  for (let x = first + 1; x < v; x++) {
    if (tokens[x].quote < 0 && tokens[x].text === ',' && tokens[x + 1]?.lower === 'then') return !hasVerb(doc, first, x);
  }
  return false;
}

/** Words that open an embedded question: `asked whether ...`, `wondered why ...`. */
const QUESTION_OPENERS = /^(whether|if|why|how|what|who|when|where|which)$/;

/** At `k` after a verb of asking, the word that opens the question it reports (`whether`, `why`). */
function embeddedQuestion(tokens: Token[], cue: Cue, k: number): boolean {
  return QUESTIONS.has(cue.sense.lemma) && tokens[k] !== undefined && tokens[k].quote < 0 && QUESTION_OPENERS.test(tokens[k].lower);
}

/** Verbs that report evidence as well as speech: their subject may be a thing. */
const EVIDENCE = new Set(['show', 'reveal', 'indicate', 'suggest', 'conclude', 'estimate']);
/** Findings and writings that `show` or `estimate` rather than speak. */
const FINDINGS = new Set(['report', 'reports', 'study', 'studies', 'survey', 'surveys', 'poll', 'polls', 'data', 'document', 'documents', 'filing', 'filings', 'analysis', 'research', 'figures', 'numbers', 'records']);

/** A source that can speak: a name, a personal pronoun, or a person or body (`the ministry`). */
function personalSource(m: Mention): boolean {
  if (m.kind === 'name') return true;
  if (m.kind === 'pronoun') return m.head !== 'it';
  return PERSON_NOUNS.has(m.head) && !FINDINGS.has(m.head);
}

/**
 * After an inverted cue's source ending at `k` (`Added Smith`), the colon or comma right before
 * the quotation it introduces: at `k`, or past an apposition or relative clause set off by a
 * comma (`Said Dora Pyne, who grew up with him, “...”`). -1 when no quotation opens there.
 */
export function quoteAfterName(doc: Doc, spans: QuotedSpan[], k: number, max: number): number {
  const tokens = doc.tokens;
  // (The quotation may open the next paragraph: `Stated Stone:` standing alone.)
  const opensQuote = (x: number) => (tokens[x]?.text === ':' || tokens[x]?.text === ',') && tokens[x + 1]?.quote >= 0 && spans[tokens[x + 1].quote].first === x + 1;
  if (opensQuote(k)) return k;
  if (tokens[k]?.text !== ',') return -1;
  for (let x = k + 1; x < max && x < k + 30; x++) {
    if (tokens[x].quote >= 0 || /^[.;!?]$/.test(tokens[x].text)) return -1;
    if (opensQuote(x)) return x;
  }
  return -1;
}

/**
 * `In March, says Vale, the works begin`: an inverted cue set off by commas after a short
 * opening adverbial, a clause with its verb after the source's comma, reports that clause.
 */
export function clauseAfterInverted(doc: Doc, unit: Range, cue: Cue, src: Mention): boolean {
  const tokens = doc.tokens;
  if (src.first < cue.last || tokens[src.last]?.text !== ',' || tokens[src.last].quote >= 0 || !openingAdverbial(doc, unit.first, cue.first)) return false;
  // (`On Monday, said Vale, a spokeswoman for the utility, the crews left`: past the source's
  // apposition.)
  const k = pastApposition(doc.tokens, src.last, unit.last);
  return opensClause(tokens, k + 1, unit.last) && mainVerb(doc, k + 1, unit.last);
}

/**
 * At the comma `k` after a name, an apposition set off by commas (`, a spokeswoman for the
 * utility,`: a determiner or a common noun first, no verb, no quotation, at most a dozen words):
 * the comma that closes it; else `k`.
 */
function pastApposition(tokens: Token[], k: number, max: number): number {
  const open = tokens[k + 1];
  // (Or a relative clause, `, who built it,`: any words but a quotation up to its comma.)
  const relative = open?.lower === 'who';
  if (tokens[k]?.text !== ',' || !open || open.quote >= 0 || !(relative || open.pos === 'DET' || /^\p{Ll}/u.test(open.text) && /^(NOUN|ADJ|NUM)$/.test(open.pos))) return k;
  for (let x = k + 2; x < max && x < k + 14; x++) {
    const t = tokens[x];
    if (t.text === ',') return x - 1 > k + 1 || open.pos !== 'DET' ? x : k;
    if (t.quote >= 0 || /^[.;:!?]$/.test(t.text) || !relative && (!/^(DET|NOUN|PROPN|ADJ|NUM|ADP|CCONJ|PART)$/.test(t.pos) || t.lower === 'that')) return k;
  }
  return k;
}

/** Every content is made by `newContent`, with every field present in one order: one shape keeps V8's compiled readers of contents on one map. */
export interface Content {
  first: number;
  last: number;
  type: QuoteType;
  how: Attribution['how'];
  /** Tokens inside [first, last) that are the reporter's (the cue set off by commas), not the report. */
  gap: [number, number] | null;
  /** What a verb of naming calls its object (`called it a rookie mistake`): a phrase, no clause. */
  naming: boolean;
  /** The rest of a clause the cue interrupts (`..., she said, to wait`): a phrase, no clause. */
  rest: boolean;
}

/** Content over tokens [first, last) with no gap, of no verb of naming and no rest of a clause (assign those on the result). */
function newContent(first: number, last: number, type: QuoteType, how: Attribution['how']): Content {
  return { first, last, type, how, gap: null, naming: false, rest: false };
}

function withExtras(c: Content, extras: Partial<Pick<Content, 'gap' | 'naming' | 'rest'>>): Content {
  return Object.assign(c, extras);
}

/**
 * A finite verb from `first` before any relative or subordinate clause opens (`a plan that
 * would fail` has none; `harassment and abuse have been outlined` has one). Gerunds, verbs after
 * `to` and participles right after a noun (`a plan designed to fail`) are no finite verbs.
 */
function verbBeforeRelative(doc: Doc, first: number, last: number): boolean {
  const tokens = doc.tokens;
  for (let x = first; x < last; x++) {
    const t = tokens[x];
    if (t.quote >= 0) continue;
    if (x > first && SUBORDINATORS.has(t.lower)) return false;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    if (t.lower.endsWith('ing') || tokens[x - 1]?.lower === 'to' || /ed$/.test(t.lower) && tokens[x - 1]?.pos === 'NOUN') continue;
    return true;
  }
  return false;
}

export const NAMING = new Set(['call', 'describe', 'label', 'brand', 'dub', 'term', 'characterize', 'characterise']);
const OBJECT_PRONOUNS = /^(it|him|her|them|us|me|himself|herself|itself|themselves|this|that)$/;

/**
 * Without quotation marks, a verb of naming reports what it calls its object: `described her as
 * the victim's aunt`, `described the theft as a carjacking`, `calls it a costly blunder`, `what
 * he calls a land grab`. From `first` (after the cue) to `last`: where the name begins, or -1.
 * (Not a plain object, `called the police`, `described the scene`.)
 */
function namingContent(doc: Doc, c: CueInUnit, first: number, last: number): number {
  const tokens = doc.tokens;
  const { cue } = c;
  if (!NAMING.has(cue.sense.lemma) || cue.participle) return -1;
  const phrase = (x: number) => x < last && /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[x].pos) && last - x >= 2;
  // `what he calls ...`: the object is the `what` before the subject.
  const subjectFirst = c.source && c.source.first < cue.first ? c.source.first : cue.first;
  if (tokens[subjectFirst - 1]?.lower === 'what' && cue.sense.lemma === 'call' && c.source?.kind === 'pronoun') return phrase(first) ? first : -1;
  // `describes himself as ...`, `described his attempt to fix the roof as ...`.
  for (let x = first; x < last && x < first + 10; x++) {
    const t = tokens[x];
    if (t.quote >= 0 || t.pos === 'PUNCT' || t.pos === 'AUX' || t.pos === 'VERB' && tokens[x - 1]?.lower !== 'to') break;
    if (t.lower === 'as') return x > first && phrase(x + 1) ? x + 1 : -1;
  }
  // `calls it a costly blunder`: a pronoun object and the name right after it.
  if (cue.sense.lemma !== 'describe' && OBJECT_PRONOUNS.test(tokens[first].lower) && phrase(first + 1) && /^(DET|ADJ)$/.test(tokens[first + 1].pos)) return first + 1;
  return -1;
}

/**
 * `The bridge, says Brant, is safe`: a bare subject (a few words with no verb, not an opening
 * adjunct) before an inverted cue whose source is followed by a comma and a finite verb in
 * lower case.
 */
function invertedInterrupts(doc: Doc, unit: Range, c: CueInUnit, first: number, last: number): boolean {
  const tokens = doc.tokens;
  const src = c.source;
  if (!src || src.first < c.cue.last || tokens[src.last]?.text !== ',' || last - first > 6 || /^(ADP|SCONJ|ADV)$/.test(tokens[first].pos)) return false;
  for (let x = first; x < last; x++) {
    const t = tokens[x];
    if (t.quote >= 0 || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT' && t.text !== '-') return false;
  }
  // (`The bridge, says Brant, the city engineer, is safe`: past the source's apposition.)
  const after = pastApposition(tokens, src.last, unit.last) + 1;
  const verb = tokens[after];
  return verb !== undefined && after < unit.last && verb.quote < 0 && (verb.pos === 'VERB' || verb.pos === 'AUX') && /^\p{Ll}/u.test(verb.text) && !verb.lower.endsWith('ing') && !cueAt(doc, after);
}

/**
 * `Dunmore, he said, “understands the needs of her neighbours.”`, `A wet summer, she said,
 * could be ...`: a cue set off by commas after a bare subject (a few words, no verb of their
 * own) interrupts one sentence; the subject is part of what was reported, so the content
 * reaches back to it, the cue left out of its segments. (The continuation must open in lower
 * case: after `Still, he said, “We ...` the quotation is a sentence of its own.)
 */
export function subjectBeforeCue(doc: Doc, unit: Range, c: CueInUnit, found: Content[]): void {
  const tokens = doc.tokens;
  const { cue } = c;
  // (The subject may have been read as a clause before the cue, `Some hid, he said, but ...`;
  // with no verb of its own it is no report, only the start of the one after the cue.)
  const lone = found.length === 1 || found.length === 2 && found[0].how === 'post-clause' && found[0].type === 'indirect' && !hasVerb(doc, found[0].first, found[0].last);
  if (!lone || cue.participle || cue.according) return;
  const f = found[found.length - 1];
  if (f.how !== 'pre-quote' && f.how !== 'clause') return;
  const b = c.source && c.source.first > cue.first ? cue.first : Math.min(c.sourceFirst, cue.first);
  if (tokens[b - 1]?.text !== ',' || f.first <= cue.last || tokens[f.first - 1].text !== ',' || tokens[f.first - 1].quote >= 0) return;
  let first = unit.first;
  while (first < b - 1 && tokens[first].pos === 'PUNCT' && tokens[first].quote < 0) first++;
  const n = b - 1 - first;
  // (Not an opening adjunct, `During his years in office, Ferris said, ...`, which is the reporter's.)
  if (n < 1 || n > 6 || /^(ADP|SCONJ|ADV)$/.test(tokens[first].pos)) return;
  for (let x = first; x < b - 1; x++) {
    const t = tokens[x];
    if (t.quote >= 0 || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT' && t.text !== '.' && t.text !== '-') return;
  }
  const opener = tokens[f.first].quote >= 0 ? tokens[f.first + 1] : tokens[f.first];
  if (!opener || !/^\p{Ll}/u.test(opener.text)) return;
  found.length = 0;
  found.push(withExtras(newContent(first, f.last, f.type === 'direct' ? 'mixed' : f.type, f.how), { gap: [b - 1, f.first] }));
}

/**
 * `Brant, who called the plan “a disaster,” resigned on Tuesday`: a report inside a relative
 * clause set off by commas ends at the clause's closing comma, when the main clause's verb
 * follows it; the rest is the reporter's sentence.
 */
export function endRelativeClause(doc: Doc, spans: QuotedSpan[], c: CueInUnit, found: Content[]): void {
  const tokens = doc.tokens;
  const rel = c.source ? c.source.relative : -1;
  if (rel < 0 || tokens[rel - 1]?.text !== ',' || c.source!.first > c.cue.first) return;
  for (let n = 0; n < found.length; n++) {
    const f = found[n];
    if (f.how !== 'clause' || f.first < c.cue.last || f.gap) continue;
    // (A comma closing a pair set off inside the report closes no clause: `said the bridge,
    // built in 1932, is safe`.)
    let commas = 0;
    for (let x = f.first + 1; x < f.last - 1; x++) {
      const t = tokens[x];
      if (t.text !== ',') continue;
      if (commas++ % 2 === 1) continue;
      // (The comma may stand inside a quotation's closing mark: `“a disaster,” resigned`.)
      let end = x;
      if (t.quote >= 0) {
        if (spans[t.quote].last !== x + 2) continue;
        end = x + 1;
      }
      let v = end + 1;
      while (v < f.last && tokens[v].pos === 'ADV' && tokens[v].quote < 0) v++;
      const verb = tokens[v];
      if (!verb || v >= f.last || verb.quote >= 0 || !(verb.pos === 'VERB' || verb.pos === 'AUX') || !/^\p{Ll}/u.test(verb.text) || verb.lower.endsWith('ing') || cueAt(doc, v)) continue;
      const last = t.quote >= 0 ? end + 1 : x;
      // (Only past a whole report: a clause with its verb, or a quotation closing at the comma;
      // not `said the bridge, built in 1932, is safe`.)
      if (last - f.first < 2 || !(t.quote >= 0 || tokens[x - 1].quote >= 0 || mainVerb(doc, f.first, x))) continue;
      found[n] = withExtras(newContent(f.first, last, typeOf(doc, f.first, last, spans), f.how), { gap: f.gap, naming: f.naming, rest: f.rest });
      break;
    }
  }
}

const CLAUSE_OPENERS = new Set(['PRON', 'DET', 'PROPN', 'NOUN', 'NUM', 'ADJ', 'ADV', 'SCONJ', 'AUX', 'PUNCT', 'X', 'PART']);

export function contentsFor(doc: Doc, unit: Range, spans: QuotedSpan[], runs: RunIndex, c: CueInUnit, prevCue: CueInUnit | null, nextCue: CueInUnit | null): Content[] {
  const tokens = doc.tokens;
  const { cue } = c;
  const out: Content[] = [];

  if (cue.according) return according(doc, unit, spans, c, runs, nextCue);
  if (cue.passiveNaming) {
    // (See `namedInQuotes`: the quotation after the passive, and nothing before it.)
    const span = spans[tokens[cue.last].quote >= 0 ? tokens[cue.last].quote : tokens[cue.last + 1].quote];
    return [newContent(span.first, span.last, 'direct', 'pre-quote')];
  }
  const asReport = asSource(doc, unit, spans, c, nextCue);
  if (asReport) return asReport;
  // `lower than school records say it is`: a cue in a comparison after `than` reports nothing;
  // what follows is the comparison's elided clause.
  let than = cue.first - 1;
  while (than > unit.first && than > cue.first - 6 && tokens[than].quote < 0 && /^(NOUN|PROPN|DET|ADJ|PRON|NUM)$/.test(tokens[than].pos)) than--;
  if (than < cue.first - 1 && tokens[than].lower === 'than' && tokens[than].quote < 0) return [];
  // (`After saying ..., she was flown home`: the source after the cue is the main clause's
  // subject, no inverted cue's.)
  const fronted = frontedParticiple(doc, unit, cue, runs);

  // Content before: `“...,” she said` / `..., Howell said.`
  let b = Math.min(c.sourceFirst, cue.first);
  if (c.source && c.source.first > cue.first) b = cue.first; // inverted: source after cue
  let before = b - 1;
  // `“...,” I was told by the engineer`: the one told and the passive's `be` stand between.
  if (cue.agent) for (let n = 0; n < 4 && before > unit.first && tokens[before].quote < 0 && tokens[before].pos !== 'PUNCT'; n++) before--;
  // `“...,” University of the Northern Plains social historian Edda Marsh said`: an
  // institution's name in front of the source phrase still leaves it right after the quote.
  for (let k = before, n = 0; k >= unit.first && n < 8; k--, n++) {
    const t = tokens[k];
    // (Only after a quotation closed as one is, with its punctuation: `“it makes me laugh” every
    // time he thinks` is a clause going on past the quotation, not a quote and its source.)
    if (t.quote >= 0) { if (k < before && /[,.!?…]\W*$/u.test(doc.text.slice(spans[t.quote].start, spans[t.quote].end - 1))) before = k; break; }
    if (t.text === ',' || !(t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'DET' || t.lower === 'of' || /^\p{Lu}/u.test(t.text))) break;
  }
  while (before >= unit.first && (tokens[before].text === ',' || tokens[before].text === '—')) before--;
  if (cue.participle || OBJECT_FIRST.has(cue.sense.lemma)) {
    // `..., adding` never reports what came before it; nor does `accused X of “...”`, whose
    // quotation follows its object.
  } else if (before >= unit.first && tokens[before].quote >= 0 && spans[tokens[before].quote].last === before + 1) {
    const span = spans[tokens[before].quote];
    // `Opponents of what’s called a “rain tax” argue ...`: a label in quotation marks inside a
    // noun phrase (after a determiner, an adjective or a preposition), with no punctuation of its
    // own and right before the cue, is part of the cue's subject, not the content before it.
    // (So is an adverb in quotation marks between the subject and the cue: `the ad “unmistakably
    // and wrongfully” suggests ...`, which modifies the cue.)
    const lead = tokens[span.first - 1];
    const adverb = /^(NOUN|PROPN|PRON)$/.test(lead?.pos ?? '') && tokens[span.first + 1]?.pos === 'ADV' && /^\p{Ll}/u.test(tokens[span.first + 1].text);
    const label = before === b - 1 && lead !== undefined && lead.quote < 0 && (/^(DET|ADJ|ADP)$/.test(lead.pos) || adverb)
      && !/[.,!?…;:—–-]\W*$/u.test(doc.text.slice(span.start, span.end - 1));
    if (span.first >= unit.first && !label) {
      // `the geese flew over them “like bombers,” he said`: a fragment that ends a clause of
      // the reporter's words is part of that clause, and the whole clause is the report.
      // (So is a quotation opening in lower case, whatever stands before it: `The new rules
      // “will not fix the potholes,” she said`, `Like most bakeries, “the hours we keep
      // are ...,” he said`: the sentence is the speaker's, begun in the reporter's words.)
      let first = unit.first;
      while (first < span.first && tokens[first].pos === 'PUNCT' && tokens[first].quote < 0) first++;
      const lead = tokens[span.first - 1];
      const clauseBefore = () => lead.pos !== 'PUNCT' && hasVerb(doc, first, span.first);
      const fragment = () => /^\p{Ll}/u.test(tokens[span.first + 1]?.text ?? '') && (lead.pos !== 'PUNCT' || lead.text === ',');
      // (Two words are enough for a subject before a quotation opening in lower case: `The
      // village “has built three new bridges,” he said`; not a conjunction or an adverb.)
      const subject = span.first - first === 2 && !/^(CCONJ|ADV|ADP|SCONJ|PUNCT)$/.test(tokens[first].pos) && fragment();
      if (!prevCue && !span.title && (span.first - first >= 3 || subject) && lead.quote < 0 && (clauseBefore() || fragment())) {
        out.push(newContent(first, span.last, 'mixed', 'post-clause'));
      } else {
        out.push(newContent(span.first, span.last, 'direct', 'post-quote'));
      }
    }
  } else if (cue.sense.strength === 'speech' && tokens[b - 1]?.text === ',' && endsUnit(doc, c.source && c.source.first > cue.first ? c.source.last : personAddressee(doc, cue.last, unit.last, cue), unit)) {
    // `CLAUSE, X said.`: the clause from the unit start, unless another cue stands in it (then
    // only what follows this cue can be its report: `..., the mother replied, “...”`).
    // (`CLAUSE, he told reporters.`: past the addressee of a verb of telling too.)
    let first = unit.first;
    while (first < b - 1 && tokens[first].pos === 'PUNCT' && tokens[first].quote < 0) first++;
    // (A cue in the clause that reports nothing there is only a verb of it: `The crews will
    // continue to work, the utility said.`)
    const silent = () => prevCue !== null && !contentsFor(doc, unit, spans, runs, prevCue, null, c).some((f) => isReport(doc, spans, prevCue, f));
    // (A shorter subject only before an inverted cue that interrupts its sentence, the verb
    // after the source's comma: `The bridge, says Brant, is safe`, joined below.)
    if ((!prevCue || silent()) && (b - 1 - first >= 3 || b - 1 > first && invertedInterrupts(doc, unit, c, first, b - 1))) out.push(newContent(first, b - 1, typeOf(doc, first, b - 1, spans), 'post-clause'));
  }

  // Content after: `said: “...”`, `said that ...`, `told reporters ...`.
  let k = cue.last;
  if (c.source && c.source.first >= cue.last && !fronted) {
    k = c.source.last;
    // `said Smith` with nothing before is a report only when a quotation follows it:
    // `Added Smith: “...”`.
    // (Past an apposition only when nothing came before: `“A,” said X, a director, “B”` is
    // one quotation its cue interrupts.)
    const colon = out.length === 0 ? quoteAfterName(doc, spans, k, unit.last) : -1;
    const inverted = out.length === 0 && colon < 0 && !cue.agent && clauseAfterInverted(doc, unit, cue, c.source);
    if (out.length === 0 && colon < 0 && !cue.agent && !inverted) return out;
    if (colon >= 0) k = colon;
    else if (inverted || out.length === 1 && out[0].how === 'post-clause') k = pastApposition(tokens, k, unit.last);
  }
  k = skipAfterCue(doc, k, unit.last, cue);
  k = pastAside(tokens, k, unit.last);
  let explicit = false;
  if (tokens[k]?.text === ':' || tokens[k]?.text === ',') { k++; explicit = true; }
  // `The Times reports:` ending its paragraph introduces the quotation that follows it.
  if (explicit && tokens[k - 1].text === ':' && k === unit.last && tokens[k]?.quote >= 0 && spans[tokens[k].quote].first === k) {
    const span = spans[tokens[k].quote];
    out.push(newContent(span.first, span.last, 'direct', 'pre-quote'));
    return out;
  }
  // (`“A,” X wrote in an email, and “B.”`: a quoted fragment joined to the words before the cue
  // goes on with them, as a quotation the cue interrupts does.)
  const joined = explicit && out.length === 1 && tokens[k - 1].text === ',' && /^(and|but)$/.test(tokens[k]?.lower ?? '') && tokens[k].quote < 0
    && tokens[k + 1]?.quote >= 0 && spans[tokens[k + 1].quote].first === k + 1 && /^\p{Ll}/u.test(tokens[k + 2]?.text ?? '');
  if (joined) k++;
  const startsQuote = k < unit.last && tokens[k] && tokens[k].quote >= 0 && spans[tokens[k].quote].first === k;
  if (startsQuote) {
    const span = spans[tokens[k].quote];
    // `“A,” Voss said, referring to the budget, “B.”`: a participle that names only with a
    // quotation (`referring to X as “...”`) does not take one after its object's comma; that
    // is the rest of the quotation the cue before it interrupts. (Not one that speaks to its
    // object: `before asking her, “...?”`.)
    if (cue.sense.strength === 'quoted' && cue.participle && explicit && tokens[k - 1].text === ',' && k > cue.last + 1 && !TAKES_ADDRESSEE.has(cue.sense.lemma)) return out;
    // `anyone who complains about the weather “is not dressed for the hike.”`: past an adjunct,
    // a quotation opening with a finite auxiliary in lower case is the predicate of the sentence
    // the cue's clause is part of, not what the cue reports. (Not a verb phrase after `to`,
    // `vowed to “be ...”`, nor an order, `urged voters: “be ...”`.)
    const opener = tokens[span.first + 1];
    if (k > cue.last && !explicit && tokens[k - 1].lower !== 'to' && opener && opener.quote === tokens[k].quote && /^\p{Ll}/u.test(opener.text)
      && opener.pos === 'AUX' && opener.lower !== 'be') return out;
    // `Asked about it, Smith said, “...”`: the quotation, not the clause before, is the report.
    if (out.length === 1 && out[0].how === 'post-clause' && !joined) out.pop();
    // `said “the tide is turning our way” despite the loss`: a fragment with no punctuation of its
    // own before the closing mark, the clause going on past it, makes the whole clause the report.
    // (Right after the cue, its comma or colon, or `to`: `vowed to “plant a tree on every street” in
    // ...`; past an adjunct, `joked about her “...” with ...`, the quotation is an object.)
    const adjacent = span.first === cue.last || span.first === cue.last + 1 && /^[,:]$/.test(tokens[cue.last].text) || tokens[span.first - 1].lower === 'to';
    // (Not after a participle, `heard her saying “...” on the radio` is heard on the radio, but
    // for a quoted verb phrase after `to`: `vowing to “plant a tree on every street” in ...`.)
    const participle = (cue.participle || tokens[cue.last - 1].lower.endsWith('ing')) && tokens[span.first - 1].lower !== 'to';
    if (cue.sense.strength !== 'quoted' && adjacent && !participle && clauseGoesOn(doc, span, unit, nextCue)) {
      const last = clauseEnd(doc, span.first, unit.last, nextCue);
      if (last > span.last) {
        out.push(newContent(span.first, last, 'mixed', 'clause'));
        return out;
      }
    }
    out.push(newContent(span.first, span.last, 'direct', 'pre-quote'));
    return out;
  }
  // `said, however, ...` / `said, adding ...`: the comma does not open the content.
  if (explicit && tokens[k - 1].text === ',' && tokens[k] && (tokens[k].pos === 'ADV' || cueAt(doc, k))) return out;
  // (Nor the comma that closes an opening subordinate clause the cue ends: `When the mayor
  // spoke, the crowd left`, `The longer the strike continues, the bigger the backlog`.)
  if (explicit && tokens[k - 1].text === ',' && out.length === 0 && openingClauseEnd(doc, unit, cue.first) === k - 1) return out;
  // `the claims, such as what he said about the ferry, do not ...`: a finite verb in lower case
  // right after the comma, with nothing reported before the cue, has no subject of its own; the
  // comma closes the clause that holds the cue, and the verb is the main clause's. (Not when the
  // cue and its source are set off by commas themselves, `The goal, he said, is ...`: that cue
  // interrupts the clause it reports, see `subjectBeforeCue`.)
  const verb = tokens[k];
  const setOff = tokens[Math.min(c.sourceFirst, cue.first) - 1]?.text === ',' || tokens[Math.min(c.sourceFirst, cue.first) - 1]?.quote >= 0;
  if (out.length === 0 && explicit && !setOff && tokens[k - 1].text === ',' && verb && verb.quote < 0 && (verb.pos === 'AUX' || verb.pos === 'VERB')
    && /^\p{Ll}/u.test(verb.text) && !/(ing|ed|en)$/.test(verb.lower) && !(verb.pos === 'AUX' && /^(PRON|DET|PROPN)$/.test(tokens[k + 1]?.pos ?? ''))) return out;
  // `The trouble now, she told me, is that ...`, `The actor who plays the mayor, aides said, has
  // been chosen`: a subject with no finite verb of its own before a cue set off by commas, its
  // verb after them, is one sentence the cue interrupts; the report is the whole of it, the
  // cue left out of its segments (as in `subjectBeforeCue`, for subjects of any length).
  if (out.length === 1 && out[0].how === 'post-clause' && out[0].type !== 'direct' && c.source && explicit && tokens[k - 1].text === ',' && k < unit.last) {
    const verb = tokens[k];
    if ((verb.pos === 'VERB' || verb.pos === 'AUX') && verb.quote < 0 && /^\p{Ll}/u.test(verb.text) && !verb.lower.endsWith('ing') && !cueAt(doc, k)
      && !mainVerb(doc, out[0].first, out[0].last)) {
      const last = clauseEnd(doc, k, unit.last, nextCue);
      out[0] = withExtras(newContent(out[0].first, last, typeOf(doc, out[0].first, last, spans), 'clause'), { gap: [out[0].last, k] });
      return out;
    }
  }
  // `Some waited in the lobby, he said, but one climbed the stairs.`: a cue set off by commas inside
  // the sentence reports the clause after it too, as a quote of its own.
  if (out.length === 1 && out[0].how === 'post-clause' && explicit && tokens[k - 1].text === ',' && k < unit.last) {
    let v = k;
    if (/^(but|yet)$/.test(tokens[v].lower)) v++;
    const last = clauseEnd(doc, v, unit.last, nextCue);
    // (Not a relative clause on an inverted source: `“...,” said Victor Holm, who served ...`.)
    const opens = tokens[v]?.lower === 'that' || v < last && !/^(who|whom|whose|which)$/.test(tokens[v].lower) && opensClause(tokens, v, last);
    if (opens && last - k >= 4 && tokens[k].quote < 0 && mainVerb(doc, tokens[v].lower === 'that' ? v + 1 : v, last)) {
      out.push(newContent(k, last, typeOf(doc, k, last, spans), 'clause'));
    } else if (k + 1 < last && tokens[k].quote < 0 && tokens[k + 1].quote < 0 && c.source && last - k >= 3 && endsUnit(doc, last, unit)
      && (tokens[k].pos === 'ADP' && /^(in|by|of|from|for|about|with|without)$/.test(tokens[k].lower) && tokens[k + 1].pos === 'VERB' && tokens[k + 1].lower.endsWith('ing')
        || tokens[k].lower === 'to' && (tokens[k + 1].pos === 'VERB' || tokens[k + 1].pos === 'AUX') && !tokens[k + 1].lower.endsWith('ing'))
      && mainVerb(doc, out[0].first, out[0].last)) {
      // `There is a joy, insists Tom Vale, in seeing a job through`, `It is wise, she said, to
      // wait`: a gerund's or an infinitive's phrase after the cue's commas, to the end of the
      // sentence, finishes the clause the cue interrupts (an adjunct of saying, `in an
      // interview`, does not); it is reported too, as a quote of its own, as a clause there is.
      out.push(withExtras(newContent(k, last, typeOf(doc, k, last, spans), 'clause'), { rest: true }));
    }
  }
  if (out.length > 0) return out;
  // `urged his volunteers to make sure every ballot box is “sealed up tight”`: a directive with
  // the speaker's words quoted in it reports what the addressee was told to do. (Without a
  // quotation, `reporters asking him to repaint it` is too often part of another report.)
  // (So does a promise or a threat of the speaker's own, with no addressee: `vowed to sternly
  // fine “anyone who litters.”`.)
  if ((DIRECTIVES.has(cue.sense.lemma) && k > cue.last || COMMISSIVES.has(cue.sense.lemma)) && k < unit.last) {
    let v = k;
    if (/^(not|never)$/.test(tokens[v].lower)) v++;
    // (Past adverbs, `to harshly punish`; the verb may open the quotation: `urged members to
    // “vote with your heart”`.)
    let w = v + 1;
    while (w < unit.last && w < v + 3 && tokens[w].pos === 'ADV' && tokens[w].quote < 0) w++;
    if (tokens[w]?.quote >= 0 && spans[tokens[w].quote].first === w) w++;
    if (tokens[v]?.lower === 'to' && (tokens[w]?.pos === 'VERB' || tokens[w]?.pos === 'AUX')) {
      let last = clauseEnd(doc, v, unit.last, nextCue);
      const type = typeOf(doc, k, last, spans);
      // (Without a quotation too, after an addressee, from a finite cue whose source is a
      // subject of its own (not a relative's, `relatives, who asked police to ...`): `Morrow
      // urged residents to check their alarms`. What was asked ends at the first comma: past
      // it, `..., and criticized the party`, `..., although they say ...` are the reporter's.)
      const plain = type === 'indirect' && DIRECTIVES.has(cue.sense.lemma) && k > cue.last && c.source !== null && c.source.relative < 0
        && !cue.participle && !tokens[cue.first].lower.endsWith('ing');
      if (plain) last = firstCommaOrEnd(tokens, v, last);
      if (last - k >= 3 && (type === 'mixed' || plain)) {
        out.push(newContent(k, last, type, 'clause'));
        return out;
      }
    }
  }
  // `is promising lower taxes and “a brighter future”`: a promise or a threat whose object is a
  // noun phrase holding the speaker's words quoted is what was promised, a mixed quote; it ends
  // with the noun phrase (`, but he ...` is the reporter's). Without quoted words, `vowed
  // revenge` reports nothing.
  // (Past an addressee, `promised voters a “...”`; but what reads as one before `and`, `promised
  // lower taxes and “...”`, is part of the object.)
  const o = c.source && c.source.first >= cue.last || tokens[k]?.pos !== 'CCONJ' ? k : cue.last;
  if (COMMISSIVES.has(cue.sense.lemma) && o < unit.last && tokens[o].quote < 0 && !/^(to|that|not|never)$/.test(tokens[o].lower)) {
    const end = clauseEnd(doc, o, unit.last, nextCue);
    let q = -1;
    let last = o;
    for (let x = o; x < end; x++) {
      const t = tokens[x];
      if (t.quote >= 0) {
        if (spans[t.quote].title) break;
        q = t.quote;
        x = spans[q].last - 1;
        last = spans[q].last;
        continue;
      }
      if (!/^(DET|ADJ|NOUN|PROPN|NUM|CCONJ)$/.test(t.pos) && t.text !== ',' && t.text !== '-') break;
      if (q >= 0 && !/^(NOUN|PROPN|NUM)$/.test(t.pos)) break;
      if (q >= 0) last = x + 1;
    }
    if (q >= 0 && spans[q].first > o) {
      out.push(newContent(o, last, 'mixed', 'clause'));
      return out;
    }
  }
  // (`called on X` asks someone to do something: it reports only as a directive, above.)
  if (cue.sense.lemma === 'call on') return out;
  if (tokens[k]?.lower === 'as' && cue.sense.strength === 'quoted') k++;
  // `wondered whether the bridge would open`, `asked the council if ...`, `asked why ...`: after a
  // verb of asking, a clause opening with `whether`, `if` or a question word is the question
  // asked, whatever the verb takes otherwise. (Not in a clause of time, `said no when a reporter
  // asked if ...`: that question is the occasion of another's answer, which is the report.)
  const occasion = OPENING_SUBORDINATORS.has(tokens[Math.min(c.sourceFirst, cue.first) - 1]?.lower ?? '');
  // (Nor with no asker: `Asked what should be done, voters were divided`.)
  const question = !occasion && c.source !== null && embeddedQuestion(tokens, cue, k);
  let first = k;
  if (tokens[k]?.lower === 'that') k++;
  else if (cue.sense.strength === 'that') return out;
  // (`says offload/VERB issues ... are symptoms`: a verb reading before a noun, with the clause's
  // own verb after it, opens the clause.)
  const openerVerb = k < unit.last && tokens[k].pos === 'VERB' && !/(ing|ed)$/.test(tokens[k].lower) && tokens[k + 1]?.pos === 'NOUN'
    && mainVerb(doc, k + 1, clauseEnd(doc, k + 1, unit.last, nextCue));
  // (After `that`, a clause may open with an adjunct or a gerund: `noted that as a businessman,
  // he ...`, `said that in 2015 the town ...`, `told ... that waterboarding is ...`; not with a
  // relative's verb: `a profile that included ...`.)
  const afterThat = k > first && (tokens[k].pos === 'ADP' || tokens[k].pos === 'VERB' && /(ing|^given)$/.test(tokens[k].lower));
  const subordinate = k === first && leadingSubordinateClause(tokens, k, clauseEnd(doc, k, unit.last, nextCue));
  if (k >= unit.last || !CLAUSE_OPENERS.has(tokens[k].pos) && !openerVerb && !afterThat && !subordinate && !question || tokens[k].text === '.' || tokens[k].lower === 'to') return out;
  let last = clauseEnd(doc, k, unit.last, nextCue);
  // `Voss, despite admitting that ..., voted for it`: a participle phrase set off by commas
  // between a subject and its verb ends at the comma before that verb. (So does a relative
  // clause the cue stands in, its pronoun before the source: `The pier, which Vale said was
  // unsafe, closed on Monday`.)
  const lead = Math.min(c.sourceFirst, cue.first);
  const relativeAside = c.source !== null && c.source.first < cue.first && /^(which|who|whom)$/.test(tokens[lead - 1]?.lower ?? '')
    && tokens[lead - 2]?.text === ',' && tokens[lead - 2].quote < 0;
  if (asideParticiple(tokens, cue) || relativeAside) {
    for (let x = k + 1; x < last; x++) {
      const t = tokens[x];
      const p = tokens[x - 1];
      const comma = p.text === ',' || p.quote >= 0 && /^[”"]$/.test(p.text) && tokens[x - 2]?.text === ',';
      if (t.quote < 0 && comma && (t.pos === 'VERB' || t.pos === 'AUX') && /^\p{Ll}/u.test(t.text) && !t.lower.endsWith('ing')) {
        last = p.quote >= 0 ? x : x - 1;
        while (last > k && tokens[last - 1].quote < 0 && tokens[last - 1].pos === 'PUNCT') last--;
        break;
      }
    }
  }
  // (`After saying the cabin was cold, she was flown home`: a participle phrase opening the
  // sentence ends at the comma before its main clause.)
  if (fronted && fronted.comma >= k && fronted.comma < last) {
    last = fronted.comma;
    if (tokens[last].quote >= 0) while (last < unit.last && tokens[last].quote === tokens[fronted.comma].quote) last++;
    while (last > k && tokens[last - 1].quote < 0 && tokens[last - 1].pos === 'PUNCT') last--;
  }
  // (A cue inside a subordinate clause that opens the sentence, with only an object and no
  // clause of its own before that clause's comma, reports nothing: the words after the comma
  // are the main clause's, not its content.)
  // (With a clause of its own there, the report ends at that comma: `After she said the ferry was
  // late, the crowd left`, `Despite insisting that the pier was “perfectly safe,” the captain
  // ...` report the ferry and the pier, not the crowd or the captain.)
  const closing = openingClauseEnd(doc, unit, cue.first);
  if (closing >= k && closing < last) {
    // (A quotation there is what was said, clause or not: `When she said “never again,” the ...`.)
    if (!mainVerb(doc, k, closing) && typeOf(doc, k, closing, spans) === 'indirect') return out;
    last = closing;
  }
  // `said no when the clerk asked if ...`: an answer is the word itself; the clause after it
  // tells when it was given. (`said yes to joining the choir` keeps what it says yes to.)
  const answer = k === first && /^(yes|no)$/.test(tokens[k].lower) && k + 1 < last && OPENING_SUBORDINATORS.has(tokens[k + 1].lower);
  if (answer) last = k + 1;
  if (cue.sense.strength === 'quoted' && !question) {
    // `called the bridge “second-rate” and skipped one of the hearings`: after what the object was
    // called, a coordinated verb is the subject's next deed, not part of the report.
    const q = firstQuoteIn(doc, k, last);
    for (let j = q >= 0 ? spans[q].last : last; j + 1 < last; j++) {
      if (tokens[j].quote < 0 && /^(and|but)$/.test(tokens[j].lower) && tokens[j + 1].pos === 'VERB' && !tokens[j + 1].lower.endsWith('ing')) {
        last = j;
        while (last > k && tokens[last - 1].quote < 0 && tokens[last - 1].pos === 'PUNCT') last--;
        break;
      }
    }
    // `criticized the levy as a “silly scheme” during a stop in Dunmore`, `blasted him as a
    // “menace” Tuesday on the radio`: the naming ends with the last quotation; a time or an
    // occasion after it tells when and where it was said.
    const lq = lastQuoteIn(doc, k, last);
    if (lq >= 0 && spans[lq].last < last && OCCASION_OPENERS.test(tokens[spans[lq].last].lower) && tokens[spans[lq].last].quote < 0) last = spans[lq].last;
  }
  if (last - first < 2 && !answer) return out;
  // A clause that is a single quotation is a direct quote: `said “we will win”.`
  while (first < last && tokens[first].quote < 0 && tokens[first].pos === 'PUNCT') first++;
  if (tokens[first].quote >= 0 && spans[tokens[first].quote].first === first && spans[tokens[first].quote].last >= last) {
    const span = spans[tokens[first].quote];
    out.push(newContent(span.first, span.last, 'direct', 'pre-quote'));
    return out;
  }
  const type = typeOf(doc, first, last, spans);
  if (cue.sense.strength === 'quoted' && !question) {
    // `calls herself “The Iron Gardener,”`, `hailed him as “The Quiet Builder” for ...`: a name in
    // capitals the subject gives its object is the subject's words, though it reads as a title.
    // (Not right after the cue: `an app called “Screen Meter”` is the app's name.)
    const q = firstQuoteIn(doc, first, last);
    if (type === 'indirect' && q >= 0 && spans[q].title && spans[q].first > first && clauseBeforeIsObject(doc, first, spans[q].first)) {
      // (A comma or a full stop inside its closing mark ends the naming there: `calls himself
      // “The Bull,” won again`.)
      const alone = spans[q].last >= last || /[.,!?]\W*$/u.test(doc.text.slice(spans[q].start, spans[q].end - 1));
      out.push(withExtras(newContent(alone ? spans[q].first : first, alone ? spans[q].last : last, alone ? 'direct' : 'mixed', alone ? 'pre-quote' : 'clause'), { naming: true }));
      return out;
    }
    if (type === 'indirect') {
      const named = namingContent(doc, c, first, last);
      // (The name ends at a dash or a parenthesis, and has no verb of a clause: `what they call
      // harassment and abuse have been outlined` names only the subject of a clause.)
      let end = named;
      while (end >= 0 && end < last && !/^[-—–(]$/.test(tokens[end].text)) end++;
      while (end > named && tokens[end - 1].pos === 'PUNCT' && tokens[end - 1].quote < 0) end--;
      if (named >= 0 && end - named >= 2 && !verbBeforeRelative(doc, named, end)) out.push(withExtras(newContent(named, end, type, 'clause'), { naming: true }));
      return out;
    }
    // `calling him a “reckless dreamer”`: the quotation is what was said. (So after `of` in
    // `accused the council, its chair among them, of “...”`: the charge.)
    const charge = q >= 0 && OBJECT_FIRST.has(cue.sense.lemma) && tokens[spans[q].first - 1]?.lower === 'of';
    if (q >= 0 && spans[q].last >= last - 0 && (charge || clauseBeforeIsObject(doc, first, spans[q].first))) {
      out.push(newContent(spans[q].first, spans[q].last, 'direct', 'pre-quote'));
      return out;
    }
  }
  // `posted a photo with two words: “...”`, `responded flatly: “...”`: words with no verb of
  // their own before a colon only frame the quotation that ends the clause, which is the report.
  if (type === 'mixed') {
    const q = firstQuoteIn(doc, first, last);
    const colon = q >= 0 ? spans[q].first - 1 : -1;
    if (colon > first && tokens[colon].text === ':' && spans[q].last >= last && !hasVerb(doc, first, colon)) {
      out.push(newContent(spans[q].first, spans[q].last, 'direct', 'pre-quote'));
      return out;
    }
  }
  out.push(newContent(first, last, type, 'clause'));
  return out;
}

/**
 * The first comma from `k` before `last`, else `last`; not one that joins a second infinitive
 * (`never to use it indoors, and never to store fuel there`).
 */
function firstCommaOrEnd(tokens: Token[], k: number, last: number): number {
  for (let x = k; x < last; x++) {
    if (tokens[x].text !== ',' || tokens[x].quote >= 0) continue;
    const joined = /^(and|or)$/.test(tokens[x + 1]?.lower ?? '') && (tokens[x + 2]?.lower === 'to' || /^(not|never)$/.test(tokens[x + 2]?.lower ?? '') && tokens[x + 3]?.lower === 'to');
    if (!joined) return x;
  }
  return last;
}

/**
 * `“...,” as one official put it.`, `The levy is a “burden,” as Haddad said on Monday.`, `As
 * Haddad put it, “...”`: a cue whose subject follows `as` points at the clause before its comma
 * when it ends the sentence, or at the clause after its comma when it opens it, as `according
 * to` does. Null when the cue stands otherwise.
 */
function asSource(doc: Doc, unit: Range, spans: QuotedSpan[], c: CueInUnit, nextCue: CueInUnit | null): Content[] | null {
  const tokens = doc.tokens;
  const { cue } = c;
  if (!c.source || c.source.first > cue.first || cue.sense.strength !== 'speech' && cue.sense.lemma !== 'put it') return null;
  const a = c.source.first - 1;
  if (tokens[a]?.lower !== 'as' || tokens[a].quote >= 0 || a < unit.first) return null;
  let first = unit.first;
  while (first < a && tokens[first].pos === 'PUNCT' && tokens[first].quote < 0) first++;
  const one = (f: number, l: number): Content => {
    const q = tokens[f].quote;
    const whole = q >= 0 && spans[q].first === f && spans[q].last === l;
    return newContent(f, l, whole ? 'direct' : typeOf(doc, f, l, spans), whole ? 'post-quote' : 'post-clause');
  };
  // (`Yet, as Bown observed, ...`, `If, as I have said, ...`: only a connective stands before it.)
  let lead = first;
  while (lead < a && tokens[lead].quote < 0 && /^(ADV|CCONJ|SCONJ|PUNCT)$/.test(tokens[lead].pos)) lead++;
  if (lead === a) {
    // `As Haddad put it, CLAUSE.`
    let k = cue.last;
    while (k < unit.last && tokens[k].quote < 0 && tokens[k].text !== ',' && !/^[.;:!?]$/.test(tokens[k].text)) k++;
    // (`As one veteran commented: “...”`: a colon is the cue's own, the normal way.)
    if (tokens[k]?.text !== ',') return null;
    const last = clauseEnd(doc, k + 1, unit.last, nextCue);
    return last - (k + 1) >= 2 ? [one(k + 1, last)] : [];
  }
  // `CLAUSE, as X said.` (the comma may stand inside the closing quotation mark).
  const before = tokens[a - 1];
  const commaInQuote = before !== undefined && before.quote >= 0 && spans[before.quote].last === a && tokens[a - 2]?.text === ',';
  if (before?.text !== ',' && !commaInQuote) return null;
  // `The tax is, as Haddad put it, “a burden.”`: set off by commas inside the sentence, the cue
  // reports what follows it.
  for (let k = cue.last; k + 1 < unit.last && tokens[k].quote < 0 && !/^[.;:!?]$/.test(tokens[k].text); k++) {
    if (tokens[k].text !== ',' || tokens[k + 1].pos === 'PUNCT' && tokens[k + 1].quote < 0) continue;
    // (Only the words after it are the source's: what stands before is the reporter's frame.)
    if (commaInQuote) return [];
    const last = clauseEnd(doc, k + 1, unit.last, nextCue);
    return last - (k + 1) >= 2 ? [one(k + 1, last)] : [];
  }
  if (!endsUnit(doc, cue.last, unit)) return [];
  const last = commaInQuote ? a : a - 1;
  return last - first >= 2 ? [one(first, last)] : [];
}

/**
 * `After saying the cabin was “so cold ...,” she was flown home`, `While insisting that ..., he
 * ordered`: a participle phrase opening its sentence after its subordinator has the main
 * clause's subject for its own. The comma that closes the phrase (inside a closing quotation
 * mark or not), where a subject and its verb follow, and that subject; or null.
 */
export function frontedParticiple(doc: Doc, unit: Range, cue: Cue, runs: RunIndex): { comma: number; subject: Mention } | null {
  const tokens = doc.tokens;
  const sub = cue.first - 1;
  if (!cue.participle || !PARTICIPLE_SUBORDINATORS.has(tokens[sub]?.lower ?? '') || tokens[sub].quote >= 0) return null;
  let open = unit.first;
  while (open < sub && tokens[open].pos === 'PUNCT' && tokens[open].quote < 0) open++;
  if (open !== sub) return null;
  for (let x = cue.last; x < unit.last - 1; x++) {
    const t = tokens[x];
    if (t.quote < 0 && /^[.;:!?—]$/.test(t.text)) return null;
    if (t.text !== ',') continue;
    let y = x + 1;
    if (t.quote >= 0) {
      // (Only the comma that ends a quotation, before its closing mark.)
      while (y < unit.last && tokens[y].quote === t.quote && /^[”"’»]$/.test(tokens[y].text)) y++;
      if (y === x + 1 || tokens[y]?.quote === t.quote) continue;
    }
    const m = phraseAfter(doc, y, unit.last, runs);
    if (!m || m.first !== y) continue;
    let v = m.last;
    while (v < unit.last && tokens[v].quote < 0 && tokens[v].pos === 'ADV') v++;
    const verb = tokens[v];
    if (verb && verb.quote < 0 && (verb.pos === 'VERB' || verb.pos === 'AUX') && !verb.lower.endsWith('ing')) return { comma: x, subject: m };
  }
  return null;
}

/** `by warning that ...`: a gerund of means, whose subject is the main clause's. */
export function isByGerund(tokens: Token[], cue: Cue): boolean {
  return tokens[cue.first - 1]?.lower === 'by' && tokens[cue.first].lower.endsWith('ing');
}

/** `X, while insisting that ..., VERB`: a participle after a subordinator that a comma opens. */
export function asideParticiple(tokens: Token[], cue: Cue): boolean {
  return cue.participle && PARTICIPLE_SUBORDINATORS.has(tokens[cue.first - 1]?.lower ?? '') && tokens[cue.first - 2]?.text === ',' && tokens[cue.first - 2].quote < 0;
}

/** `CLAUSE, according to X.` / `According to X, CLAUSE.` */
export function according(doc: Doc, unit: Range, spans: QuotedSpan[], c: CueInUnit, runs: RunIndex, nextCue: CueInUnit | null): Content[] {
  const tokens = doc.tokens;
  const srcEnd = c.source ? c.source.last : c.cue.last;
  if (c.cue.first === unit.first || tokens[c.cue.first - 1]?.pos === 'PUNCT' && c.cue.first - 1 === unit.first) {
    let k = srcEnd;
    // (`According to the study — which used data from two firms — the sector ...`, `According to
    // the study, which used ..., the sector ...`: a relative clause or an aside on the source,
    // set off by dashes or commas, is no part of what it says.)
    const dash = /^[—–]$/.test(tokens[k]?.text ?? '') ? tokens[k].text : null;
    if (dash) {
      let close = k + 1;
      while (close < unit.last && close < k + 40 && tokens[close].text !== dash) close++;
      if (close < unit.last && tokens[close].text === dash) k = close - 1;
    }
    while (k < unit.last && tokens[k].text !== ',' && !(dash && tokens[k].text === dash && k > srcEnd)) k++;
    k++;
    if (/^(which|who)$/.test(tokens[k]?.lower ?? '') && tokens[k].quote < 0) {
      let close = k + 1;
      while (close < unit.last && close < k + 30 && tokens[close].text !== ',' && tokens[close].quote < 0) close++;
      if (close < unit.last && tokens[close].text === ',') k = close + 1;
    }
    // `According to the operator, Northsound Marine, costs rose`: skip the name in apposition.
    const run = runs.at[k];
    if (run >= 0 && tokens[runs.runs[run].last]?.text === ',') k = runs.runs[run].last + 1;
    // (`According to X, A but Brandt says B`: a later report of its own ends the clause, when
    // what comes before it is a clause: not `According to his account, after checking the
    // roof, he insisted ...`.)
    let last = clauseEnd(doc, k, unit.last, nextCue);
    if (nextCue && !mainVerb(doc, k, last)) last = clauseEnd(doc, k, unit.last, null);
    return last - k >= 3 ? [newContent(k, last, typeOf(doc, k, last, spans), 'according')] : [];
  }
  // (`“It will never pay,” according to X`, `The arena “will never pay,” according to X`: the
  // comma may stand inside the closing quotation mark, which then ends the content.)
  const before = tokens[c.cue.first - 1];
  const commaInQuote = before !== undefined && before.quote >= 0 && spans[before.quote].last === c.cue.first && tokens[c.cue.first - 2]?.text === ',';
  if (before?.text === ',' || commaInQuote) {
    let first = unit.first;
    const last = commaInQuote ? c.cue.first : c.cue.first - 1;
    while (first < last && tokens[first].pos === 'PUNCT' && tokens[first].quote < 0) first++;
    // (A content that is one quotation, marks and all, is a direct quote.)
    if (commaInQuote && spans[before.quote].first === first) return [newContent(first, last, 'direct', 'according')];
    // `Some of those delays, according to engineers, involve ...`: a subject with no finite
    // verb of its own before the cue, its verb right after the cue's closing comma, is one
    // sentence the cue interrupts; the report is the whole of it, the cue left out.
    const k = srcEnd + 1;
    const verb = tokens[k];
    if (c.source && tokens[srcEnd]?.text === ',' && verb && verb.quote < 0 && (verb.pos === 'VERB' || verb.pos === 'AUX') && /^\p{Ll}/u.test(verb.text)
      && !verb.lower.endsWith('ing') && !cueAt(doc, k) && last > first && !mainVerb(doc, first, last)) {
      const end = clauseEnd(doc, k, unit.last, nextCue);
      return [withExtras(newContent(first, end, typeOf(doc, first, end, spans), 'according'), { gap: [last, k] })];
    }
    return last - first >= 3 ? [newContent(first, last, typeOf(doc, first, last, spans), 'according')] : [];
  }
  return [];
}

/**
 * `While cooks could still prepare meals, their ability to serve them was limited`, `If anyone
 * believed that, there would be ...`: where the subordinate clause that opens the sentence and
 * holds the cue ends (its comma, or just past a closing quotation mark with the comma inside it:
 * `After saying it was “too old to save,” she ...`), when the main clause (a subject and its
 * verb) follows it; else -1. The opener may be a preposition before a gerund or a noun of saying
 * too: `Despite insisting that ..., the captain ...`, `Contrary to his claim that ..., the
 * deficit ...`.
 * (Not `as`: `As she said, the plan ...` points at the main clause. Nor a comma before `and`,
 * an adverb or a list: `said it was shut, and that ...`.)
 */
function openingClauseEnd(doc: Doc, unit: Range, cue: number): number {
  const tokens = doc.tokens;
  let k = unit.first;
  while (k < cue && (tokens[k].pos === 'PUNCT' || tokens[k].pos === 'CCONJ') && tokens[k].quote < 0) k++;
  if (k >= cue || tokens[k].quote >= 0) return -1;
  const opener = tokens[k].lower;
  // (`In announcing that ...,`, `By insisting that ...,`: `in` and `by` only before a gerund.)
  const gerund = /^(in|by)$/.test(opener) && tokens[k + 1]?.pos === 'VERB' && tokens[k + 1].lower.endsWith('ing');
  const prepositional = OPENING_PREPOSITIONS.has(opener) || gerund || opener === 'contrary' && tokens[k + 1]?.lower === 'to';
  // (`The longer the strike goes on, the bigger the backlog`: the first half of a correlative
  // comparison is a subordinate clause; the second, after its comma, the main one.)
  const comparative = (x: number) => tokens[x]?.lower === 'the' && /^(more|less|fewer|\p{Ll}{2,}er)$/u.test(tokens[x + 1]?.lower ?? '') && /^(ADJ|ADV)$/.test(tokens[x + 1].pos);
  const correlative = comparative(k) && tokens.slice(k + 2, cue).every((t) => t.text !== ',');
  if (!(OPENING_SUBORDINATORS.has(opener) || prepositional || correlative) || opener === 'as') return -1;
  // (The cue must stand inside that clause: in `When the lead slipped, aides insisted it was a
  // dip, reflecting ...` it is the main clause's.)
  for (let x = k + 1; x < cue; x++) if (tokens[x].text === ',' && tokens[x].quote < 0) return -1;
  const main = (x: number) => tokens[x]?.pos !== 'CCONJ' && (opensClause(tokens, x, unit.last) || mainVerb(doc, x, unit.last));
  for (let x = cue + 1; x < unit.last; x++) {
    const t = tokens[x];
    if (t.quote >= 0) {
      // (Inside a quotation only its closing mark, right after a comma, can end the clause.)
      // (The mark may be two tokens: `nothing,''`.)
      let y = x;
      while (y > cue && tokens[y].quote === t.quote && /^[”"'’]+$/.test(tokens[y].text)) y--;
      const closes = tokens[x + 1]?.quote !== t.quote && y < x && tokens[y].text === ',' && tokens[y].quote === t.quote;
      if (closes) return main(x + 1) ? x + 1 : -1;
      continue;
    }
    // (`in Dunmore, Vt., others argue`: a place's state set off by commas goes on with it.)
    if (t.text === ',' && tokens[x + 1]?.pos === 'PROPN' && tokens[x + 2]?.text === ',' && tokens[x + 1].quote < 0) { x++; continue; }
    // (Nor does a relative clause on the clause's last noun: `..., whose support held, the ...`.)
    if (t.text === ',' && /^(who|whom|whose|which|where)$/.test(tokens[x + 1]?.lower ?? '')) continue;
    if (t.text === ',') return main(x + 1) && (!correlative || comparative(x + 1)) ? x : -1;
    if (/^[.;:!?—]$/.test(t.text)) return -1;
  }
  return -1;
}

/** Prepositions that open a sentence with a phrase of saying in it: `Despite insisting that ...,`. */
const OPENING_PREPOSITIONS = new Set(['despite', 'after', 'before', 'upon', 'without']);

/**
 * Skips the addressee right after a cue of telling, from token `k`: `told reporters`, `told
 * CBC News`, `told him`.
 */
function skipAddressee(doc: Doc, k: number, max: number, cue: Cue): number {
  const tokens = doc.tokens;
  const start = k;
  // One noun phrase only: in `told reporters the line would open`, `the line` is the
  // reported clause's subject.
  if (TAKES_ADDRESSEE.has(cue.sense.lemma) && k < max && tokens[k].quote < 0 && tokens[k].lower !== 'that') {
    const ok = (t: Token) => t.quote < 0 && t.lower !== 'that';
    const possessive = /^(his|her|their|its|our|my|your)$/.test(tokens[k].lower) && /^(NOUN|PROPN|ADJ)$/.test(tokens[k + 1]?.pos ?? '');
    if (tokens[k].pos === 'PRON' && !possessive) k++;
    else {
      if (tokens[k].pos === 'DET' || tokens[k].pos === 'PRON') k++;
      // (`told Chinese-language media`: a hyphen with no space around it joins one word.)
      const joined = (x: number) => tokens[x].text === '-' && !tokens[x].space && x + 1 < max && !tokens[x + 1].space && tokens[x + 1].quote < 0;
      // (`told the Daily Herald`, `told the Associated Press`: the tagger may read a word of a
      // name as a verb; in capitals after a cue in lower case (no headline's) it is the name's.)
      const runningText = /^\p{Ll}/u.test(tokens[cue.first].text);
      const capitalVerb = (x: number) => runningText && tokens[x].pos === 'VERB' && /^\p{Lu}\p{Ll}/u.test(tokens[x].text);
      // (`told CBC Radio’s The Current`, `told the Herald’s editorial board`: a possessive
      // goes on with the phrase it owns.)
      for (let hops = 0; hops < 2; hops++) {
        while (k < max && k - start < 10 && ok(tokens[k]) && (tokens[k].pos === 'ADJ' || joined(k))) k++;
        while (k < max && k - start < 10 && ok(tokens[k]) && (tokens[k].pos === 'NOUN' || tokens[k].pos === 'PROPN' || joined(k) || capitalVerb(k)
          || /^(and|&)$/.test(tokens[k].lower) && tokens[k + 1]?.pos === 'PROPN' && tokens[k - 1]?.pos === 'PROPN')) k++;
        // (`told CNN’s “Early Start”`: the programme it owns may be a name in quotation marks,
        // in capitals.)
        const show = k > start && k + 2 < max && /^['’]s$/.test(tokens[k].lower) && tokens[k + 1].quote >= 0
          && tokens[k + 2].quote === tokens[k + 1].quote && /^\p{Lu}/u.test(tokens[k + 2].text);
        if (show) {
          const q = tokens[k + 1].quote;
          let e = k + 1;
          while (e < max && tokens[e].quote === q) e++;
          if (e - k <= 8) { k = e; break; }
        }
        if (!(k > start && k + 1 < max && /^['’]s$/.test(tokens[k].lower) && ok(tokens[k + 1]) && /^(NOUN|PROPN|ADJ|DET)$/.test(tokens[k + 1].pos))) break;
        k++;
        if (tokens[k].pos === 'DET') k++;
      }
    }
  }
  return k;
}

/**
 * Past the addressee after a cue of telling when it names someone (a pronoun, a name, a role
 * such as `reporters`), else `k`: in `Marsh told the old Norse legend of ...`, `told a joke`,
 * what follows the verb is what was told, no addressee.
 */
export function personAddressee(doc: Doc, k: number, max: number, cue: Cue): number {
  const end = skipAddressee(doc, k, max, cue);
  const last = doc.tokens[end - 1];
  return end > k && (last.pos === 'PRON' || last.pos === 'PROPN' || PERSON_NOUNS.has(last.lower)) ? end : k;
}

/**
 * `said as crews entered the yard, one worker ...`: at `k` a subordinator the tagger reads as a
 * preposition (`as`, `after`, `until`) opens a clause of its own (a subject and its verb), and a
 * main clause follows its comma, so the report opens with the subordinate clause. (Without the
 * main clause, `said as he left the building`, the clause tells when it was said.)
 */
function leadingSubordinateClause(tokens: Token[], k: number, last: number): boolean {
  if (!PREPOSITIONAL.has(tokens[k]?.lower ?? '') || tokens[k].quote >= 0 || !opensClause(tokens, k + 1, last)) return false;
  for (let x = k + 2; x < last; x++) {
    if (tokens[x].quote >= 0) return false;
    if (tokens[x].text === ',') return opensClause(tokens, x + 1, last);
  }
  return false;
}

/** Skips an addressee and time or place adjuncts between a cue and its content. */
function skipAfterCue(doc: Doc, k: number, max: number, cue: Cue): number {
  const tokens = doc.tokens;
  // `Brook’s reply was blunt: “...”`: a cue read as a noun, described before a colon, reports
  // what follows the colon.
  if (/^(is|was)$/.test(tokens[k]?.lower ?? '') && tokens[k].quote < 0 && /^(['’]s|his|her|their|its|the)$/.test(tokens[cue.first - 1]?.lower ?? '')) {
    let x = k + 1;
    while (x < max && x < k + 4 && tokens[x].quote < 0 && /^(ADJ|ADV|VERB)$/.test(tokens[x].pos)) x++;
    if (x > k + 1 && x + 1 < max && tokens[x].text === ':' && tokens[x + 1].quote >= 0) return x;
  }
  k = skipAddressee(doc, k, max, cue);
  // (`said late Wednesday that ...`, `told reporters early Friday the ...`, `late on Monday`: an
  // adjunct of time may open with `late` or `early`.)
  if (k + 1 < max && /^(late|early)$/.test(tokens[k].lower) && tokens[k].quote < 0 && tokens[k + 1].quote < 0
    && (TIME_WORDS.has(tokens[k + 1].lower) && tokens[k + 1].lower !== 'this' || /^(on|in)$/.test(tokens[k + 1].lower) && TIME_WORDS.has(tokens[k + 2]?.lower ?? ''))) k++;
  // `on Sunday`, `in a statement`, `Thursday`, `last week`: an adjunct that opens with a
  // preposition or a time word, skipped only when a content marker or a subject follows.
  let j = k;
  // (Not `as` after a verb that reports only a `that` clause: `known as the “...”` names a thing.)
  // (`said Friday’s vote was a mistake`, `condemned last week’s test as ...`: time words with a
  // possessive after them are the determiner of the noun phrase that opens the content, no adjunct.)
  const possessiveTime = possessiveTimeAt(tokens, k, max);
  if (j < max && (tokens[j].pos === 'ADP' && tokens[j].lower !== 'that' && !(tokens[j].lower === 'as' && cue.sense.strength === 'that') || TIME_WORDS.has(tokens[j].lower) && !possessiveTime)) {
    // (An adjunct that opens with time words, `Thursday`, `last week`, goes on only in a phrase
    // a preposition opens, `Thursday in a statement`: in `said Thursday one of the plans, ...,
    // could save money` the words after the time are the reported clause's subject.)
    let prepositional = false;
    while (j < max && j - k < 8 && tokens[j].quote < 0) {
      const t = tokens[j];
      if (t.pos === 'ADP') prepositional = true;
      // (`last quarter`, `this fall`: the noun a time word determines is part of the time.)
      else if (!prepositional && !TIME_WORDS.has(t.lower) && !/^(last|this|next)$/.test(tokens[j - 1].lower) && t.lower !== 'that' && !/^['’]s$/.test(t.lower)) break;
      // (`in his New Year's speech`: a possessive determiner belongs to the adjunct.)
      const possessive = /^(his|her|its|their|our|my|your)$/.test(t.lower) && j + 1 < max && (tokens[j + 1].pos === 'NOUN' || tokens[j + 1].pos === 'PROPN' || tokens[j + 1].pos === 'ADJ');
      // The content marker, however the tagger reads it; but after a preposition and before a
      // noun, a determiner (`claimed in that letter the price ...`).
      if (t.lower === 'that' && !(tokens[j - 1].pos === 'ADP' && j > k && /^(NOUN|ADJ)$/.test(tokens[j + 1]?.pos ?? ''))) break;
      // `said in a statement the company would ...`: a determiner after the adjunct's noun opens
      // the reported clause's subject.
      if (t.pos === 'DET' && j > k && /^(NOUN|PROPN)$/.test(tokens[j - 1].pos) && opensClause(tokens, j, max)) break;
      if (TIME_WORDS.has(t.lower) || t.pos === 'ADP' || t.pos === 'DET' || possessive || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || t.lower === '’s' || t.lower === "'s") { j++; continue; }
      break;
    }
    // `“A,” X wrote in an email to the Gazette’s Ada Brook, and “B.”`: past a longer adjunct, a
    // comma before `and` and a quotation goes on with the quotation before the cue.
    if (j - k >= 8) {
      let x = j;
      while (x < max && x - k < 16 && tokens[x].quote < 0 && (/^(ADP|DET|NOUN|PROPN|ADJ|NUM)$/.test(tokens[x].pos) || /^['’]s$/.test(tokens[x].lower))) x++;
      if (tokens[x]?.text === ',' && x + 2 < max && /^(and|but)$/.test(tokens[x + 1].lower) && tokens[x + 1].quote < 0 && tokens[x + 2].quote >= 0) return x;
    }
    // `told diners at a busy Millbrook, Ohio, lunch counter that ...`, `said
    // Friday during the recording of a podcast in Dunmore, Vermont, that ...`: a longer adjunct,
    // or one with a place set off by commas, still ends at a `that` opening a clause.
    if (j < max && (tokens[j].text === ',' || j - k >= 8)) {
      const marker = thatAfterAdjunct(tokens, j, Math.min(max, k + 24));
      if (marker >= 0) return marker;
    }
    if (j > k && j < max) {
      const n = tokens[j];
      // (`pointed to the theory that ...`: a `that` after a noun of an idea opens that noun's
      // complement, no report; the adjunct is then the cue's object.)
      if (n.lower === 'that' && IDEA_NOUNS.has(tokens[j - 1].lower)) return k;
      // (`said in a statement that was released Monday that ...`, `in a way that only could
      // have worked`: a `that` with a verb right after it, past adverbs, is a relative pronoun
      // on the adjunct's noun (not a gerund, `that drafting it is ...`, a subject); the report opens at a `that` after the relative clause, else
      // there is none.)
      let v = j + 1;
      while (v < max && v < j + 3 && tokens[v].pos === 'ADV' && tokens[v].quote < 0) v++;
      if (n.lower === 'that' && tokens[j - 1].pos === 'NOUN' && v < max && tokens[v].quote < 0 && (tokens[v].pos === 'VERB' || tokens[v].pos === 'AUX')
        && !tokens[v].lower.endsWith('ing')) {
        for (let x = v + 1; x < max && x < v + 16 && tokens[x].quote < 0 && !/^[.;:!?—]$/.test(tokens[x].text); x++) {
          if (tokens[x].lower === 'that' && x + 1 < max && (tokens[x + 1].quote >= 0 || opensClause(tokens, x + 1, max))) return x;
        }
        return k;
      }
      if (n.text === ':' || n.text === ',' || n.lower === 'that' || n.quote >= 0) return j;
      if (n.pos === 'PRON' && /^(he|she|they|it|we|i)$/.test(n.lower)) return j;
      if (n.pos === 'DET' && /^(NOUN|PROPN)$/.test(tokens[j - 1].pos) && opensClause(tokens, j, max)) return j;
      // `says in Lakeport ferries are ...`: a finite verb right after the adjunct means its
      // last noun, after a name or another noun, was the clause's subject.
      const finite = n.quote < 0 && (n.pos === 'AUX' || n.pos === 'VERB' && !/(ing|ed|en)$/.test(n.lower)) && /^\p{Ll}/u.test(n.text);
      if (finite && j - 2 > k && !SUBORDINATORS.has(tokens[k].lower) && tokens[j - 1].pos === 'NOUN' && /^\p{Ll}/u.test(tokens[j - 1].text) && /^(NOUN|PROPN)$/.test(tokens[j - 2].pos)) return j - 1;
    }
  }
  // Bare time words right after the cue (`said Thursday the ...`).
  while (k < max && !possessiveTime && (TIME_WORDS.has(tokens[k].lower) || tokens[k].lower === 'on' && TIME_WORDS.has(tokens[k + 1]?.lower ?? ''))) k++;
  // `suggests euphemistically that ...`: adverbs before the content marker, or before the question
  // a verb of asking reports (`wondered aloud whether`); adverbs of manner before a clause's
  // subject too (`said publicly the pier ...`; not `said there would be`, whose adverb is the subject).
  let a = k;
  while (a < max && a - k < 3 && tokens[a].pos === 'ADV' && tokens[a].quote < 0) a++;
  let adverbsOfManner = a > k;
  for (let x = k; x < a && adverbsOfManner; x++) adverbsOfManner = MANNER.test(tokens[x].lower);
  const manner = adverbsOfManner && !QUESTION_OPENERS.test(tokens[a]?.lower ?? '') && /^(DET|PRON|PROPN|NOUN)$/.test(tokens[a]?.pos ?? '') && opensClause(tokens, a, max);
  if (a > k && (tokens[a]?.lower === 'that' || embeddedQuestion(tokens, cue, a) || manner)) k = a;
  return k;
}

/**
 * `said, in a statement, that ...`, `told reporters, however, that ...`: an adjunct set off by
 * commas between the cue and a `that` (a preposition's phrase, time words or an adverb, no verb
 * and no quotation) is the reporter's aside; the report opens at the `that` after it, so `k`
 * moves there. Else `k`.
 */
function pastAside(tokens: Token[], k: number, max: number): number {
  const open = tokens[k + 1];
  if (tokens[k]?.text !== ',' || tokens[k].quote >= 0 || !open || open.quote >= 0) return k;
  if (!(open.pos === 'ADP' && open.lower !== 'that' || open.pos === 'ADV' || TIME_WORDS.has(open.lower))) return k;
  for (let x = k + 2; x < max && x < k + 14; x++) {
    const t = tokens[x];
    if (t.quote >= 0) return k;
    if (t.text === ',') return tokens[x + 1]?.lower === 'that' && tokens[x + 1].quote < 0 && x + 2 < max ? x + 1 : k;
    if (!(/^(ADP|DET|ADJ|NOUN|PROPN|NUM|ADV)$/.test(t.pos) || /^['’]s$/.test(t.lower))) return k;
  }
  return k;
}

/** Adverbs of how or when something was said: `publicly`, `aloud`, `again`. */
const MANNER = /^(\p{Ll}+ly|aloud|again|afterwards?|once|twice)$/u;

/** Nouns of an idea, whose `that` clause is their own complement: `the theory that ...`. */
const IDEA_NOUNS = new Set(['theory', 'theories', 'idea', 'ideas', 'notion', 'notions', 'hypothesis', 'premise']);

/** From `k`, one or more time words and then a possessive `’s`: `Friday’s`, `last week’s`. */
function possessiveTimeAt(tokens: Token[], k: number, max: number): boolean {
  let x = k;
  while (x < max && x < k + 3 && tokens[x].quote < 0 && TIME_WORDS.has(tokens[x].lower)) x++;
  return x > k && x < max && /^['’]s$/.test(tokens[x].lower);
}

/**
 * From `j` inside an adjunct, the `that` after more of it (nouns, names, prepositions, commas)
 * when it opens a clause (a subject and its verb, or a quotation), else -1.
 */
function thatAfterAdjunct(tokens: Token[], j: number, max: number): number {
  for (let x = j; x < max && tokens[x].quote < 0; x++) {
    const t = tokens[x];
    if (t.lower === 'that') return x + 1 < max && (tokens[x + 1].quote >= 0 || opensClause(tokens, x + 1, max)) ? x : -1;
    if (!(t.text === ',' || TIME_WORDS.has(t.lower) || /^(ADP|DET|ADJ|NOUN|PROPN|NUM)$/.test(t.pos) || t.lower === '’s' || t.lower === "'s")) return -1;
  }
  return -1;
}

/** End of a reported clause: the unit end, a semicolon, or a comma that opens another attribution. */
function clauseEnd(doc: Doc, k: number, max: number, nextCue: CueInUnit | null): number {
  const tokens = doc.tokens;
  let end = max;
  if (nextCue) {
    // `said A, and added that B`: the next cue, coordinated, ends this clause (and after a colon:
    // `says A: she notes that B`).
    const at = Math.min(nextCue.cue.first, nextCue.sourceFirst);
    const before = tokens[at - 1];
    // (`“a good start,” adding`: a comma inside the closing mark counts.)
    const comma = before && (before.text === ',' || before.quote >= 0 && tokens[at - 2]?.text === ',');
    // (Not a that-verb with no `that`, which reports nothing: `he is proud and expects to win`.)
    const reports = nextCue.cue.sense.strength === 'speech' || /^(that|:|,)$/.test(tokens[nextCue.cue.last]?.lower ?? '') || tokens[nextCue.cue.last]?.quote >= 0;
    if (at > k && before && reports && (comma || /^(and|but|or)$/.test(before.lower) || before.text === '—' || before.text === ';' || before.text === ':')) end = at;
    // (`agreed that A, while a third said B`, `said A, though she noted B`: a contrast opened by
    // a subordinator after a comma, the next report's subject after it, ends this one too.)
    // (The subject may be no mention: `while a third said`.)
    let w = at - 1;
    while (w > k && w > at - 7 && tokens[w].quote < 0 && tokens[w].pos !== 'PUNCT' && !/^(while|though|although|whereas)$/.test(tokens[w].lower)) w--;
    const sub = tokens[w - 1];
    const contrast = w > k && reports && tokens[w].quote < 0 && /^(while|though|although|whereas)$/.test(tokens[w].lower)
      && sub !== undefined && (sub.text === ',' && sub.quote < 0 || sub.quote >= 0 && tokens[w - 2]?.text === ',');
    if (contrast && w < end) end = w;
  }
  for (let j = k; j < end; j++) {
    const t = tokens[j];
    if (t.quote >= 0) {
      // (The comma before such an apposition may stand inside the closing mark: `was “a
      // disaster,” a claim the operator rejects`.)
      if (tokens[j + 1]?.quote !== t.quote && tokens[j - 1]?.text === ',' && tokens[j - 1].quote === t.quote && remarkApposition(tokens, j + 1, end)) { end = j + 1; break; }
      continue;
    }
    if (t.text === ';') { end = j; break; }
    if ((t.text === ',' || t.text === '—') && j + 1 < max) {
      const n = tokens[j + 1];
      // (`..., with a spokesperson describing it as ...`: the next report's subject after `with`.)
      if (nextCue && (nextCue.cue.first === j + 1 || nextCue.sourceFirst === j + 1 || n.lower === 'with' && nextCue.sourceFirst === j + 2)) { end = j; break; }
      if (n.lower === 'according' || (n.lower === 'adding' || n.lower === 'saying' || n.lower === 'noting')) { end = j; break; }
      // (`..., implicitly putting his name on the line`: a participle after an adverb in -ly
      // is the reporter's comment on the report, not part of it.)
      if (t.text === ',' && n.quote < 0 && n.pos === 'ADV' && /^\p{Ll}+ly$/u.test(n.text) && tokens[j + 2]?.quote < 0 && tokens[j + 2]?.pos === 'VERB' && /ing$/.test(tokens[j + 2].lower)) { end = j; break; }
      // (`noted that the deficit had doubled, and accused the premier of ...`: a past-tense verb
      // right after `, and` has no subject of its own; it is the reporter's next predicate of
      // the cue's subject, not part of what was reported.)
      const v = tokens[j + 2];
      if (t.text === ',' && /^(and|but)$/.test(n.lower) && v !== undefined && j + 2 < end && v.quote < 0 && v.pos === 'VERB' && /^\p{Ll}+ed$/u.test(v.text)) { end = j; break; }
    }
    // (`likened the levy to “a tax on breathing” — a charge the council denies`: an apposition
    // that names the report as an act, a charge, a remark, a metaphor, is the reporter's
    // comment on it, not part of it.)
    if (/^(,|—|–|--|-)$/.test(t.text) && (t.text !== '-' || t.space && tokens[j + 1]?.space) && j > k && remarkApposition(tokens, j + 1, end)) { end = j; break; }
    // (`says it helps to keep a routine — a “ladder,” she calls it — but ...`: an aside
    // between dashes holding a report of its own, its speaker inside it, ends the clause; not
    // one the clause opens with: `would argue — and Ferris presumably believes — that ...`.)
    if (t.text === '—' && j > k + 2 && nextCue && nextCue.source !== null && nextCue.source.first > j + 1 && nextCue.cue.first < end) {
      let close = nextCue.cue.last;
      while (close < end && tokens[close].text !== '—' && !/^[.;!?]$/.test(tokens[close].text)) close++;
      if (close < end && tokens[close].text === '—') { end = j; break; }
    }
  }
  // Drop trailing punctuation that is not a closing quotation mark.
  while (end > k && tokens[end - 1].quote < 0 && (tokens[end - 1].pos === 'PUNCT' || tokens[end - 1].pos === 'CCONJ')) end--;
  return end;
}

/** `a charge`, `an apt metaphor`, `one more swipe` at token `k`: an article, up to two modifiers, and a noun naming a remark. */
function remarkApposition(tokens: Token[], k: number, end: number): boolean {
  if (k >= end || tokens[k].quote >= 0 || !/^(a|an|one)$/.test(tokens[k].lower)) return false;
  for (let x = k + 1; x < end && x <= k + 3 && tokens[x].quote < 0; x++) {
    if (REMARK_NOUNS.has(tokens[x].lower)) return /^(NOUN|PROPN)$/.test(tokens[x].pos) || tokens[x].pos === 'VERB' && x > k + 1;
    if (!/^(ADJ|ADV)$/.test(tokens[x].pos) && tokens[x].lower !== 'more') return false;
  }
  return false;
}

/**
 * The reported clause goes on after the quotation `span` that opens it: the quoted words end
 * with no punctuation of their own (`“the tide is turning our way” despite ...`, not `“We'll see,”
 * when asked`), and a word of the reporter's, no new attribution, follows the closing mark.
 */
function clauseGoesOn(doc: Doc, span: QuotedSpan, unit: Range, nextCue: CueInUnit | null): boolean {
  const tokens = doc.tokens;
  if (span.title || span.unclosed || span.words < 2 || span.last >= unit.last) return false;
  if (/[.,!?;:…—–-]\W*$/u.test(doc.text.slice(span.start, span.end - 1))) return false;
  const n = tokens[span.last];
  if (n.quote >= 0 || n.pos === 'PUNCT' || !/^\p{Ll}/u.test(n.text)) return false;
  return !nextCue || (nextCue.cue.first !== span.last && nextCue.sourceFirst !== span.last);
}

/** Words that open a time or an occasion after what was said: `during a visit`, `Monday`, `after she left`. (Not `on`, `at`, `in`, which may be the name's own: `a “war” on coal`.) */
const OCCASION_OPENERS = new RegExp(`^(${[...TIME_WORDS].join('|')}|during|when|while|after|before|since|until)$`);

function lastQuoteIn(doc: Doc, first: number, last: number): number {
  for (let t = last - 1; t >= first; t--) if (doc.tokens[t].quote >= 0) return doc.tokens[t].quote;
  return -1;
}

function firstQuoteIn(doc: Doc, first: number, last: number): number {
  for (let t = first; t < last; t++) if (doc.tokens[t].quote >= 0) return doc.tokens[t].quote;
  return -1;
}

/** `him a`, `the plan as`: a short object phrase before the quotation. */
function clauseBeforeIsObject(doc: Doc, first: number, quoteFirst: number): boolean {
  if (quoteFirst - first > 5) return false;
  for (let t = first; t < quoteFirst; t++) {
    const p = doc.tokens[t].pos;
    if (p === 'VERB' || p === 'AUX' || p === 'SCONJ') return false;
  }
  return true;
}
