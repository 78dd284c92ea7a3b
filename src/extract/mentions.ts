/**
 * Mentions: proper-name runs (people and organisations, with the titles in front of them),
 * pronouns and descriptive noun phrases (`the US president`, `a spokesperson for Health
 * Canada`). Attribution asks this stage for the phrase next to a cue; coreference asks it
 * for every name in the article.
 */
import type { Doc, Token } from './document.js';
import { INSTITUTION_POSSESSIONS, NOT_NAMES, ONE_WORD_ORGS, ORG_WORDS, PERSON_NOUNS, SUBJECT_PRONOUNS, TITLES, WRITINGS, PLACES, cueSense, isDemonym, isFirstName, isPlaceName } from './lexicon.js';

export type MentionKind = 'name' | 'pronoun' | 'description';

/** Every mention is made by `newMention` or `changedMention`, with every field present in one order: one shape keeps V8's compiled readers of mentions on one map. */
export interface Mention {
  kind: MentionKind;
  /** Token range of the whole phrase (titles and modifiers included). */
  first: number;
  last: number;
  /** Token range the speaker span rests on: the name for names, the phrase otherwise. */
  coreFirst: number;
  coreLast: number;
  /** Head word, lower-cased (`president`, `he`, `mamdani`). */
  head: string;
  /** Plural (`officials`, `they`). */
  plural: boolean;
  /** Indefinite (`a spokesperson`): introduces a new source, never an earlier one. */
  indefinite: boolean;
  /** Coordinated names (`Ivo Marren and Dela Kosti said`): the run index of each, in order. */
  members: number[] | null;
  /**
   * `Beck, who said`: the relative pronoun (-1 for none) that is the clause's own subject and
   * stands for this phrase. The speaker's mention then runs from the phrase to it, since either
   * may be taken for the words the attribution rests on.
   */
  relative: number;
  /** `Brant and his deputy`: a description coordinated with a phrase before it, one source. */
  coordinated: boolean;
}

/** What says what a mention is; `newMention` adds the rest. */
export type MentionCore = Pick<Mention, 'kind' | 'first' | 'last' | 'coreFirst' | 'coreLast' | 'head' | 'plural' | 'indefinite'>;

/** A mention of no coordinated names, relative pronoun (-1) or coordinated description. */
export function newMention(c: MentionCore): Mention {
  return {
    kind: c.kind, first: c.first, last: c.last, coreFirst: c.coreFirst, coreLast: c.coreLast, head: c.head, plural: c.plural, indefinite: c.indefinite,
    members: null, relative: -1, coordinated: false,
  };
}

/** A copy of `m` with `changes` (made anew: a spread would give the copy a shape of its own). */
export function changedMention(m: Mention, changes: Partial<Mention>): Mention {
  const copy: Mention = {
    kind: m.kind, first: m.first, last: m.last, coreFirst: m.coreFirst, coreLast: m.coreLast, head: m.head, plural: m.plural, indefinite: m.indefinite,
    members: m.members, relative: m.relative, coordinated: m.coordinated,
  };
  return Object.assign(copy, changes);
}

/** Every run has all its fields, in this order: one shape keeps V8's compiled readers of runs on one map. */
export interface NameRun {
  /** Whole run, titles included. */
  first: number;
  last: number;
  /** The name proper, titles excluded. */
  nameFirst: number;
  nameLast: number;
  org: boolean;
  /** A capitalised common noun opening its sentence (`Polls show ...`): a description, no name. */
  common: boolean;
  /** Evidence that it is a person: a known first name or a person title before it. */
  personal: boolean;
}

const UPPER = /^[A-ZÀ-ÖØ-Þ]/;
/** `UPPER.test(text)` read from the first code unit (capitalised asks it of every token). */
function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 0x41 && c <= 0x5a || c >= 0xc0 && c <= 0xd6 || c >= 0xd8 && c <= 0xde;
}
/** First words of place names: `New York`, `North Carolina`, `San Jose`. */
const PLACE_PREFIXES = /^(new|north|south|east|west|united|great|saudi|san|los|las|santa|fort)$/;
const PARTICLES = new Set(['de', 'del', 'della', 'di', 'da', 'van', 'von', 'der', 'den', 'bin', 'al', 'el', 'la', 'le', 'du', 'dos', 'das', 'ter', 'ten', 'st.']);

