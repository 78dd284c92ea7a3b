/**
 * Cues: the words that report speech (`said`, `told`, `according to`, `calling`). A cue is a
 * reporting-verb form outside quotation marks that the tagger does not read as a noun and that
 * is not passive (`was told`, `is said to`).
 */
import type { Doc, Token } from './document.js';
import { NOUN_LIKE_CUES, SENDS_WRITING, WRITINGS, cueSense, type CueSense } from './lexicon.js';
import { loneQuantifierAt } from './mentions.js';

/** Every cue is made by `newCue`, with every field present in one order: one shape keeps V8's compiled readers of cues on one map. */
export interface Cue {
  first: number;
  last: number;
  sense: CueSense;
  /** `according to X`: the source follows the cue and the content lies around it. */
  according: boolean;
  /** A participle after a comma (`..., adding`): its subject is the clause's subject. */
  participle: boolean;
  /** `was told by X`, `came the reply from X`: a cue whose source is the agent after `by` (`from`, `of`), if any. */
  agent: boolean;
  /** `was described as “...”`: a passive of naming; what follows is someone's words about the subject, not the subject's. */
  passiveNaming: boolean;
}

/** A cue of `sense` over tokens [first, last), neither `according to`, with an agent, nor a passive of naming (set those on the result). */
export function newCue(first: number, last: number, sense: CueSense, participle: boolean): Cue {
  return { first, last, sense, according: false, participle, agent: false, passiveNaming: false };
}

// (`we’re told`: the contracted forms too.)
const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", '’s', 'am', "'re", '’re']);
const HAVE_GET = new Set(['get', 'got', 'gets', 'getting']);

