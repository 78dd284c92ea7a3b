/**
 * Coreference: one article, one entity per person. Name mentions cluster by their words
 * (`Velhorn` joins `Ilse Velhorn`; the fullest form is the canonical name), descriptors are
 * gathered from titles, pre-modifiers and appositions, and every attribution's source (a name,
 * a pronoun or a description) is resolved to an entity.
 */
import type { Doc, Token } from './document.js';
import { sentenceOf } from './document.js';
import type { Mention, NameRun, RunIndex } from './mentions.js';
import { changedMention, newMention, phraseBefore } from './mentions.js';
import { type Attribution, asksQuestion, datelineEnd } from './attribution.js';
import { GENDERED_NOUNS, GENDERED_TITLES, HONORIFIC_TITLES, KIN_NOUNS, NAMESAKE_ORG_WORDS, ORG_WORDS, PERSON_NOUNS, TITLES, WRITINGS, firstNameGender, isDemonym, isFirstName, isPlaceName, sameGivenName } from './lexicon.js';
import type { Span } from './types.js';

/** Every entity is made by `newEntity`, with every field present in one order: one shape keeps V8's compiled readers of entities on one map. */
export interface Entity {
  id: string;
  words: string[];
  name: string;
  kind: 'person' | 'org' | 'description' | 'unknown';
  gender: 'm' | 'f' | null;
  /**
   * The gender is only what the first-name lists suggest (`Wei`, `Jordan` and many names of the
   * world are either, or missing): a title, a gendered noun or a pronoun that means no one else
   * outweighs it.
   */
  genderGuessed: boolean;
  descriptors: Map<string, number>;
  /** Lower-cased words of the descriptors, for matching `the minister`. */
  descriptorWords: Set<string>;
  mentions: Span[];
  /** Mentions outside quotations, in text order, for recency and salience. */
  seen: Array<{ t: number; para: number; subject: boolean }>;
  spoke: number;
  /** A country, state, province or capital (`North Korea`, `Ottawa`). */
  place: boolean;
  /** For several people named together as one source: each of them. */
  members: Entity[] | null;
  /** Its name opens with a place's and has no given name (`Toronto Raptors`): no person. */
  placeLed: boolean;
  /** Its words come from a headline in Title Case, where a name's run swallows the verbs after it. */
  headlineName: boolean;
  /** An unnamed source that is one person (`a witness`), whom `he` or `she` can mean. */
  onePerson: boolean;
}

/** An entity of no gender, descriptors, mentions or members yet, and none of the marks. */
function newEntity(words: string[], name: string, kind: Entity['kind']): Entity {
  return {
    id: '', words, name, kind, gender: null, genderGuessed: false, descriptors: new Map(), descriptorWords: new Set(), mentions: [], seen: [], spoke: 0,
    place: false, members: null, placeLed: false, headlineName: false, onePerson: false,
  };
}

export interface Resolution {
  entities: Entity[];
  /** Entity of each attribution, in the order given (null when unknown). */
  speakers: Array<Entity | null>;
}

const POSSESSIVE_S = new Set(['’s', "'s"]);

function nameWords(doc: Doc, first: number, last: number): string[] {
  const words: string[] = [];
  let cur = '';
  for (let t = first; t < last; t++) {
    const tok = doc.tokens[t];
    if (POSSESSIVE_S.has(tok.lower)) break;
    if (tok.space && cur) { words.push(cur); cur = ''; }
    cur += tok.text;
  }
  if (cur) words.push(cur);
  return words;
}

const normalised = new Map<string, string>();

