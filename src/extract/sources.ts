/**
 * Sources: the phrase that names who speaks for one cue, before it (`Ann Lee, the mayor, said`),
 * after it (`said Ann Lee`), around it (`according to`, `who said`, relative and participle
 * clauses), or the subject of the sentence or clause the cue sits in. Part of attribution
 * (attribution.ts), which pairs each source with its cue's content (contents.ts).
 */
import type { Doc, Range, Token } from './document.js';
import type { QuotedSpan } from './quotemarks.js';
import type { Cue } from './cues.js';
import { changedMention, type Mention, newMention, phraseAfter, phraseBefore, type RunIndex } from './mentions.js';
import { isPlaceName, WRITINGS } from './lexicon.js';
import type { CueInUnit } from './attribution.js';
import { endsUnit, mainVerb, OPENING_SUBORDINATORS, openingAdverbial, POSSESSIVE_WORDS, TIME_WORDS } from './clauses.js';
import { according, asideParticiple, clauseAfterInverted, frontedParticiple, isByGerund, NAMING, personAddressee, quoteAfterName } from './contents.js';

const SKIP_BEFORE_CUE = new Set(['ADV', 'AUX', 'PART']);
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself']);

/**
 * The source of the unit's `k`th cue (`cues[k].source`, and where its phrase begins), from the
 * words around it; a cue with none found before it may take an earlier cue's.
 */