export function cueAt(doc: Doc, i: number): Cue | null {
  const tokens = doc.tokens;
  const t = tokens[i];
  if (t.quote >= 0) return null;
  if (REPLY_NOUNS.has(t.lower)) {
    const reply = replyAfterQuote(tokens, i);
    if (reply) return reply;
  }
  // Most words are no cue of any kind: say so before the checks below (cueAt runs on every word).
  if (t.lower !== 'according' && !PHRASAL.has(t.lower) && cueSense(t.lower) === undefined) return cueByPosition(tokens, i);
  if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
    const cue = newCue(i, i + 2, { lemma: 'according to', strength: 'speech' }, false);
    cue.according = true;
    return cue;
  }
  // `All told, the council spent ...`: the idiom for `in all` opening a sentence reports nothing.
  if (t.lower === 'told' && tokens[i - 1]?.lower === 'all' && tokens[i + 1]?.text === ',' && opensSentence(tokens, i - 1)) return null;
  // A word in capitals is a heading's (`TOWNS OUTVOTE THE CITY`), not a report.
  if (t.text.length > 1 && /^\p{Lu}+$/u.test(t.text)) return null;
  const phrasal = phrasalCue(doc, i);
  if (phrasal) return phrasal;
  const sense = cueSense(t.lower);
  if (!sense) return null;
  if (NOUN_LIKE_CUES.has(t.lower) ? t.pos !== 'VERB' && !invertedAfterQuote(tokens, i) && !closesAfterQuote(tokens, i) && !namedSubjectBefore(tokens, i) && !clauseAfterSubject(tokens, i) : t.pos === 'DET' || t.pos === 'ADP' || t.pos === 'PUNCT') return null;
  // `an earlier warning`: a gerund the tagger reads as a noun is not a cue.
  // (But after a form of `be`, with an object or a clause after it, it is a progressive the
  // tagger read as an adjective: `is promising lower taxes`, `are warning that ...`; not
  // `the outlook is promising.`)
  if (t.lower.endsWith('ing') && t.pos !== 'VERB' && !progressiveWithObject(tokens, i)) return null;
  // `to deepen the channel and add two berths`: a bare verb after `and` continues a verb
  // phrase (often an infinitive); it reports nothing.
  if (sense.lemma === t.lower && /^(and|or)$/.test(tokens[i - 1]?.lower ?? '')) return null;
  // `so-called “green corridor”`, `a salt-added broth`, `a tell-all memoir`, `the call-in show`:
  // a word joined by a hyphen to another is part of a compound, not a report.
  const joined = (h: Token | undefined, after: Token | undefined) => h?.text === '-' && after !== undefined && !h.space && !after.space;
  if (joined(tokens[i - 1], t) && tokens[i - 2] !== undefined) return null;
  if (joined(tokens[i + 1], tokens[i + 2]) && tokens[i + 1].quote < 0) return null;
  // `would not comment`, `did not say`, `never told`: a denied report reports nothing.
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
    if (/^(not|n't|n’t|never)$/.test(tokens[j].lower)) return null;
    if (tokens[j].pos !== 'ADV' && tokens[j].pos !== 'PART') break;
  }
  const prev = previousContentToken(tokens, i);
  // `went on to say`, `proceeded to add`: an infinitive that a verb goes on to is a report, the
  // verbs before it part of the cue (so that their subject, `but went on to say`, is its own).
  const goesOnTo = tokens[i - 1]?.lower === 'to' && (tokens[i - 2]?.lower === 'on' && /^(go|goes|went|going|gone)$/.test(tokens[i - 3]?.lower ?? '') || /^proceed(s|ed|ing)?$/.test(tokens[i - 2]?.lower ?? ''));
  if (goesOnTo) {
    const lead = tokens[i - 2].lower === 'on' ? i - 3 : i - 2;
    const before = tokens[lead - 1];
    const participle = tokens[lead].lower.endsWith('ing') && before !== undefined && (before.text === ',' || before.lower === 'and' || before.text === '—');
    return newCue(lead, i + 1, sense, participle);
  }
  if (prev) {
    // Passive or nominal readings: `was told`, `the said`, `to say`, `a statement`.
    // (After a form of `be`, only a gerund can be the verb: `would be reason enough`. Not after
    // `’s`, a possessive too: `Brandt’s claim that ...`.)
    if (BE.has(prev.lower) && (/(ed|ld|id|en|wn|ght|lt|rd)$/.test(t.lower) || !/^['’]s$/.test(prev.lower) && !t.lower.endsWith('ing'))) {
      // (`I was told by the engineer`: a passive of telling with its agent reports the agent's words.)
      const by = tokens[i + 1];
      if (/^(tell|inform|assure)$/.test(sense.lemma) && by?.lower === 'by' && by.quote < 0 && tokens[i + 2]?.quote < 0) return agentCue(i, sense);
      if (namedInQuotes(tokens, i, sense)) {
        const cue = newCue(i, i + 1, sense, false);
        cue.passiveNaming = true;
        return cue;
      }
      return null;
    }
    if (HAVE_GET.has(prev.lower)) return null;
    if (prev.pos === 'DET' && !loneQuantifierAt(tokens, prev.i) || prev.lower === 'to' && !t.lower.endsWith('ing')) return null;
  }
  // `Asked about the flood, Ferris said ...`: a participle clause opening the sentence
  // describes the speaker; the cue is the main verb that follows.
  if (reducedClauseOpener(tokens, i) || participleOnAdjunct(tokens, i) || parentheticalParticiple(tokens, i)) return null;
  // `Add the broth and stir.`: a bare verb opening its sentence is an imperative, not a report.
  if (sense.lemma === t.lower && opensSentence(tokens, i) && tokens[i + 1]?.quote < 0 && !/^(to|that)$/.test(tokens[i + 1]?.lower ?? '')) return null;
  // (`Brandt’s saying so`: a gerund after a possessive; not after `’s` for `is`: `He’s claiming`.)
  if (t.lower.endsWith('ing') && prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || (prev.lower === '’s' || prev.lower === "'s") && prev.pos !== 'AUX')) return null;
  const before = tokens[i - 1];
  // (`“a good start,” adding`: the comma may stand inside the closing quotation mark.)
  const commaInQuote = before !== undefined && before.quote >= 0 && tokens[i - 2]?.text === ',';
  // (`issued a statement saying ...`: a participle on a writing reports its issuer's words;
  // `marched downtown while chanting ...`: so does one after the subordinator of its phrase.)
  const participle = t.lower.endsWith('ing') && before !== undefined && (before.text === ',' || before.lower === 'and' || before.text === '—' || commaInQuote
    || WRITINGS.has(before.lower) || PARTICIPLE_SUBORDINATORS.has(before.lower) || sentWriting(tokens, i));
  return newCue(i, i + 1, sense, participle);
}

/** A cue whose source is the agent after it (`was told by X`, `came the reply from X`). */
function agentCue(i: number, sense: CueSense): Cue {
  const cue = newCue(i, i + 1, sense, false);
  cue.agent = true;
  return cue;
}

/** Verbs of naming whose passive takes the name after `as` (`was described as`); the others take it at once (`was dubbed`). */
const NAMING_AS = new Set(['describe', 'characterize', 'characterise', 'label', 'brand']);
const NAMING_BARE = new Set(['dub', 'term']);

/**
 * `which was described as “basically a land grab”`, `He was dubbed “the bulldozer”`: a passive
 * of naming right before a quotation of two words or more (after `as` where the verb takes it)
 * reports someone's words about its subject. Without the marks, `was described as stable`, it
 * is the reporter's account; and the subject is what was named, not who named it.
 */
function namedInQuotes(tokens: Token[], i: number, sense: CueSense): boolean {
  let k = i + 1;
  if (NAMING_AS.has(sense.lemma)) {
    if (tokens[k]?.lower !== 'as' || tokens[k].quote >= 0) return false;
    k++;
  } else if (!NAMING_BARE.has(sense.lemma)) return false;
  const open = tokens[k];
  if (open === undefined || open.quote < 0 || tokens[k - 1].quote === open.quote) return false;
  let words = 0;
  for (let x = k; x < tokens.length && tokens[x].quote === open.quote && words < 2; x++) if (/\p{L}/u.test(tokens[x].text)) words++;
  return words >= 2;
}

/** Nouns that name an answer: `came the reply`, `was the response of ...`. */
const REPLY_NOUNS = new Set(['reply', 'response', 'answer', 'retort', 'rejoinder', 'riposte', 'verdict', 'reaction']);

/**
 * `“...,” came the reply from the mayor.`, `“...!” was the response of one viewer.`: right after
 * a quotation that closes as quoted speech does, `came` or `was`, a determiner and a noun naming an
 * answer report the quotation, their source the phrase after `from` or `of` (if any).
 */
function replyAfterQuote(tokens: Token[], i: number): Cue | null {
  const det = tokens[i - 1];
  const verb = tokens[i - 2];
  if (!det || !verb || det.quote >= 0 || !/^(the|a|an|his|her|their|its|one)$/.test(det.lower) || !/^(came|comes|was|is)$/.test(verb.lower) || verb.quote >= 0) return null;
  if (!closesQuotedSpeech(tokens, i - 3)) return null;
  const from = tokens[i + 1];
  const agent = from !== undefined && from.quote < 0 && /^(from|of)$/.test(from.lower);
  // (Nothing more than its source may follow: `was the reply to critics who ...` is the reporter's sentence.)
  if (!agent && from !== undefined && from.para === tokens[i].para && !/^[.,;!?]$/.test(from.text)) return null;
  return agentCue(i, { lemma: 'reply', strength: 'quoted' });
}

/**
 * `“...,” she growled.`, `“...,” interjected the treasurer.`: right after a quotation that ends
 * as quoted speech does, a past-tense verb that stands between a short subject and the end of
 * the clause, or first before its subject, can only be the verb that reports it, whether or not
 * the lexicon lists that verb. The form (`-ed`, read as a verb) and the place are the evidence,
 * so such a cue has `that` strength: it takes the quotation before it, and a clause after it
 * only with `that`. (Checked only for words the lexicon does not know, which it returns as
 * cues of their own.)
 */
function cueByPosition(tokens: Token[], i: number): Cue | null {
  const t = tokens[i];
  if (t.pos !== 'VERB' || t.quote >= 0 || !/^\p{Ll}{3,}ed$/u.test(t.text)) return null;
  const next = tokens[i + 1];
  const ends = next === undefined || next.para !== t.para || /^[.,;!?]$/.test(next.text) && next.quote < 0;
  const sense: CueSense = { lemma: t.lower, strength: 'that' };
  // Inverted: `“...,” interjected Tomas Brel.`, `“...,” muttered the driver.`
  if (closesQuotedSpeech(tokens, i - 1)) {
    // (Not after a quotation a cue before it already reports: `who said “...,” rejected the
    // plan`, where the verb is the main clause's.)
    if (introducedByCue(tokens, i - 1)) return null;
    const subject = next !== undefined && next.quote < 0 && (next.pos === 'PROPN' || /^(the|a|an|another|one|his|her|their)$/.test(next.lower));
    return subject ? newCue(i, i + 1, sense, false) : null;
  }
  // `“...,” Mara Quill growled.`, `“...,” the engineer confided.`: at most four words of a
  // subject, with no verb, back to the quotation.
  let p = i - 1;
  while (p >= 0 && p >= i - 4 && tokens[p].quote < 0 && /^(PROPN|NOUN|ADJ|DET|PRON)$/.test(tokens[p].pos)) p--;
  if (p === i - 1 || !ends || !closesQuotedSpeech(tokens, p)) return null;
  return newCue(i, i + 1, sense, false);
}

/** The quotation closing at or just before `k` opens right after a word of the lexicon's cues. */
function introducedByCue(tokens: Token[], k: number): boolean {
  if (tokens[k].quote < 0) k--;
  const q = tokens[k]?.quote ?? -1;
  if (q < 0) return false;
  let x = k;
  while (x > 0 && x > k - 400 && tokens[x - 1].quote === q) x--;
  const before = tokens[x - 1];
  return before !== undefined && before.quote < 0 && cueSense(before.lower) !== undefined;
}

/**
 * Token `k` ends a quotation the way quoted speech ends before its attribution: a closing mark
 * after a comma, `?` or `!` (`“...,”`, `“...?”`), or a comma after the closing mark.
 */
function closesQuotedSpeech(tokens: Token[], k: number): boolean {
  const closing = (x: number) => x > 0 && tokens[x].quote >= 0 && /^[”"»]$/.test(tokens[x].text) && tokens[x + 1]?.quote !== tokens[x].quote;
  if (k < 1) return false;
  if (closing(k)) return /^[,?!…]$/.test(tokens[k - 1].text);
  return tokens[k].text === ',' && tokens[k].quote < 0 && closing(k - 1);
}

/** Subordinators that open an adverbial participle phrase: `while chanting`, `before adding`. */
export const PARTICIPLE_SUBORDINATORS = new Set(['while', 'when', 'before', 'after', 'upon', 'despite', 'without']);

const TIME_AFTER_WRITING = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|afternoon|evening|night|week|on|last|this|early|late)$/;

/**
 * `released a statement Wednesday saying`, `sent an email to supporters stating`, `emailed
 * supporters saying`: a participle after a writing and a time, or after the people a writing
 * was sent to, reports the sender's words, as one right after the writing does.
 */
function sentWriting(tokens: Token[], i: number): boolean {
  let b = i - 1;
  while (b >= 0 && b > i - 4 && tokens[b].quote < 0 && TIME_AFTER_WRITING.test(tokens[b].lower)) b--;
  if (b < 0 || tokens[b].quote >= 0) return false;
  if (b < i - 1) return WRITINGS.has(tokens[b].lower);
  if (tokens[b].pos !== 'NOUN' || !tokens[b].lower.endsWith('s')) return false;
  let a = b;
  while (a - 1 >= 0 && a > b - 3 && tokens[a - 1].quote < 0 && /^(ADJ|DET|NOUN)$/.test(tokens[a - 1].pos)) a--;
  const p = tokens[a - 1];
  if (!p || p.quote >= 0) return false;
  return p.lower === 'to' && WRITINGS.has(tokens[a - 2]?.lower ?? '') || SENDS_WRITING.has(p.lower);
}

/** Reporting verbs made of a verb and a particle: `points out`, `shot back`, `went on`. */
const PHRASAL = new Map<string, { particle: string; lemma: string }>();
for (const [forms, particle, lemma] of [
  ['point points pointed pointing', 'out', 'point out'],
  ['shoot shoots shot shooting', 'back', 'shoot back'],
  ['fire fires fired firing', 'back', 'fire back'],
  ['hit hits hitting', 'back', 'hit back'],
  ['snap snaps snapped snapping', 'back', 'snap back'],
  ['chime chimes chimed chiming', 'in', 'chime in'],
  ['weigh weighs weighed weighing', 'in', 'weigh in'],
  ['go goes went going', 'on', 'go on'],
  ['put puts', 'it', 'put it'],
  ['call calls called calling', 'on', 'call on'],
] as const) for (const f of forms.split(' ')) PHRASAL.set(f, { particle, lemma });

function phrasalCue(doc: Doc, i: number): Cue | null {
  const tokens = doc.tokens;
  const t = tokens[i];
  const p = PHRASAL.get(t.lower);
  const next = tokens[i + 1];
  // (In lower case: `Feud Goes On` in a headline is a title.)
  if (!p || !next || next.text !== p.particle || !/^\p{Ll}/u.test(t.text) && !opensSentenceAfterQuote(tokens, i) || next.quote >= 0 || next.para !== t.para) return null;
  const after = tokens[i + 2];
  const prev = tokens[i - 1];
  // The phrase reports only next to a quotation or before its content: `“...,” he went on.`,
  // `“...,” points out the resident`, `shot back: “...”`, `pointed out that ...` (not `went on a
  // trip`, `hit back at critics`).
  const closesQuote = prev !== undefined && (prev.quote >= 0 || prev.text === ',' && tokens[i - 2]?.quote >= 0);
  // (`“...,” Smith shot back`: a quotation ending in a comma, `?` or `!`, then a short subject.)
  const afterQuote = closesQuote || prev !== undefined && prev.pos !== 'PUNCT'
    && tokens.slice(Math.max(1, i - 4), i).some((x) => x.quote >= 0 && /^[”"»]$/.test(x.text) && /^[,?!]$/.test(tokens[x.i - 1].text));
  const opens = after !== undefined && (after.text === ':' || after.text === ',' && tokens[i + 3]?.quote >= 0 || after.quote >= 0 || after.lower === 'that' && p.lemma === 'point out'
    || p.lemma === 'call on' && toAfterObject(tokens, i + 2));
  const ends = after === undefined || /^[.!?;]$/.test(after.text) || after.para !== t.para;
  // (`It is the cost, he went on, that ...`: set off by commas with its subject, inside the report.)
  const aside = p.lemma === 'go on' && after?.text === ',' && prev !== undefined && /^(PRON|PROPN)$/.test(prev.pos) && tokens[i - 2]?.text === ',' && tokens[i - 2].quote < 0;
  // (`as one official put it`: `put it` reports only after `as` and its subject.)
  if (p.lemma === 'put it' && !asSubjectBefore(tokens, i)) return null;
  if (!(opens || aside || afterQuote && (ends || /^(DET|PROPN|PRON)$/.test(after.pos) || /^\p{Lu}/u.test(after.text)) || p.lemma === 'put it')) return null;
  // (Not passive or after a determiner: `was hit back`, `the point out`.)
  if (prev && (BE.has(prev.lower) || prev.pos === 'DET')) return null;
  const participle = t.lower.endsWith('ing') && prev !== undefined && (prev.text === ',' || prev.lower === 'and');
  return newCue(i, i + 2, { lemma: p.lemma, strength: 'speech' }, participle);
}

/** `as one official put it`: `as` and a short subject (no verb, no quotation) right before token `i`. */
function asSubjectBefore(tokens: Token[], i: number): boolean {
  for (let x = i - 1; x >= 0 && x >= i - 7; x--) {
    const t = tokens[x];
    if (t.quote >= 0 || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT' && t.text !== '.') return false;
    if (t.lower === 'as') return x < i - 1;
  }
  return false;
}

/**
 * `called on police to release ...`: from token `k`, a short object (no verb, no quotation)
 * and then `to` with a verb, so `call on` asks someone to do something (not `called on the
 * reporter`, `calls on Fridays`).
 */
function toAfterObject(tokens: Token[], k: number): boolean {
  for (let x = k; x < tokens.length && x < k + 7; x++) {
    const t = tokens[x];
    if (t.quote >= 0 || t.pos === 'VERB' || t.pos === 'AUX' || /^[.,;:!?]$/.test(t.text)) return false;
    if (t.lower === 'to') return x > k && tokens[x + 1] !== undefined && (tokens[x + 1].pos === 'VERB' || tokens[x + 1].quote >= 0);
  }
  return false;
}

/** `“...” Points out Smith.`: a capitalised word right after a quotation that closes a sentence. */
function opensSentenceAfterQuote(tokens: Token[], i: number): boolean {
  return tokens[i - 1]?.quote >= 0 && /^[”"»]$/.test(tokens[i - 1].text) && !/^\p{Lu}+$/u.test(tokens[i].text);
}

function previousContentToken(tokens: Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const p = tokens[j];
    if (p.pos === 'ADV' || p.lower === 'not' || p.lower === "n't" || p.lower === 'n’t') continue;
    return p;
  }
  return undefined;
}

const CLAUSE_SUBORDINATORS = new Set(['when', 'if', 'once', 'after', 'before', 'as', 'while', 'unless']);

function opensSentence(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev === undefined || prev.para !== tokens[i].para || /^[.!?]$/.test(prev.text) && prev.quote < 0;
}

/** `Asked whether ...,` / `When pressed on ...,`: a clause-opening past participle followed by a
 * preposition, a `to` or a wh-word, so not an inverted cue like `Added Smith: ...`. */
function reducedClauseOpener(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!/(ed|ld|wn)$/.test(t.lower)) return false;
  // (Also after a comma: `..., when asked if other stores would vote, she said ...`.)
  const atStart = opensSentence(tokens, i) || CLAUSE_SUBORDINATORS.has(tokens[i - 1]?.lower ?? '') && (opensSentence(tokens, i - 1) || tokens[i - 2]?.text === ',');
  if (!atStart) return false;
  const next = tokens[i + 1];
  return next !== undefined && (next.pos === 'ADP' || next.pos === 'SCONJ' || next.lower === 'to' || /^(what|whether|how|why|who|when|where|which|if)$/.test(next.lower));
}

/**
 * `the cost of the recall, estimated at 120 million euros, was manageable`: a past participle
 * and its phrase set off by commas, with a finite verb right after them, describe the noun before
 * them; the verb after the commas is the clause's.
 */
function parentheticalParticiple(tokens: Token[], i: number): boolean {
  if (!/\p{Ll}(ed|en|wn)$/u.test(tokens[i].text) || tokens[i - 1]?.text !== ',' || tokens[i - 2]?.pos !== 'NOUN') return false;
  for (let k = i + 1; k < tokens.length && k < i + 12; k++) {
    const t = tokens[k];
    if (t.quote >= 0 || t.para !== tokens[i].para || t.lower === 'that' || /^[.;:!?]$/.test(t.text)) return false;
    if (t.text === ',') {
      const next = tokens[k + 1];
      return k > i + 1 && next !== undefined && next.quote < 0 && (next.pos === 'AUX' || next.pos === 'VERB' && !next.lower.endsWith('ing'));
    }
  }
  return false;
}

const PLAIN_PREPOSITIONS = new Set(['in', 'on', 'at', 'with', 'from', 'via', 'during', 'through', 'by', 'amid', 'under', 'within', 'across']);

/**
 * `In a statement posted on its website, ...`, `..., in remarks released by his office, ...`: a
 * past participle right after the noun of a prepositional phrase that opens the sentence or
 * follows a comma describes that noun (a writing, remarks); the phrase has no subject to report,
 * and the cue is the main clause's verb. (Not after a word that may open a clause with a subject,
 * `After campaign aides insisted ...`, `As the paper noted, ...`.)
 */
function participleOnAdjunct(tokens: Token[], i: number): boolean {
  if (!/\p{Ll}(ed|en|wn)$/u.test(tokens[i].text) || tokens[i - 1]?.pos !== 'NOUN' || tokens[i - 1].quote >= 0) return false;
  let k = i - 1;
  while (k > 0 && k > i - 6 && tokens[k - 1].quote < 0 && (/^(NOUN|ADJ|DET|NUM)$/.test(tokens[k - 1].pos) || /^(his|her|its|their|our|['’]s)$/.test(tokens[k - 1].lower))) k--;
  const adp = tokens[k - 1];
  if (adp === undefined || !PLAIN_PREPOSITIONS.has(adp.lower) || adp.quote >= 0) return false;
  return opensSentence(tokens, k - 1) || tokens[k - 2]?.text === ',';
}

/**
 * `The Millbrook Courier reports that ...`, `The Times reports:`: a noun-like form right after a
 * proper name and before `that` or a colon is the name's verb.
 */
function namedSubjectBefore(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (next === undefined || prev === undefined || prev.quote >= 0 || !/s$/.test(tokens[i].lower)) return false;
  if ((next.lower === 'that' || next.text === ':') && prev.pos === 'PROPN') return true;
  // (`The website states that riders ...`: so after a singular noun, when a clause opens after
  // the `that` with a subject; not a plural and its relative clause, `member states that
  // signed`.)
  const opens = /^(DET|PRON|PROPN|NOUN|ADJ|NUM)$/.test(tokens[i + 2]?.pos ?? '') && tokens[i + 2].quote < 0;
  return next.lower === 'that' && prev.pos === 'NOUN' && !/s$/.test(prev.lower) && /^\p{Ll}/u.test(prev.text) && opens;
}

/**
 * `All those involved say/NOUN the issue is complex`: a noun-like form of `say` or `tell`
 * between a subject (a noun, a name, an adjective or a subject pronoun) and the opening of a
 * clause (`that`, a subject pronoun, or a determiner with a verb a few words on) is the verb.
 */
function clauseAfterSubject(tokens: Token[], i: number): boolean {
  if (!/^(say|says)$/.test(tokens[i].lower)) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !next || prev.quote >= 0 || next.quote >= 0) return false;
  if (!/^(NOUN|PROPN|ADJ)$/.test(prev.pos) && !/^(they|we|i|you)$/.test(prev.lower)) return false;
  if (next.lower === 'that' || /^(he|she|they|it|we|i|you)$/.test(next.lower)) return true;
  // (`what officials say is the busiest day`, `deaths that police say were accidents`: in a
  // relative clause, the verb of the clause the relative word stands in follows at once.)
  if ((next.pos === 'AUX' || next.pos === 'VERB' && !next.lower.endsWith('ing')) && /^\p{Ll}/u.test(next.text) && relativeBefore(tokens, i)) return true;
  if (next.pos !== 'DET') return false;
  for (let x = i + 2; x < tokens.length && x <= i + 5; x++) {
    if (tokens[x].quote >= 0) return false;
    if (tokens[x].pos === 'VERB' || tokens[x].pos === 'AUX') return !tokens[x].lower.endsWith('ing');
    if (!/^(NOUN|PROPN|ADJ|NUM)$/.test(tokens[x].pos)) return false;
  }
  return false;
}

/** `what officials say`, `that the police say`: a relative word, then a short subject, before token `i`. */
function relativeBefore(tokens: Token[], i: number): boolean {
  for (let x = i - 1; x >= 0 && x >= i - 5; x--) {
    const t = tokens[x];
    if (t.quote >= 0) return false;
    if (/^(what|that|which|who)$/.test(t.lower)) return x < i - 1;
    if (!/^(NOUN|PROPN|ADJ|DET|NUM)$/.test(t.pos)) return false;
  }
  return false;
}

/**
 * `“...,” Bozell notes.`: after a quotation and a short subject, a noun-like form that ends the
 * clause is a cue.
 */
function closesAfterQuote(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (next && !/^[.,;:!?]$/.test(next.text)) return false;
  let p = i - 1;
  let n = 0;
  while (p >= 0 && n < 6 && tokens[p].quote < 0 && /^(PROPN|NOUN|ADJ|DET|PRON)$/.test(tokens[p].pos)) { p--; n++; }
  if (n === 0) return false;
  if (tokens[p]?.text === ',') p--;
  return p >= 0 && tokens[p].quote >= 0 && /^[”"»]$/.test(tokens[p].text);
}

/** `“...,” notes Espinos`: right after a quotation and before its source, a noun-like form is a cue. */
function invertedAfterQuote(tokens: Token[], i: number): boolean {
  let p = i - 1;
  if (tokens[p]?.text === ',') p--;
  const prev = tokens[p];
  const next = tokens[i + 1];
  if (!prev || prev.quote < 0 || tokens[p + 1]?.quote >= 0 || !next || next.quote >= 0) return false;
  if (!/^[”"»]$/.test(prev.text)) return false;
  return next.pos === 'PROPN' || next.pos === 'DET' || /^\p{Lu}/u.test(next.text);
}

/** `is promising lower taxes`: an `-ing` word right after `is`, `are`, `was` or `were`, an object or a clause after it. */
function progressiveWithObject(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !next || prev.quote >= 0 || !/^(is|are|was|were)$/.test(prev.lower)) return false;
  if (next.quote >= 0) return /^[“"]$/.test(next.text);
  return next.lower === 'that' || /^(DET|NOUN|PROPN|NUM)$/.test(next.pos) || next.pos === 'ADJ' && /^(NOUN|PROPN)$/.test(tokens[i + 2]?.pos ?? '');
}