/** A name word as names are compared: lower case, without periods and apostrophes (cached). */
function norm(w: string): string {
  let n = normalised.get(w);
  if (n === undefined) {
    n = w.toLowerCase().replace(/[.’']/g, '');
    // Bounded, so that a long run of documents cannot grow it without end.
    if (normalised.size > 50_000) normalised.clear();
    normalised.set(w, n);
  }
  return n;
}

/** A headline: a paragraph of a few words, each major one capitalised. */
function isTitleCase(doc: Doc, para: number): boolean {
  const p = doc.paragraphs[para];
  if (!p || p.last - p.first > 40) return false;
  let words = 0;
  let lower = 0;
  for (let t = p.first; t < p.last; t++) {
    const tok = doc.tokens[t];
    if (!/^\p{L}/u.test(tok.text) || tok.text.length <= 3) continue;
    words++;
    if (/^\p{Ll}/u.test(tok.text)) lower++;
  }
  return words >= 4 && lower === 0;
}

const ACRONYM = /^[A-Z]{2,6}$/;
const MINOR_WORDS = new Set(['of', 'and', 'for', 'the', 'on', 'in', '&', 'de']);

/**
 * The initials of a name of capitalised words (`Federal Election Commission` -> `FEC`, minor
 * words skipped), or '' when a word is neither capitalised nor minor.
 */
function initialsOf(words: string[]): string {
  let out = '';
  for (const w of words) {
    if (MINOR_WORDS.has(w)) continue;
    if (!/^\p{Lu}\p{Ll}/u.test(w)) return '';
    out += w[0];
  }
  return out;
}

/**
 * The name of an institution named after a person: a given name, at least one more word, then a
 * word that ends institutions' names (`Ada Brook Foundation`, `Lena Ortiz Elementary School`,
 * `John Marsh & Sons`).
 */
function namedAfterPerson(words: string[]): boolean {
  if (words.length < 3 || !isFirstName(words[0])) return false;
  for (let i = 2; i < words.length; i++) if (words[i] === '&' || NAMESAKE_ORG_WORDS.has(norm(words[i]))) return true;
  return false;
}

/**
 * Words of a namesake institution's name that make it a firm (`Marsh & Sons`, `Harlan Co.`), which
 * the news calls by its founder's surname alone; a foundation, school or hospital it calls `the
 * foundation`, so the surname alone there is a person's.
 */
const FIRM_WORDS = new Set(['&', 'company', 'co', 'corp', 'corporation', 'inc', 'ltd', 'llc', 'group', 'partners', 'associates', 'sons', 'brothers', 'bros', 'holdings', 'industries', 'enterprises', 'laboratories', 'labs']);

function namesakeFirm(words: string[]): boolean {
  return words.some((w) => FIRM_WORDS.has(norm(w)));
}

/** `a` is contained in `b` word by word, in order. */
function containsWords(b: string[], a: string[]): boolean {
  let i = 0;
  for (const w of b) if (i < a.length && norm(w) === norm(a[i])) i++;
  return i === a.length;
}

export function resolve(doc: Doc, index: RunIndex, attributions: Attribution[]): Resolution {
  const entities: Entity[] = [];
  const runEntity: Array<Entity | null> = index.runs.map(() => null);
  const tokens = doc.tokens;

  // 1. Cluster name runs. Entities are looked up through their words, so a long article with
  // many names stays linear.
  const byWord = new Map<string, Entity[]>();
  const byInitials = new Map<string, Entity>();
  const acronyms = new Map<string, Entity>();
  const recent: Array<{ t: number; e: Entity }> = [];
  const headlines = new Map<number, boolean>();
  index.runs.forEach((run, k) => {
    if (run.common) return;
    const words = nameWords(doc, run.nameFirst, run.nameLast);
    if (words.length === 0) return;
    const para = tokens[run.first].para;
    let headline = headlines.get(para);
    if (headline === undefined) { headline = isTitleCase(doc, para); headlines.set(para, headline); }
    let match: Entity | null = null;
    const candidates = new Set<Entity>();
    for (const w of words) for (const e of (byWord.get(norm(w)) ?? []).slice(-8)) candidates.add(e);
    // Among the entities whose words contain these (or the reverse), prefer one that shares the
    // last word (the surname), then a person over an institution (`Schicketanz` is Mary Ann
    // Schicketanz, not Studio Schicketanz), then the first found.
    const surname = norm(words[words.length - 1]);
    // `Varga's father, Tobias, says`: a relative named by the given name alone is no other
    // person of that given name (`Tobias Renk`), unless that one bears the relative's surname.
    const owner = words.length === 1 ? relativeOwner(doc, run) : null;
    const place = run.nameFirst === run.first && isPlaceName(words);
    const titled = place ? undefined : titleGender(doc, run);
    const honorific = place ? undefined : titleGender(doc, run, HONORIFIC_TITLES);
    const given = place || words.length < 2 ? undefined : firstNameGender(words[0]);
    const namesake = run.org && namedAfterPerson(words);
    let matchScore = -1;
    for (const ent of candidates) {
      if (ent.kind === 'description') continue;
      // `Mr. Okonjo` and `the first lady, Grace Okonjo`: one surname, two people, when a title or
      // a given name gives each a different gender. (The given name only of a name longer than
      // the entity's, which it would rename: in `Al Hashish` after `Fouzia Al Hashish`, `Al` is
      // no given name.)
      const runGender = words.length > ent.words.length ? given ?? titled : titled;
      // (Unless an honorific before its first name gives it, and the entity's gender is the
      // lists' guess: `Ms. Jesse Ortiz` after `Jesse Ortiz` is Jesse Ortiz, a woman.)
      if (ent.kind !== 'org' && !ent.place && ent.gender && runGender && ent.gender !== runGender && !(runGender === honorific && ent.genderGuessed && sameFirst(words, ent))) continue;
      // A place and an institution named after it are two things (`U.S.`, `the U.S. State
      // Department`); a place word can still be a surname (`Jordan` after `Dan Jordan`).
      if (ent.place && !place && run.org || place && ent.kind === 'org' && !ent.place) continue;
      // (Nor a place and a longer name that holds it, `Toronto` and `Toronto Raptors`, unless
      // that is a person's, whose surname a place word can be.)
      if (place && !ent.place && ent.kind !== 'person' && ent.words.length > words.length) continue;
      if (owner !== null && norm(ent.words[ent.words.length - 1]) !== owner) continue;
      // `the Ada Brook Foundation` and `Ada Brook`, in either order: an institution named after
      // a person is not that person. (A surname alone, `Brook`, can mean either: the surname's
      // score below prefers the person when both are named.)
      if (namesake && ent.kind !== 'org' && !namedAfterPerson(ent.words)
        || run.personal && !run.org && (words.length > 1 || run.nameFirst > run.first) && ent.kind === 'org' && namedAfterPerson(ent.words)) continue;
      // (A surname alone after only `the Harold Brandt Foundation` is a Brandt, not the
      // foundation; after a firm, `Harlan & Co.`, it can be the firm.)
      if (words.length === 1 && !run.org && ent.kind === 'org' && namedAfterPerson(ent.words) && !namesakeFirm(ent.words)) continue;
      if (containsWords(ent.words, words) || containsWords(words, ent.words)) {
        const score = (norm(ent.words[ent.words.length - 1]) === surname ? 2 : 0) + (ent.kind === 'person' && !run.org ? 1 : 0);
        if (score > matchScore) { match = ent; matchScore = score; }
      }
    }
    if (!match && words.length >= 2) {
      // `Xander Wise` after `Alexander Wise`, `Bill Nolan` and `William Nolan`: one person under
      // a familiar and a formal given name, when the rest of the name is the same and only one
      // entity so named is about. The formal name is the canonical one.
      let only: Entity | null = null;
      let count = 0;
      for (const ent of candidates) {
        if (ent.kind === 'description' || ent.kind === 'org' || ent.place || ent.words.length !== words.length) continue;
        if (!ent.words.every((w, i) => i === 0 || norm(w) === norm(words[i]))) continue;
        const a = norm(ent.words[0]);
        const b = norm(words[0]);
        if (a === b || !sameGivenName(a, b)) continue;
        const ga = firstNameGender(ent.words[0]);
        const gb = firstNameGender(words[0]);
        if (ga && gb && ga !== gb) continue;
        only = ent;
        count++;
      }
      if (count === 1 && only) {
        match = only;
        if (words[0].length > match.words[0].length && !headline) {
          match.words = words;
          match.name = words.join(' ');
          match.headlineName = false;
        }
      }
    }
    // `the PBO` after `the Parliamentary Budget Officer` (or before it): an acronym of an
    // institution's name is that institution, named in full.
    const acronym = words.length === 1 && ACRONYM.test(words[0]) ? words[0] : null;
    if (!match && acronym) {
      const e = byInitials.get(acronym);
      if (e && e.kind !== 'person' && !e.place && !isPlaceName(words)) match = e;
    } else if (!match && !headline && !run.personal && words.length >= 2) {
      const e = acronyms.get(initialsOf(words));
      if (e && e.kind !== 'person' && !e.place && e.words.length === 1) {
        match = e;
        match.words = words;
        match.name = words.join(' ');
      }
    }
    const span = { start: tokens[run.nameFirst].start, end: tokens[run.nameLast - 1].end, text: '' };
    span.text = doc.text.slice(span.start, span.end);
    if (!match) {
      match = newEntity(words, words.join(' '), 'unknown');
      if (headline) match.headlineName = true;
      entities.push(match);
    } else if (match.headlineName && !headline) {
      // `Helena Brandt Grills Lakeside Bank CEO` in the headline, `Brandt` in the text: the
      // name is the text's form, with the first name the headline gave it.
      const at = match.words.findIndex((w) => norm(w) === norm(words[0]));
      const first = at > 0 && words.length === 1 && isFirstName(match.words[at - 1]) ? [match.words[at - 1]] : [];
      match.words = [...first, ...words];
      match.name = match.words.join(' ');
      match.headlineName = false;
    } else if (words.length > match.words.length && containsWords(words, match.words) && !headline
      && (tokens[run.first].quote < 0 || norm(words[words.length - 1]) === norm(match.words[match.words.length - 1]))) {
      // (Inside quotation marks, only a name that keeps the last word: a longer one there is a
      // title's as often as not, `“Ada Brook Appreciation Day”`.)
      match.words = words;
      match.name = words.join(' ');
    }
    if (acronym && match.words.length === 1 && !acronyms.has(acronym)) acronyms.set(acronym, match);
    if (!headline && !run.personal && match.kind !== 'person' && words.length >= 2 && match.words === words) {
      const initials = initialsOf(words);
      if (initials.length >= 2 && !byInitials.has(initials)) byInitials.set(initials, match);
    }
    for (const w of words) {
      const list = byWord.get(norm(w)) ?? [];
      if (list[list.length - 1] !== match) list.push(match);
      byWord.set(norm(w), list);
    }
    // (A dateline's place, `WASHINGTON —`, heads the story: no one a pronoun or description can mean.)
    const heading = inDateline(doc, run.first);
    if (tokens[run.first].quote < 0 && !heading) recent.push({ t: run.first, e: match });
    match.mentions.push(span);
    if (tokens[run.first].quote < 0 && !heading) match.seen.push({ t: run.first, para: tokens[run.first].para, subject: isSubject(tokens, run.first, run.last, run.personal || match.kind === 'person') });
    // A place is never a person, even when its first word is also a first name (`North Korea`).
    if (place && !(match.kind === 'person' && match.words.length > words.length)) { match.kind = 'org'; match.gender = null; match.place = true; } else if (run.org && match.kind !== 'person') match.kind = 'org';
    else if (run.personal) match.kind = 'person';
    // (The entity's own first name gives the gender: `Al Hashish` after `Samira Al Tahan` is
    // not Al.)
    // (The lists' answer is a guess; a title's, `Mrs.`, is not. A title stays second: `spokesman`
    // and `chairman` are said of women too.)
    const listed = place ? undefined : firstNameGender(match.words[0]);
    // (An honorific before the first name outweighs the lists: it is said of this very person,
    // `Ms. Jesse Ortiz`, where the lists guess from what most people named Jesse are. Before a
    // surname alone it may be said of a relative, `Mrs. Clinton` after `Bill Clinton`.)
    if (honorific && match.kind !== 'org' && match.gender !== honorific && (!match.gender || match.genderGuessed) && sameFirst(words, match)) {
      match.gender = honorific;
      match.genderGuessed = false;
    }
    const g = listed ?? (place ? undefined : titled);
    if (g && !match.gender && (words.length > 1 || run.nameFirst > run.first)) { match.gender = g; match.genderGuessed = listed !== undefined; }
    gatherDescriptors(doc, run, match);
    runEntity[k] = match;
  });

  // `New Jersey Otters`, `Connecticut Democrat`: a name that opens with a place's and has no
  // given name is a team's, a club's or a description's, never a person `he` or `she` means.
  for (const e of entities) {
    if (e.kind !== 'unknown' || e.words.length < 2 || isFirstName(e.words[0])) continue;
    for (let n = 1; n < e.words.length && n <= 3; n++) if (isPlaceName(e.words.slice(0, n))) { e.placeLed = true; break; }
  }

  // 2. Resolve each attribution's source, in text order so that salience follows the reading.
  const order = attributions.map((a, k) => k).sort((x, y) => attributions[x].start - attributions[y].start || x - y);
  // (From a literal, not by `map`, which gives packed or holey arrays depending on its path: see findTimes.)
  const speakers: Array<Entity | null> = [];
  for (let k = 0; k < attributions.length; k++) speakers.push(null);
  const last: LastSpeaker = { entity: null, para: -10, at: -1, end: -1 };
  const descriptions = new Map<string, Entity>();
  const later: Array<[number, number]> = [];
  for (const k of order) {
    const a = attributions[k];
    let ent: Entity | null = null;
    if (a.source) {
      // `Lee hid under a desk, he said`: a person the reported clause names is not the `he`
      // or `she` who reports it (else it would read `he hid`).
      const named = a.source.kind === 'pronoun' && a.type !== 'direct' ? namedWithin(doc, index, runEntity, a.start, a.end) : undefined;
      ent = resolveMention(doc, a.source, index, runEntity, nearby(recent, a.source.coreFirst, descriptions), entities, descriptions, last, a.para, named);
    } else if (a.inherits) {
      const j = attributions.indexOf(a.inherits);
      ent = j >= 0 ? speakers[j] : null;
      // (A quotation that continues one after it in its paragraph waits for that one's speaker.)
      if (j >= 0 && !ent && attributions[j].start > a.start) { later.push([k, j]); continue; }
    } else if (a.hint) {
      ent = resolveMention(doc, a.hint, index, runEntity, nearby(recent, a.hint.coreFirst, descriptions), entities, descriptions, last, a.para);
    }
    speakers[k] = ent;
    // (The asker of a question is not the `he` of the answer after it: see asksQuestion.)
    if (ent && !asksQuestion(a)) {
      ent.spoke++;
      last.entity = ent;
      last.para = a.para;
      last.at = a.source ? a.source.first : a.anchor;
      last.end = a.source ? a.source.last : a.anchor;
    }  }
  for (const [k, j] of later) {
    speakers[k] = speakers[j];
    if (speakers[k]) speakers[k]!.spoke++;
  }
  // 3. `A spokeswoman for the mayor said ...` and, in the next sentence, `Dana Ruiz told
  // reporters ...`: a lede that introduces a source by a description and names it at once.
  {
    const renamed = new Map<Entity, Entity>();
    for (const k of order) {
      const a = attributions[k];
      const ent = speakers[k];
      const m = a.source;
      if (!ent || renamed.has(ent) || ent.kind !== 'description' || ent.members || !m || m.kind !== 'description' || !m.indefinite || m.plural) continue;
      if (WRITINGS.has(m.head) || !PERSON_NOUNS.has(m.head) && !TITLES.has(m.head) && !/(er|or|ist|ian|man|woman|person)$/.test(m.head) || NOT_PERSON_HEADS.has(m.head)) continue;
      // (Only a description that opens its sentence, as a lede's does: `In one ad, a narrator
      // says`, `according to a campaign aide` are not followed by their names.)
      if (sentenceOf(doc, m.first)?.first !== m.first) continue;
      const named = namedInNextSentence(doc, index, runEntity, m.last - 1, m.head);
      // (`said Kevin Marlow, a Democratic strategist` after `a newspaper columnist suggested`:
      // a person described otherwise is someone else.)
      // (A title alone, `Justice` in `Justice Ann Lee`, does not tell, for a subject.)
      if (!named) continue;
      const otherwise = [...named.entity.descriptors.keys()].some((d) => named.quoted || !d.toLowerCase().split(/\s+/).every((w) => TITLES.has(w.replace(/\.$/, ''))));
      if (!otherwise || named.entity.descriptorWords.has(m.head)) renamed.set(ent, named.entity);
    }
    if (renamed.size > 0) {
      speakers.forEach((e, k) => {
        const to = e ? renamed.get(e) : undefined;
        if (!to || !e) return;
        speakers[k] = to;
        to.spoke++;
        addDescriptor(to, e.name);
      });
    }
  }
  let n = 0;
  for (const e of entities) e.id = `p${++n}`;
  return { entities, speakers };
}

/** Token `k` lies in the dateline that opens its paragraph (`WASHINGTON (AP) —`, `HALVIK, N.D. —`). */
function inDateline(doc: Doc, k: number): boolean {
  const p = doc.paragraphs[doc.tokens[k].para];
  if (!p || k - p.first > 10) return false;
  const s = sentenceOf(doc, p.first);
  return s !== undefined && s.first === p.first && k < datelineEnd(doc, s);
}

/**
 * The person named first in the sentence after the one token `at` lies in, when that is the
 * first time the article names them (or `head` is among their descriptors): as its subject (`Dana Ruiz told reporters`), or as the
 * speaker of a quotation that opens it (`“...,” said Dana Ruiz`).
 */
function namedInNextSentence(doc: Doc, index: RunIndex, runEntity: Array<Entity | null>, at: number, head?: string): { entity: Entity; quoted: boolean } | null {
  const tokens = doc.tokens;
  const s = sentenceOf(doc, at);
  if (!s) return null;
  let k = s.last;
  if (!tokens[k] || tokens[k].para - tokens[at].para > 1) return null;
  let quoted = false;
  if (tokens[k].quote >= 0 || tokens[k].pos === 'PUNCT') {
    const q = tokens[k].quote;
    const limit = k + 200;
    while (k < tokens.length && k < limit && (q >= 0 && tokens[k].quote === q || tokens[k].pos === 'PUNCT')) k++;
    if (q < 0 || tokens[k]?.para !== tokens[s.last].para) return null;
    quoted = true;
    if (!/^(said|says|added|told)$/.test(tokens[k]?.lower ?? '')) return null;
    k++;
  }
  // (`Justice Sean Harrow`, `Sen. Ann Riley`: a title before the name opens the sentence.)
  const start = k;
  while (k < start + 3 && tokens[k] && /^\p{Lu}/u.test(tokens[k].text) && TITLES.has(tokens[k].lower.replace(/\.$/, ''))) k++;
  const r = index.at[k];
  if (r === undefined || r < 0) return null;
  const run = index.runs[r];
  if (run.first !== k && run.first !== start) return null;
  const e = runEntity[r];
  if (!e || e.place || !(e.kind === 'person' || e.kind === 'unknown' && e.words.length > 1)) return null;
  // (Named before only as what the description calls them: `Coach Ellen Marsh, left,` in a
  // caption above `A Halifax soccer coach says ...`.)
  if (e.mentions[0] && e.mentions[0].start < tokens[run.nameFirst].start && !(head && e.descriptorWords.has(head))) return null;
  if (!quoted && !isSubject(tokens, run.first, run.last, run.personal)) return null;
  return { entity: e, quoted };
}

/** The entities whose names stand between characters `start` and `end` (or undefined when none). */
function namedWithin(doc: Doc, index: RunIndex, runEntity: Array<Entity | null>, start: number, end: number): Set<Entity> | undefined {
  const tokens = doc.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < start) lo = mid + 1; else hi = mid;
  }
  let found: Set<Entity> | undefined;
  for (let k = lo; k < tokens.length && tokens[k].end <= end && k < lo + 400; k++) {
    const r = index.at[k];
    const e = r >= 0 ? runEntity[r] : null;
    if (e && e.kind !== 'description') (found ??= new Set()).add(e);
  }
  return found;
}

