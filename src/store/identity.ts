/**
 * One person across articles: when a surname-only person is a fuller-named person of the record,
 * when two full names are one person written with and without a middle name or initial or with
 * a first name and its short form, and which of its names a person is shown by.
 * Pure rules over what the record knows of each person (quotes, the genders its articles gave,
 * the titles among its descriptors, its names counted), shared by both backends: the SQLite
 * store calls them, and the PostgreSQL store applies the same rules server-side (pg-migrations.ts:
 * onrecord_add() of migration 5, with TITLE_WORDS as a table; migration 6, with SHORT_FORMS as a
 * table and the shown name chosen by a trigger).
 */

import { HONORIFICS } from './normalize.js';

/** Words of a descriptor that name an office or rank, each to the title it means (`Sen.` is a senator). */
export const TITLE_WORDS: Readonly<Record<string, string>> = {
  president: 'president', pres: 'president',
  sen: 'senator', senator: 'senator',
  rep: 'representative', representative: 'representative', congressman: 'representative', congresswoman: 'representative',
  gov: 'governor', governor: 'governor',
  secretary: 'secretary',
  mayor: 'mayor',
  judge: 'judge', justice: 'judge',
  minister: 'minister', premier: 'premier', chancellor: 'chancellor',
  speaker: 'speaker', ambassador: 'ambassador', commissioner: 'commissioner', sheriff: 'sheriff',
  dean: 'dean', professor: 'professor', prof: 'professor',
  pope: 'pope', king: 'king', queen: 'queen', prince: 'prince', princess: 'princess',
  adm: 'admiral', admiral: 'admiral', col: 'colonel', colonel: 'colonel', capt: 'captain', captain: 'captain',
  sgt: 'sergeant', sergeant: 'sergeant', lt: 'lieutenant', lieutenant: 'lieutenant',
};

/** Honorifics among descriptors: they say who is meant as plainly as a title does. */
export const HONORIFIC_WORDS: readonly string[] = ['mr', 'mrs', 'ms', 'miss'];

/**
 * The titles among a person's descriptors (`Texas Sen.` and `Senator` are both `senator`), and
 * with `honorifics`, whether one of them is an honorific (`Mr.`, `Mrs.`).
 */
export function titlesOf(descriptors: Iterable<string>, honorifics?: { found: boolean }): Set<string> {
  const titles = new Set<string>();
  for (const d of descriptors) {
    for (const word of d.toLowerCase().split(/[^a-z]+/)) {
      const title = TITLE_WORDS[word];
      if (title !== undefined) titles.add(title);
      else if (honorifics && HONORIFIC_WORDS.includes(word)) honorifics.found = true;
    }
  }
  return titles;
}

/**
 * Words of descriptors that tell nothing of who a person is: function words, honorifics, a
 * party, `former`. Also in the PostgreSQL store's onrecord_descriptor_words() (migration 6).
 */
export const COMMON_DESCRIPTOR_WORDS: readonly string[] = [
  ...HONORIFIC_WORDS, 'the', 'and', 'for', 'with', 'from', 'who', 'was', 'has', 'his', 'her', 'its', 'their', 'our',
  'one', 'new', 'former', 'party', 'democrat', 'democrats', 'democratic', 'republican', 'republicans', 'gop',
];
const COMMON_WORDS = new Set(COMMON_DESCRIPTOR_WORDS);

/**
 * What descriptors say of who a person is, as words to compare across articles: each of three
 * letters or more, a title as the title it means (`Sen.` and `senator` are one word here),
 * the common ones left out (`the`, `former`, a party: COMMON_DESCRIPTOR_WORDS).
 */
export function descriptorWords(descriptors: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const d of descriptors) {
    for (const word of d.toLowerCase().split(/[^a-z]+/)) {
      const title = TITLE_WORDS[word];
      if (title !== undefined) words.add(title);
      else if (word.length >= 3 && !COMMON_WORDS.has(word)) words.add(word);
    }
  }
  return words;
}

/** True when two sets of descriptor words share one. */
function shareWord(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const w of a) if (b.has(w)) return true;
  return false;
}

/** What the record (or one article) says of a person: the genders its articles gave, its titles. */
export interface Evidence {
  male: number;
  female: number;
  titles: ReadonlySet<string>;
  /** A title or an honorific was written (not only a gender coreference gave). */
  named?: boolean;
}

/** A fuller-named person a surname-only one may be. */
export interface Candidate extends Evidence {
  id: number;
  quotes: number;
}