export function findSource(doc: Doc, unit: Range, spans: QuotedSpan[], runs: RunIndex, cues: CueInUnit[], k: number): void {
  const tokens = doc.tokens;
  const c = cues[k];
  if (c.cue.according) {
    c.source = phraseAfter(doc, c.cue.last, unit.last, runs) ?? accordingSource(doc, c.cue.last, unit.last);
    return;
  }
  // `Olin Ferris’s claim that ...`: a cue read as a noun after a possessive is its owner's.
  const owns = tokens[c.cue.first - 1];
  if (owns && /^['’]s$/.test(owns.lower) && owns.pos === 'PART' && owns.quote < 0 && !tokens[c.cue.first].lower.endsWith('ing')) {
    const owner = phraseBefore(doc, c.cue.first - 1, unit.first, runs, true);
    if (owner && owner.kind !== 'pronoun') {
      c.source = owner;
      c.sourceFirst = owner.first;
      return;
    }
  }
  if (c.cue.passiveNaming) {
    // `was described as “...” by critics`: who named it is the agent after the quotation, if any.
    const q = tokens[c.cue.last]?.quote >= 0 ? tokens[c.cue.last].quote : tokens[c.cue.last + 1].quote;
    const by = tokens[spans[q].last];
    c.source = by?.lower === 'by' && by.quote < 0 ? phraseAfter(doc, spans[q].last + 1, unit.last, runs) : null;
    if (c.source) c.sourceFirst = c.source.first;
    return;
  }
  if (c.cue.agent) {
    c.source = /^(by|from|of)$/.test(tokens[c.cue.last]?.lower ?? '') ? phraseAfter(doc, c.cue.last + 1, unit.last, runs) : null;
    if (c.source) c.sourceFirst = c.source.first;
    return;
  }
  const j = skipBackOverModifiers(tokens, c.cue.first, unit.first);
  let src = c.cue.participle ? null : postmodifiedSource(doc, unit, j, c.cue, runs);
  if (src) {
    c.sourceFirst = src.first;
    c.source = src;
    return;
  }
  src = c.cue.participle ? null : hostOfRelative(doc, unit, j, runs) ?? thoseWho(doc, unit, j) ?? phraseBefore(doc, j, unit.first, runs) ?? whoNames(doc, unit, j, c.cue, runs, !cues.some((o, e) => e !== k && o.cue.first < c.cue.first));
  if (src) {
    c.sourceFirst = src.first;
  } else if ((tokens[j - 1]?.text === ',' || titleClosingApposition(doc, spans, j - 1, unit.first)) && !c.cue.participle && !invertedAfterClause(doc, unit, j, c.cue, runs)) {
    // Apposition or relative clause between subject and cue: `Baxter, the board's chair, said`
    // (`Kerry Walsh, star of “Harbor Lights,” said`: its comma inside a title's closing mark).
    const found = subjectBeforeApposition(doc, j - 1, unit.first, runs, spans);
    if (found) { src = found.mention; c.sourceFirst = found.first; }
  } else if (/^[—–]$/.test(tokens[j - 1]?.text ?? '') && !c.cue.participle) {
    // `Owen Pratley — a baker from Elm Crossing — says`: an apposition set off by dashes.
    src = subjectBeforeDashes(doc, j - 1, unit.first, runs);
    if (src) c.sourceFirst = src.first;
  }
  // `His housing plan promises to ...`, `In a statement, the shipping heiress announced that`:
  // a noun phrase that opens its clause right before a finite cue is the cue's subject, so
  // it is the source whatever its head. (Not an object: `posted a string of notices saying`.)
  if (!src && !c.cue.participle && !tokens[c.cue.first].lower.endsWith('ing')) {
    src = clauseOpeningPhrase(doc, j, unit.first, runs);
    if (src) c.sourceFirst = src.first;
  }
  if (!src) {
    const after = phraseAfter(doc, c.cue.last, unit.last, runs);
    const prevTok = tokens[c.cue.first - 1];
    // Inverted order only right after the content: `“...,” said Smith` / `..., said the mayor.`
    const afterQuote = prevTok && (prevTok.quote >= 0 || (prevTok.text === ',' || prevTok.text === '—') && tokens[prevTok.i - 1]?.quote >= 0);
    const clauseBefore = prevTok && (prevTok.text === ',' || prevTok.text === '—') && after && endsUnit(doc, after.last, unit);
    // `Added Smith: “...”`: an inverted cue opening its sentence, the quotation after the name.
    const k = after ? after.last : -1;
    // (`Said Dora Pyne, who grew up with him, “...”`, `In other words, explained the moderator:
    // “...”`: past an apposition, and after a short opening adverbial.)
    const opens = c.cue.first === unit.first || openingAdverbial(doc, unit.first, c.cue.first);
    const quoteNext = after !== null && opens && quoteAfterName(doc, spans, k, unit.last) >= 0;
    if (after && !c.cue.participle && (afterQuote || clauseBefore || quoteNext || clauseAfterInverted(doc, unit, c.cue, after))) {
      src = after;
      // `says Halvor’s partner, Jonas Ruel.`: a role with the name in apposition after it
      // rests on the name.
      const r = runs.at[after.last + 1];
      if (after.kind === 'description' && tokens[after.last]?.text === ',' && r >= 0 && runs.runs[r].first === after.last + 1 && !runs.runs[r].org
        && (runs.runs[r].personal || runs.runs[r].nameLast - runs.runs[r].nameFirst >= 2) && /^[.,;!?]$/.test(tokens[runs.runs[r].last]?.text ?? '.')) {
        const named = phraseAfter(doc, after.last + 1, unit.last, runs);
        if (named && named.kind === 'name') src = named;
      }
    }
  }
  // `“...,” the shipping tycoon told the Gazette`, `“...,” said the base chief`: between a closing
  // quotation mark and its cue, or right after an inverted cue there, only the speaker can
  // stand, so a noun phrase there is the source whatever its head.
  if (!src && !c.cue.participle) {
    // (The quotation must end there as a quotation does, with its punctuation: not a label,
    // `“sunset” clauses added by ...`.)
    const closingMark = (k: number) => k >= unit.first && tokens[k].quote >= 0 && /^[”"»]$/.test(tokens[k].text) && spans[tokens[k].quote].last === k + 1;
    const closes = (k: number) => k > unit.first && (closingMark(k) && /^[,?!…]$/.test(tokens[k - 1].text)
      || (tokens[k].text === ',' || tokens[k].text === '—') && closingMark(k - 1));
    const m = phraseBefore(doc, j, unit.first, runs, true);
    if (m && m.kind === 'description' && closes(m.first - 1)) { src = m; c.sourceFirst = m.first; } else if (closes(c.cue.first - 1)) {
      const after = phraseAfter(doc, c.cue.last, unit.last, runs, true);
      if (after && after.kind === 'description' && endsUnit(doc, after.last, unit)) src = after;
      // (`“...,” tweeted another.`, `“...,” read one.`: a lone word there too.)
      else if (!after && loneSpeakerWord(tokens[c.cue.last]) && endsUnit(doc, c.cue.last + 1, unit)) src = wordMention(tokens[c.cue.last]);
    } else if (closes(c.cue.first - 2) && loneSpeakerWord(tokens[c.cue.first - 1])) {
      // `“...,” Read said.`, `“...,” From said.`: a capitalised word there is the speaker's
      // name, whatever the tagger reads (a verb, a preposition).
      src = wordMention(tokens[c.cue.first - 1]);
      c.sourceFirst = src.first;
    }
  }
  // `Velhorn rallied volunteers by warning that ...`: a gerund after `by` is the means of
  // the main clause's deed, so its subject is that clause's, as a participle's is.
  const byGerund = isByGerund(tokens, c.cue);
  // `Voss, despite admitting that ..., voted`, `Abel Crane, R-Idaho, while insisting ...`: an
  // aside participle's subject is the phrase before its comma.
  if (!src) {
    const fronted = frontedParticiple(doc, unit, c.cue, runs);
    if (fronted) src = fronted.subject;
  }
  if (!src && asideParticiple(tokens, c.cue)) {
    const comma = c.cue.first - 2;
    const m = phraseBefore(doc, comma, unit.first, runs);
    // (Past an apposition: `Abel Crane, R-Idaho, despite ...`.)
    src = (!m || tokens[m.first - 1]?.text === ',' ? subjectBeforeApposition(doc, comma, unit.first, runs, spans)?.mention : null) ?? m;
  }
  if (!src && (c.cue.participle || byGerund || /^(and|but|or)$/.test(tokens[c.cue.first - 1]?.lower ?? ''))) {
    let earlier: Mention | null = null;
    // (Not a cue inside an earlier cue's complement, `told them that she thinks we can
    // still ..., saying`: the participle goes with the main clause.)
    for (let e = k - 1; e >= 0 && !earlier; e--) if (!c.cue.participle || !complementOf(doc, cues, e)) earlier = cues[e].source;
    // `Smith said A, adding B`, `He said A, and added B`: the later cue rests on the same
    // subject, a mention in its quote's own sentence.
    // (A participle with no cue before it rests on the subject of the sentence's main clause,
    // not on one of a clause inside it: `Tanning apologized after they came out, saying ...`.)
    // (After a relative or temporal clause, the participle goes with it: `when hecklers
    // interrupted her talk, shouting ...`, `where 50 protesters had gathered, chanting ...`.)
    // (So does a predicate joined by `and` with no subject of its own: `Harbor Works has a plan
    // for landlords hoping to cut their heating bills and suggests ...`.)
    const joined = !c.cue.participle && !byGerund && tokens[c.cue.first - 1]?.lower === 'and';
    src = earlier ?? ((c.cue.participle || byGerund || joined) && !afterRelative(tokens, unit.first, c.cue.first) ? mainSubject(doc, joined ? lastClauseStart(tokens, unit.first, c.cue.first - 1) : unit.first, c.cue.first, runs, spans) : null)
      ?? subjectOfClause(doc, unit.first, c.cue.first, runs, spans);
  }
  if (!src && !c.cue.participle) src = subjectOfClause(doc, unit.first, c.cue.first, runs, spans);
  // `A notice sent to members from Bakers Local 19 said`: a writing from someone speaks for them.
  if (src && src.kind === 'description' && WRITINGS.has(src.head)) {
    for (let f = src.last; f < c.cue.first - 1; f++) {
      if (tokens[f].lower !== 'from' && tokens[f].lower !== 'by') continue;
      let g = f + 1;
      if (tokens[g]?.lower === 'the') g++;
      const r = runs.at[g];
      const author = r >= 0 ? phraseAfter(doc, f + 1, Math.min(runs.runs[r].last, c.cue.first), runs) : null;
      if (author && author.kind === 'name') src = author;
      break;
    }
  }
  c.source = src;
}

/**
 * `A woman who lives nearby said`, `Residents who live near the plant say`: a relative clause
 * without commas between the subject and its cue. The subject is the phrase before `who`
 * (`that`, `which`) when it opens the clause; the phrase right before the cue is the relative
 * clause's own object or place. `j` is where the cue's group begins.
 */
function hostOfRelative(doc: Doc, unit: Range, j: number, runs: RunIndex): Mention | null {
  const tokens = doc.tokens;
  // (Not past a subject pronoun right before the cue, or another clause's opener: `the
  // congressman who gained attention when he yelled`.)
  if (/^(he|she|they|we|i)$/.test(tokens[j - 1]?.lower ?? '')) return null;
  for (let k = j - 1; k > unit.first && k >= j - 14; k--) {
    const t = tokens[k];
    if (t.quote >= 0 || t.pos === 'PUNCT' && t.text !== '-' && t.text !== '‑') return null;
    if (!/^(who|whom|that|which)$/.test(t.lower)) {
      if (OPENING_SUBORDINATORS.has(t.lower) || RELATIVES.has(t.lower)) return null;
      continue;
    }
    // (`A woman who said`: right before the cue, the relative clause is the cue's own.)
    if (k === j - 1) return null;
    const host = phraseBefore(doc, k, unit.first, runs);
    if (!host || host.kind === 'pronoun' || host.last !== k) return null;
    // (Nor a description in apposition to a name, `said Ann Lee, a pollster who ... and called`.)
    const comma = tokens[host.first - 1];
    if (comma?.text === ',' && runs.at[host.first - 2] >= 0) return null;
    // (`that` after a verb is a complement's, not a relative's: only a noun phrase that opens
    // its clause hosts one.)
    if (!opensClauseAt(tokens, host.first, unit.first) && !openingAdverbial(doc, unit.first, host.first)) return null;
    // (`Though executives who ... say`: a capitalised subordinator opening the sentence is no
    // part of the phrase.)
    if (host.last - host.first > 1 && OPENING_SUBORDINATORS.has(tokens[host.first].lower)) return changedMention(host, { first: host.first + 1, coreFirst: Math.max(host.coreFirst, host.first + 1) });
    return host;
  }
  return null;
}

/**
 * `Ostrova, the climber who calls herself “The Goat”`: a verb of naming right after `who` is
 * the relative clause's own, whose subject is the person the clause hangs on; the name it gives
 * is that person's words. (Only naming: `a woman who said ...` inside another's report is as
 * often part of that report.) `j` is where the cue's group begins.
 */
function whoNames(doc: Doc, unit: Range, j: number, cue: Cue, runs: RunIndex, first: boolean): Mention | null {
  const tokens = doc.tokens;
  const who = tokens[j - 1];
  if (!who || who.quote >= 0 || j - 1 <= unit.first) return null;
  // (Any cue, when no cue stands before it in the sentence: `turned to the city police, which
  // reported “...”` is the police's report, not the main clause subject's.)
  if (!(who.lower === 'who' && NAMING.has(cue.sense.lemma) || /^(who|which)$/.test(who.lower) && first)) return null;
  const host = phraseBefore(doc, j - 1, unit.first, runs);
  if (!host || host.kind === 'pronoun' || host.last !== j - 1) return null;
  return changedMention(host, { relative: j - 1 });
}

/**
 * `Those close to him say`, `All those involved say`: `those` opening the clause with its
 * postmodifier (and a quantifier before it) is the subject, a group described by the whole
 * phrase. `j` is where the cue's group begins.
 */
function thoseWho(doc: Doc, unit: Range, j: number): Mention | null {
  const tokens = doc.tokens;
  // (`Those who said`: a relative clause right before the cue is the cue's own.)
  if (/^(who|that|which)$/.test(tokens[j - 1]?.lower ?? '')) return null;
  for (let k = j - 2; k >= unit.first && k >= j - 10; k--) {
    const t = tokens[k];
    if (t.quote >= 0 || t.pos === 'PUNCT' && t.text !== '-' && t.text !== '‑') return null;
    if (t.lower !== 'those') continue;
    let first = k;
    if (k - 1 >= unit.first && /^(all|many|some|most)$/.test(tokens[k - 1].lower)) first = k - 1;
    else if (k - 2 >= unit.first && tokens[k - 1].lower === 'of' && /^(many|some|most|few|none)$/.test(tokens[k - 2].lower)) first = k - 2;
    if (!opensClauseAt(tokens, first, unit.first)) return null;
    return newMention({ kind: 'description', first, last: j, coreFirst: first, coreLast: j, head: 'those', plural: true, indefinite: false });
  }
  return null;
}

/**
 * A name ending at `k` closes its apposition: a comma follows it, or an affiliation does and
 * then a comma, before `limit` (`Another pollster, Ruth Amadon of Lindell College, said`).
 */
function closedApposition(tokens: Token[], k: number, limit: number): boolean {
  if (tokens[k]?.text === ',') return true;
  if (!/^(of|at|with|from)$/.test(tokens[k]?.lower ?? '')) return false;
  for (let x = k + 1; x < tokens.length && x <= limit && x < k + 8; x++) {
    if (tokens[x].text === ',') return true;
    if (tokens[x].quote >= 0 || tokens[x].pos === 'VERB' || tokens[x].pos === 'AUX' || /^[.;:!?]$/.test(tokens[x].text)) return false;
  }
  return false;
}

/**
 * Where the last clause joined by `, and` or `;` before token `end` begins (`... had left, and
 * a cousin walked in and told`), or `start`.
 */
function lastClauseStart(tokens: Token[], start: number, end: number): number {
  for (let k = end - 1; k > start; k--) {
    if (tokens[k].quote >= 0) continue;
    if (tokens[k].text === ';' || tokens[k].text === ',' && /^(and|but)$/.test(tokens[k + 1]?.lower ?? '') && k + 1 < end) return k + 1;
  }
  return start;
}

/**
 * Cue `e` and its source stand inside the complement of an earlier cue of the unit: no comma,
 * colon, semicolon or quotation mark between that cue and this cue's source.
 */
function complementOf(doc: Doc, cues: CueInUnit[], e: number): boolean {
  const tokens = doc.tokens;
  const from = cues[e].source ? Math.min(cues[e].source!.first, cues[e].sourceFirst) : cues[e].cue.first;
  for (let d = e - 1; d >= 0; d--) {
    if (cues[d].cue.according || cues[d].cue.last > from) continue;
    let open = true;
    for (let x = cues[d].cue.last; x < from && open; x++) if (tokens[x].quote >= 0 || /^[,;:—–]$/.test(tokens[x].text)) open = false;
    if (open) return true;
  }
  return false;
}

/**
 * `Six people, two of them children, were hurt, said police Chief Ana Ruiz.`: a clause with a
 * verb of its own before the comma and a source after the cue that ends the sentence make an
 * inverted cue, not a subject and its apposition before the cue.
 */
function invertedAfterClause(doc: Doc, unit: Range, j: number, cue: Cue, runs: RunIndex): boolean {
  const tokens = doc.tokens;
  if (j !== cue.first || tokens[j - 1]?.text !== ',' || TIME_WORDS.has(tokens[cue.last]?.lower ?? '')) return false;
  const after = phraseAfter(doc, cue.last, unit.last, runs);
  return after !== null && after.kind !== 'pronoun' && endsUnit(doc, after.last, unit) && mainVerb(doc, unit.first, j - 1);
}

/**
 * `CLAUSE, a porter present during the storm told the Gazette.`, `CLAUSE, a cyclist who
 * saw the crash said.`: after the clause's comma, a noun phrase with a postmodifier (a relative
 * clause, an adjective or participle phrase) and then a cue that ends the sentence: the phrase
 * is the source, whatever noun ends the postmodifier. `j` is where the cue's group begins.
 */
function postmodifiedSource(doc: Doc, unit: Range, j: number, cue: Cue, runs: RunIndex): Mention | null {
  const tokens = doc.tokens;
  // (Not after an apposition closed by a comma: `“...,” Jane Roe, a former adviser to the
  // minister, said` is `subjectBeforeApposition`'s.)
  if (cue.according || cue.sense.strength !== 'speech' || tokens[j - 1]?.pos === 'PUNCT' || !endsUnit(doc, personAddressee(doc, cue.last, unit.last, cue), unit)) return null;
  for (let k = j - 2; k > unit.first + 2 && k > j - 16; k--) {
    const t = tokens[k];
    // (`“...,” choir members dressed for a concert say`: a comma inside the closing mark counts.)
    const closing = t.quote >= 0 && /^[”"’»]$/.test(t.text) && tokens[k - 1]?.text === ',';
    if (!closing && (t.quote >= 0 || t.pos === 'PUNCT' && t.text !== ',')) return null;
    if (t.text !== ',' && !closing) continue;
    // (The phrase is read up to its last modifier or noun, so that its postmodifier is no part
    // of it: `a guard on duty that night`.)
    let e = k + 1;
    if (e < j && (tokens[e].pos === 'DET' || tokens[e].pos === 'PRON')) e++;
    while (e < j && tokens[e].quote < 0 && (/^(ADJ|NOUN|PROPN|NUM)$/.test(tokens[e].pos) || tokens[e].text === '-' && !tokens[e].space)) e++;
    const m = phraseAfter(doc, k + 1, e, runs, true);
    if (!m || m.first !== k + 1 || m.kind === 'pronoun' || m.last >= j) return null;
    const p = tokens[m.last];
    const participle = p.pos === 'VERB' && /(ing|ed|wn)$/.test(p.lower);
    // (After a closing mark only a participle: `“...,” University of the Northern Plains social
    // historian Edda Marsh said` is one phrase, read where the source is found after a quote.)
    const post = participle || !closing && (/^(who|whom|whose)$/.test(p.lower) || p.pos === 'ADJ' || p.pos === 'ADP');
    // (The postmodifier has no finite verb of its own outside a relative clause: not `, the
    // fire spread fast, officials said`.)
    // (After a quotation, the participle opening it is none: `“...,” the singers dressed for a
    // concert say`; elsewhere an `-ed` verb may be finite: `a man asked for a receipt and X said`.)
    if (!post || p.pos !== 'ADJ' && !/^(who|whom|whose)$/.test(p.lower) && mainVerb(doc, closing && participle ? m.last + 1 : m.last, j)) return null;
    return m;
  }
  return null;
}

/**
 * Tokens `first` to `subject` are an opening adverbial closed by a comma right before the
 * subject: no verb, at most a dozen tokens (a title in quotation marks among them).
 */
export function openingPhrase(doc: Doc, first: number, subject: number): boolean {
  const tokens = doc.tokens;
  // (The comma may stand inside a title's closing mark: `On “Face the Nation,” Lee said`.)
  const closed = tokens[subject - 1]?.text === ',' || tokens[subject - 1]?.quote >= 0 && tokens[subject - 2]?.text === ',';
  if (subject - first < 2 || subject - first > 12 || !closed) return false;
  for (let x = first; x < subject - 1; x++) if (tokens[x].quote < 0 && (tokens[x].pos === 'VERB' || tokens[x].pos === 'AUX' || /^[.;:!?]$/.test(tokens[x].text))) return false;
  return true;
}

/** A word that can stand alone for a speaker: a capitalised word, or `another`, `one`. */
function loneSpeakerWord(t: Token | undefined): boolean {
  return t !== undefined && t.quote < 0 && t.pos !== 'PRON' && (/^\p{Lu}\p{Ll}+$/u.test(t.text) || /^(another|one)$/.test(t.lower));
}

/** A one-word description: the speaker as the text names it (`Read`, `another`). */
function wordMention(t: Token): Mention {
  return newMention({ kind: 'description', first: t.i, last: t.i + 1, coreFirst: t.i, coreLast: t.i + 1, head: t.lower, plural: false, indefinite: /^(another|one)$/.test(t.lower) });
}

/** Token `k` opens a clause: the sentence's first word, or a word right after a comma or `and`/`but`. */
function opensClauseAt(tokens: Token[], k: number, first: number): boolean {
  let start = first;
  while (start < k && tokens[start].pos === 'PUNCT' && tokens[start].quote < 0) start++;
  if (k === start) return true;
  const before = tokens[k - 1];
  return before.quote < 0 && (before.text === ',' || /^(and|but)$/.test(before.lower));
}

/** Skips adverbs, auxiliaries and time phrases between a subject and its cue. */
export function skipBackOverModifiers(tokens: Token[], j: number, min: number): number {
  while (j - 1 >= min) {
    const p = tokens[j - 1];
    if (SKIP_BEFORE_CUE.has(p.pos) && p.quote < 0 && !(p.pos === 'PART' && (p.lower === '’s' || p.lower === "'s"))) { j--; continue; }
    // (`it further wrote`: an adverb the tagger reads as a verb.)
    if (p.lower === 'further' && p.quote < 0) { j--; continue; }
    if (TIME_WORDS.has(p.lower) && p.quote < 0) {
      j--;
      while (j - 1 >= min && /^(on|last|this|early|late|earlier|in|the|next)$/.test(tokens[j - 1].lower)) j--;
      continue;
    }
    // `Tallis, however, said`: an adverb set off by commas.
    if (p.text === ',' && j - 2 >= min && tokens[j - 2].pos === 'ADV' && tokens[j - 3]?.text === ',') { j -= 3; continue; }
    // `the ad “unmistakably and wrongfully” suggests`: an adverb in quotation marks, with no
    // punctuation of its own.
    if (p.quote >= 0 && /^[”"]$/.test(p.text) && tokens[j - 2]?.quote === p.quote && tokens[j - 2].pos !== 'PUNCT') {
      let f = j - 1;
      while (f - 1 >= min && tokens[f - 1].quote === p.quote) f--;
      if (tokens[f + 1]?.pos === 'ADV' && /^\p{Ll}/u.test(tokens[f + 1].text)) { j = f; continue; }
    }
    // `Brandt himself acknowledged`: an emphatic reflexive after the subject.
    if (REFLEXIVES.has(p.lower) && p.quote < 0) { j--; continue; }
    // `he was quoted as saying`: the passive frame of a report, its subject the speaker.
    if (p.lower === 'as' && tokens[j - 2]?.lower === 'quoted' && j - 2 >= min && p.quote < 0) { j -= 2; continue; }
    break;
  }
  return j;
}

export function isPlaceRun(doc: Doc, runs: RunIndex, m: Mention): boolean {
  const r = runs.at[m.coreFirst];
  if (r < 0) return false;
  const run = runs.runs[r];
  const words: string[] = [];
  for (let k = run.nameFirst; k < run.nameLast; k++) words.push(doc.tokens[k].lower);
  return isPlaceName(words);
}

/**
 * `star of “Harbor Lights,” said`: a title in quotation marks ending an apposition, its comma
 * inside the closing mark, with words of the apposition before it.
 */
function titleClosingApposition(doc: Doc, spans: QuotedSpan[], k: number, min: number): boolean {
  const tokens = doc.tokens;
  const q = tokens[k]?.quote ?? -1;
  if (q < 0 || spans[q].last !== k + 1 || !spans[q].title || tokens[k - 1]?.text !== ',' || !/^[”"»]$/.test(tokens[k].text)) return false;
  const before = spans[q].first - 1;
  return before > min && tokens[before].quote < 0 && tokens[before].pos !== 'PUNCT';
}

/** The phrase before the dash that opens the apposition closed by the dash at `dash`: a name or a person's role. */
function subjectBeforeDashes(doc: Doc, dash: number, min: number, runs: RunIndex): Mention | null {
  const tokens = doc.tokens;
  for (let k = dash - 2; k > min && k > dash - 30; k--) {
    if (tokens[k].quote >= 0 || /^[.;:!?]$/.test(tokens[k].text)) return null;
    if (tokens[k].text !== tokens[dash].text) continue;
    const m = phraseBefore(doc, k, min, runs);
    return m && (m.kind === 'name' || isPersonMention(m, runs)) ? m : null;
  }
  return null;
}

/** `Harry Kazianis, director of ..., said`: the subject stands before the first comma. */
function subjectBeforeApposition(doc: Doc, comma: number, min: number, runs: RunIndex, spans: QuotedSpan[]): { mention: Mention; first: number } | null {
  const tokens = doc.tokens;
  // (`wearing “Abel Crane” campaign pins`, `star of “Harbor Lights”`: a label in quotation marks inside
  // an apposition is part of it, not the quotation the subject follows.)
  const label = (k: number) => {
    const q = tokens[k].quote;
    if (q < 0 || spans[q].first <= min || spans[q].last > comma + 1) return false;
    const inner = doc.text.slice(tokens[spans[q].first].start, tokens[spans[q].last - 1].end);
    return (spans[q].title || spans[q].words <= 4 && !/[.,!?…]\W*$/u.test(inner)) && tokens[spans[q].first - 1]?.quote < 0;
  };
  // `“...,” Lena Graff, the treasurer of Wexford County, one of the counties objecting, said`:
  // right after a quotation, the phrase before the first comma is the subject, however many
  // appositions follow it.
  for (let k = comma - 1; k > min && k > comma - 60; k--) {
    if (label(k)) { k = spans[tokens[k].quote].first; continue; }
    if (tokens[k].quote >= 0) {
      const m = phraseAfter(doc, k + 1, comma, runs);
      if (m && (m.kind === 'name' || m.kind === 'description') && tokens[m.last]?.text === ',' && m.last < comma) {
        // (`“...,” the firm’s spokesperson, Nell Ames, said`: a role with a person's name in
        // apposition rests on the name, as it does opening a sentence.)
        const r = m.kind === 'description' ? runs.at[m.last + 1] : -1;
        const run = r >= 0 ? runs.runs[r] : null;
        if (run && run.first === m.last + 1 && (run.personal || run.nameLast - run.nameFirst >= 2) && !run.org && run.last <= comma && closedApposition(tokens, run.last, comma)) {
          const named = phraseAfter(doc, m.last + 1, comma, runs);
          if (named && named.kind === 'name') return { mention: named, first: m.first };
        }
        return { mention: m, first: m.first };
      }
      break;
    }
    // (`R-Ky.,`: an abbreviation's period before a comma ends nothing.)
    if (/^[;:!?]$/.test(tokens[k].text) || tokens[k].text === '.' && tokens[k + 1]?.text !== ',') break;
  }
  // `Imre Solak, the co-founder of ..., a bakery based in Port Ellery, N.S., says`: a person
  // named at the start of the sentence and set off by a comma is its subject.
  // (`Rep. Mara Quill (D-Ore.), who introduced a bill ..., said`: a parenthesis after the
  // name; `Tanning, the co-author of ..., said`: a single name the article uses for a person.)
  if (comma - min <= 60) {
    const opening = phraseAfter(doc, min, comma, runs);
    let after = opening ? opening.last : -1;
    if (opening && tokens[after]?.text === '(') {
      const close = tokens.findIndex((t, x) => x > after && x < comma && t.text === ')');
      if (close > 0) after = close + 1;
    }
    // (`The chairman, Olin Ferris, suggested`: a role with the name in apposition leaves the name.)
    // (`One blue-state Republican, Idaho Sen. Abel Crane, said`, `His colleague, climatologist
    // Sara Kim, said`: a place, a title or a role in lower case may stand before the name.)
    let n = after + 1;
    while (n < comma && n < after + 4 && runs.at[n] < 0 && tokens[n].quote < 0
      && (tokens[n].pos === 'PROPN' || /^(NOUN|ADJ)$/.test(tokens[n].pos) && /^\p{Ll}/u.test(tokens[n].text))) n++;
    // (Also after a name that names no person, `One blue-state Republican, Sen. Abel Crane,`.)
    const role = opening !== null && (opening.kind === 'description' || opening.kind === 'name' && runs.at[opening.coreFirst] >= 0 && !runs.runs[runs.at[opening.coreFirst]].personal && runs.at[n] >= 0 && runs.runs[runs.at[n]].personal);
    const nameNext = opening !== null && role && runs.at[n] >= 0 && runs.runs[runs.at[n]].first === n && closedApposition(tokens, runs.runs[runs.at[n]].last, comma);
    const named = opening !== null && !nameNext && (isPersonMention(opening, runs) || opening.kind === 'name' && opening.first === min && !runs.runs[runs.at[opening.coreFirst]]?.org);
    if (opening && named && tokens[after]?.text === ',' && after < comma) return { mention: opening, first: opening.first };
  }
  for (let k = comma - 1; k > min && k > comma - 40; k--) {
    if (label(k)) { k = spans[tokens[k].quote].first; continue; }
    if (tokens[k].quote >= 0) return null;
    if (tokens[k].text === ',') {
      // `the transport minister, Elena Marchetti, said`: the name set off by commas is the subject.
      const inner = phraseBefore(doc, comma, k + 1, runs);
      // `Ferris, during a town hall in Millbrook, Ohio, said`: a place after a comma closes an
      // adjunct; the subject stands before it.
      if (inner && inner.kind === 'name' && inner.first === k + 1 && isPlaceRun(doc, runs, inner)) continue;
      const m = phraseBefore(doc, k, min, runs);
      const outer = m && (m.kind === 'name' || m.kind === 'description') ? m : null;
      if (inner && inner.kind === 'name' && inner.first === k + 1) return { mention: inner, first: outer ? outer.first : inner.first };
      // `its partners, members of the Farmers League, said`: a description that names someone
      // only by whose they are leaves the one in apposition, which says who they are.
      // (One that holds a name: `their friends, people in town,` says no more.)
      if (outer && outer.kind === 'description' && POSSESSIVE_WORDS.has(tokens[outer.first].lower) && inner && inner.kind === 'description' && inner.first === k + 1) {
        let named = false;
        for (let x = inner.first; x < inner.last && !named; x++) named = runs.at[x] >= 0;
        if (named) return { mention: inner, first: outer.first };
      }
      // `Maren Holt, the chair of the Regional Water Board, which ..., urged`: a description
      // in apposition to a person's name leaves the name the subject.
      if (outer && outer.kind === 'description' && tokens[outer.first - 1]?.text === ',') {
        const named = phraseBefore(doc, outer.first - 1, min, runs);
        if (named && named.kind === 'name' && isPersonMention(named, runs)) return { mention: named, first: named.first };
      }
      return outer ? { mention: outer, first: outer.first } : null;
    }
    if (/^[.;:!?]$/.test(tokens[k].text)) return null;
  }
  return null;
}

/**
 * Where the main clause of the sentence from `start` opens: past punctuation, a conjunction or
 * adverbs (`And although ...`, `Even before ...`) and a subordinate clause set off by a comma
 * (`After the ruling came out, ...`); -1 when such a clause has no comma to end it.
 */
export function pastOpeningClause(tokens: Token[], start: number, end: number): number {
  let k = start;
  while (k < end && tokens[k].pos === 'PUNCT' && tokens[k].quote < 0) k++;
  for (let n = 0; n < 2 && k < end && (tokens[k].pos === 'CCONJ' || tokens[k].pos === 'ADV') && !OPENING_SUBORDINATORS.has(tokens[k].lower); n++) k++;
  if (k < end && OPENING_SUBORDINATORS.has(tokens[k].lower)) {
    while (k < end && tokens[k].text !== ',' && tokens[k].quote < 0) k++;
    if (tokens[k]?.text !== ',') return -1;
    k++;
  } else if (k < end && ABSOLUTE_OPENERS.has(tokens[k].lower) && tokens[k].quote < 0) {
    // `With leaders increasingly worried about turnout, Obama ...`: a phrase of `with` and its
    // own subject and predicate opens the sentence; the main clause follows its comma.
    let c = k + 1;
    while (c < end && tokens[c].text !== ',' && tokens[c].quote < 0 && !/^[.;:!?]$/.test(tokens[c].text)) c++;
    if (tokens[c]?.text === ',' && c + 1 < end) k = c + 1;
  }
  return k;
}
const ABSOLUTE_OPENERS = new Set(['with', 'without', 'amid']);

/**
 * The subject of the sentence's main clause, from `start`: the phrase before its first verb,
 * past a subordinate clause that opens the sentence (`After the ruling came out, Smith ...`).
 * Null when the first verb has no subject to read there.
 */
export function mainSubject(doc: Doc, start: number, end: number, runs: RunIndex, spans: QuotedSpan[]): Mention | null {
  const tokens = doc.tokens;
  const k = pastOpeningClause(tokens, start, end);
  if (k < 0) return null;
  for (let v = k; v < end; v++) {
    const t = tokens[v];
    if (t.quote >= 0) return null;
    // (A name's word the tagger reads as a verb is no verb: `Sen. Ted/VERB Marlow`.)
    if (t.pos !== 'VERB' && t.pos !== 'AUX' || runs.at[v] >= 0) continue;
    const j = skipBackOverModifiers(tokens, v, k);
    const appositive = tokens[j - 1]?.text === ',' && j === v;
    const m = phraseBefore(doc, j, k, runs) ?? (appositive ? subjectBeforeApposition(doc, j - 1, k, runs, spans)?.mention ?? null : null)
      ?? clauseOpeningPhrase(doc, j, k, runs);
    // (An indefinite phrase is the subject only where the clause opens, past a short opening
    // adverbial: `In August, several groups granted ..., saying`.)
    return m && (m.kind !== 'description' || !m.indefinite || m.first === k || openingAdverbial(doc, k, m.first)) ? m : null;
  }
  return null;
}

/**
 * The noun phrase ending before token `end` when it opens its clause (`In three interviews, the
 * justice sounded off`): there it is the verb's subject, whatever its head. Not a clause's `that`
 * read as a determiner (`and that talks would continue`).
 */
function clauseOpeningPhrase(doc: Doc, end: number, first: number, runs: RunIndex): Mention | null {
  const tokens = doc.tokens;
  const m = phraseBefore(doc, end, first, runs, true);
  if (!m || tokens[m.first].lower === 'that') return null;
  if (opensClauseAt(tokens, m.first, first)) return m;
  // `The most famous latecomer in chess finally said`: over prepositional phrases (two at
  // most) to the phrase that opens the clause, which the whole describes.
  let at = m.first;
  for (let hops = 0; hops < 2; hops++) {
    const adp = tokens[at - 1];
    if (!adp || at - 1 <= first || adp.quote >= 0 || !/^(of|for|at|from|with|in|on)$/.test(adp.lower)) return null;
    const outer = phraseBefore(doc, at - 1, first, runs, true);
    if (!outer || outer.kind === 'pronoun' || outer.last !== at - 1 || tokens[outer.first].lower === 'that') return null;
    if (opensClauseAt(tokens, outer.first, first)) return changedMention(outer, { last: m.last, coreLast: outer.kind === 'description' ? m.last : outer.coreLast });
    at = outer.first;
  }
  return null;
}

const RELATIVES = new Set(['when', 'where', 'who', 'which', 'whom', 'whose', 'while', 'as']);

/**
 * The nearest subordinator before `end` (back to `start`) opens a relative or temporal clause.
 * (Not the participle's own, `while chanting`; nor one inside a parenthesis that dashes or
 * brackets have closed: `along the river - where the fair was held - while chanting`.)
 */
function afterRelative(tokens: Token[], start: number, end: number): boolean {
  for (let k = end - 1; k > start; k--) {
    if (tokens[k].quote >= 0 || k === end - 1 && OPENING_SUBORDINATORS.has(tokens[k].lower)) continue;
    if (/^[-—–)]$/.test(tokens[k].text)) {
      const opening = tokens[k].text === ')' ? '(' : tokens[k].text;
      let o = k - 1;
      while (o > start && !(tokens[o].text === opening && tokens[o].quote < 0)) o--;
      if (o > start) { k = o; continue; }
    }
    if (RELATIVES.has(tokens[k].lower)) return true;
    if (OPENING_SUBORDINATORS.has(tokens[k].lower) || tokens[k].lower === 'that') return false;
  }
  return false;
}

/** The subject of a clause: the first name or pronoun before `end` followed by a verb. */
function subjectOfClause(doc: Doc, start: number, end: number, runs: RunIndex, spans: QuotedSpan[]): Mention | null {
  const tokens = doc.tokens;
  for (let k = end - 1; k >= start; k--) {
    const t = tokens[k];
    if (t.quote >= 0) continue;
    // (A name's word the tagger reads as a verb is no verb: `Sen. Ted/VERB Marlow`.)
    if (t.pos !== 'VERB' && t.pos !== 'AUX' || runs.at[k] >= 0) continue;
    // (An infinitive has no subject of its own: in `tells her son to climb down and says`, the
    // phrase before `to` is the object of the verb before it.)
    if (tokens[k - 1]?.lower === 'to' && tokens[k - 1].quote < 0) continue;
    const j = skipBackOverModifiers(tokens, k, start);
    // (`Jane Harlow, the campaign's vice chair, emailed supporters, telling them ...`: an
    // apposition between the subject and its finite verb, with at most adverbs between the comma
    // and the verb; not a participle's comma nor a clause's: `, when questioned`, `, officials
    // said, was aimed`.)
    let adverbs = true;
    for (let x = j; x < k && adverbs; x++) adverbs = tokens[x].pos === 'ADV' && !/^(when|where|why|how)$/.test(tokens[x].lower);
    const appositive = tokens[j - 1]?.text === ',' && adverbs && !t.lower.endsWith('ing');
    const m = phraseBefore(doc, j, start, runs) ?? (appositive ? subjectBeforeApposition(doc, j - 1, start, runs, spans)?.mention ?? null : null);
    // (An indefinite description is a subject only where it opens the sentence: `A spokesman
    // for the firm declined to comment but said ...`.)
    if (m && (m.kind !== 'description' || !m.indefinite || m.first === start)) return m;
  }
  return null;
}

/** A person's name (a known first name or a title before it) or a role (`the party's leader`). */
function isPersonMention(m: Mention, runs: RunIndex): boolean {
  if (m.kind === 'description') return !m.plural;
  if (m.kind !== 'name') return false;
  const r = runs.at[m.coreFirst];
  if (r < 0 || runs.runs[r].org) return false;
  // Unknown first names count when the name has two words or more (`Tareq Hadad`).
  return runs.runs[r].personal || runs.runs[r].nameLast - runs.runs[r].nameFirst >= 2;
}

/**
 * `according to the latest figures from the Harbour Board,`: when no person or name heads
 * the phrase, the whole phrase up to the comma (or the clause end) is the source.
 */
function accordingSource(doc: Doc, start: number, max: number): Mention | null {
  const tokens = doc.tokens;
  let end = start;
  while (end < max && end - start < 16 && tokens[end].quote < 0 && !/^[,;:.!?]$/.test(tokens[end].text)) end++;
  if (end === start || end - start >= 16 || tokens[end - 1].pos === 'VERB') return null;
  const head = tokens[end - 1].lower;
  const indefinite = /^(a|an|some)$/.test(tokens[start].lower);
  return newMention({ kind: 'description', first: start, last: end, coreFirst: start, coreLast: end, head, plural: /s$/.test(head), indefinite });
}