/** Subordinators that open an adverbial clause: its subject is not the sentence's topic. */
const SUBORDINATORS = /^(while|whereas|although|though|because|if|when|whenever|after|before|since|as|unless|once|until)$/;

/**
 * The person introduced at the end of the paragraph before a quotation that opens its own,
 * when token `at` is the pronoun of that quotation's cue (`“...,” he said`): named there for
 * the first time, last among the people `ok` accepts, with a description in apposition
 * (`Henry Crespo, president of the caucus.`), in a sentence where no other such person is the
 * main clause's subject (`Ferris attacked Crespo, the caucus president.` is Ferris's). The
 * news introduces a source so, to quote them next. Null otherwise.
 */
function introducedBefore(doc: Doc, index: RunIndex, runEntity: Array<Entity | null>, at: number, ok: (e: Entity) => boolean): Entity | null {
  const tokens = doc.tokens;
  const para = tokens[at].para;
  const p = doc.paragraphs[para];
  if (!p || para === 0 || tokens[p.first].quote < 0) return null;
  // (Only quotation and punctuation before the pronoun in its paragraph.)
  for (let k = p.first; k < at; k++) if (tokens[k].quote < 0 && tokens[k].pos !== 'PUNCT') return null;
  const prev = doc.paragraphs[para - 1];
  const s = sentenceOf(doc, prev.last - 1);
  if (!s) return null;
  const first = Math.max(s.first, prev.first);
  let found: Entity | null = null;
  let foundRun: NameRun | null = null;
  for (let k = prev.last - 1; k >= first; k--) {
    if (tokens[k].quote >= 0) return null;
    const r = index.at[k];
    if (r < 0 || index.runs[r].first !== k) continue;
    const e = runEntity[r];
    // (A person's name: not a title's, `the same Dirty Dancing posters`.)
    if (!e || e.kind !== 'person' && !index.runs[r].personal || e.place || !ok(e)) continue;
    found = e;
    foundRun = index.runs[r];
    break;
  }
  if (!found || !foundRun || found.spoke > 0) return null;
  // (Named there for the first time, and described right after the name.)
  if (found.seen[0]?.t !== foundRun.first || tokens[foundRun.last]?.text !== ',') return null;
  const d = tokens[foundRun.last + 1];
  if (!d || d.quote >= 0 || !(d.pos === 'DET' || d.pos === 'NOUN' || d.pos === 'ADJ' || d.pos === 'NUM' || TITLES.has(d.lower))) return null;
  // No other person is the sentence's main subject.
  let sub = false;
  let clauseOpen = true;
  for (let k = first; k < foundRun.first; k++) {
    const t = tokens[k];
    if (clauseOpen && SUBORDINATORS.test(t.lower)) sub = true;
    clauseOpen = false;
    if (t.text === ',' && sub) { sub = false; clauseOpen = true; continue; }
    const r = index.at[k];
    if (r < 0 || index.runs[r].first !== k) continue;
    const e = runEntity[r];
    const run = index.runs[r];
    k = run.last - 1;
    if (!e || e === found || e.kind === 'org' || e.place || !ok(e)) continue;
    if (!sub && isSubject(tokens, run.first, run.last, run.personal || e.kind === 'person')) return null;
  }
  return found;
}