/** A person's gender by the articles that gave one: the clear majority (noise in coreference aside), else none. */
export function genderOf(male: number, female: number): 'm' | 'f' | null {
  if (male > 2 * female) return 'm';
  if (female > 2 * male) return 'f';
  return null;
}

/**
 * Fuller-named people considered for a surname (the most quoted). This, DOMINANCE,
 * DOMINANT_MIN_QUOTES and TITLE_WORDS are also written into the PostgreSQL functions by its
 * migration 5: a change to them needs a PostgreSQL migration that redefines those.
 */
export const MAX_SURNAME_CANDIDATES = 20;

/** The fuller-named person with the most quotes is taken alone when it has this many times the next one's, */
export const DOMINANCE = 10;
/** and at least this many (a person quoted once or twice dominates nobody). */
export const DOMINANT_MIN_QUOTES = 3;

/**
 * The fuller-named person a surname-only person is, among those sharing its surname, or null.
 * A candidate is out when its gender is the other one, or when both have titles and share none
 * (`Sen. Doe` is not `Gov. Jane Doe`). Those sharing the most of its titles are preferred;
 * when none of several candidates shares one, it is none of them.
 * Of what remains, one alone is it; else the one with far more quotes than the next
 * (DOMINANCE). Evidence of both genders (a surname-only record gathered from articles about
 * different people) joins no one; and evidence no title or honorific was written with (only a
 * gender from coreference, which can be wrong) never picks someone other than a person who
 * dominates all the others.
 */
export function pickFullName<C extends Candidate>(e: Evidence, candidates: readonly C[]): C | null {
  const gender = genderOf(e.male, e.female);
  if (gender === null && e.male > 0 && e.female > 0) return null;
  let pool = candidates.filter((c) => {
    const g = genderOf(c.male, c.female);
    if (gender !== null && g !== null && g !== gender) return false;
    if (e.titles.size > 0 && c.titles.size > 0 && ![...e.titles].some((t) => c.titles.has(t))) return false;
    return true;
  });
  if (e.titles.size > 0) {
    // Those sharing the most of its titles (a descriptor the extraction took from a neighbour
    // may add one no candidate has).
    let most = 0;
    for (const c of pool) most = Math.max(most, shared(e.titles, c.titles));
    // Titles none of several candidates has: someone else of the surname.
    if (most === 0 && candidates.length > 1) return null;
    if (most > 0) pool = pool.filter((c) => shared(e.titles, c.titles) === most);
  }
  const pick = pool.length === 1 ? pool[0]! : dominant(pool);
  if (pick === null || e.named) return pick;
  const overall = dominant(candidates);
  return overall === null || overall === pick ? pick : null;
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

/** The candidate with far more quotes than any other (DOMINANCE), if any. */
function dominant<C extends Candidate>(pool: readonly C[]): C | null {
  if (pool.length === 0) return null;
  let top = pool[0]!;
  for (const c of pool) if (c.quotes > top.quotes || (c.quotes === top.quotes && c.id < top.id)) top = c;
  let next = 0;
  for (const c of pool) if (c !== top && c.quotes > next) next = c.quotes;
  return top.quotes >= DOMINANT_MIN_QUOTES && top.quotes >= DOMINANCE * next ? top : null;
}

/**
 * Common English first names and their short forms (general English usage, not any corpus):
 * `joe` is a short form of `joseph`. Only a name and its own short form are one first name
 * (`givenVariants`); two short forms of one name (`joe`, `joey`) are not, but they are related
 * (`givenRelated`), so that neither lets a person who is known by the other join a third form.
 * Also written into the PostgreSQL functions by its migration 6 (as the table `given_names`).
 */
export const SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  abigail: ['abby', 'abbie'], abraham: ['abe'], albert: ['al', 'bert'], alexander: ['alex', 'alec'],
  alexandra: ['alex', 'lexi'], alfred: ['alf', 'alfie', 'fred'], andrew: ['andy', 'drew'], angela: ['angie'],
  anthony: ['tony'], antonio: ['tony'], arnold: ['arnie'], arthur: ['art', 'artie'], barbara: ['barb', 'babs'],
  benjamin: ['ben', 'benny', 'benji'], bernard: ['bernie'], bernadette: ['bernie'], beverly: ['bev'], bradley: ['brad'],
  catherine: ['cathy', 'kate', 'katie'], katherine: ['kathy', 'kate', 'katie', 'kat'], kathleen: ['kathy', 'kate'],
  charles: ['charlie', 'chuck', 'chas'], christina: ['chris', 'tina'], christine: ['chris'], christopher: ['chris'],
  cynthia: ['cindy'], daniel: ['dan', 'danny'], david: ['dave', 'davey'], deborah: ['deb', 'debbie', 'debby'],
  donald: ['don', 'donnie'], dorothy: ['dot', 'dottie'], douglas: ['doug'], edward: ['ed', 'eddie', 'ted', 'teddy', 'ned'],
  elizabeth: ['liz', 'lizzie', 'beth', 'betsy', 'betty', 'libby'], eugene: ['gene'], frederick: ['fred', 'freddie'],
  gerald: ['gerry', 'jerry'], gregory: ['greg'], harold: ['hal'], henry: ['hank'], herbert: ['herb'],
  jacob: ['jake'], james: ['jim', 'jimmy', 'jamie'], jeffrey: ['jeff'], jennifer: ['jen', 'jenny'], jessica: ['jess', 'jessie'],
  john: ['johnny', 'jack'], jonathan: ['jon'], joseph: ['joe', 'joey'], joshua: ['josh'], judith: ['judy'],
  kenneth: ['ken', 'kenny'], kimberly: ['kim'], lawrence: ['larry'], laurence: ['larry'], leonard: ['len', 'lenny'],
  margaret: ['maggie', 'meg', 'peggy', 'marge'], matthew: ['matt'], michael: ['mike', 'mikey', 'mick'], mitchell: ['mitch'],
  nathan: ['nate'], nathaniel: ['nate', 'nat'], nicholas: ['nick', 'nicky'], pamela: ['pam'],
  patricia: ['pat', 'patty', 'trish'], patrick: ['pat', 'paddy'], peter: ['pete'], philip: ['phil'], phillip: ['phil'],
  raymond: ['ray'], rebecca: ['becky', 'becca'], richard: ['rick', 'ricky', 'rich', 'dick'],
  robert: ['rob', 'bob', 'bobby', 'robbie'], ronald: ['ron', 'ronnie'], russell: ['russ'], samuel: ['sam', 'sammy'],
  samantha: ['sam', 'sammy'], stephen: ['steve'], steven: ['steve'], susan: ['sue', 'susie'], terrence: ['terry'],
  theodore: ['ted', 'teddy', 'theo'], thomas: ['tom', 'tommy'], timothy: ['tim', 'timmy'], valerie: ['val'],
  victoria: ['vicky', 'tori'], vincent: ['vince', 'vinny'], walter: ['walt'], william: ['bill', 'billy', 'will', 'willie'],
  zachary: ['zach', 'zack'],
};