function capitalised(t: Token): boolean {
  return startsUpper(t.text) && t.pos !== 'PUNCT' && !NOT_NAMES.has(t.lower) && !/^i['’]/.test(t.lower) && !/^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/.test(t.lower);
}

/** A token that can start or continue a proper name. */
function nameToken(doc: Doc, t: Token, inRun: boolean, known?: Set<string>): boolean {
  // A word the article has already used as a person's name is that name wherever it stands,
  // whatever the tagger reads (`Lynch/VERB said ...` after `Loretta E. Lynch`).
  if (known !== undefined && known.has(t.text)) return true;
  // After an honorific anything capitalised is the name, whatever its tag or other readings
  // (`Mr. Hemming`, `Ms. May`).
  const before = doc.tokens[t.i - 1];
  if (inRun && before && HONORIFICS.has(before.lower) && UPPER.test(t.text) && t.pos !== 'PUNCT') return true;
  // After a known first name, a month that is also a surname is the surname, whatever its tag
  // (`Greta May/AUX said`), unless a date's day follows (`Ann May 3`).
  if (inRun && before && MONTH_SURNAMES.has(t.text) && isFirstName(before.text) && !/^\d/.test(doc.tokens[t.i + 1]?.text ?? '')) return true;
  if (!capitalised(t)) return false;
  if (t.pos === 'PROPN') return true;
  // Acronyms (`BC Hydro`, `RCMP`) are names wherever they stand.
  if (/^[A-Z]{2,}$/.test(t.text)) return true;
  if (!inRun) {
    // wink tags some first names as verbs or adjectives (`Josh/VERB Smith`): a known first name
    // followed by another capitalised word starts a name whatever its tag.
    const next = doc.tokens[t.i + 1];
    if (t.pos !== 'AUX' && next && next.para === t.para && next.space && capitalised(next) && isFirstName(t.text)
      && (next.pos === 'PROPN' || next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'X')) return true;
    // Outside a run, a capitalised non-PROPN word is a name only mid-sentence (not the
    // sentence's first word) and not a function word; a verb reading only before a noun
    // (`said Concord/VERB resident Whit Symms`), since verbs are capitalised only at the start.
    const prev = doc.tokens[t.i - 1];
    if (prev === undefined || prev.para !== t.para || /^[.!?“"‘:]$/.test(prev.text)) return false;
    if (t.pos === 'VERB') return !cueSense(t.lower) && next !== undefined && next.space && (next.pos === 'NOUN' || next.pos === 'PROPN');
    return t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'X';
  }
  // After an honorific anything capitalised is the name, whatever its tag (`Mr. Hemming`).
  const prev = doc.tokens[t.i - 1];
  if (prev && HONORIFICS.has(prev.lower)) return true;
  // A capitalised word the tagger reads as a verb, right after a proper noun, is the name's
  // next word (`Lian Pan/VERB`), unless it is a reporting verb (`Ferris Says`).
  if (t.pos === 'VERB' && prev?.pos === 'PROPN' && !cueSense(t.lower)) return true;
  return t.pos !== 'VERB' && t.pos !== 'AUX' && t.pos !== 'ADP' && t.pos !== 'CCONJ' && t.pos !== 'DET' && t.pos !== 'PRON';
}

const MONTH_SURNAMES = new Set(['May', 'June', 'April', 'August', 'March']);

const HONORIFICS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr', 'prof.', 'sen.', 'rep.', 'gov.', 'gen.', 'rev.', 'sgt.', 'lt.', 'capt.', 'col.', 'supt.', 'insp.', 'const.']);

/**
 * Every proper-name run in the document, in order. A second pass, when needed, picks up the
 * words of people's names the first pass saw elsewhere in the article but missed here
 * because of a tag or the word's place in its sentence.
 */
export function findNameRuns(doc: Doc): NameRun[] {
  const lowercase = lowercaseWords(doc);
  const runs = nameRunsWith(doc, lowercase, undefined);
  const known = personNameWords(doc, runs, lowercase);
  if (known.size === 0) return withSentenceInitialWords(doc, runs);
  const covered = new Uint8Array(doc.tokens.length);
  for (const r of runs) covered.fill(1, r.first, r.last);
  const missed = doc.tokens.some((t) => covered[t.i] === 0 && known.has(t.text));
  return withSentenceInitialWords(doc, missed ? nameRunsWith(doc, lowercase, known) : runs);
}

/**
 * `Walk Lakeside, the group that organized the event, said`: a sentence's first word, left out
 * of a name because the article also writes it in lower case (`the walk`), belongs to the
 * name after it when the article writes the two together elsewhere, inside a sentence.
 */
function withSentenceInitialWords(doc: Doc, runs: NameRun[]): NameRun[] {
  const tokens = doc.tokens;
  const names = new Set<string>();
  for (const r of runs) if (r.nameLast - r.nameFirst >= 2 && r.first === r.nameFirst && !sentenceInitial(tokens, r.first)) names.add(doc.slice(r.nameFirst, r.nameLast));
  if (names.size === 0) return runs;
  return runs.map((r, k) => {
    const w = r.first - 1;
    const before = tokens[w];
    if (!before || r.first !== r.nameFirst || r.common || !sentenceInitial(tokens, w) || !capitalised(before) || before.para !== tokens[r.first].para || before.quote !== tokens[r.first].quote) return r;
    if (k > 0 && runs[k - 1].last > w) return r;
    if (!names.has(doc.slice(w, r.nameLast))) return r;
    return classify(doc, w, r.last);
  });
}

/**
 * Surnames and given names of the people the article names in full (a run of two or more
 * words that is neither an organisation nor a place), except words the article also writes
 * in lower case.
 */
function personNameWords(doc: Doc, runs: NameRun[], lowercase: Set<string>): Set<string> {
  const known = new Set<string>();
  const tokens = doc.tokens;
  for (const r of runs) {
    if (r.org || r.nameLast - r.nameFirst < 2) continue;
    const surname = tokens[r.nameLast - 1];
    const given = tokens[r.nameFirst];
    const newSurname = !known.has(surname.text) && surname.text.length > 1 && /^\p{Lu}\p{L}+$/u.test(surname.text) && !lowercase.has(surname.lower);
    const newGiven = !known.has(given.text) && !lowercase.has(given.lower) && isFirstName(given.text);
    if (!newSurname && !newGiven) continue;
    const words: string[] = [];
    for (let k = r.nameFirst; k < r.nameLast; k++) words.push(tokens[k].lower);
    if (isPlaceName(words)) continue;
    if (newSurname) known.add(surname.text);
    if (newGiven) known.add(given.text);
  }
  return known;
}

/**
 * Words the article itself writes in lower case: capitalised at a sentence start they are
 * ordinary words (`Emails obtained by ...`, `Even Veterans Affairs ...`), not names.
 */
function lowercaseWords(doc: Doc): Set<string> {
  const lowercase = new Set<string>();
  for (const t of doc.tokens) {
    const c = t.text.charCodeAt(0);
    if (c >= 97 && c <= 122 || c > 127 && t.text[0] !== t.text[0].toUpperCase()) lowercase.add(t.text);
  }
  return lowercase;
}

function nameRunsWith(doc: Doc, lowercase: Set<string>, known: Set<string> | undefined): NameRun[] {
  const tokens = doc.tokens;
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameToken(doc, tokens[i], false, known)) { i++; continue; }
    // (Nor is a role noun standing alone there: `Opponents argued ...`, `Officials said ...`.)
    const alone = !nameToken(doc, tokens[i + 1] ?? tokens[i], true) || tokens[i + 1]?.para !== tokens[i].para;
    // (`New York`, `North Carolina`: a place's first word is no ordinary word there.)
    const placeStart = PLACE_PREFIXES.test(tokens[i].lower) && !alone;
    // (`Environment and Climate Change Canada said`: a word the article also writes in lower case
    // still opens an institution's name that goes on through `and` to its institution word.)
    if (!known?.has(tokens[i].text) && !placeStart && sentenceInitial(tokens, i) && !isFirstName(tokens[i].text) && !TITLES.has(tokens[i].lower)
      && (lowercase.has(tokens[i].lower) || alone && isRoleNoun(tokens[i].lower))
      && !(tokens[i + 1]?.lower === 'and' && institutionContinues(tokens, i, i + 1))) { i++; continue; }
    if (alone && !known?.has(tokens[i].text) && !placeStart && sentenceInitial(tokens, i) && !isFirstName(tokens[i].text) && pluralOfLowercase(tokens[i].lower, lowercase)) {
      runs.push({ first: i, last: i + 1, nameFirst: i, nameLast: i + 1, org: false, common: true, personal: false });
      i++;
      continue;
    }
    const first = i;
    let j = i + 1;
    let forName = false;
    while (j < tokens.length && tokens[j].para === tokens[first].para) {
      const t = tokens[j];
      const glued = !t.space;
      if ((t.text === '-' || t.text === '‑') && glued && j + 1 < tokens.length && !tokens[j + 1].space) { j += 2; continue; }
      if (glued && t.pos !== 'PUNCT' && tokens[j - 1].text !== '’s' && t.lower !== '’s' && t.lower !== "'s" && /^[\p{L}]/u.test(t.text)) { j++; continue; }
      // (A combining mark opens no word: it belongs to the one before, space or not, as in the
      // mojibake `SÃ©golÃ ̈ne`.)
      if (glued && mojibakeTail(tokens[j - 1].text, t.text) || /^\p{M}/u.test(t.text)) { j++; continue; }
      if (PARTICLES.has(t.lower) && j + 1 < tokens.length && capitalised(tokens[j + 1])) { j += 1; continue; }
      // `Secretary of State Ada Brill`, `Ministry of Transport`, `University of Toronto`: `of`
      // after a capitalised title or institution word continues the name.
      // (The word after it is part of the name whatever the tagger reads: `Regional Union of
      // Operating Crews`, not a run ending in `of`.)
      if (t.lower === 'of' && j + 1 < tokens.length && capitalised(tokens[j + 1]) && tokens[j + 1].para === t.para && tokens[j + 1].quote === t.quote
        && (TITLES.has(tokens[j - 1].lower) || ORG_WORDS.has(tokens[j - 1].lower)) && !/^(the|a|an)$/.test(tokens[j + 1].lower)) { j += 2; continue; }
      // `Centers for Disease Control`, `Club for Growth`: `for` after an institution word too;
      // and in such a name, `and` before a capitalised word that is no given name or place
      // (`Organization for Economic Cooperation and Development`).
      if (t.lower === 'for' && j + 1 < tokens.length && capitalised(tokens[j + 1]) && tokens[j + 1].para === t.para && tokens[j + 1].quote === t.quote
        && institutionWord(tokens[j - 1].lower) && !/^(the|a|an)$/.test(tokens[j + 1].lower)) { forName = true; j += 1; continue; }
      if (forName && t.lower === 'and' && j + 1 < tokens.length && capitalised(tokens[j + 1]) && tokens[j + 1].para === t.para && tokens[j + 1].quote === t.quote
        && !isFirstName(tokens[j + 1].text) && !isPlaceName([tokens[j + 1].lower]) && !NOT_NAMES.has(tokens[j + 1].lower)) { j += 1; continue; }
      // `Procter & Gamble`, `AT&T`.
      if (t.text === '&' && j + 1 < tokens.length && capitalised(tokens[j + 1]) && tokens[j + 1].para === t.para) { j += 1; continue; }
      // `Securities and Exchange Commission`, `Health and Human Services`: `and` inside an
      // institution's name (never between two people: no first name before it).
      if (t.lower === 'and' && institutionContinues(tokens, first, j)) { j += 1; continue; }
      if (nameToken(doc, t, true, known)) { j++; continue; }
      break;
    }
    // A lone capitalised word for a group of people (`Democrats`, `Mexicans`, `Readers`) or a
    // title standing alone (`Senator`) is a description, not a name; but not the surname of a
    // person the article names in full (`Howard Dean ... Dean said`).
    if (j - first === 1 && (isGroupWord(tokens[first].lower) || TITLES.has(tokens[first].lower.replace(/\.$/, '')) && !known?.has(tokens[first].text))) { i = j; continue; }
    runs.push(classify(doc, first, j));
    i = j;
  }
  return runs;
}

/**
 * `FranÃ§ois`, `PeÃ±a`: an accented letter whose UTF-8 bytes were read as Latin-1 or Windows-1252
 * is a lead character (`Ã`, `Â`) and a continuation character the tokenizer splits off as a
 * symbol (`§`, `±`, `©`, `‰`); the word goes on through it.
 */
function mojibakeTail(before: string, text: string): boolean {
  const c = text.charCodeAt(0);
  if (!(c >= 0x80 && c <= 0xbf || CP1252_CONTINUATIONS.includes(text[0]))) return false;
  // (The lead may stand decomposed, `A` and a combining tilde, as a text normalised to NFD has it.)
  const composed = before.normalize('NFC');
  const lead = composed.charCodeAt(composed.length - 1);
  return lead >= 0xc2 && lead <= 0xdf;
}
/** Windows-1252's characters for the bytes 0x80-0x9f, which continue a mis-read UTF-8 letter. */
const CP1252_CONTINUATIONS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** After `and` at token `and`, capitalised words up to an institution word, and no first name before. */
function institutionContinues(tokens: Token[], first: number, and: number): boolean {
  for (let k = first; k < and; k++) if (isFirstName(tokens[k].text)) return false;
  for (let k = and + 1; k < tokens.length && k <= and + 3; k++) {
    if (!capitalised(tokens[k]) || tokens[k].para !== tokens[and].para) return false;
    if (ORG_WORDS.has(tokens[k].lower) || INSTITUTION_ENDS.has(tokens[k].lower)) return true;
  }
  return false;
}

/**
 * Last words of institutions' names that join two parts with `and` (`Immigration and Customs
 * Enforcement`, `Sport and Ice Complex`): what such an office or place does or is, not an
 * organisation word on its own.
 */
const INSTITUTION_ENDS = new Set(`services affairs commission department security enforcement prevention
 development protection research procurement culture wildlife complex library museum directorate
 technology sciences resources`.split(/\s+/).filter(Boolean));

/**
 * An institution's word before `for`, singular or plural: `Center for ...`, `Centers for Disease
 * Control`, `Institutes for ...`.
 */
function institutionWord(lower: string): boolean {
  if (ORG_WORDS.has(lower)) return true;
  if (!lower.endsWith('s') || lower.endsWith('ss')) return false;
  return ORG_WORDS.has(lower.slice(0, -1)) || lower.endsWith('ies') && ORG_WORDS.has(lower.slice(0, -3) + 'y');
}

/**
 * `Polls show ...`, `Airstrikes hit ...`: a capitalised plural whose singular the article writes
 * in lower case (`poll`, `airstrike`) is the common noun, not a name.
 */
function pluralOfLowercase(lower: string, lowercase: Set<string>): boolean {
  if (lower.length < 4 || !lower.endsWith('s') || lower.endsWith('ss')) return false;
  return lowercase.has(lower.slice(0, -1)) || lower.endsWith('es') && lowercase.has(lower.slice(0, -2))
    || lower.endsWith('ies') && lowercase.has(lower.slice(0, -3) + 'y');
}

/** A common noun for a person or group of people: `officials`, `opponents`, `residents`. */
function isRoleNoun(lower: string): boolean {
  return PERSON_NOUNS.has(lower);
}

function sentenceInitial(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev === undefined || prev.para !== tokens[i].para || /^[.!?“"‘:]$/.test(prev.text);
}

function isGroupWord(lower: string): boolean {
  if (!lower.endsWith('s') || lower.length < 4) return false;
  const one = lower.slice(0, -1);
  return PERSON_NOUNS.has(lower) && PERSON_NOUNS.has(one) || isDemonym(one);
}

function classify(doc: Doc, first: number, last: number): NameRun {
  const tokens = doc.tokens;
  let nameFirst = first;
  for (let k = first; k < last - 1; k++) {
    // Titles in front of the name are not part of it: `Education Minister Nell Oduya`.
    // (Not a word that an institution's `for` follows: `Center for Responsive Politics`.)
    if (tokens[k + 1].lower === 'for') continue;
    if (TITLES.has(tokens[k].lower.replace(/\.$/, '')) || TITLES.has(tokens[k].lower)) nameFirst = k + 1;
  }
  // `State Ada Brill` (the tail of `Secretary of State`), `Republican Olin Ferris`, a photo
  // credit's `Getty Images Kevin Tarrow`: a first name after other capitalised words starts
  // the name.
  if (!isFirstName(tokens[nameFirst].text)) {
    for (let k = nameFirst + 1; k < last - 1; k++) {
      // (Not inside a place's name, `New York Post`, nor a particle, `Samira Al Tahan`.)
      if (isFirstName(tokens[k].text) && (tokens[k].pos === 'PROPN' || DEPARTMENT_WORDS.has(tokens[k - 1].lower)) && !PARTICLES.has(tokens[k - 1].lower)
        && !PLACE_PREFIXES.test(tokens[k - 1].lower) && !PARTICLES.has(tokens[k].lower)) { nameFirst = k; break; }
    }
  }
  // `Miss Universe`, `Mr. Olympia`, `Miss Canada`: a courtesy title before one word that is a
  // pageant's, or `Miss` before a country's, is the name's own first word, not a title before a
  // surname (`Mr. English`, `Mr. Jordan` are surnames).
  if (nameFirst === last - 1 && nameFirst > first && COURTESY_TITLES.has(tokens[nameFirst - 1].lower)
    && (PAGEANT_WORDS.has(tokens[nameFirst].lower) || tokens[nameFirst - 1].lower === 'miss' && PLACES.has(tokens[nameFirst].lower))) nameFirst--;
  // `CEO of Harbor Works`: a title's `of` phrase names an institution, and the title is not its
  // (it belongs to whoever holds it); `of` is no word of the name. (`Secretary of State Brill`:
  // an office's department word before a name is the title's.)
  let ofTitle = false;
  if (nameFirst < last - 1 && tokens[nameFirst].lower === 'of') {
    nameFirst++;
    if (nameFirst < last - 1 && DEPARTMENT_WORDS.has(tokens[nameFirst].lower)) nameFirst++;
    else ofTitle = true;
  }
  let org = false;
  let acronym = false;
  for (let k = nameFirst; k < last; k++) {
    // (`Hogan & Hartson`, `Procter & Gamble`: firms, whatever first names they hold.)
    // (`Centers for Disease Control`: only an institution's word lets `for` into a name.)
    if (ORG_WORDS.has(tokens[k].lower) || tokens[k].text === '&' || tokens[k].lower === 'for') org = true;
    if ((/^[A-Z]{2,}$/.test(tokens[k].text) || /^([A-Z]\.){2,}$/.test(tokens[k].text)) && !/^(II|III|IV|JR|SR)$/.test(tokens[k].text)) acronym = true;
    // (`TechCrunch`, `TransLink`: a capital inside one word marks a brand, not a person.)
    if (/^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(tokens[k].text) && !/^(Mc|Mac|De|Di|La|Le|Van|Von|O)\p{Lu}/u.test(tokens[k].text)) acronym = true;
  }
  // A role noun right before the run titles it too: `Foreign Ministry spokesperson Mei Tan`.
  const before = tokens[first - 1];
  const roleBefore = before !== undefined && before.para === tokens[first].para && /^\p{Ll}/u.test(before.text) && TITLES.has(before.lower);
  const titled = nameFirst > first && !ofTitle || roleBefore && last - nameFirst >= 1 && !ORG_WORDS.has(tokens[last - 1].lower);
  const personal = titled || isFirstName(tokens[nameFirst].text);
  if (acronym && !personal) org = true;
  // `Twitter said`, `Politico’s Ben Schreckinger`: a single word that names an organisation,
  // or whose possessive holds what organisations have (reporters, users, a website).
  if (!personal && last - nameFirst === 1) {
    const poss = tokens[last];
    const owned = poss && (poss.lower === '’s' || poss.lower === "'s") && tokens[last + 1] && INSTITUTION_POSSESSIONS.has(tokens[last + 1].lower);
    if (ONE_WORD_ORGS.has(tokens[nameFirst].lower) || owned) org = true;
  }
  if (personal && !org) org = false;
  return { first, last, nameFirst, nameLast: last, org: org && !(titled && !ORG_WORDS.has(tokens[last - 1].lower)), common: false, personal };
}

const COURTESY_TITLES = new Set(['miss', 'mr', 'mr.', 'mister', 'mrs', 'mrs.', 'ms', 'ms.']);
/** Words that follow a courtesy title in the names of pageants' and contests' titles. */
const PAGEANT_WORDS = new Set(['universe', 'world', 'earth', 'international', 'olympia', 'teen', 'supranational', 'grand']);

/** Last words of office names that run into the holder's name: `Secretary of State Ada Brill`. */
const DEPARTMENT_WORDS = new Set(['state', 'defense', 'defence', 'health', 'justice', 'finance', 'security', 'affairs', 'treasury', 'education', 'transport', 'transportation', 'energy', 'labor', 'labour', 'interior', 'commerce', 'agriculture', 'environment', 'immigration', 'house', 'staff', 'general']);

/** Days, which end a noun phrase: `said the head of the union Monday`. */
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight']);

/**
 * Days, months and other words of time, which a role's complement does not take in: `said a
 * spokesman on Monday` ends at the role. (Not clauses.ts TIME_WORDS, which has the adverbs of
 * time a cue's clause may open with, and no months.)
 */
const COMPLEMENT_TIMES = new Set([...DAYS, ...`morning afternoon evening night week month year weekend time january
 february march april may june july august september october november december`.split(/\s+/).filter(Boolean)]);

/**
 * `the dockers’ union`, `the teachers' union`: an apostrophe glued to a plural noun, with a word
 * after it, is the plural's possessive (not a closing quotation mark, which belongs to a span).
 */
function pluralPossessive(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return t !== undefined && (t.text === '’' || t.text === "'") && t.quote < 0 && !t.space && before !== undefined && /s$/i.test(before.text)
    && after !== undefined && after.space && after.para === t.para && /^\p{L}/u.test(after.text);
}


const DEGREE_ADVERBS = new Set(['most', 'more', 'least', 'less', 'very', 'highly', 'widely', 'well', 'best', 'so', 'too', 'increasingly']);
const NP_ADP = new Set(['of', 'for', 'at', 'from', 'with', 'in', 'on']);
const POSSESSIVE = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

const QUANTIFIERS = /^(one|some|many|most|several|two|three|four|five|each|all)$/;

/** Prepositions of place that can follow a person's noun: `protesters outside the embassy`. */
const LOCATIVES = new Set(['across', 'near', 'outside', 'inside', 'behind', 'beside', 'around', 'among']);

/** `the players`, `his colleagues`: the end of a plural noun phrase of people starting at `k`, or -1. */
function groupOfPeople(doc: Doc, k: number, max: number): number {
  const tokens = doc.tokens;
  if (tokens[k] && (tokens[k].pos === 'DET' || POSSESSIVE.has(tokens[k].lower))) k++;
  for (let e = k; e < max && e < k + 4; e++) {
    if (isPersonNoun(tokens[e]) && /s$/.test(tokens[e].lower)) return e + 1;
    if (!isNominal(tokens[e])) return -1;
  }
  return -1;
}

/** A noun for a person or people: a known role, or an agent noun (`narrator`, `economist`). */
function isPersonNoun(t: Token): boolean {
  return PERSON_NOUNS.has(t.lower) || t.pos === 'NOUN' && /(er|or|ist|ian|ant|ent|man|men|woman|women|person|people)s?$/.test(t.lower)
    || t.lower.endsWith('s') && isDemonym(t.lower.slice(0, -1));
}

/**
 * The noun phrase's word at `k` names a person, alone or as the end of a hyphenated compound
 * that starts with one (`sergeant-at-arms`, `editor-in-chief`).
 */
function personNounAt(tokens: Token[], k: number): boolean {
  if (isPersonNoun(tokens[k])) return true;
  let f = k;
  while (f - 2 >= 0 && (tokens[f - 1].text === '-' || tokens[f - 1].text === '‑') && !tokens[f - 1].space && !tokens[f].space) f -= 2;
  return f < k && isPersonNoun(tokens[f]);
}

function isNominal(t: Token): boolean {
  return t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || (t.pos === 'ADJ') || (capitalised(t) && t.pos !== 'VERB' && t.pos !== 'AUX');
}

/**
 * The subject phrase that ends just before token `end` (exclusive), not reaching before `min`:
 * the speaker of `... the US president said`.
 */
export function phraseBefore(doc: Doc, end: number, min: number, runs: RunIndex, slot = false): Mention | null {
  const tokens = doc.tokens;
  /** First token of a person's name run standing before `k` across `of/at/with ... ORG`, or -1. */
  const personBeforeAffiliation = (k: number): number => {
    for (let hops = 0; hops < 3; hops++) {
      if (k - 1 >= min && (tokens[k - 1].pos === 'DET' || tokens[k - 1].lower === 'the')) k--;
      const adp = tokens[k - 1];
      if (!adp || k - 2 < min || !NP_ADP.has(adp.lower) || adp.quote >= 0) return -1;
      const r = runs.at[k - 2];
      if (r >= 0 && !runs.runs[r].org && (runs.runs[r].personal || runs.runs[r].nameLast - runs.runs[r].nameFirst >= 2)) return Math.max(min, runs.runs[r].nameFirst);
      // Walk back over another nominal phrase (`the University` in `... at the University of Millbrook`).
      let m = k - 1;
      while (m - 1 >= min && m > k - 7 && tokens[m - 1].quote < 0 && isNominal(tokens[m - 1]) && tokens[m - 1].pos !== 'ADJ') m--;
      if (m === k - 1) return -1;
      k = m;
    }
    return -1;
  };
  /**
   * The person's noun that heads a chain of up to three prepositional phrases ending with the
   * preposition at `adp` (`people with knowledge of`, `the owner of the bakery across`), or -1.
   */
  const personOverPrepositions = (adp: number): number => {
    let k = adp;
    for (let hops = 0; hops < 3; hops++) {
      if (k - 1 < min || !(NP_ADP.has(tokens[k].lower) || LOCATIVES.has(tokens[k].lower)) || tokens[k].quote >= 0) return -1;
      const h = k - 1;
      if (tokens[h].quote >= 0) return -1;
      // (Not a word that only ends like an agent's, `extent`, `statement`.)
      if (personNounAt(tokens, h) && (PERSON_NOUNS.has(tokens[h].lower) || !/(ent|ant)s?$/.test(tokens[h].lower))) return h;
      // Over another noun phrase (`knowledge` in `people with knowledge of the matter`).
      let q = h;
      while (q >= min && q > h - 4 && tokens[q].quote < 0 && /^(NOUN|ADJ|NUM)$/.test(tokens[q].pos)) q--;
      if (q === h || q < min) return -1;
      if (tokens[q].pos === 'DET' || POSSESSIVE.has(tokens[q].lower)) q--;
      k = q;
    }
    return -1;
  };
  let j = end - 1;
  // `Rep. Ada Fenwick (D-Vt.) said`: a parenthesis between name and cue.
  if (j > min && tokens[j].text === ')') {
    let k = j - 1;
    while (k > min && k > j - 12 && tokens[k].text !== '(') k--;
    if (tokens[k].text === '(') j = k - 1;
  }
  if (j < min) return null;
  const t = tokens[j];
  if (t.quote >= 0) return null;
  if (t.pos === 'PRON' && SUBJECT_PRONOUNS[t.lower]) return pronoun(t);
  const share = shareOfPronoun(tokens, j - 2, min);
  if (share) return share;
  // `Some said`, `Most agreed`: a quantifier standing alone for a group is an unnamed source.
  if (loneQuantifierAt(tokens, j) && j >= min) return newMention({ kind: 'description', first: j, last: j + 1, coreFirst: j, coreLast: j + 1, head: t.lower, plural: true, indefinite: true });
  // `Beck, who said ...`: the subject of a relative clause set off by a comma is the phrase
  // it hangs on. (Without the comma, `users who agreed to ...` is too often no report.)
  // (One hop only: `, who, who, ...` never recurses further.)
  if ((t.lower === 'who' || t.lower === 'which') && j - 1 > min && tokens[j - 1].text === ',' && !/^(who|which)$/.test(tokens[j - 2]?.lower ?? '')) {
    const antecedent = phraseBefore(doc, j - 1, min, runs);
    return antecedent ? changedMention(antecedent, { relative: j }) : null;
  }
  // `Residents, many of whom said ...`: a share of the group the clause hangs on speaks for it.
  if (t.lower === 'whom' && j - 3 > min && tokens[j - 1].lower === 'of' && (QUANTIFIERS.test(tokens[j - 2].lower) || LONE_QUANTIFIERS.test(tokens[j - 2].lower)) && tokens[j - 3].text === ',' && tokens[j - 2].quote < 0) {
    const antecedent = phraseBefore(doc, j - 3, min, runs);
    return antecedent && antecedent.kind !== 'pronoun' ? changedMention(antecedent, { relative: j - 2 }) : null;
  }
  if (!isNominal(t) && runs.at[j] < 0) return null;
  // Walk back over the noun phrase.
  let first = j;
  while (first - 1 >= min) {
    const p = tokens[first - 1];
    if (p.quote >= 0) break;
    // Inside one name run every word is part of the name, whatever its tag (`Josh/VERB Earnest`).
    if (runs.at[first - 1] >= 0 && runs.at[first - 1] === runs.at[first]) { first--; continue; }
    // `Ned Farrow with the Lakeside Water Authority says`, `Pia Landry at the University
    // of Millbrook says`: a person's name and where they work or come from.
    const person = personBeforeAffiliation(first);
    if (person >= 0) { first = person; continue; }
    // (`what officials say is ...`: a wh-word the tagger reads as a determiner is the relative
    // clause's, not the phrase's.)
    if ((p.pos === 'DET' || POSSESSIVE.has(p.lower)) && !/^(what|which|whatever)$/.test(p.lower)) {
      first--;
      // `a spokesperson for the ministry`: the determiner after a role noun's preposition.
      if (first - 2 >= min && NP_ADP.has(tokens[first - 1].lower) && personNounAt(tokens, first - 2)) { first--; continue; }
      // `the report by the Harbour Institute said`: a writing and its author after `by`.
      if (first - 2 >= min && tokens[first - 1].lower === 'by' && tokens[first - 1].quote < 0 && WRITINGS.has(tokens[first - 2].lower) && tokens[first - 2].quote < 0) { first--; continue; }
      // `people with knowledge of the matter`, `the owner of the bakery across the street`: a
      // person's noun before a chain of prepositional phrases heads them all.
      const owner = personOverPrepositions(first - 1);
      if (owner >= 0) { first = owner; continue; }
      // `One of the protesters`, `some of the residents`: a share of a group.
      if (first - 2 >= min && tokens[first - 1].lower === 'of' && QUANTIFIERS.test(tokens[first - 2].lower) && tokens[first - 2].quote < 0) { first -= 2; break; }
      // `a person familiar with the plans`, `a source close to the bidders`.
      if (first - 3 >= min && (NP_ADP.has(tokens[first - 1].lower) || tokens[first - 1].lower === 'to') && (tokens[first - 2].pos === 'ADJ' || tokens[first - 2].pos === 'ADV') && PERSON_NOUNS.has(tokens[first - 3].lower)) { first -= 2; continue; }
      break;
    }
    if (p.lower === '’s' || p.lower === "'s" || pluralPossessive(tokens, first - 1)) { first--; continue; }
    // `the state-run/VERB news agency`, `the Toronto-based/VERB firm`: before a role or common
    // noun, a word glued to the hyphen before it ends a compound, whatever its tag; the
    // hyphen's own step below takes the rest. (Before a name the name is the phrase: `A
    // teary-eyed Crane says`.)
    const h = tokens[first - 2];
    if (h && first - 2 > min && runs.at[j] < 0 && (h.text === '-' || h.text === '‑') && !h.space && h.quote < 0 && /^\p{L}/u.test(p.text)
      && /^[\p{L}\d]/u.test(tokens[first - 3].text) && !p.space) { first--; continue; }
    if ((p.text === '-' || p.text === '‑') && !p.space && !tokens[first].space) {
      // `state-run`: the word before a glued hyphen belongs to the compound whatever its tag.
      first--;
      if (first - 1 >= min && tokens[first - 1].quote < 0 && /^[\p{L}\d]/u.test(tokens[first - 1].text)) first--;
      continue;
    }
    if (NP_ADP.has(p.lower) && first - 2 >= min && personNounAt(tokens, first - 2)) { first--; continue; }
    // `the report by the Harbour Institute said`: a writing and its author after `by`.
    if (p.lower === 'by' && p.quote < 0 && first - 2 >= min && WRITINGS.has(tokens[first - 2].lower) && tokens[first - 2].quote < 0) { first--; continue; }
    if (NP_ADP.has(p.lower) || LOCATIVES.has(p.lower)) {
      const owner = personOverPrepositions(first - 1);
      if (owner >= 0) { first = owner; continue; }
    }
    // `the Oregon senator and Democratic presidential candidate`: two roles of one person.
    if (p.lower === 'and' && first - 2 >= min && isPersonNoun(tokens[first - 2]) && isPersonNoun(tokens[j]) && !/s$/.test(tokens[j].lower)) { first--; continue; }
    // `the most popular coach`, `a very old man`: a degree adverb before an adjective.
    if (p.pos === 'ADV' && tokens[first].pos === 'ADJ' && DEGREE_ADVERBS.has(p.lower)) { first--; continue; }
    // `the bearded, 58-year-old engineer`: coordinate adjectives.
    if (p.text === ',' && first - 2 >= min && tokens[first - 2].pos === 'ADJ' && tokens[first - 2].quote < 0 && (tokens[first].pos === 'ADJ' || tokens[first].pos === 'NUM')) { first--; continue; }
    if (isNominal(p) && p.pos !== 'ADJ' || p.pos === 'ADJ' || p.pos === 'NUM') {
      if (p.pos === 'PROPN' || p.pos === 'NOUN' || p.pos === 'ADJ' || p.pos === 'NUM' || capitalised(p)) { first--; continue; }
    }
    break;
  }
  // `The zoning board ruling allowing the tower said`, `a lawyer representing the family
  // said`: a phrase right after a participle that follows a noun is its object; the subject is
  // the noun phrase the participle hangs on.
  const part = tokens[first - 1];
  if (part && first - 2 >= min && part.pos === 'VERB' && /ing$/.test(part.lower) && part.quote < 0 && tokens[first - 2].quote < 0
    && (tokens[first - 2].pos === 'NOUN' || tokens[first - 2].pos === 'PROPN')) {
    const outer = phraseBefore(doc, first - 1, min, runs, slot);
    if (outer && outer.kind !== 'pronoun') return outer;
    // (When the phrase it hangs on is none a speaker can be, `The ruling allowing the tower
    // said`, the participle's object is no speaker either.)
    if (!outer) return null;
  }
  return coordinated(doc, describe(doc, first, j + 1, runs, slot), min, runs);
}

/** A person's name run: titled or opening with a given name, or a surname alone that the article gives someone in full. */
function personRun(doc: Doc, runs: RunIndex, r: number): boolean {
  const run = runs.runs[r];
  return !run.org && (run.personal || run.nameLast - run.nameFirst === 1 && fullNameSurnames(doc, runs).has(doc.tokens[run.nameFirst].text));
}

/**
 * A name run that can be one of several speakers named together: a person's name (a first name
 * or a title, two words or more, or a surname the article gives someone in full elsewhere) or
 * an organisation's, never a place.
 */
function memberRun(doc: Doc, runs: RunIndex, r: number): boolean {
  if (r < 0) return false;
  const run = runs.runs[r];
  const tokens = doc.tokens;
  const words: string[] = [];
  for (let k = run.nameFirst; k < run.nameLast; k++) words.push(tokens[k].lower);
  if (isPlaceName(words)) return false;
  if (run.personal || run.org || words.length >= 2) return true;
  return fullNameSurnames(doc, runs).has(tokens[run.nameFirst].text);
}

const surnamesOf = new WeakMap<RunIndex, Set<string>>();

/** Last words of the names of two words or more that are no organisation's (once per document). */
function fullNameSurnames(doc: Doc, runs: RunIndex): Set<string> {
  let set = surnamesOf.get(runs);
  if (!set) {
    set = new Set();
    for (const o of runs.runs) if (o.nameLast - o.nameFirst >= 2 && !o.org) set.add(doc.tokens[o.nameLast - 1].text);
    surnamesOf.set(runs, set);
  }
  return set;
}

/**
 * `Brant and his deputy said`, `the mayor and the engineer agreed`: a description after `and`
 * with a name or another description before it, the two opening their clause, is one source,
 * described by the whole phrase. (Not an object before the `and`: `police arrested the man and
 * his lawyer said`.)
 */
function coordinatedDescription(doc: Doc, m: Mention, min: number, runs: RunIndex): Mention {
  const tokens = doc.tokens;
  const and = tokens[m.first - 1];
  if (!and || and.text !== 'and' || and.quote >= 0 || m.first - 2 < min || tokens[m.first - 2].quote >= 0) return m;
  const left = phraseBefore(doc, m.first - 1, min, runs);
  if (!left || left.kind === 'pronoun' || left.last !== m.first - 1 || left.members) return m;
  if (left.kind === 'description' && !isPersonNoun(tokens[headOf(tokens, left)])) return m;
  const before = tokens[left.first - 1];
  const opens = left.first === min || !before || before.para !== tokens[left.first].para || /^[,:;—–]$/.test(before.text) || before.quote >= 0 && /^[”"]$/.test(before.text) && spokenBefore(tokens, left.first - 1);
  if (!opens) return m;
  // (`the former senator and current nominee`: a second role with no determiner of its own is
  // the same person's.)
  const one = !m.plural && !/^(DET|PRON)$/.test(tokens[m.first].pos) && !POSSESSIVE.has(tokens[m.first].lower);
  return changedMention(m, { first: left.first, coreFirst: left.first, plural: !one, indefinite: false, coordinated: true });
}

/** The quotation closing at `k` has a verb in it, as speech does (not a title: `“The Morning Show,”`). */
function spokenBefore(tokens: Token[], k: number): boolean {
  const q = tokens[k].quote;
  for (let x = k - 1; x >= 0 && x > k - 200 && tokens[x].quote === q; x--) if (tokens[x].pos === 'VERB' || tokens[x].pos === 'AUX') return true;
  return false;
}

function headOf(tokens: Token[], m: Mention): number {
  for (let k = m.last - 1; k >= m.first; k--) if (tokens[k].lower === m.head) return k;
  return m.last - 1;
}

/**
 * `Ivo Marren and Dela Kosti said`, `Smith, Jones and Brown said`: a name with other names
 * coordinated before it (back to `min`) is one source, all of them. (A description or a
 * pronoun before the `and` is no such source: `the mayor and Smith` stays Smith.)
 */
function coordinated(doc: Doc, m: Mention | null, min: number, runs: RunIndex): Mention | null {
  if (m && m.kind === 'description') return coordinatedDescription(doc, m, min, runs);
  if (!m || m.kind !== 'name') return m;
  const tokens = doc.tokens;
  const last = runs.at[m.coreLast - 1];
  // (Only when an `and` stands before the name, so that the common case costs nothing.)
  if (tokens[m.coreFirst - 1]?.text !== 'and' || last < 0 || runs.runs[last].nameFirst !== m.coreFirst || !memberRun(doc, runs, last)) return m;
  const members = [last];
  let k = m.coreFirst - 1;
  let sep = 'and';
  while (k - 1 >= min && tokens[k].quote < 0 && (sep === 'and' ? tokens[k].text === 'and' : tokens[k].text === ',')) {
    const r = runs.at[k - 1];
    if (!memberRun(doc, runs, r) || runs.runs[r].last !== k || runs.runs[r].first < min) break;
    members.unshift(r);
    k = runs.runs[r].first - 1;
    sep = ',';
  }
  if (members.length < 2) return m;
  const first = runs.runs[members[0]];
  // (`Centers for Disease Control and Prevention`, `Homeland Security’s Science and Technology
  // Directorate`: the parts of one institution's name.)
  // (After a preposition only people, whom no institution's name holds: `More from Blum and
  // Cohn:` after `Mark Blum and Jon Cohn`.)
  const before = tokens[first.first - 1];
  if (before && (before.lower === '’s' || before.lower === "'s" || before.pos === 'ADP' && !members.every((r) => personRun(doc, runs, r)))) return m;
  return changedMention(m, { first: Math.min(m.first, first.first), coreFirst: first.nameFirst, plural: true, members });
}

/**
 * The phrase that starts at token `start`, not reaching `max`: `said Smith`, `” Smith, a ...`.
 * `slot`: the phrase stands where only a speaker can (between a closing quotation mark and its
 * cue, or after an inverted cue), so any noun heads a description (`the gambling tycoon`).
 */
export function phraseAfter(doc: Doc, start: number, max: number, runs: RunIndex, slot = false): Mention | null {
  const tokens = doc.tokens;
  const endsInName = (k: number, limit: number): boolean => {
    for (let e = k; e < limit && e < k + 6; e++) {
      if (runs.at[e] >= 0 && runs.runs[runs.at[e]].personal) return true;
      if (!isNominal(tokens[e])) return false;
    }
    return false;
  };
  let j = start;
  if (j >= max) return null;
  const t = tokens[j];
  if (t.quote >= 0) return null;
  if (t.pos === 'PRON' && SUBJECT_PRONOUNS[t.lower]) return pronoun(t);
  const share = shareOfPronoun(tokens, j, start);
  if (share && share.last <= max) return share;
  if (t.pos === 'DET' || POSSESSIVE.has(t.lower)) j++;
  let last = j;
  let complement = false;
  while (last < max) {
    const p = tokens[last];
    if (p.quote >= 0) break;
    if ((p.lower === '’s' || p.lower === "'s" || pluralPossessive(tokens, last)) && last > j) { last++; continue; }
    if ((p.text === '-' || p.text === '‑') && !p.space && last + 1 < max && !tokens[last + 1].space) { last += 2; continue; }
    // `well-connected`: a word glued to the hyphen after it is the compound's first part.
    const h = tokens[last + 1];
    if (h && (h.text === '-' || h.text === '‑') && !h.space && last + 2 < max && !tokens[last + 2].space && /^[\p{L}\d]/u.test(p.text)) { last++; continue; }
    // `one of the players`: a part of a group of people.
    if (p.lower === 'of' && last === j + 1 && QUANTIFIERS.test(tokens[j].lower)) {
      const end = groupOfPeople(doc, last + 1, max);
      if (end > 0) { last = end; continue; }
    }
    if (NP_ADP.has(p.lower) && last > j && isPersonNoun(tokens[last - 1]) && last + 1 < max && isNominal(tokens[last + 1]) && !COMPLEMENT_TIMES.has(tokens[last + 1].lower)) { last++; complement = true; continue; }
    // `said a spokesperson for the ministry`, `the chair of the city's board`: a role's `for`
    // or `of` complement with its determiner, as before a cue. (Not `in a statement`, `at the
    // time`: those are the report's own circumstances.)
    if ((p.lower === 'for' || p.lower === 'of') && last > j && personNounAt(tokens, last - 1) && last + 2 < max
      && (tokens[last + 1].pos === 'DET' || POSSESSIVE.has(tokens[last + 1].lower)) && tokens[last + 1].quote < 0 && isNominal(tokens[last + 2]) && !COMPLEMENT_TIMES.has(tokens[last + 2].lower)) { last += 2; complement = true; continue; }
    // `said the head of the union Monday`: a day after a role's complement is when it was said.
    // (Not `USA TODAY`, a name in capitals.)
    if (complement && DAYS.has(p.lower) && p.text !== p.text.toUpperCase() && (runs.at[last] < 0 || runs.runs[runs.at[last]].first === last)) break;
    // (Every word of a name run inside the phrase: `Centers for Disease Control and Prevention`.)
    if (isNominal(p) || runs.at[last] >= 0 && (runs.at[last] === runs.at[j] || runs.at[last] === runs.at[last - 1])) { last++; continue; }
    // `one unaligned/VERB Florida strategist`: a participle between a determiner or modifier
    // and the noun it modifies.
    if (p.pos === 'VERB' && /ed$/.test(p.lower) && !cueSense(p.lower) && last > start && /^(DET|NUM|ADJ)$/.test(tokens[last - 1].pos) && last + 1 < max && isNominal(tokens[last + 1])) { last++; continue; }
    // `farm and dairy worker Lars Obi`: a coordination inside the modifiers of a name.
    if (p.lower === 'and' && last > j && last + 1 < max && isNominal(tokens[last + 1]) && endsInName(last + 1, max)) { last++; continue; }
    // `said Sohlberg and Abreder`: names coordinated.
    if (p.lower === 'and' && last > j && runs.at[last - 1] >= 0 && runs.at[last + 1] >= 0 && runs.runs[runs.at[last + 1]].first === last + 1 && runs.runs[runs.at[last + 1]].last <= max) { last++; continue; }
    break;
  }
  if (last === j) return null;
  // A phrase must end in a noun: `said late` is no speaker.
  // (A hyphenated compound ending in an adjective, `two-year-old`, is a noun phrase.)
  // (A role noun the tagger reads as an adjective still ends it: `the base chief`.)
  while (last > j && tokens[last - 1].pos === 'ADJ' && !PERSON_NOUNS.has(tokens[last - 1].lower) && !(tokens[last - 2]?.text === '-' && !tokens[last - 1].space)) last--;
  if (last === j) return null;
  return coordinated(doc, describe(doc, start, last, runs, slot), start, runs);
}

/**
 * `one of them`, `both of us`, `each of those`: from token `k`, a share of a group a pronoun
 * stands for. It is a source as `one of the workers` is (an unnamed one, named by its own words),
 * though the pronoun, which is no subject, is no noun phrase's head. (`min`: the first token the
 * phrase may start at; callers check its end.)
 */
function shareOfPronoun(tokens: Token[], k: number, min: number): Mention | null {
  if (k < min || k < 0 || !SHARES.test(tokens[k].lower) || tokens[k + 1]?.lower !== 'of' || !/^(them|us|those)$/.test(tokens[k + 2]?.lower ?? '')) return null;
  if (tokens[k].quote >= 0 || tokens[k + 2].quote >= 0) return null;
  const one = /^(one|each|either|neither)$/.test(tokens[k].lower);
  return newMention({ kind: 'description', first: k, last: k + 3, coreFirst: k, coreLast: k + 3, head: tokens[k + 2].lower, plural: !one, indefinite: true });
}
/** Words for a share of a group: `one of`, `both of`, `neither of`. */
const SHARES = /^(one|some|many|most|several|two|three|four|five|each|all|both|neither|either|none)$/;

/** Quantifiers that stand alone for a group of people: `Some said`, `Both agreed`. */
export const LONE_QUANTIFIERS = /^(some|many|most|several|both|all|few|others|none)$/;

/**
 * `Some said ...`, `..., and both agreed`: token `k` is a quantifier standing alone as the
 * subject that opens its clause (not the determiner of `the said`, `some said-to-be`).
 */
export function loneQuantifierAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.quote >= 0 || !LONE_QUANTIFIERS.test(t.lower)) return false;
  const before = tokens[k - 1];
  return before === undefined || before.para !== t.para || /^[.!?,;:]$/.test(before.text) && before.quote < 0 || /^(and|but)$/.test(before.lower);
}

function pronoun(t: Token): Mention {
  const info = SUBJECT_PRONOUNS[t.lower];
  return newMention({ kind: 'pronoun', first: t.i, last: t.i + 1, coreFirst: t.i, coreLast: t.i + 1, head: t.lower, plural: !!info.plural, indefinite: false });
}

/** The name runs of a document, with the run covering each token (-1 for none). */
export interface RunIndex {
  runs: NameRun[];
  at: Int32Array;
}

export function indexRuns(doc: Doc, runs: NameRun[]): RunIndex {
  const at = new Int32Array(doc.tokens.length).fill(-1);
  runs.forEach((r, k) => { for (let t = r.first; t < r.last; t++) at[t] = k; });
  return { runs, at };
}

/** Classifies a phrase as a name or a description and finds its core and head. */
function describe(doc: Doc, first: number, last: number, index: RunIndex, slot = false): Mention | null {
  const tokens = doc.tokens;
  const runIdx = index.at;
  // `one of the players`: the group's noun heads the phrase, which stays whole.
  if (last - first > 3 && tokens[first + 1].lower === 'of' && QUANTIFIERS.test(tokens[first].lower)) {
    const group = describe(doc, first + 2, last, index);
    if (group && group.kind === 'description') return changedMention(group, { first, coreFirst: first, plural: tokens[first].lower !== 'one' && group.plural, indefinite: true });
    // (`most of the nervous House Democrats`: a named group's share rests on the name.)
    if (group && group.kind === 'name') return changedMention(group, { first });
  }
  // Head of the phrase: the last noun before any preposition.
  let headEnd = last;
  for (let k = first + 1; k < last; k++) {
    // (`of` inside a name run, as in `Secretary of State Ada Brill`, is part of the name.)
    if ((NP_ADP.has(tokens[k].lower) || tokens[k].lower === 'to' && tokens[k - 1].pos === 'ADJ') && runIdx[k] < 0) { headEnd = k; break; }
  }
  let head = headEnd - 1;
  while (head > first && tokens[head].pos === 'PUNCT') head--;
  // A post-nominal adjective (`a person familiar with ...`) is not the head.
  if (head > first && (tokens[head].pos === 'ADJ' || tokens[head].pos === 'ADV') && tokens[head - 1].pos === 'NOUN' && !PERSON_NOUNS.has(tokens[head].lower)) head--;
  const headTok = tokens[head];
  const run = runIdx[head];
  const indefinite = /^(a|an|some|one|another|several|many|two|three)$/.test(tokens[first].lower);
  // (A name the tagger reads as a noun still heads it when the run is a person's: `Ms. May`.)
  // (`one well-connected Democrat`: a capitalised common noun after an indefinite determiner
  // is a description.)
  let modifiersOnly = true;
  for (let k = first + 1; k < head && modifiersOnly; k++) modifiersOnly = tokens[k].pos !== 'NOUN' && tokens[k].pos !== 'PROPN';
  const common = run >= 0 && indefinite && modifiersOnly && !index.runs[run].personal && index.runs[run].nameLast - index.runs[run].nameFirst === 1;
  // (`Zero Hedge`: a phrase of capitalised words is a name whatever the tagger reads.)
  let capitalisedPhrase = true;
  for (let k = first; k < headEnd && capitalisedPhrase; k++) capitalisedPhrase = UPPER.test(tokens[k].text);
  if (run >= 0 && index.runs[run].common) {
    return newMention({ kind: 'description', first, last: headEnd, coreFirst: first, coreLast: headEnd, head: headTok.lower, plural: true, indefinite: false });
  }
  // (A phrase that ends in a name's title, before the name proper, names no one: `Sen.` of
  // `Sen. Ted Marlow`, cut off where the tagger reads `Ted` as a verb.)
  if (run >= 0 && index.runs[run].nameFirst >= headEnd) return null;
  if (run >= 0 && !common && (headTok.pos !== 'NOUN' || capitalisedPhrase && headEnd - first > 1 || index.runs[run].personal && !index.runs[run].org && index.runs[run].nameLast - 1 === head)) {
    // The head is a name: the mention rests on the name proper.
    return newMention({ kind: 'name', first, last: headEnd, coreFirst: Math.max(first, index.runs[run].nameFirst), coreLast: headEnd, head: headTok.lower, plural: false, indefinite: false });
  }
  // `my two-year-old`: an age used as a noun is a person.
  if (headTok.lower === 'old' && /^\S+-year-old$/.test(doc.text.slice(tokens[Math.max(first, head - 4)].start, headTok.end).split(/\s/).pop() ?? '')) {
    return newMention({ kind: 'description', first, last: headEnd, coreFirst: first, coreLast: headEnd, head: 'child', plural: false, indefinite: /^(a|an)$/.test(tokens[first].lower) });
  }
  // A role (`the spokesperson`) or an institution (`the port authority`) can be a source.
  // (In a speaker's slot any common noun can head one: `the shipping tycoon told the Gazette`.)
  if (!isPersonNoun(headTok) && !(ORG_WORDS.has(headTok.lower) && headTok.pos === 'NOUN') && !(slot && headTok.pos === 'NOUN' && /^\p{Ll}/u.test(headTok.text))) return null;
  // A description with a name inside (`Freedonia's state-run FNA news agency`): rest on
  // the part from the name on.
  let coreFirst = first;
  for (let k = head - 1; k >= first; k--) {
    if (runIdx[k] >= 0 && tokens[k + 1] && tokens[k + 1].lower !== '’s' && tokens[k + 1].lower !== "'s") { coreFirst = k; while (coreFirst - 1 >= first && runIdx[coreFirst - 1] === runIdx[k]) coreFirst--; break; }
  }
  const plural = /s$/.test(headTok.lower) && !/(ss|us|is)$/.test(headTok.lower) || /^(people|police|staff|authorities|children|men|women)$/.test(headTok.lower);
  // A role noun keeps its complement: the source is `a spokesperson for the ministry`.
  const end = isPersonNoun(headTok) ? last : headEnd;
  return newMention({ kind: 'description', first, last: end, coreFirst, coreLast: end, head: headTok.lower, plural, indefinite });
}