/**
 * `Unlike Vale, he has struggled`, `Like Brook, she ...`: the people a `he` or `she` the
 * reporter sets against them in the few paragraphs before token `at` cannot mean, and so
 * neither can the same pronoun later on, while they are not named again after it.
 */
function contrastedWith(doc: Doc, index: RunIndex, runEntity: Array<Entity | null>, at: number, pronoun: string): Set<Entity> | undefined {
  const tokens = doc.tokens;
  const para = tokens[at]?.para ?? 0;
  let found: Set<Entity> | undefined;
  for (let k = at - 1; k >= 0 && k > at - 400 && para - tokens[k].para <= 2; k--) {
    const t = tokens[k];
    if (t.quote >= 0 || t.lower !== 'unlike' && t.lower !== 'like') continue;
    const before = tokens[k - 1];
    // (Opening its sentence or clause: not `looks like Vale, he said`.)
    if (before && before.para === t.para && !/^[.!?;:—]$/.test(before.text) && before.quote < 0) continue;
    const r = index.at[k + 1] ?? -1;
    if (r < 0 || index.runs[r].first !== k + 1) continue;
    const run = index.runs[r];
    const e = runEntity[r];
    if (!e || tokens[run.last]?.text !== ',' || tokens[run.last + 1]?.lower !== pronoun) continue;
    // (Named again after the contrast, they may be meant once more.)
    if (e.seen.some((x) => x.t > run.last && x.t < at)) continue;
    (found ??= new Set()).add(e);
  }
  return found;
}

/**
 * Entities mentioned in the few thousand tokens before `at` (and descriptions, which have no
 * name mentions): the only candidates a pronoun or description can mean.
 */
function nearby(recent: Array<{ t: number; e: Entity }>, at: number, descriptions: Map<string, Entity>): Entity[] {
  let lo = 0;
  let hi = recent.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (recent[mid].t < at) lo = mid + 1; else hi = mid;
  }
  const found = new Set<Entity>();
  for (let k = lo - 1; k >= 0 && recent[k].t >= at - 3000 && found.size < 64; k--) found.add(recent[k].e);
  for (const e of descriptions.values()) { if (found.size >= 128) break; found.add(e); }
  return [...found];
}

/** Writings of research, whose findings speak for their authors: `a study by Harbor Works found`. */
const RESEARCH = new Set(['study', 'survey', 'poll', 'analysis', 'audit', 'review']);

/** The author of a writing, remembered for `the study` later on. */
function authored(descriptions: Map<string, Entity>, m: Mention, author: Entity): Entity {
  descriptions.set(`author:${m.head}`, author);
  return author;
}

/**
 * The name in a `by` or `from` phrase within a few words after a writing (`a study released
 * Friday by Harbor Works`), before any punctuation, quotation or other clause; or null.
 */
function authorAfter(doc: Doc, index: RunIndex, runEntity: Array<Entity | null>, from: number): Entity | null {
  const tokens = doc.tokens;
  for (let k = from; k < tokens.length && k < from + 8; k++) {
    const t = tokens[k];
    if (t.quote >= 0 || t.pos === 'PUNCT' || t.para !== tokens[from - 1].para || /^(that|and|but|said|says|found|finds|shows|showed)$/.test(t.lower)) return null;
    if (t.lower !== 'by' && t.lower !== 'from') continue;
    const n = tokens[k + 1]?.lower === 'the' ? k + 2 : k + 1;
    const r = index.at[n] ?? -1;
    const e = r >= 0 ? runEntity[r] : null;
    // (`a report from the Transport Ministry's auditor general`: the possessor is no author.)
    if (r >= 0 && POSSESSIVE_S.has(tokens[index.runs[r].last]?.lower ?? '')) return null;
    return e && !e.place ? e : null;
  }
  return null;
}

/** Last words of the names of plans, laws and programmes, which never speak. */
const PLANS = new Set(['strategy', 'act', 'plan', 'program', 'programme', 'agreement', 'accord', 'treaty', 'bill', 'initiative', 'policy', 'framework', 'protocol', 'charter', 'amendment', 'budget']);

/** Members of a party, as a politician is described: `the Texas Republican`. */
const PARTY_MEMBERS = /^(Republican|Democrat|Independent|Conservative|Liberal|Tory|Labour|Libertarian)$/;


/**
 * For a given name alone in apposition to a kinship noun after a named person's possessive
 * (`Varga's father, Tobias,`), that person's surname, normalised; otherwise null.
 */
function relativeOwner(doc: Doc, run: NameRun): string | null {
  const tokens = doc.tokens;
  const f = run.first;
  if (run.nameFirst !== f || run.nameLast - f !== 1 || tokens[f - 1]?.text !== ',' || !KIN_NOUNS.has(tokens[f - 2]?.lower ?? '')) return null;
  if (!isFirstName(tokens[f].text) || !POSSESSIVE_S.has(tokens[f - 3]?.lower ?? '')) return null;
  const name = tokens[f - 4];
  if (!name || name.para !== tokens[f].para || !/^\p{Lu}/u.test(name.text)) return null;
  return norm(name.text);
}

function titleGender(doc: Doc, run: NameRun, only?: ReadonlySet<string>): 'm' | 'f' | undefined {
  for (let t = Math.max(0, run.first - 1); t < run.nameFirst; t++) {
    const lower = doc.tokens[t].lower;
    const g = GENDERED_TITLES[lower];
    if (g && (!only || only.has(lower))) return g;
  }
  return undefined;
}

/** True when a name run of two words or more opens with an entity's first name (`Jesse Ortiz`, `Jesse Ortiz`). */
function sameFirst(words: string[], e: Entity): boolean {
  return words.length > 1 && e.words.length > 1 && norm(words[0]) === norm(e.words[0]);
}

/** A name the article calls `it` or `the company` is an institution, not a person. */
function asOrg(e: Entity | null): Entity | null {
  if (e && e.kind === 'unknown') e.kind = 'org';
  return e;
}