/** Each first name of SHORT_FORMS to the names it stands for: a full name to itself, a short form to its full names. */
const ROOTS = new Map<string, string[]>();
for (const [full, shorts] of Object.entries(SHORT_FORMS)) {
  ROOTS.set(full, [...(ROOTS.get(full) ?? []), full]);
  for (const s of shorts) ROOTS.set(s, [...(ROOTS.get(s) ?? []), full]);
}

/** The full first names a first name stands for (itself when full), empty for a name SHORT_FORMS lacks. */
export function givenRoots(first: string): readonly string[] {
  return ROOTS.get(first) ?? NO_ROOTS;
}
/**
 * None: an empty array of the same hidden class as ROOTS' arrays of strings. A literal `[]` is
 * an array of small integers to V8, another class: the first name with no roots read after the
 * writer's `resolvePerson` was compiled threw the compiled code away ("wrong map", session 24).
 */
const NO_ROOTS: readonly string[] = [''].slice(1);

/** True when one first name is a short form of the other (`joe`, `joseph`). */
export function givenVariants(a: string, b: string): boolean {
  return a !== b && ((SHORT_FORMS[a]?.includes(b) ?? false) || (SHORT_FORMS[b]?.includes(a) ?? false));
}

/** True when two first names are the same or stand for one full name (`joe`, `joey`, `joseph`). */
export function givenRelated(a: string, b: string): boolean {
  if (a === b) return true;
  const ra = givenRoots(a);
  if (ra.length === 0) return false;
  const rb = givenRoots(b);
  return ra.some((r) => rb.includes(r));
}

