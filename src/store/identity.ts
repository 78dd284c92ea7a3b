/**
 * One person across articles: when a surname-only person is a fuller-named person of the record,
 * and when two full names are one person written with and without a middle name or initial.
 * Pure rules over what the record knows of each person (quotes, the genders its articles gave,
 * the titles among its descriptors), shared by both backends: the SQLite store calls them, and
 * the PostgreSQL store's onrecord_add() applies the same rules server-side (pg-migrations.ts,
 * migration 5, with TITLE_WORDS as a table).
 */

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
 * True when two normalised full names (tokens) can be one person written with and without
 * middle names: the same first and last word, and middle words either absent from one of them
 * or the same in number, each equal or an initial of the other's (`john f kennedy`,
 * `john fitzgerald kennedy`, `john kennedy`; not `george w bush` and `george h w bush`).
 */
export function nameVariants(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 2 || b.length < 2 || a[0] !== b[0] || a[a.length - 1] !== b[b.length - 1]) return false;
  const ma = a.slice(1, -1);
  const mb = b.slice(1, -1);
  if (ma.length === 0 || mb.length === 0) return ma.length + mb.length > 0;
  if (ma.length !== mb.length) return false;
  let differ = false;
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
 * full name it is known by (`formsOf`: its aliases, normalised) with the same first and last
 * word is one too: `george h w bush` is not the `george bush` who is also `george w bush`.
 */
export function pickVariant<C extends Candidate & { tokens: readonly string[] }>(
  tokens: readonly string[],
  gender: 'm' | 'f' | null,
  candidates: readonly C[],
  formsOf: (c: C) => readonly string[],
): C | null {
  let found: C | null = null;
  const norm = tokens.join(' ');
  for (const c of candidates) {
    if (!nameVariants(tokens, c.tokens)) continue;
    const g = genderOf(c.male, c.female);
    if (gender !== null && g !== null && g !== gender) continue;
    if (!formsOf(c).every((form) => form === norm || variantOrOther(tokens, form.split(' ')))) continue;
    if (found) return null;
    found = c;
  }
  return found;
}

/** True when a name is a variant of another, or has another first or last word (another name of the person). */
function variantOrOther(a: readonly string[], b: readonly string[]): boolean {
  const sameEnds = b.length >= 2 && a[0] === b[0] && a[a.length - 1] === b[b.length - 1];
  return !sameEnds || nameVariants(a, b);
}