function resolveMention(
  doc: Doc, m: Mention, index: RunIndex, runEntity: Array<Entity | null>, entities: Entity[], all: Entity[],
  descriptions: Map<string, Entity>, last: LastSpeaker, para: number, named?: Set<Entity>,
): Entity | null {
  const tokens = doc.tokens;
  const at = m.coreFirst;
  if (m.kind === 'name' && m.members) {
    // Several people named together speak as one source, named by their names joined.
    const parts = m.members.map((r) => runEntity[r]).filter((e): e is Entity => e !== null);
    const unique = [...new Set(parts)];
    if (unique.length < 2) return unique[0] ?? null;
    const names = unique.map((e) => e.name);
    const name = names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const key = `group:${name}`;
    let group = descriptions.get(key);
    if (!group) {
      group = newEntity([name], name, 'description');
      group.members = unique;
      descriptions.set(key, group);
      all.push(group);
    }
    group.mentions.push({ start: tokens[m.coreFirst].start, end: tokens[m.coreLast - 1].end, text: doc.text.slice(tokens[m.coreFirst].start, tokens[m.coreLast - 1].end) });
    return group;
  }
  if (m.kind === 'name') {
    const run = index.at[m.coreLast - 1];
    const e = run >= 0 ? runEntity[run] : null;
    // `the Wisconsin Republican`, `the Vermont Democrat`: a place and a party after `the` is how
    // the news describes a politician it has named, the person the passage is about.
    if (e && e.placeLed && PARTY_MEMBERS.test(e.words[e.words.length - 1]) && /^the$/i.test(tokens[index.runs[run].first - 1]?.text ?? '')) {
      // (The speaker just before, else someone described by the place: many are of the party.)
      if (last.entity && last.entity.kind === 'person' && !last.entity.members && para - last.para <= 1) return last.entity;
      const places = e.words.slice(0, -1).map((w) => norm(w));
      const person = salient(entities, at, para, last, (x) => x.kind === 'person' && !x.members && places.every((w) => x.descriptorWords.has(w)));
      if (person) return person;
    }
    return e;
  }
  if (m.kind === 'pronoun') {
    const info = m.head;
    if (info === 'he' || info === 'she') {
      const g = info === 'he' ? 'm' : 'f';
      // (A name of two words or more that is neither an organisation nor a place can be a
      // person the pronoun means, even before it speaks: `For Samira Al Tahan ...`.)
      // (`a witness told Reuters` and then `, he said`: an unnamed source can be meant
      // too, while it is the latest speaker; it has no name mentions to be salient by.)
      const unlike = contrastedWith(doc, index, runEntity, at, info);
      const person = (e: Entity) => !named?.has(e) && !unlike?.has(e) && (e.kind === 'person' || e.kind === 'unknown' && e.words.length > 1 && !e.place && !e.placeLed && !institutionLike(e) || e.onePerson === true && e === last.entity && !personSubjectBetween(doc, index, last.end, at));
      // (When no one of that gender is about, a person whose gender only the first-name lists
      // guessed is meant, and the pronoun corrects the guess.)
      // (`... that concerns Henry Crespo, president of the caucus.` and, opening the next
      // paragraph, `“...,” he said`: the person the paragraph before ended by introducing.)
      const introduced = introducedBefore(doc, index, runEntity, at, (e) => person(e) && (!e.gender || e.gender === g));
      if (introduced) return assignGender(introduced, g);
      const best = salient(entities, at, para, last, (e) => person(e) && (!e.gender || e.gender === g), g)
        // (Only one the passage is about: the speaker just before, or one named in this
        // paragraph; not a `John` further back, whom the lists rarely get wrong.)
        ?? salient(entities, at, para, last, (e) => person(e) && e.genderGuessed === true
          && (e === last.entity && para - last.para <= 1 || latestBefore(e, at)?.para === para), g);
      if (best && best.gender !== g && best.genderGuessed) best.gender = null;
      return best ? assignGender(best, g) : null;
    }
    // (Not a nationality's adjective standing alone, `Canadian` out of `Canadian citizens`: it
    // names no institution.)
    if (info === 'it') return asOrg(salient(entities, at, para, last, (e) => (e.kind === 'org' || e.kind === 'unknown' && e.spoke > 0 && !e.gender) && !(e.words.length === 1 && isDemonym(norm(e.words[0])))));
    if (info === 'they' || info === 'we') {
      if (last.entity && para - last.para <= 1 && (last.entity.kind === 'org' || last.entity.kind === 'description')) return last.entity;
      if (info === 'they') {
        const group = pluralSubjectBefore(doc, at, index);
        if (group) return resolveMention(doc, group, index, runEntity, entities, all, descriptions, last, para);
      }
      return null;
    }
    return null;
  }
  // `her statement read`, `Smith's letter says`: a writing of someone's speaks for its owner.
  if ((WRITINGS.has(m.head) || RESEARCH.has(m.head)) && !m.plural) {
    const owner = tokens[m.first];
    if (owner.lower === 'his' || owner.lower === 'her') {
      const pronoun = changedMention(m, { kind: 'pronoun', head: owner.lower === 'his' ? 'he' : 'she', coreFirst: m.first, coreLast: m.first + 1 });
      const ent = resolveMention(doc, pronoun, index, runEntity, entities, all, descriptions, last, para);
      if (ent) return ent;
    }
    const r = index.at[m.first];
    if (r >= 0 && (tokens[index.runs[r].last]?.lower === '’s' || tokens[index.runs[r].last]?.lower === "'s") && runEntity[r]) return runEntity[r];
    // `The RCMP statement`, `a statement from the NFU`: a name before the head or in a phrase
    // after it is the writing's author.
    const head = headIndex(tokens, m);
    for (let k = m.first; k < m.last; k++) {
      const run = index.at[k];
      if (run < 0 || k === head || !runEntity[run]) continue;
      const author = runEntity[run];
      // (After a study, `of` names what it studied: `a poll of Republican voters`.)
      const by = RESEARCH.has(m.head) ? /^(from|by)$/ : /^(from|by|of)$/;
      if (k < head || by.test(tokens[k - 1]?.lower ?? '') || tokens[k - 1]?.pos === 'DET' && by.test(tokens[k - 2]?.lower ?? '')) {
        if (!author.place || k > head) return authored(descriptions, m, author);
      }
    }
    // `a survey which was put out Friday by Harbor Works`: the author named in a `by` or
    // `from` phrase that follows the writing in its clause.
    const after = authorAfter(doc, index, runEntity, m.last);
    if (after) return authored(descriptions, m, after);
    // `the study` after `a study by Harbor Works`: the same writing, by the same author.
    const earlier = !m.indefinite && /^(the|this|that)$/.test(owner.lower) ? descriptions.get(`author:${m.head}`) : undefined;
    if (earlier) return earlier;
    // `the union’s Friday release`: an institution described by its kind owns the writing.
    if (owner.lower === 'the' && ORG_HEADS.has(tokens[m.first + 1]?.lower) && POSSESSIVE_S.has(tokens[m.first + 2]?.lower ?? '')) {
      const described = newMention({ kind: 'description', first: m.first, last: m.first + 2, coreFirst: m.first, coreLast: m.first + 2, head: tokens[m.first + 1].lower, plural: false, indefinite: false });
      const ent = resolveMention(doc, described, index, runEntity, entities, all, descriptions, last, para);
      if (ent && ent.kind !== 'description') return ent;
    }
    // `The Gatsby foundation said ... A statement said`: a statement nobody is said to have
    // issued is the latest speaker's, when it spoke in this paragraph or the one before. (Not
    // an email, letter or tweet: those are as often someone else's the passage reports on.)
    const bare = (m.head === 'statement' || m.head === 'release') && m.last - m.first <= 2 && !index.at.slice(m.first, m.last).some((x) => x >= 0);
    if (bare && last.entity && last.entity.kind !== 'description' && para - last.para <= 1) return last.entity;
  }
  // `according to police chief Dan Reyes`: a description that ends in a person's name, with
  // only its modifiers before the name, is that person.
  {
    const r = index.at[m.last - 1] ?? -1;
    const run = r >= 0 ? index.runs[r] : null;
    const e = r >= 0 ? runEntity[r] : null;
    if (run && e && run.last === m.last && run.first > m.first && !run.org && !e.place && e.kind !== 'org' && (run.personal || e.kind === 'person')) {
      let modifiers = true;
      // (Whatever the tagger reads a role's words as, `police/VERB chief/ADJ`: no preposition,
      // clause word or punctuation between.)
      for (let k = m.first; k < run.first && modifiers; k++) modifiers = tokens[k].quote < 0 && (!/^(ADP|PUNCT|PRON|CCONJ|SCONJ|AUX|PART)$/.test(tokens[k].pos) || tokens[k].text === '-' || POSSESSIVE_S.has(tokens[k].lower));
      if (modifiers) return e;
    }
  }
  // A description: a definite one names someone the article has described that way.
  const text = doc.text.slice(tokens[m.first].start, tokens[m.last - 1].end);
  const definite = !m.indefinite && /^(the|this|that)$/.test(tokens[m.first].lower);
  if (!m.indefinite && !m.plural) {
    // (`the ex-governor` is a governor once: a former one is described by the same noun.)
    const head = m.head.replace(/^ex-(?=\p{L})/u, '');
    // (A name of two words or more that is no institution's nor a place's, which a role noun
    // described before it, is a person's too: `Republican nominee Ed Marlow`.)
    // (Not after a possessive, `his childhood friend`: someone of theirs, not anyone so described.)
    const the = /^(the|this|that)$/.test(tokens[m.first].lower);
    // (`the Florida senator`: one whom a capitalised word before the head, a place's or a
    // party's, describes too comes first.)
    const marks: string[] = [];
    for (let k = m.first + 1; k < headIndex(tokens, m); k++) if (/^\p{Lu}/u.test(tokens[k].text) && tokens[k].pos !== 'PUNCT') marks.push(norm(tokens[k].text));
    // (A kinship noun says whose relative only where it was said: `the father` is one named
    // as someone's father in this paragraph or the one before, not a father further back.)
    const kin = KIN_NOUNS.has(head);
    const fits = (e: Entity) => (e.kind === 'person' || the && e.kind === 'unknown' && e.words.length > 1 && !e.place && !e.placeLed) && e.descriptorWords.has(head)
      && (!kin || para - (latestBefore(e, at)?.para ?? -9) <= 1);
    const described = (marks.length > 0 ? salient(entities, at, para, last, (e) => fits(e) && marks.every((w) => e.descriptorWords.has(w))) : null)
      ?? salient(entities, at, para, last, fits);
    if (described) return described;
    // (A kind of role, `the German leader`, `the lawmaker`: one described by a role of that kind,
    // whom its capitalised words describe too, or who was named in this paragraph or the one before.)
    const kinds = the ? ROLE_KINDS[head] : undefined;
    if (kinds) {
      const near = (e: Entity) => { const seen = latestBefore(e, at); return seen !== undefined && para - seen.para <= 1; };
      const kind = salient(entities, at, para, last, (e) => e.kind === 'person' && kinds.some((w) => e.descriptorWords.has(w))
        && (marks.length > 0 ? marks.every((w) => e.descriptorWords.has(w)) : near(e)));
      if (kind) return kind;
    }
  }
  if (!m.coordinated && (m.coreFirst > m.first || index.at[m.coreFirst] >= 0)) {
    // `KCNA news agency`: the name inside names the source.
    const run = index.at[m.coreFirst];
    // (Not a nationality's adjective, `the Canadian government`: that names no one.)
    const demonym = run >= 0 && index.runs[run].nameLast - index.runs[run].nameFirst === 1 && isDemonym(tokens[index.runs[run].nameFirst].lower);
    if (run >= 0 && runEntity[run] && !demonym && m.head !== 'spokesperson' && !PERSON_NOUNS.has(m.head)) return runEntity[run];
  }
  if (definite && !m.plural) {
    // `the company said`, `the agency told`: the institution the article has been talking
    // about, preferably one whose name holds the word (`the ministry` -> Ministry of Transport).
    if (ORG_HEADS.has(m.head)) {
      const named = latestMentioned(entities, at, para, 8, (e) => e.kind !== 'description' && e.words.some((w) => norm(w) === m.head));
      if (named) return named;
      // `the port authority`, `the transit agency`: a modified description names its own
      // institution; only the bare `the company` takes the one the passage is about.
      const bare = m.last - m.first === 2;
      // Only an institution the passage is about: one that spoke, stood as a subject, or was
      // named in the same paragraph.
      // (`the city`, `the province`: a name merely mentioned nearby is as often a district, an
      // arena or a street as the town itself; only one that has spoken can be its government.)
      const local = LOCALITY_HEADS.has(m.head);
      // (Nor a plan, a law or a strategy, `the Federal Sustainable Development Strategy`: no
      // institution at all.)
      // (Nor a place, `Halvik County`, or a name that is no known institution where it stands
      // as a place does, `in Halvik`: no `union` is meant by it.)
      const org = !bare ? null : latestMentioned(entities, at, para, 1, (e) => !e.place && (e.kind === 'org' || e.kind === 'unknown' && !e.gender) && !PLANS.has(norm(e.words[e.words.length - 1]))
        && (local || !THING_LAST_WORDS.has(norm(e.words[e.words.length - 1])))
        && (e.spoke > 0 || !local && e.seen.some((x) => x.t < at && (x.para === para && (e.kind === 'org' || x.subject || !LOCATIVE_BEFORE.has(tokens[x.t - 1]?.lower ?? '')) || x.subject && para - x.para <= 1))));
      if (org) return asOrg(org);
      // Nor one named a few paragraphs back that has been speaking since (`Lakeside Power said`, then
      // `it said`, then `the utility said`): the previous speaker, when it is an institution.
      const prev = last.entity;
      if (bare && prev && prev.kind === 'org' && !prev.place && !prev.members && para - last.para <= 2) return prev;
    } else if ((m.last - m.first > 2 && hasEpithet(tokens, m.first + 1, headIndex(tokens, m)) || epithetNoun(tokens, m) && !descriptions.has(`head:${m.head}:s`))
      && index.at[headIndex(tokens, m)] < 0) {
      // `the affable proprietor`, `the 47-year-old welder`, `the defender`: a described person is
      // the person the passage is about, not a new source. (Not a phrase whose last word is a
      // name, `the latest figures from the Harbour Board`: the name tells whose it is.)
      const person = salient(entities, at, para, last, (e) => e.kind === 'person');
      if (person) return person;
    }
  }
  const key = text.toLowerCase().replace(/^(the|a|an|this|that)\s+/, '');
  let ent = descriptions.get(key);
  // `the official said` after `a justice official told reporters`: the same unnamed source.
  if (!ent && definite) ent = descriptions.get(`head:${m.head}:${m.plural ? 'p' : 's'}`);
  if (!ent) {
    // An unnamed source is named by the description that introduced it, as the contract has it.
    const name = text;
    ent = newEntity([name], name, 'description');
    // (Only one introduced as someone new, `a witness`: `the former senator` is as often a
    // named person the resolution missed, and `he` then means that person.)
    // (Nor one the article says it leaves unnamed, `the neighbour, who asked not to be named,`:
    // no name is missing there.)
    if (!m.plural && isPersonHead(m.head) && (m.indefinite || definite && unnamedAfter(tokens, m.last))) {
      ent.onePerson = true;
      ent.gender = GENDERED_NOUNS[m.head] ?? null;
    }
    descriptions.set(key, ent);
    all.push(ent);
  }
  descriptions.set(`head:${m.head}:${m.plural ? 'p' : 's'}`, ent);
  ent.mentions.push({ start: tokens[m.first].start, end: tokens[m.last - 1].end, text });
  return ent;
}