/**
 * True when two normalised full names (tokens) can be one person written with and without
 * middle names, or with a first name and its short form: the same last word, the same first
 * word or a first name and its short form (`joe`, `joseph`: see SHORT_FORMS), and middle words
 * either absent from one of them or the same in number, each equal or an initial of the
 * other's (`john f kennedy`, `john fitzgerald kennedy`, `john kennedy`, `jack kennedy`; not
 * `george w bush` and `george h w bush`).
 */
export function nameVariants(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 2 || b.length < 2 || a[a.length - 1] !== b[b.length - 1]) return false;
  const short = a[0] !== b[0];
  if (short && !givenVariants(a[0]!, b[0]!)) return false;
  const ma = a.slice(1, -1);
  const mb = b.slice(1, -1);
  if (ma.length === 0 || mb.length === 0) return short || ma.length + mb.length > 0;
  if (ma.length !== mb.length) return false;
  let differ = short;
  for (let i = 0; i < ma.length; i++) {
    const x = ma[i]!;
    const y = mb[i]!;
    if (x === y) continue;
    if (!((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y)))) return false;
    differ = true;
  }
  return differ;
}

/**
 * The one person of the record a new full name is a variant of (see nameVariants), unless its
 * gender is the other one; null when none or several are. A person is a variant only if every
 * full name it is known by (`formsOf`: its aliases, normalised) that may be the same name (the
 * same last word, and a first word related to the new name's or the person's: see
 * givenRelated) is one too: `george h w bush` is not the `george bush` who is also
 * `george w bush`, nor `christina evans` the `chris evans` who is also `christopher evans`.
 * Across first-name forms a shared surname is not enough (news names many a `Bob Mason` and
 * `Robert Mason`): the new name's descriptors and the person's must share a word (`described`:
 * the same office, employer, field), as `Sen. Tom Ardley` and `Senator Thomas Ardley` do.
 * A person of the same first name comes first: only when none fits is a short form's looked for.
 */
export function pickVariant<C extends Candidate & { tokens: readonly string[] }>(
  tokens: readonly string[],
  gender: 'm' | 'f' | null,
  candidates: readonly C[],
  formsOf: (c: C) => readonly string[],
  described: Described<C>,
): C | null {
  const norm = tokens.join(' ');
  // The same first name first: only when no person has it is a short form looked at.
  for (const short of [false, true]) {
    let found: C | null = null;
    for (const c of candidates) {
      if ((tokens[0] !== c.tokens[0]) !== short || !nameVariants(tokens, c.tokens)) continue;
      const g = genderOf(c.male, c.female);
      if (gender !== null && g !== null && g !== gender) continue;
      if (short && !shareWord(described.words, described.wordsOf(c))) continue;
      if (!formsOf(c).every((form) => form === norm || variantOrOther(tokens, c.tokens[0]!, form.split(' ')))) continue;
      if (found) return null;
      found = c;
    }
    if (found) return found;
  }
  return null;
}

/**
 * The one other person of the record a recorded full name is across first-name forms (`joe
 * doe` and `joseph r doe`), by the evidence of a later article naming it: as pickVariant's
 * second pass, the article's descriptors sharing a word with the other's, its gender not the
 * other one, and every form of either person that may be the other's name a variant of it
 * (`ownForms`: the recorded person's forms). Null when none or several. A name recorded before
 * the evidence came (an article describing it otherwise, or not at all) is joined then.
 */
export function pickShortFormSibling<C extends Candidate & { tokens: readonly string[] }>(
  own: C,
  gender: 'm' | 'f' | null,
  candidates: readonly C[],
  formsOf: (c: C) => readonly string[],
  described: Described<C>,
): C | null {
  if (described.words.size === 0 || givenRoots(own.tokens[0]!).length === 0) return null;
  const ownGender = genderOf(own.male, own.female);
  let found: C | null = null;
  for (const c of candidates) {
    if (c.id === own.id || c.tokens[0] === own.tokens[0] || !nameVariants(own.tokens, c.tokens)) continue;
    const g = genderOf(c.male, c.female);
    if (g !== null && ((gender !== null && g !== gender) || (ownGender !== null && g !== ownGender))) continue;
    if (!shareWord(described.words, described.wordsOf(c))) continue;
    if (!compatible(own.tokens, c, formsOf(c)) || !compatible(c.tokens, own, formsOf(own))) continue;
    if (found) return null;
    found = c;
  }
  return found;
}