/**
 * `, who asked not to be named,`, `, who spoke on condition of anonymity,`: a relative clause
 * set off at `k` that says the person is left unnamed.
 */
function unnamedAfter(tokens: Token[], k: number): boolean {
  if (tokens[k]?.text !== ',' || !/^(who|whom)$/.test(tokens[k + 1]?.lower ?? '')) return false;
  for (let x = k + 2; x < tokens.length && x < k + 14 && tokens[x].quote < 0 && !/^[,.;:!?]$/.test(tokens[x].text); x++) {
    if (/^(named|identified|anonymity|anonymous)$/.test(tokens[x].lower)) return true;
  }
  return false;
}

/**
 * `Harbour councillors are keen to ..., and they say`, `members grumbled about what they
 * said`: the people `they` means, when no group spoke just before, are the subject nearest
 * before it in its own sentence or the one before that can be a group (groupEndingAt) and is
 * followed by its verb.
 */
function pluralSubjectBefore(doc: Doc, at: number, index: RunIndex): Mention | null {
  const tokens = doc.tokens;
  let stops = 0;
  for (let k = at - 1; k >= 0 && k > at - 40 && tokens[k].para === tokens[at].para; k--) {
    const t = tokens[k];
    if (t.quote >= 0) continue;
    if (/^[.!?]$/.test(t.text) && ++stops > 1) break;
    const next = tokens[k + 1];
    if (!next || next.quote >= 0 || !(next.pos === 'VERB' || next.pos === 'AUX')) continue;
    const m = groupEndingAt(doc, k, index);
    if (!m) continue;
    // The subject of a main clause: at the start of the sentence, or after a comma or a
    // conjunction (not `that federal courts are`, `help candidates identify`).
    const before = tokens[m.first - 1];
    if (!before || before.para !== t.para || /^[.!?,;:]$/.test(before.text) || before.pos === 'CCONJ') return m;
  }
  return null;
}

/**
 * The phrase ending at token `k` that `they` can mean: a definite plural noun of people (`the
 * councillors`), two people or more named together (`Ivo Marren and Dela Kosti`), or an
 * institution, named (`the Harbour Workers Union`) or described (`the union`), which the news
 * calls `they` as often as `it`.
 */
function groupEndingAt(doc: Doc, k: number, index: RunIndex): Mention | null {
  const tokens = doc.tokens;
  const t = tokens[k];
  const r = index.at[k];
  if (r >= 0) {
    const run = index.runs[r];
    if (run.last !== k + 1 || run.common) return null;
    const m = phraseBefore(doc, k + 1, Math.max(0, k - 12), index);
    if (!m || m.kind !== 'name' || m.last !== k + 1) return null;
    return m.members || run.org && !isPlaceName([tokens[run.nameLast - 1].lower]) ? m : null;
  }
  if (t.pos !== 'NOUN') return null;
  if (ORG_HEADS.has(t.lower)) {
    const m = phraseBefore(doc, k + 1, Math.max(0, k - 8), index);
    return m && m.kind === 'description' && !m.plural && !m.indefinite && m.last === k + 1 && tokens[m.first].lower === 'the' ? m : null;
  }
  if (!/s$/.test(t.lower) || !PERSON_NOUNS.has(t.lower) && !/(or|ist|ian|ant)s$/.test(t.lower)) return null;
  const m = phraseBefore(doc, k + 1, Math.max(0, k - 8), index);
  return m && m.kind === 'description' && m.plural && !m.indefinite && m.last === k + 1 ? m : null;
}

/** The entity mentioned last before token `before`, at most `paras` paragraphs back. */
function latestMentioned(entities: Entity[], before: number, para: number, paras: number, ok: (e: Entity) => boolean): Entity | null {
  let best: Entity | null = null;
  let bestT = -1;
  for (const e of entities) {
    if (!ok(e)) continue;
    const last = latestBefore(e, before);
    if (last && para - last.para <= paras && last.t > bestT) { best = e; bestT = last.t; }
  }
  return best;
}

function assignGender(e: Entity, g: 'm' | 'f'): Entity {
  if (!e.gender) { e.gender = g; e.genderGuessed = false; }
  return e;
}

/** Latest mention of `e` before token `before`, or undefined. */
function latestBefore(e: Entity, before: number): Entity['seen'][number] | undefined {
  let found: Entity['seen'][number] | undefined;
  for (const s of e.seen) {
    if (s.t >= before) break;
    found = s;
  }
  return found;
}

/**
 * The entity a pronoun or description most likely means: the previous speaker above all
 * (`he added`), then a matching gender, a subject mention, and recency.
 */