/** True when every form of a person that may be the same name as `tokens` is a variant of it. */
function compatible(tokens: readonly string[], person: { tokens: readonly string[] }, forms: readonly string[]): boolean {
  const norm = tokens.join(' ');
  return forms.every((form) => form === norm || variantOrOther(tokens, person.tokens[0]!, form.split(' ')));
}

/**
 * How a new name and the record's people are described, for a join across first-name forms
 * (see pickVariant): the new name's descriptor words (`descriptorWords`), and a person's.
 */
export interface Described<C> {
  words: ReadonlySet<string>;
  wordsOf: (c: C) => ReadonlySet<string>;
}

/**
 * True when a form of a person is a variant of a new name, or another name of the person: a
 * single word, another last word, or a first word related neither to the new name's nor to
 * the person's own.
 */
function variantOrOther(a: readonly string[], personFirst: string, b: readonly string[]): boolean {
  if (b.length < 2 || a[a.length - 1] !== b[b.length - 1]) return true;
  if (!givenRelated(a[0]!, b[0]!) && !givenRelated(personFirst, b[0]!)) return true;
  return nameVariants(a, b);
}

/**
 * The name a full-named person is shown by: of its aliases (`[alias, norm, count]`) that are a
 * full form of its name (two words or more, its surname last, a first word related to that of
 * its recorded name `first`: see givenRelated), one written in lower case as well as capitals
 * (not a headline's), the most counted, then the fullest (most words, longest), then the one
 * with more letters with diacritics (`José`, not `Jose`: the more careful spelling), then the
 * first in code-point order, so that it does not depend on the order articles came in. Without a
 * possessive, its spaces plain. The PostgreSQL store's onrecord_display_name() is the same rule.
 */
export function displayName(aliases: Iterable<readonly [string, string, number]>, first: string, surname: string): string | null {
  let best: (readonly [string, string, number]) | null = null;
  let bestWords = 0;
  let bestCased = false;
  for (const a of aliases) {
    const words = a[1].split(' ');
    if (words.length < 2 || words[words.length - 1] !== surname || !givenRelated(first, words[0]!) || titled(a[0])) continue;
    const cased = a[0] !== a[0].toUpperCase();
    if (best !== null) {
      const order =
        Number(cased) - Number(bestCased) ||
        a[2] - best[2] ||
        words.length - bestWords ||
        codePoints(a[1]) - codePoints(best[1]) ||
        diacritics(a[0]) - diacritics(best[0]) ||
        (a[0] < best[0] ? 1 : a[0] > best[0] ? -1 : 0);
      if (order <= 0) continue;
    }
    best = a;
    bestWords = words.length;
    bestCased = cased;
  }
  return best === null ? null : best[0].replace(SPACES, ' ').trim().replace(POSSESSIVE, '');
}

/**
 * Latin letters with diacritics (U+00C0 to U+017F that fold to a plain letter: `é`, `Ñ`, `ł`):
 * the letters PostgreSQL's onrecord_fold() folds (pg-migrations.ts).
 */
export const DIACRITIC_LETTERS: string = (() => {
  let letters = '';
  for (let c = 0xc0; c <= 0x17f; c++) {
    const ch = String.fromCharCode(c);
    const plain = ch.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
    if (/^[a-z]$/.test(plain) && plain !== ch) letters += ch;
  }
  return letters;
})();
const DIACRITIC_SET = new Set(DIACRITIC_LETTERS);

/** Letters with diacritics in a name (`José` has one): of two forms of a name, the one written with them is the more careful. */
function diacritics(s: string): number {
  let n = 0;
  for (const ch of s) if (DIACRITIC_SET.has(ch)) n++;
  return n;
}

/** A string's length in code points (as PostgreSQL's char_length counts). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xfc00) === 0xdc00) n--;
  return n;
}

/** True when a name is written after a title or honorific (`Mayor Jane Doe`: its normalised form has dropped it). */
function titled(alias: string): boolean {
  const space = alias.search(SPACE);
  return space > 0 && HONORIFICS.has(alias.slice(0, space).toLowerCase().replace(/\.$/, ''));
}

/** A possessive ending (`Doe's`, `Doe’s`). */
const POSSESSIVE = /['\u2018\u2019`]s$/;
/** Runs of the characters JavaScript counts as white space (written out: PostgreSQL's `\s` has fewer). */
export const SPACE_CLASS = '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+';
const SPACES = new RegExp(SPACE_CLASS, 'g');
const SPACE = new RegExp(SPACE_CLASS);