function salient(
  entities: Entity[], before: number, para: number, last: LastSpeaker,
  ok: (e: Entity) => boolean, gender?: 'm' | 'f',
): Entity | null {
  // A compatible person introduced as a subject after the last speaker's attribution shifts
  // the topic (`Jerry Sabine hopes ...` then `“...,” he said`): the previous speaker loses
  // its claim on the pronoun.
  let shifted = false;
  for (const e of entities) {
    if (e === last.entity || !ok(e) || gender && e.gender && e.gender !== gender) continue;
    const seen = latestBefore(e, before);
    if (seen && seen.subject && seen.t > last.at && para - seen.para <= 1) { shifted = true; break; }
  }
  let best: Entity | null = null;
  let bestScore = -Infinity;
  let bestT = -1;
  for (const e of entities) {
    if (!ok(e)) continue;
    const seen = latestBefore(e, before);
    const isLastSpeaker = e === last.entity && para - last.para <= 3;
    if (!seen && !isLastSpeaker) continue;
    let score = 0;
    if (isLastSpeaker && !shifted) score += 3 - 0.5 * (para - last.para);
    if (gender && e.gender === gender) score += 1.5;
    if (e.spoke > 0) score += 1;
    if (seen) {
      score -= 0.5 * Math.min(6, para - seen.para);
      if (seen.subject) score += 1;
      if (seen.para === para) score += 1;
      if (shifted && e !== last.entity && seen.subject && seen.t > last.at) score += 1;
    }
    const t = seen ? seen.t : -1;
    if (score > bestScore || score === bestScore && t > bestT) { best = e; bestScore = score; bestT = t; }
  }
  return best;
}

/** The speaker of the latest attribution resolved so far, and where it stood. */
interface LastSpeaker {
  entity: Entity | null;
  para: number;
  /** Token of its source mention (or of its sentence when it had none). */
  at: number;
  /** One past the last token of that mention. */
  end: number;
}

/**
 * A name followed (after adverbs and auxiliaries, or after an apposition set off by commas:
 * `Mary Tolland, director of programs, agreed`) by a verb is a clause subject.
 */
function isSubject(tokens: Token[], first: number, after: number, personal: boolean): boolean {
  let k = after;
  // (`like Okafor was born`, `in Dallas`: a name after a preposition is its object.)
  const before = tokens[first - 1];
  const object = before !== undefined && before.pos === 'ADP' && before.para === tokens[first].para && before.quote < 0;
  // `(talking about) Rafael Ostin, who moved here in 2011, ...`: a person who is the subject
  // of the relative clause after the name (not `Ferris, who he noted was ...`).
  if (tokens[k]?.text === ',' && tokens[k + 1]?.lower === 'who' && (personal || !object) && !/^(PRON|NOUN|PROPN|DET)$/.test(tokens[k + 2]?.pos ?? '')) return true;
  if (object) return false;
  // (`The judge, Sarah Kent, rejected ...`: a name in apposition to the subject, a verb right
  // after its closing comma.)
  // (Only after a phrase that opens its sentence: not `a credit union run by his father's
  // friend, Martin Legere, gave ...`.)
  if (tokens[k]?.text === ',' && tokens[first - 1]?.text === ',' && tokens[k + 1]?.quote < 0 && (tokens[k + 1]?.pos === 'VERB' || tokens[k + 1]?.pos === 'AUX') && !tokens[k + 1].lower.endsWith('ing')) {
    let b = first - 2;
    while (b >= 0 && b > first - 10 && tokens[b].quote < 0 && tokens[b].para === tokens[first].para && (/^(DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[b].pos) || /^(['’]s|his|her|their|its|our)$/.test(tokens[b].lower))) b--;
    if (b < first - 2 && (b < 0 || tokens[b].para !== tokens[first].para || /^[.!?]$/.test(tokens[b].text))) return true;
  }
  if (tokens[k]?.text === ',') {
    let j = k + 1;
    while (j < tokens.length && j < k + 16 && tokens[j].text !== ',' && tokens[j].quote < 0 && !/^[.;:!?]$/.test(tokens[j].text)) j++;
    if (tokens[j]?.text !== ',') return false;
    k = j + 1;
  }
  for (let end = k + 4; k < tokens.length && k < end; k++) {
    const t = tokens[k];
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
    if (t.pos === 'ADV' || t.pos === 'PART') continue;
    return false;
  }
  return false;
}

// ---- descriptors ----

function addDescriptor(e: Entity, text: string): void {
  const d = text.trim().replace(/^(the|a|an)\s+/i, '').replace(/[,.;:]+$/, '').trim();
  if (d.length < 2 || d.length > 80) return;
  e.descriptors.set(d, (e.descriptors.get(d) ?? 0) + 1);
  const words = d.toLowerCase().split(/[\s-]+/).map((w) => w.replace(/[.’']/g, ''));
  for (const w of words) {
    e.descriptorWords.add(w);
    // (`Sen.` makes a senator, `Gov.` a governor: `the senator said` after `Sen. Ann Lee`.)
    const full = TITLE_ABBREVIATIONS[w];
    if (full) for (const f of full.split(' ')) e.descriptorWords.add(f);
  }
  // `Al Hashish, a 23-year-old mother`: a gendered head noun tells which pronoun means them.
  const head = d.toLowerCase().split(/\s+of\s+/)[0].split(/[\s-]+/).pop() ?? '';
  const g = GENDERED_NOUNS[head];
  // (It outweighs the first-name lists' guess, unless a `-man` title, which the news gives
  // women too: `spokesman Hope Lindqvist`.)
  const epicene = /man$/.test(head) && !/woman$/.test(head);
  if (g && (!e.gender || e.genderGuessed && !epicene) && e.kind !== 'org') {
    e.gender = g;
    e.genderGuessed = false;
    if (e.kind === 'unknown') e.kind = 'person';
  }
}

function gatherDescriptors(doc: Doc, run: NameRun, e: Entity): void {
  const tokens = doc.tokens;
  // Titles inside the run: `President` in `President Ferris`, `U.S. Secretary` ...
  let first = run.first;
  // Pre-modifiers before the run: `Salt Lake City’s mayor-elect`, `former Vermont governor`.
  let k = run.first - 1;
  let hasNoun = run.nameFirst > run.first;
  while (k >= 0 && tokens[k].quote === tokens[run.first].quote && tokens[k].para === tokens[run.first].para) {
    const t = tokens[k];
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM' || POSSESSIVE_S.has(t.lower) || (t.text === '-' && !t.space)) {
      if (t.pos === 'NOUN' || TITLES.has(t.lower)) hasNoun = true;
      k--;
      continue;
    }
    break;
  }
  if (k + 1 < run.first && hasNoun && isDescriptorHead(tokens, run.first - 1)) first = k + 1;
  if (first < run.nameFirst && hasNoun) addDescriptor(e, doc.text.slice(tokens[first].start, tokens[run.nameFirst - 1].end));
  // Apposition: `Velhorn, the 41-year-old green candidate and former county commissioner`.
  const after = run.nameLast;
  if (tokens[after]?.text === ',' && tokens[after + 1] && tokens[after + 1].quote < 0) {
    let j = after + 1;
    const start = j;
    const opener = tokens[j];
    if (opener.pos === 'DET' || opener.pos === 'ADJ' || opener.pos === 'NUM' || opener.pos === 'NOUN' && !/^[A-Z]/.test(opener.text)) {
      let clause = false;
      while (j < tokens.length && j - start < 14 && tokens[j].quote < 0) {
        const t = tokens[j];
        if (t.text === ',' || t.text === '.' || t.text === ';' || t.pos === 'PRON' && t.lower !== 'her' && t.lower !== 'his' || t.lower === 'who') break;
        // `According to Raj Mehta, the deficit will grow`: a verb makes it a clause, not an apposition.
        if (t.pos === 'VERB' || t.pos === 'AUX') { clause = true; break; }
        j++;
      }
      // The head is the last noun, or the noun before an `of` phrase (`the premier of Ontario`,
      // `a 23-year-old mother of two`).
      let headOk = j > start && (tokens[j - 1].pos === 'NOUN' || TITLES.has(tokens[j - 1].lower));
      for (let k = j - 1; !headOk && k > start; k--) if (tokens[k].lower === 'of' && (tokens[k - 1].pos === 'NOUN' || TITLES.has(tokens[k - 1].lower))) headOk = true;
      if (!clause && headOk) {
        const text = doc.text.slice(tokens[start].start, tokens[j - 1].end);
        for (const part of text.split(/\s+and\s+/)) addDescriptor(e, part);
      }
    }
  }
  // Apposition before the name: `the regional transport minister, Elena Marchetti,`.
  if (tokens[run.first - 1]?.text === ',' && tokens[run.nameLast]?.text === ',') {
    let b = run.first - 2;
    while (b >= 0 && tokens[b].quote < 0 && (tokens[b].pos === 'NOUN' || tokens[b].pos === 'ADJ' || tokens[b].pos === 'PROPN' || POSSESSIVE_S.has(tokens[b].lower))) b--;
    if (b >= 0 && tokens[b].pos === 'DET' && b + 1 < run.first - 1 && tokens[run.first - 2].pos === 'NOUN') {
      addDescriptor(e, doc.text.slice(tokens[b].start, tokens[run.first - 2].end));
    } else if (relativeOwner(doc, run) !== null) {
      // `Varga's father, Tobias,`: the relation is what the article calls them (`his father`).
      addDescriptor(e, doc.text.slice(tokens[run.first - 2].start, tokens[run.first - 2].end));
    }
  }
  // Titles alone (`President` in `President Ferris`) are descriptors too, a run of title words
  // as one (`Prime Minister`, not `Prime` and `Minister`).
  for (let t = run.first; t < run.nameFirst; t++) {
    if (!TITLES.has(tokens[t].lower)) continue;
    let u = t;
    while (u + 1 < run.nameFirst && TITLES.has(tokens[u + 1].lower)) u++;
    addDescriptor(e, doc.text.slice(tokens[t].start, tokens[u].end));
    t = u;
  }
}

/** A role a person can be described by: `governor`, `cartoonist`, `mayor-elect` (not `interview`). */
function isDescriptorHead(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (TITLES.has(t.lower) || PERSON_NOUNS.has(t.lower)) return true;
  // `mayor-elect`, `co-founder`: a hyphenated compound with a role in it.
  if (tokens[k - 1]?.text === '-' && !t.space && tokens[k - 2] && isDescriptorHead(tokens, k - 2)) return true;
  return t.pos === 'NOUN' && /(er|or|ist|ian|ant|ent|man|woman|person|ee|elect)$/.test(t.lower);
}

/**
 * Heads of definite descriptions that mean an institution: `the company`, `the agency`. (Not
 * `the government`: it means a country's government, which the article rarely names.)
 */
const ORG_HEADS = new Set(`company firm group agency ministry department union team board organization
 organisation network council commission association bank club party office service
 utility authority league institute university hospital airline retailer insurer broadcaster
 newspaper paper regulator province city town municipality district committee coalition campaign
 foundation charity corporation business startup manufacturer automaker chain operator`.split(/\s+/).filter(Boolean));

/** Heads that look like a role (`-er`, `-or`) and are none. */
const NOT_PERSON_HEADS = new Set(['number', 'order', 'paper', 'letter', 'poster', 'flier', 'flyer', 'error', 'sector', 'factor', 'mirror', 'chapter', 'quarter', 'center', 'centre', 'matter', 'disaster', 'monitor', 'counter', 'computer', 'trailer', 'banner', 'newsletter', 'register']);

/**
 * A person stands as a clause's subject between tokens `from` and `to`, outside quotations: a
 * name (`Gov. Ann Lee (D) tried`), a role after `the` or a possessive (`the mayor brought up`),
 * or a name's possessive opening a sentence (`Lee's tone was defiant`). After that, `he` is as
 * likely to mean them as an unnamed source that spoke before.
 */
function personSubjectBetween(doc: Doc, index: RunIndex, from: number, to: number): boolean {
  const tokens = doc.tokens;
  for (let k = Math.max(0, from); k < to; k++) {
    const t = tokens[k];
    if (t.quote >= 0) continue;
    const r = index.at[k];
    const run = r >= 0 ? index.runs[r] : null;
    if (run && run.first !== k) continue;
    if (run && run.org) { k = run.last - 1; continue; }
    const before = tokens[k - 1];
    if (!run && !(t.pos === 'NOUN' && isPersonHead(t.lower) && before && (before.pos === 'DET' || before.pos === 'PRON' || POSSESSIVE_S.has(before.lower)))) continue;
    let next = run ? run.last : k + 1;
    if (tokens[next]?.text === '(') {
      while (next < to && next < k + 12 && tokens[next].text !== ')') next++;
      next++;
    }
    const opens = !before || before.para !== t.para || /^[.!?]$/.test(before.text);
    if (run && opens && POSSESSIVE_S.has(tokens[next]?.lower ?? '')) return true;
    while (next < to && (tokens[next].pos === 'ADV' || tokens[next].pos === 'PART')) next++;
    if (next < to && (tokens[next].pos === 'VERB' || tokens[next].pos === 'AUX') && tokens[next].quote < 0) return true;
    if (run) k = run.last - 1;
  }
  return false;
}

/** A head noun that names a person's role or kind (`witness`, `spokeswoman`), not a writing or an institution. */
function isPersonHead(head: string): boolean {
  if (WRITINGS.has(head) || RESEARCH.has(head) || ORG_HEADS.has(head) || NOT_PERSON_HEADS.has(head)) return false;
  return PERSON_NOUNS.has(head) || TITLES.has(head) || head in GENDERED_NOUNS;
}

/** Abbreviated titles and the nouns they stand for (`the senator` is `Sen. Ann Lee`). */
const TITLE_ABBREVIATIONS: Record<string, string> = {
  sen: 'senator', rep: 'representative', gov: 'governor', lt: 'lieutenant', gen: 'general', sgt: 'sergeant',
  cpl: 'corporal', det: 'detective', const: 'constable', prof: 'professor', dr: 'doctor', rev: 'reverend',
  supt: 'superintendent', insp: 'inspector', capt: 'captain', col: 'colonel', maj: 'major', cmdr: 'commander',
  adm: 'admiral', amb: 'ambassador', atty: 'attorney', pres: 'president', coun: 'councillor councilor', cllr: 'councillor',
  ald: 'alderman', ceo: 'chief executive officer', cfo: 'chief financial officer', coo: 'chief operating officer',
};

/**
 * Nouns that name a kind of role, and the roles of that kind: `the German leader` is the one
 * described as `German Chancellor`, `the lawmaker` one described as a senator.
 */
const ROLE_KINDS: Record<string, string[]> = {
  leader: ['president', 'premier', 'chancellor', 'prime', 'king', 'queen', 'emir', 'leader'],
  lawmaker: ['senator', 'representative', 'congressman', 'congresswoman', 'mp', 'mla', 'mpp', 'mep', 'legislator', 'assemblyman', 'assemblywoman'],
  legislator: ['senator', 'representative', 'congressman', 'congresswoman', 'mp', 'mla', 'mpp', 'mep', 'lawmaker', 'assemblyman', 'assemblywoman'],
  politician: ['senator', 'representative', 'congressman', 'congresswoman', 'mp', 'mla', 'mpp', 'mep', 'governor', 'mayor', 'minister', 'premier', 'president', 'councillor', 'councilor'],
  executive: ['ceo', 'cfo', 'coo', 'chairman', 'chairwoman', 'president', 'director'],
  candidate: ['nominee', 'candidate'],
  nominee: ['candidate', 'nominee'],
};

/** Last words of the names of places, buildings and things that no one is named by. */
const THING_LAST_WORDS = new Set(['county', 'state', 'states', 'amendment', 'program', 'programme', 'command', 'church', 'cathedral', 'mosque',
  'temple', 'synagogue', 'street', 'avenue', 'road', 'park', 'river', 'lake', 'island', 'valley', 'district', 'city', 'town', 'village', 'train']);

/**
 * A name of two words or more that ends as an institution's or a place's (`Midway Baptist
 * Church`, `Lee County`, `Eastside Housing Council`), which `he` or `she` never means, unless
 * a given name opens it.
 */
function institutionLike(e: Entity): boolean {
  const lastWord = norm(e.words[e.words.length - 1]);
  return (ORG_WORDS.has(lastWord) || THING_LAST_WORDS.has(lastWord)) && !isFirstName(e.words[0]);
}

/** Prepositions that put the name after them in the place of a place: `in Halvik`, `near Lund`. */
const LOCATIVE_BEFORE = new Set(['in', 'at', 'near', 'across', 'outside', 'inside', 'throughout', 'around', 'to', 'into']);

/** Heads of descriptions that mean a place's government: `the city said`. */
const LOCALITY_HEADS = new Set(['city', 'town', 'municipality', 'province', 'district', 'county', 'village']);

function headIndex(tokens: Token[], m: Mention): number {
  for (let k = m.last - 1; k >= m.first; k--) if (tokens[k].lower === m.head) return k;
  return m.last - 1;
}

/**
 * `the defender`, `the goaltender`, `the striker`: `the` and a player's position, when no one
 * the article names is described by it, is an epithet for the player the passage is about (a
 * sports story names its players), not a new unnamed source as `the official` is.
 */
function epithetNoun(tokens: Token[], m: Mention): boolean {
  return m.last - m.first === 2 && tokens[m.first].lower === 'the' && !m.plural && POSITIONS.has(m.head);
}

/** A player's position in a team sport. */
const POSITIONS = new Set(`forward defenceman defenseman defender goaltender goalie netminder goalkeeper keeper winger striker
 midfielder playmaker quarterback linebacker pitcher shortstop outfielder infielder`.split(/\s+/));

/** An adjective, an age or a hyphenated compound before the head: `affable`, `32-year-old`, `bow-tied`. */
function hasEpithet(tokens: Token[], from: number, head: number): boolean {
  for (let k = from; k < head; k++) {
    const t = tokens[k];
    if (t.pos === 'ADJ' && !/^(former|new|current|acting|interim|senior|junior|chief|deputy|local|federal|provincial|national|public|other|same)$/.test(t.lower)) return true;
    if (t.text === '-' && !t.space) return true;
    if (/^\d+-year-old$/.test(t.lower)) return true;
  }
  return false;
}
