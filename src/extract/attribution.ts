/**
 * Attribution: ties each cue to its source phrase and its content, and gives every quotation
 * that has no cue of its own the speaker of the quotation it continues.
 *
 * Works on units: sentences merged wherever a quotation runs across a sentence break, so that
 * `“A. B,” she said` is one unit whose cue covers both sentences.
 */
import type { Doc, Range, Token } from './document.js';
import type { QuotedSpan } from './quotemarks.js';
import { PARTICIPLE_SUBORDINATORS, cueAt, type Cue } from './cues.js';
import { phraseAfter, phraseBefore, type Mention, type NameRun, type RunIndex } from './mentions.js';
import { OBJECT_FIRST, PERSON_NOUNS, REMARK_NOUNS, TAKES_ADDRESSEE, WRITINGS, isPlaceName } from './lexicon.js';
import type { QuoteType } from './types.js';

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
  hint?: Mention;
  /** For the part after a cue that interrupts its quotation mid-sentence: the whole quotation's attribution. */
  whole?: Attribution;
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
  continuesReport?: boolean;
}

const TIME_WORDS = new Set(`monday tuesday wednesday thursday friday saturday sunday today yesterday
 tonight morning afternoon evening night week month year weekend earlier later recently previously
 ago last this`.split(/\s+/));
const SKIP_BEFORE_CUE = new Set(['ADV', 'AUX', 'PART']);
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself']);
/** Verbs that report an order or a plea to an addressee: `urged voters to ...`. */
const DIRECTIVES = new Set(['urge', 'tell', 'ask', 'warn', 'advise', 'remind', 'implore', 'encourage', 'beg', 'caution', 'exhort', 'call on']);
/** Verbs that commit the speaker to a deed: `vowed to ...`, `threatened to ...`. */
const COMMISSIVES = new Set(['vow', 'promise', 'pledge', 'threaten']);
const MAX_UNIT = 1000;

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
function datelineEnd(doc: Doc, s: Range): number {
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

interface CueInUnit {
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
 * The source of the unit's `k`th cue (`cues[k].source`, and where its phrase begins), from the
 * words around it; a cue with none found before it may take an earlier cue's.
 */
function findSource(doc: Doc, unit: Range, spans: QuotedSpan[], runs: RunIndex, cues: CueInUnit[], k: number): void {
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
    if (host.last - host.first > 1 && OPENING_SUBORDINATORS.has(tokens[host.first].lower)) return { ...host, first: host.first + 1, coreFirst: Math.max(host.coreFirst, host.first + 1) };
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
  return { ...host, relative: j - 1 };
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
    return { kind: 'description', first, last: j, coreFirst: first, coreLast: j, head: 'those', plural: true, indefinite: false };
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
 * Records content `f` of cue `c` as an attribution, unless it is no report (a title, a clause
 * without a verb of its own) or lies inside content already taken that it does not nest in.
 */
/**
 * Content claimed in a unit: where it begins and ends, where its source (or cue) begins, whether
 * it is a named source's direct quotation, and whether its cue is a participle or a gerund of
 * means (`, saying`, `by tweeting`), whose subject is the main clause's.
 */
type Taken = [number, number, number, boolean, boolean];

function claimContent(doc: Doc, unit: Range, spans: QuotedSpan[], claimed: Uint8Array, out: Attribution[], taken: Taken[], c: CueInUnit, f: Content): void {
  const tokens = doc.tokens;
  // (`Pratley says he was “sitting it out” until Marsh said she was backing Dunmore`: a reported
  // clause may end in a report of its own, in a subordinate clause (not one set off by a
  // comma or a dash: `her “blunders,” she called them, ...`), or be one from its first word
  // (`noted it had said it would ...`). The clause is then the report, and the inner one, unless
  // a direct quotation, is part of it only; a named speaker's own direct quotation is no part of
  // another's report.)
  const inner = taken.filter(([s, e]) => f.first < e && f.last > s);
  // (Nor a report by a participle or gerund of the speaker's own, `dismissed the rumours by
  // posting that ...`: that is how the main deed was done, the same speaker's report, and what
  // the main verb takes is only its object.)
  const nests = inner.length > 0 && f.type !== 'direct' && f.how === 'clause'
    && inner.every(([s, e, src, named, means]) => !named && !means && f.first <= src && e === f.last && !/^[,—–-]$/.test(tokens[src - 1].text) && tokens[src - 1].quote < 0);
  if (inner.length > 0 && !nests) return;
  if (nests) {
    const [a, b] = [tokens[f.first].start, tokens[f.last - 1].end];
    for (let x = out.length - 1; x >= 0 && out[x].anchor === unit.first; x--) {
      if (out[x].start >= a && out[x].end <= b && out[x].type !== 'direct') out.splice(x, 1);
    }
  }
  if (!f.naming && !f.rest && !isReport(doc, spans, c, f)) return;
  const means = c.cue.participle || isByGerund(tokens, c.cue);
  taken.push([f.first, f.last, Math.min(c.sourceFirst, c.cue.first), f.type === 'direct' && c.source?.kind === 'name', means]);
  for (let t = f.first; t < f.last; t++) if (tokens[t].quote >= 0) claimed[tokens[t].quote] = 1;
  const start = tokens[f.first].start;
  const end = tokens[f.last - 1].end;
  const segments: Array<[number, number]> = f.gap ? [[start, tokens[f.gap[0] - 1].end], [tokens[f.gap[1]].start, end]] : [[start, end]];
  const whole: Attribution = {
    type: f.type, start, end, cue: c.cue, source: c.source, inherits: null, how: f.how,
    para: tokens[f.first].para, anchor: unit.first, segments,
  };
  out.push(whole);
  // `Dunmore, he said, “understands ...”`, `Some delays, according to engineers, involve ...`: as for
  // a quotation its cue interrupts (`attributeUnit`), the part after the cue is also a quote of
  // its own, with the same cue and source.
  if (f.gap) {
    const q = tokens[f.gap[1]].quote;
    const quoted = q >= 0 && spans[q].first === f.gap[1] && spans[q].last === f.last;
    out.push({
      type: quoted ? 'direct' : typeOf(doc, f.gap[1], f.last, spans), start: tokens[f.gap[1]].start, end, cue: c.cue, source: c.source, inherits: null,
      how: f.how, para: tokens[f.gap[1]].para, anchor: unit.first, segments: [[tokens[f.gap[1]].start, end]], whole,
    });
  }
}

/** Content `f` of cue `c` reports something: it is no title of a work, and a clause when indirect. */
function isReport(doc: Doc, spans: QuotedSpan[], c: CueInUnit, f: Content): boolean {
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

/** Verbs that report a question: a clause after them may open with `who` or `which`. */
const QUESTIONS = new Set(['ask', 'wonder', 'question', 'inquire', 'enquire']);

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
function quoteAfterName(doc: Doc, spans: QuotedSpan[], k: number, max: number): number {
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
function clauseAfterInverted(doc: Doc, unit: Range, cue: Cue, src: Mention): boolean {
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

/** `In other words, explained ...`: a few words and a comma opening the sentence, with no verb. */
function openingAdverbial(doc: Doc, first: number, cue: number): boolean {
  const tokens = doc.tokens;
  if (cue - first > 5 || cue - first < 2 || tokens[cue - 1].text !== ',') return false;
  for (let x = first; x < cue - 1; x++) if (tokens[x].quote >= 0 || tokens[x].pos === 'VERB' || tokens[x].pos === 'AUX' || tokens[x].pos === 'PUNCT') return false;
  return true;
}

/**
 * Tokens `first` to `subject` are an opening adverbial closed by a comma right before the
 * subject: no verb, at most a dozen tokens (a title in quotation marks among them).
 */
function openingPhrase(doc: Doc, first: number, subject: number): boolean {
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
  return { kind: 'description', first: t.i, last: t.i + 1, coreFirst: t.i, coreLast: t.i + 1, head: t.lower, plural: false, indefinite: /^(another|one)$/.test(t.lower) };
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
function skipBackOverModifiers(tokens: Token[], j: number, min: number): number {
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

function isPlaceRun(doc: Doc, runs: RunIndex, m: Mention): boolean {
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

const OPENING_SUBORDINATORS = new Set(['when', 'while', 'as', 'after', 'before', 'although', 'though', 'if', 'because', 'since', 'once', 'until', 'whether']);

/**
 * Where the main clause of the sentence from `start` opens: past punctuation, a conjunction or
 * adverbs (`And although ...`, `Even before ...`) and a subordinate clause set off by a comma
 * (`After the ruling came out, ...`); -1 when such a clause has no comma to end it.
 */
function pastOpeningClause(tokens: Token[], start: number, end: number): number {
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
function mainSubject(doc: Doc, start: number, end: number, runs: RunIndex, spans: QuotedSpan[]): Mention | null {
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
    if (opensClauseAt(tokens, outer.first, first)) return { ...outer, last: m.last, coreLast: outer.kind === 'description' ? m.last : outer.coreLast };
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

/**
 * `how the paper rated this statement by Ada Brook on June 11: “...”`, `a letter from Mayor Ada
 * Brook: “...”`: a writing and its author named after `by` or `from`, right before the colon
 * (a time or place adjunct aside, no verb), introduce the author's words, whoever the
 * sentence's subject is. No cue.
 */
function writingByAuthor(doc: Doc, start: number, end: number, runs: RunIndex): { mention: Mention; cue: Cue | null } | null {
  const tokens = doc.tokens;
  const colon = end - 1;
  if (tokens[colon]?.text !== ':' || tokens[colon].quote >= 0) return null;
  for (let k = colon - 1; k > start && k >= colon - 12; k--) {
    const t = tokens[k];
    if (t.quote >= 0 || t.pos === 'VERB' || t.pos === 'AUX' || /^[.,;:!?—]$/.test(t.text)) return null;
    if (!/^(by|from)$/.test(t.lower)) continue;
    let w = k - 1;
    while (w > start && w > k - 3 && /^(ADJ|NUM)$/.test(tokens[w].pos)) w--;
    if (!WRITINGS.has(tokens[w].lower)) return null;
    const r = runs.at[tokens[k + 1]?.lower === 'the' ? k + 2 : k + 1];
    if (r === undefined || r < 0) return null;
    const m = phraseAfter(doc, k + 1, colon, runs);
    if (!m || m.kind !== 'name' || isPlaceRun(doc, runs, m)) return null;
    // (After the name only an adjunct of time or place: `on June 11`, `in Dunmore`.)
    for (let x = m.last; x < colon; x++) if (!/^(ADP|DET|NUM|PROPN|NOUN)$/.test(tokens[x].pos) || tokens[x].quote >= 0) return null;
    return { mention: m, cue: null };
  }
  return null;
}

/**
 * `Ferris: “The plan is to rebuild the pier.”`, `From the report: “...”`: a name or a source
 * standing alone before a colon labels the quotation after it, as in a transcript. No cue.
 */
function speakerLabel(doc: Doc, start: number, end: number, runs: RunIndex): { mention: Mention; cue: Cue | null } | null {
  const tokens = doc.tokens;
  if (tokens[end - 1]?.text !== ':' || end - 1 <= start) return null;
  // (`Brook’s response:`: a noun a name owns labels the owner's words, whatever its head.)
  const possessed = end - 3 >= start && /^['’]s$/.test(tokens[end - 3].lower) && tokens[end - 3].pos === 'PART' && tokens[end - 2].pos === 'NOUN';
  const owned = possessed && runs.at[end - 4] >= 0;
  let m = phraseBefore(doc, end - 1, start, runs, owned);
  // (`The mayor’s response:`: a role a definite description names owns them too; the label
  // rests on the owner.)
  if (!m && possessed) {
    const owner = phraseBefore(doc, end - 3, start, runs);
    if (owner && owner.kind === 'description' && !owner.indefinite && !owner.plural) m = owner;
  }
  if (!m || m.kind === 'pronoun' || m.kind === 'description' && m.indefinite) return null;
  let k = start;
  while (k < m.first && /^(from|more|here|here's|here’s|’s|'s|is|and)$/.test(tokens[k].lower)) k++;
  // (`HIGHER TURNOUT DOESN’T RAISE EXPECTATIONS - Michael P. McDonald: “...”`: a name after a
  // heading and a dash.)
  const dashed = m.kind === 'name' && m.first - 1 > start && /^[-—–]$/.test(tokens[m.first - 1].text) && tokens[m.first - 1].quote < 0;
  return k === m.first || dashed ? { mention: m, cue: null } : null;
}

/**
 * The subject of a sentence and its verb, before token `end`: the first verb (left to right)
 * with a person, organisation or pronoun right before it.
 */
function sentenceSubject(doc: Doc, start: number, end: number, runs: RunIndex): { mention: Mention; cue: Cue } | null {
  const tokens = doc.tokens;
  // (Past a subordinate clause that opens the sentence, whose subject is not the sentence's:
  // `After Brill toured the docks, Voss was upbeat: “...”`; not `As Marsh puts it, ...`, which
  // names whose words follow.)
  const main = pastOpeningClause(tokens, start, end);
  if (main >= 0 && !/^as$/i.test(tokens[start]?.text ?? '')) start = main;
  for (let k = start; k < end; k++) {
    const t = tokens[k];
    if (t.quote >= 0 || t.pos !== 'VERB') continue;
    const j = skipBackOverModifiers(tokens, k, start);
    const m = phraseBefore(doc, j, start, runs);
    if (!m || m.kind === 'description' && m.indefinite) continue;
    return { mention: m, cue: { first: k, last: k + 1, sense: { lemma: t.lower, strength: 'speech' }, according: false, participle: false } };
  }
  return null;
}

/**
 * `Ferris has since apologized for the delay: “...”`, `Abel Crane, R-Idaho, delivered a
 * message: “...”`: a quotation right after the colon that ends a main clause of the reporter's
 * is that clause's subject's, found as a participle's subject is (past an opening subordinate
 * clause, adverbs and an apposition); the cue is the clause's first verb.
 */
function introducedByMainClause(doc: Doc, start: number, end: number, runs: RunIndex, spans: QuotedSpan[]): { mention: Mention; cue: Cue | null } | null {
  const tokens = doc.tokens;
  if (tokens[end - 1]?.text !== ':') return null;
  const m = mainSubject(doc, start, end, runs, spans);
  if (!m || m.kind === 'description' && m.indefinite) return null;
  for (let k = m.last; k < end; k++) {
    const t = tokens[k];
    if (t.quote >= 0) return null;
    if (t.pos !== 'VERB' || runs.at[k] >= 0) continue;
    return { mention: m, cue: { first: k, last: k + 1, sense: { lemma: t.lower, strength: 'speech' }, according: false, participle: false } };
  }
  // `Lintz was defiant: “...”`, `Okafor was more cautious:`: a subject and how they were, the
  // quotation showing it; no verb reports it, so there is no cue.
  return copulaToColon(tokens, m.last, end - 1) ? { mention: m, cue: null } : null;
}

/**
 * `Mayor Lena Ruiz wrote on Facebook on Sunday night.`: a sentence of the reporter's that is a
 * subject, a verb of speech and only adjuncts (`on Facebook`, `in a statement`, `to reporters`),
 * no quotation and no clause: a report whose content is the quotation that follows it. Its
 * subject and cue, or null.
 */
function reportWithoutContent(doc: Doc, start: number, end: number, runs: RunIndex, spans: QuotedSpan[]): { mention: Mention; cue: Cue } | null {
  const tokens = doc.tokens;
  if (tokens[end - 1]?.text !== '.' || end - start > 25) return null;
  // (Nor a report denied, `Ruiz did not respond to a request for comment.`)
  for (let k = start; k < end; k++) if (tokens[k].quote >= 0 || /^(not|n't|n’t|never)$/.test(tokens[k].lower)) return null;
  const m = mainSubject(doc, start, end, runs, spans);
  if (!m || m.kind === 'description' && m.indefinite) return null;
  // (Its first verb past the subject and any apposition: `Lena Ruiz, the mayor, wrote`.)
  let k = m.last;
  while (k < end && (tokens[k].pos !== 'VERB' || runs.at[k] >= 0)) k++;
  const cue = k < end ? cueAt(doc, k) : null;
  if (!cue || cue.according || cue.participle || cue.agent || cue.sense.strength !== 'speech') return null;
  for (let x = cue.last; x < end - 1; x++) if (!/^(ADP|DET|NUM|PROPN|NOUN|ADJ|ADV)$/.test(tokens[x].pos) || tokens[x].lower === 'that') return null;
  return { mention: m, cue };
}

/** From `k` to the colon at `colon`: a form of `be`, adverbs, and an adjective last. */
function copulaToColon(tokens: Token[], k: number, colon: number): boolean {
  if (k >= colon || !/^(is|was|were|are|remained|remains|sounded|seemed)$/.test(tokens[k].lower)) return false;
  let x = k + 1;
  while (x < colon - 1 && tokens[x].pos === 'ADV') x++;
  return x === colon - 1 && tokens[x].pos === 'ADJ' && tokens[x].quote < 0;
}

interface Content {
  first: number;
  last: number;
  type: QuoteType;
  how: Attribution['how'];
  /** Tokens inside [first, last) that are the reporter's (the cue set off by commas), not the report. */
  gap?: [number, number];
  /** What a verb of naming calls its object (`called it a rookie mistake`): a phrase, no clause. */
  naming?: boolean;
  /** The rest of a clause the cue interrupts (`..., she said, to wait`): a phrase, no clause. */
  rest?: boolean;
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

const NAMING = new Set(['call', 'describe', 'label', 'brand', 'dub', 'term', 'characterize', 'characterise']);
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
function subjectBeforeCue(doc: Doc, unit: Range, c: CueInUnit, found: Content[]): void {
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
  found.push({ first, last: f.last, type: f.type === 'direct' ? 'mixed' : f.type, how: f.how, gap: [b - 1, f.first] });
}

/**
 * `Brant, who called the plan “a disaster,” resigned on Tuesday`: a report inside a relative
 * clause set off by commas ends at the clause's closing comma, when the main clause's verb
 * follows it; the rest is the reporter's sentence.
 */
function endRelativeClause(doc: Doc, spans: QuotedSpan[], c: CueInUnit, found: Content[]): void {
  const tokens = doc.tokens;
  const rel = c.source?.relative;
  if (rel === undefined || tokens[rel - 1]?.text !== ',' || c.source!.first > c.cue.first) return;
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
      found[n] = { ...f, last, type: typeOf(doc, f.first, last, spans) };
      break;
    }
  }
}

const CLAUSE_OPENERS = new Set(['PRON', 'DET', 'PROPN', 'NOUN', 'NUM', 'ADJ', 'ADV', 'SCONJ', 'AUX', 'PUNCT', 'X', 'PART']);

function contentsFor(doc: Doc, unit: Range, spans: QuotedSpan[], runs: RunIndex, c: CueInUnit, prevCue: CueInUnit | null, nextCue: CueInUnit | null): Content[] {
  const tokens = doc.tokens;
  const { cue } = c;
  const out: Content[] = [];

  if (cue.according) return according(doc, unit, spans, c, runs, nextCue);
  if (cue.passiveNaming) {
    // (See `namedInQuotes`: the quotation after the passive, and nothing before it.)
    const span = spans[tokens[cue.last].quote >= 0 ? tokens[cue.last].quote : tokens[cue.last + 1].quote];
    return [{ first: span.first, last: span.last, type: 'direct', how: 'pre-quote' }];
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
        out.push({ first, last: span.last, type: 'mixed', how: 'post-clause' });
      } else {
        out.push({ first: span.first, last: span.last, type: 'direct', how: 'post-quote' });
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
    if ((!prevCue || silent()) && (b - 1 - first >= 3 || b - 1 > first && invertedInterrupts(doc, unit, c, first, b - 1))) out.push({ first, last: b - 1, type: typeOf(doc, first, b - 1, spans), how: 'post-clause' });
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
  let explicit = false;
  if (tokens[k]?.text === ':' || tokens[k]?.text === ',') { k++; explicit = true; }
  // `The Times reports:` ending its paragraph introduces the quotation that follows it.
  if (explicit && tokens[k - 1].text === ':' && k === unit.last && tokens[k]?.quote >= 0 && spans[tokens[k].quote].first === k) {
    const span = spans[tokens[k].quote];
    out.push({ first: span.first, last: span.last, type: 'direct', how: 'pre-quote' });
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
        out.push({ first: span.first, last, type: 'mixed', how: 'clause' });
        return out;
      }
    }
    out.push({ first: span.first, last: span.last, type: 'direct', how: 'pre-quote' });
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
      out[0] = { first: out[0].first, last, type: typeOf(doc, out[0].first, last, spans), how: 'clause', gap: [out[0].last, k] };
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
      out.push({ first: k, last, type: typeOf(doc, k, last, spans), how: 'clause' });
    } else if (k + 1 < last && tokens[k].quote < 0 && tokens[k + 1].quote < 0 && c.source && last - k >= 3 && endsUnit(doc, last, unit)
      && (tokens[k].pos === 'ADP' && /^(in|by|of|from|for|about|with|without)$/.test(tokens[k].lower) && tokens[k + 1].pos === 'VERB' && tokens[k + 1].lower.endsWith('ing')
        || tokens[k].lower === 'to' && (tokens[k + 1].pos === 'VERB' || tokens[k + 1].pos === 'AUX') && !tokens[k + 1].lower.endsWith('ing'))
      && mainVerb(doc, out[0].first, out[0].last)) {
      // `There is a joy, insists Tom Vale, in seeing a job through`, `It is wise, she said, to
      // wait`: a gerund's or an infinitive's phrase after the cue's commas, to the end of the
      // sentence, finishes the clause the cue interrupts (an adjunct of saying, `in an
      // interview`, does not); it is reported too, as a quote of its own, as a clause there is.
      out.push({ first: k, last, type: typeOf(doc, k, last, spans), how: 'clause', rest: true });
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
      const plain = type === 'indirect' && DIRECTIVES.has(cue.sense.lemma) && k > cue.last && c.source !== null && c.source.relative === undefined
        && !cue.participle && !tokens[cue.first].lower.endsWith('ing');
      if (plain) last = firstCommaOrEnd(tokens, v, last);
      if (last - k >= 3 && (type === 'mixed' || plain)) {
        out.push({ first: k, last, type, how: 'clause' });
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
      out.push({ first: o, last, type: 'mixed', how: 'clause' });
      return out;
    }
  }
  // (`called on X` asks someone to do something: it reports only as a directive, above.)
  if (cue.sense.lemma === 'call on') return out;
  if (tokens[k]?.lower === 'as' && cue.sense.strength === 'quoted') k++;
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
  if (k >= unit.last || !CLAUSE_OPENERS.has(tokens[k].pos) && !openerVerb && !afterThat && !subordinate || tokens[k].text === '.' || tokens[k].lower === 'to') return out;
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
  if (cue.sense.strength === 'quoted') {
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
    out.push({ first: span.first, last: span.last, type: 'direct', how: 'pre-quote' });
    return out;
  }
  const type = typeOf(doc, first, last, spans);
  if (cue.sense.strength === 'quoted') {
    // `calls herself “The Iron Gardener,”`, `hailed him as “The Quiet Builder” for ...`: a name in
    // capitals the subject gives its object is the subject's words, though it reads as a title.
    // (Not right after the cue: `an app called “Screen Meter”` is the app's name.)
    const q = firstQuoteIn(doc, first, last);
    if (type === 'indirect' && q >= 0 && spans[q].title && spans[q].first > first && clauseBeforeIsObject(doc, first, spans[q].first)) {
      // (A comma or a full stop inside its closing mark ends the naming there: `calls himself
      // “The Bull,” won again`.)
      const alone = spans[q].last >= last || /[.,!?]\W*$/u.test(doc.text.slice(spans[q].start, spans[q].end - 1));
      out.push({ first: alone ? spans[q].first : first, last: alone ? spans[q].last : last, type: alone ? 'direct' : 'mixed', how: alone ? 'pre-quote' : 'clause', naming: true });
      return out;
    }
    if (type === 'indirect') {
      const named = namingContent(doc, c, first, last);
      // (The name ends at a dash or a parenthesis, and has no verb of a clause: `what they call
      // harassment and abuse have been outlined` names only the subject of a clause.)
      let end = named;
      while (end >= 0 && end < last && !/^[-—–(]$/.test(tokens[end].text)) end++;
      while (end > named && tokens[end - 1].pos === 'PUNCT' && tokens[end - 1].quote < 0) end--;
      if (named >= 0 && end - named >= 2 && !verbBeforeRelative(doc, named, end)) out.push({ first: named, last: end, type, how: 'clause', naming: true });
      return out;
    }
    // `calling him a “reckless dreamer”`: the quotation is what was said. (So after `of` in
    // `accused the council, its chair among them, of “...”`: the charge.)
    const charge = q >= 0 && OBJECT_FIRST.has(cue.sense.lemma) && tokens[spans[q].first - 1]?.lower === 'of';
    if (q >= 0 && spans[q].last >= last - 0 && (charge || clauseBeforeIsObject(doc, first, spans[q].first))) {
      out.push({ first: spans[q].first, last: spans[q].last, type: 'direct', how: 'pre-quote' });
      return out;
    }
  }
  // `posted a photo with two words: “...”`, `responded flatly: “...”`: words with no verb of
  // their own before a colon only frame the quotation that ends the clause, which is the report.
  if (type === 'mixed') {
    const q = firstQuoteIn(doc, first, last);
    const colon = q >= 0 ? spans[q].first - 1 : -1;
    if (colon > first && tokens[colon].text === ':' && spans[q].last >= last && !hasVerb(doc, first, colon)) {
      out.push({ first: spans[q].first, last: spans[q].last, type: 'direct', how: 'pre-quote' });
      return out;
    }
  }
  out.push({ first, last, type, how: 'clause' });
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
    return { first: f, last: l, type: whole ? 'direct' : typeOf(doc, f, l, spans), how: whole ? 'post-quote' : 'post-clause' };
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
function frontedParticiple(doc: Doc, unit: Range, cue: Cue, runs: RunIndex): { comma: number; subject: Mention } | null {
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
function isByGerund(tokens: Token[], cue: Cue): boolean {
  return tokens[cue.first - 1]?.lower === 'by' && tokens[cue.first].lower.endsWith('ing');
}

/** `X, while insisting that ..., VERB`: a participle after a subordinator that a comma opens. */
function asideParticiple(tokens: Token[], cue: Cue): boolean {
  return cue.participle && PARTICIPLE_SUBORDINATORS.has(tokens[cue.first - 1]?.lower ?? '') && tokens[cue.first - 2]?.text === ',' && tokens[cue.first - 2].quote < 0;
}

/** `CLAUSE, according to X.` / `According to X, CLAUSE.` */
function according(doc: Doc, unit: Range, spans: QuotedSpan[], c: CueInUnit, runs: RunIndex, nextCue: CueInUnit | null): Content[] {
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
    return last - k >= 3 ? [{ first: k, last, type: typeOf(doc, k, last, spans), how: 'according' }] : [];
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
    if (commaInQuote && spans[before.quote].first === first) return [{ first, last, type: 'direct', how: 'according' }];
    // `Some of those delays, according to engineers, involve ...`: a subject with no finite
    // verb of its own before the cue, its verb right after the cue's closing comma, is one
    // sentence the cue interrupts; the report is the whole of it, the cue left out.
    const k = srcEnd + 1;
    const verb = tokens[k];
    if (c.source && tokens[srcEnd]?.text === ',' && verb && verb.quote < 0 && (verb.pos === 'VERB' || verb.pos === 'AUX') && /^\p{Ll}/u.test(verb.text)
      && !verb.lower.endsWith('ing') && !cueAt(doc, k) && last > first && !mainVerb(doc, first, last)) {
      const end = clauseEnd(doc, k, unit.last, nextCue);
      return [{ first, last: end, type: typeOf(doc, first, end, spans), how: 'according', gap: [last, k] }];
    }
    return last - first >= 3 ? [{ first, last, type: typeOf(doc, first, last, spans), how: 'according' }] : [];
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
function personAddressee(doc: Doc, k: number, max: number, cue: Cue): number {
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
    while (j < max && j - k < 8 && tokens[j].quote < 0) {
      const t = tokens[j];
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
  // `suggests euphemistically that ...`: adverbs before the content marker.
  let a = k;
  while (a < max && a - k < 3 && tokens[a].pos === 'ADV' && tokens[a].quote < 0) a++;
  if (a > k && tokens[a]?.lower === 'that') k = a;
  return k;
}

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

/** Only adjuncts (`in an interview on Monday`) stand between token `k` and the clause's end. */
function endsUnit(doc: Doc, k: number, unit: Range): boolean {
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
function typeOf(doc: Doc, first: number, last: number, spans: QuotedSpan[]): QuoteType {
  for (let t = first; t < last; t++) {
    const q = doc.tokens[t].quote;
    if (q >= 0 && !spans[q].title) return 'mixed';
  }
  return 'indirect';
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

/** The paragraph character `offset` lies in. */
function paraOfOffset(doc: Doc, offset: number): number {
  const paras = doc.paragraphs;
  let lo = 0;
  let hi = paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paras[mid].start <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/**
 * Quotations with no cue of their own. A quotation that stands alone (the whole unit) or is a
 * long embedded passage is speech; it takes the speaker of the nearest attributed quotation in
 * its paragraph, else of the one before it in the article.
 */
function continuations(doc: Doc, units: Range[], spans: QuotedSpan[], runs: RunIndex, claimed: Uint8Array, out: Attribution[]): void {
  const tokens = doc.tokens;
  // Attributions with a cue, by start; continuations are appended in text order.
  const attrs = [...out].sort((a, b) => a.start - b.start);
  const attrIndex = new Map(attrs.map((a, k) => [a, k]));
  const conts: Attribution[] = [];
  const unitOf = new Int32Array(tokens.length);
  units.forEach((u, k) => { for (let t = u.first; t < u.last; t++) unitOf[t] = k; });
  // Unit of the last part of each attribution, so an interrupted quotation grows only into the
  // very next unit (`“A,” he said. “B.”`) and never across an intervening sentence.
  const lastUnit = new Map<Attribution, number>();
  for (const a of out) lastUnit.set(a, unitOf[a.anchor]);
  let next = 0; // first attribution starting after the current span
  let maxEnd = -1; // furthest end among attributions starting at or before it
  spans.forEach((s, k) => {
    while (next < attrs.length && attrs[next].start <= s.start) maxEnd = Math.max(maxEnd, attrs[next++].end);
    if (claimed[k]) return;
    // Inside an attributed content span already (a fragment of a mixed quote).
    if (maxEnd >= s.end) return;
    const unit = units[unitOf[s.first]];
    let outside = 0;
    for (let t = unit.first; t < unit.last; t++) if (tokens[t].quote < 0 && tokens[t].pos !== 'PUNCT') outside++;
    const standalone = outside <= 1;
    if (s.title) return;
    // (Sentence punctuation before the closing mark, an ellipsis or a closing inner quotation
    // mark included: `Westerns …”`, `Maybe I can too!’ ”`.)
    const speechLike = standalone ? s.words >= 2 : s.words >= 6 && /([.,!?…]|\.\.\.)$/.test(doc.text.slice(Math.max(s.start, s.end - 10), s.end - 1).replace(/[\s’"]+$/u, ''))
      || introducedShort(doc, unit, s);
    if (!speechLike) return;
    const para = tokens[s.first].para;
    // Nearest attributed quotation: before it in the paragraph, after it in the paragraph,
    // then before it within the last two paragraphs.
    const prevAttr = next > 0 ? attrs[next - 1] : undefined;
    const prevCont = conts.length ? conts[conts.length - 1] : undefined;
    const before = !prevAttr ? prevCont : !prevCont ? prevAttr : prevAttr.start > prevCont.start ? prevAttr : prevCont;
    const after = next < attrs.length ? attrs[next] : undefined;
    let from: Attribution | null = null;
    if (before && before.para === para) from = before;
    else if (after && after.para === para) from = after;
    // (Counted from the paragraph where it ends: a quotation running over several paragraphs
    // ends in the last of them.)
    else if (before && para - paraOfOffset(doc, before.end - 1) <= 2) from = before;
    // (`“A,” he said, “B.” “C.”`: C continues the whole quotation, not its part after the cue.)
    const root = from?.inherits ?? from?.whole ?? from;
    const cont: Attribution = {
      type: 'direct', start: s.start, end: s.end, cue: null, source: null, inherits: root, how: 'continuation',
      para, anchor: unit.first, segments: [[s.start, s.end]],
    };
    // A quotation its cue interrupts (`“A,” she said. “B.”`) is one quotation: the attribution
    // spans all of it, and each sentence after the cue is also a quote of its own.
    const here = unitOf[s.first];
    // Only fragments of the cue's own sentence may stand between the parts (`said Rep. A.J.
    // Tolliver (D-Vt.), head of the caucus.` splits into several); a sentence of its own
    // (`He praised the crews.`) ends the quotation.
    const fromUnit = lastUnit.get(root ?? cont) ?? -9;
    let between = false;
    for (let u = fromUnit + 1; u < here && u >= 0 && !between; u++) between = isOwnSentence(doc, units[u]);
    // (Nor does a quotation the reporter's own clause introduces with a colon, `“A,” she said.
    // Then came the news: “B.”`, go on with the one before it, though it takes its speaker.)
    if (here !== fromUnit && tokens[s.first - 1]?.text === ':' && isOwnSentence(doc, { first: unit.first, last: s.first })) between = true;
    // A quotation inside a sentence with a subject of its own and no reporting verb (`He also
    // stressed his record: “...”`, `Ferris issued a statement, “...”`) is that subject's:
    // the sentence's own subject outranks the previous speaker. (In the cue's own sentence,
    // `“A,” Crane said, turning to the crowd, “B.”`, B continues A instead.)
    // (A quotation opening the paragraph after one that ends in a colon, `Crane called them on
    // it:`, is introduced by that clause just the same.)
    const prev = here > 0 ? units[here - 1] : undefined;
    const introducedBefore = standalone && prev !== undefined && tokens[prev.last - 1].text === ':' && tokens[prev.last - 1].para === para - 1;
    // (So is one right after a report that has no content of its own, `Ruiz wrote on Facebook
    // on Sunday.`, in its paragraph or opening the next.)
    const reportBefore = standalone && prev !== undefined && !introducedBefore && tokens[prev.last - 1].para >= para - 1;
    const subject = here === fromUnit ? null : speakerLabel(doc, unit.first, s.first, runs)
      ?? (standalone ? (introducedBefore ? writingByAuthor(doc, prev.first, prev.last, runs) ?? introducedByMainClause(doc, prev.first, prev.last, runs, spans)
        : reportBefore ? reportWithoutContent(doc, prev.first, prev.last, runs, spans) : null)
        : writingByAuthor(doc, unit.first, s.first, runs) ?? sentenceSubject(doc, unit.first, s.first, runs) ?? introducedByMainClause(doc, unit.first, s.first, runs, spans));
    if (subject) {
      const own: Attribution = { ...cont, cue: subject.cue, source: subject.mention, inherits: null, how: 'subject' };
      out.push(own);
      lastUnit.set(own, here);
      return;
    }
    // `“...,” says Brandt. Okafor did not need much persuading. “I’m grateful ...”`: a quotation
    // standing alone right after a sentence of the reporter's whose subject is a person named
    // there is that person's (no mention in its own sentence, so none is given).
    // (Also the last sentence of the paragraph before, when the quotation opens its own.)
    const adjoining = prev !== undefined && (tokens[prev.first].para === para || tokens[prev.first].para === para - 1 && tokens[unit.first - 1]?.para !== para);
    if (standalone && from && prev && (here - 1 > fromUnit || fromUnit > here) && adjoining && isOwnSentence(doc, prev)) {
      // (A title in quotation marks, `On “Face the Nation,” Sen. Ann Lee said`, is no quotation.)
      let quoted = false;
      for (let t = prev.first; t < prev.last && !quoted; t++) quoted = tokens[t].quote >= 0 && !spans[tokens[t].quote].title;
      const subj = quoted ? null : sentenceSubject(doc, prev.first, prev.last, runs);
      const run = subj && subj.mention.kind === 'name' ? runs.at[subj.mention.coreLast - 1] : -1;
      // (The subject opens the sentence, or follows an opening adverbial that a comma closes:
      // `On “Face the Nation,” Sen. Ann Lee (Vt.) identified ...`.)
      const opens = subj !== null && (subj.mention.first === prev.first || openingPhrase(doc, prev.first, subj.mention.first));
      if (subj && opens && (run >= 0 && !runs.runs[run].org || subj.mention.kind === 'pronoun' && /^(he|she)$/.test(subj.mention.head))) {
        const own: Attribution = { ...cont, inherits: null, hint: subj.mention };
        out.push(own);
        conts.push(own);
        lastUnit.set(own, here);
        return;
      }
    }
    // (`“A,” X said, stressing that B. “C.”`: a participle's report in the cue's own sentence
    // leaves the quotation before it the one that C continues.)
    let host = root;
    if (host && host.type === 'indirect' && host.how !== 'continuation') {
      for (let x = (attrIndex.get(host) ?? 0) - 1; x >= 0 && attrs[x].anchor === host.anchor; x--) {
        if (attrs[x].type !== 'indirect') { host = attrs[x]; break; }
      }
    }
    // (In the host's own sentence, a clause of the reporter's between the two, with no cue that
    // interrupts the quotation, parts them: in `What the board described as a “fix” were
    // designed “to ...”`, the second quotation is no part of the first; `“A,” and “B.”` is.)
    let reporters = false;
    if (host && here === fromUnit && host.end <= s.start) {
      let a = s.first;
      while (a > unit.first && tokens[a - 1].end > host.end) a--;
      const cueBetween = host.cue !== null && host.cue.first >= a && host.cue.first < s.first;
      // (Not a relative clause on the first quotation: `“owners of land” who are “...”`.)
      reporters = !cueBetween && !/^(who|which|that)$/.test(tokens[a]?.lower ?? '') && mainVerb(doc, a, s.first);
    }
    if (host && host.type !== 'indirect' && host.para === para && !between && host.start < s.start && here - fromUnit <= 3 && !reporters
      && !out.some((a) => a !== host && a.how !== 'continuation' && a.anchor !== host.anchor && a.start > host.start && a.start < s.start)) {
      host.end = s.end;
      host.segments.push([s.start, s.end]);
      lastUnit.set(host, here);
    }
    out.push(cont);
    conts.push(cont);
  });
}

/**
 * `Moss was blunt: “We need staff.”`: a short quotation that a clause of the reporter's
 * introduces with a colon and that ends the sentence is speech, as a long one is.
 */
function introducedShort(doc: Doc, unit: Range, s: QuotedSpan): boolean {
  const tokens = doc.tokens;
  if (s.words < 2 || tokens[s.first - 1]?.text !== ':' || tokens[s.first - 1].quote >= 0 || s.first - 1 <= unit.first) return false;
  for (let t = s.last; t < unit.last; t++) if (tokens[t].pos !== 'PUNCT' || tokens[t].quote >= 0) return false;
  return true;
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

// (`given` as a conjunction: `added a premium, given it has not been built`.)
const SUBORDINATORS = new Set(['which', 'who', 'whom', 'whose', 'where', 'when', 'that', 'as', 'because', 'if', 'while', 'whether', 'how', 'why', 'what', 'since', 'until', 'unless', 'although', 'though', 'after', 'before', 'once', 'given']);

const PREPOSITIONAL = new Set(['as', 'until', 'since', 'after', 'before', 'once', 'given']);

/** A subject pronoun, or a short noun phrase and a verb, at `k`. */
function opensClause(tokens: Token[], k: number, last: number): boolean {
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
function mainVerb(doc: Doc, first: number, last: number): boolean {
  return mainVerbAt(doc, first, last) >= 0;
}

/** Where the verb group `mainVerb` finds begins (`first` for an answer), or -1. */
function mainVerbAt(doc: Doc, first: number, last: number): number {
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
function coordinatedPredicate(doc: Doc, first: number, last: number): boolean {
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
function pluralAsVerb(doc: Doc, first: number, last: number): boolean {
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
const POSSESSIVE_WORDS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

function hasVerb(doc: Doc, first: number, last: number): boolean {
  for (let t = first; t < last; t++) if (doc.tokens[t].pos === 'VERB' || doc.tokens[t].pos === 'AUX') return true;
  return false;
}

/** A paragraph of a few words with no closing punctuation: a heading or a link. */
function isHeading(doc: Doc, para: number): boolean {
  const p = doc.paragraphs[para];
  if (!p || p.last - p.first > 30) return false;
  let end = p.end;
  while (end > p.start && /\s/.test(doc.text[end - 1])) end--;
  if (!(end > p.start && !/[.!?:;,"”’'»)\]…]/.test(doc.text[end - 1]))) return false;
  // (Nor one whose sentence a stray break cut, the next paragraph going on in lower case.)
  const next = doc.paragraphs[para + 1];
  if (next && /\p{Ll}/u.test(doc.text[next.start] ?? '')) return false;
  // (`She hasn’t chosen yet, she says`: a sentence that lost its full stop; a heading names its
  // speaker, never by a pronoun.)
  const t = doc.tokens;
  let last = p.last - 1;
  while (last > p.first && t[last].pos === 'PUNCT') last--;
  return !(last - 2 >= p.first && t[last - 2].text === ',' && /^(he|she|they|we|i)$/.test(t[last - 1].lower) && cueAt(doc, last) !== null);
}

/**
 * A photo credit closing a paragraph: a photographer and an agency, in parentheses (`(Ann
 * Roe/The Harbour Star)`) or with the agency in capitals (`Ann Roe/HARBOUR WIRE`), or a picture
 * agency alone in parentheses (`( Dreamstime )`).
 */
const PHOTO_CREDIT = /(?:\(\s*\p{Lu}[^()/\n\d]{1,60}\/\s*\p{Lu}[^()\n\d]{1,80}\)|\(\s*(?:Dreamstime|Getty Images|iStock|Shutterstock|AP Photo|File Photo)\s*\)|\p{Lu}[\p{L}.'’ -]{1,60}\/\s*\p{Lu}[\p{Lu}.&'’ -]{1,40})\s*$/u;

function isCaption(doc: Doc, para: number): boolean {
  const p = doc.paragraphs[para];
  if (!p) return false;
  const tail = doc.text.slice(Math.max(p.start, p.end - 160), p.end);
  // Every credit has a slash or a closing parenthesis: without one the regex, which tries every
  // position of the tail, need not run (it cost 2% of extraction time).
  return (tail.includes('/') || tail.includes(')')) && PHOTO_CREDIT.test(tail);
}

// (`--` too: a dash typed as two hyphens.)
const BYLINE_DASHES = new Set(['—', '―', '–', '--']);
const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/;

/**
 * `“...” ― Dana Whitlow.` and embedded posts (`... — Lakeside Power (@lakesidepower) March 3, 2019`):
 * a dash and a name closing the paragraph attribute what stands before the dash, with no cue.
 */
function bylines(doc: Doc, spans: QuotedSpan[], runs: RunIndex, claimed: Uint8Array, out: Attribution[]): void {
  const tokens = doc.tokens;
  const reported = new Set(out.map((a) => a.para));
  doc.paragraphs.forEach((p, pi) => {
    if (p.last - p.first < 4) return;
    // The dash: the last one in the paragraph, with a name right after it.
    let dash = -1;
    for (let t = p.last - 1; t > p.first && t > p.last - 20; t--) if (BYLINE_DASHES.has(tokens[t].text) && tokens[t].quote < 0) { dash = t; break; }
    if (dash < 0) return;
    const run = runs.at[dash + 1];
    if (run < 0 || runs.runs[run].first !== dash + 1) return;
    // Only a handle, a date and punctuation may follow the name; after a quotation, also a
    // short description set off by a comma (`“...” — Anders Holm, on the closure`).
    let k = runs.runs[run].last;
    while (k < p.last && (tokens[k].pos === 'PUNCT' || tokens[k].pos === 'NUM' || tokens[k].text.startsWith('@') || MONTHS.test(tokens[k].lower))) k++;
    const quoted = tokens[dash - 1].quote >= 0 && spans[tokens[dash - 1].quote].last === dash;
    if (k < p.last && !(quoted && tokens[runs.runs[run].last]?.text === ',' && describesAfterComma(tokens, runs.runs[run].last + 1, p.last))) return;
    // The content: the quotation just before the dash, else the paragraph up to the dash.
    const before = tokens[dash - 1];
    let first = p.first;
    let last = dash;
    let type: QuoteType;
    if (before.quote >= 0 && spans[before.quote].last === dash) {
      const q = spans[before.quote];
      if (claimed[before.quote] || q.first < p.first) return;
      first = q.first;
      type = 'direct';
    } else {
      while (first < last && tokens[first].pos === 'PUNCT' && tokens[first].quote < 0) first++;
      if (last - first < 6 || reported.has(pi)) return;
      type = typeOf(doc, first, last, spans);
    }
    for (let t = first; t < last; t++) if (tokens[t].quote >= 0) claimed[tokens[t].quote] = 1;
    const r = runs.runs[run];
    const source: Mention = { kind: 'name', first: r.first, last: r.last, coreFirst: r.nameFirst, coreLast: r.nameLast, head: tokens[r.nameLast - 1].lower, plural: false, indefinite: false };
    const start = tokens[first].start;
    let end = tokens[last - 1].end;
    // (`... the line. pic.twitter.com/Xy7Qa — Nadia Brook`: the post's link and hashtags, and the
    // full stop before them, are no part of what it says.)
    if (type !== 'direct') end = start + doc.text.slice(start, end).replace(TRAILING_LINKS, '').length;
    out.push({ type, start, end, cue: null, source, inherits: null, how: 'post-quote', para: tokens[first].para, anchor: first, segments: [[start, end]] });
  });
}

/** From `k` to `last`: a few words with no verb and no quotation, then only punctuation. */
function describesAfterComma(tokens: Token[], k: number, last: number): boolean {
  let words = 0;
  for (let x = k; x < last; x++) {
    const t = tokens[x];
    if (t.quote >= 0 || t.pos === 'VERB' || t.pos === 'AUX') return false;
    if (t.pos !== 'PUNCT') words++;
    else if (!/^[.,]$/.test(t.text)) return false;
  }
  return words >= 1 && words <= 10;
}

/**
 * A pull quote: a paragraph of the speaker's words, then only their name, without a dash or a
 * full stop (`It's a lot worse than last year. Dana Pruitt, Millbrook mayor`, `... days. Lakeside
 * Power`). Attributed to the name, no cue. A photo credit has the same shape (`A jogger runs
 * by. Ben Tarrow`), so the name must also stand in the article's running text: pull quotes
 * repeat the words of someone the story quotes, a photographer is named nowhere else.
 */
function pullQuotes(doc: Doc, spans: QuotedSpan[], runs: RunIndex, claimed: Uint8Array, out: Attribution[]): void {
  const tokens = doc.tokens;
  const reported = new Set(out.map((a) => a.para));
  const found: Array<{ pi: number; first: number; stop: number; run: NameRun }> = [];
  const tails = new Set<number>();
  doc.paragraphs.forEach((p, pi) => {
    if (p.last - p.first < 8 || reported.has(pi)) return;
    // The name: what follows the paragraph's last full stop, opening with a name run.
    let stop = -1;
    for (let t = p.last - 1; t > p.first && t > p.last - 16; t--) {
      if (/^[.!?]$/.test(tokens[t].text) && tokens[t].quote < 0) { stop = t; break; }
    }
    if (stop < 0 || stop === p.last - 1) return;
    const r = runs.at[stop + 1];
    if (r < 0 || runs.runs[r].first !== stop + 1 || runs.runs[r].common) return;
    const run = runs.runs[r];
    // After the name, only a role set off by a comma (`, Port Ellery mayor`): no verb, no quotation.
    let k = run.last;
    if (k < p.last) {
      if (tokens[k].text !== ',' || p.last - k > 8) return;
      for (let x = k + 1; x < p.last; x++) {
        const t = tokens[x];
        if (t.quote >= 0 || t.pos === 'PUNCT' || (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON') && !/^\p{Lu}/u.test(t.text)) return;
      }
    }
    // The words: the whole paragraph before the name, sentences with no quotation of their own.
    let first = p.first;
    while (first < stop && tokens[first].pos === 'PUNCT' && tokens[first].quote < 0) first++;
    if (stop - first < 6) return;
    // (A paragraph that names its speaker in its own words is the writer's: `Harbour Power said
    // it was working. ... Harbour Power`.)
    const last = tokens[run.nameLast - 1].text;
    for (let t = first; t < stop; t++) if (tokens[t].quote >= 0 && claimed[tokens[t].quote] || tokens[t].text === last) return;
    for (let t = stop + 1; t < p.last; t++) tails.add(t);
    found.push({ pi, first, stop, run });
  });
  if (found.length === 0) return;
  // Where else each name's last word stands outside such a tail.
  const named = new Set<string>();
  for (const f of found) named.add(tokens[f.run.nameLast - 1].text);
  const elsewhere = new Set<string>();
  for (const t of tokens) if (named.has(t.text) && !tails.has(t.i)) elsewhere.add(t.text);
  for (const { first, stop, run } of found) {
    if (!elsewhere.has(tokens[run.nameLast - 1].text)) continue;
    for (let t = first; t < stop; t++) if (tokens[t].quote >= 0) claimed[tokens[t].quote] = 1;
    const source: Mention = { kind: 'name', first: run.first, last: run.last, coreFirst: run.nameFirst, coreLast: run.nameLast, head: tokens[run.nameLast - 1].lower, plural: false, indefinite: false };
    // (Like an embedded post's, the words end before the full stop that closes them.)
    const type = typeOf(doc, first, stop, spans);
    const start = tokens[first].start;
    const end = tokens[stop - 1].end;
    out.push({ type, start, end, cue: null, source, inherits: null, how: 'post-quote', para: tokens[first].para, anchor: first, segments: [[start, end]] });
  }
}

/** Links and hashtags ending a post, with the punctuation before them. */
const TRAILING_LINKS = /[\s.,;:!?]*(?:\s*(?:https?:\/\/\S+|(?:#\w+)?pic\.twitter\.com\/\S+|#\w+))+\s*$/u;

/** `"(CROSSTALK.)`, `(Laughter)`: a transcript's stage direction, a paragraph in parentheses, is nobody's words. */
const STAGE_DIRECTION = /^["“”'‘]?\s*\([^()]*\)\s*["”]?$/u;

/**
 * A quotation that runs over several paragraphs is one quotation, and each paragraph after
 * its first is also a quote of its own with the same speaker, as news annotation counts them
 * (the same convention as the parts of an interrupted quotation).
 */
function paragraphPieces(doc: Doc, spans: QuotedSpan[], out: Attribution[]): void {
  const attrs = [...out].sort((a, b) => a.start - b.start);
  let next = 0;
  let widest: Attribution | null = null;
  const continuing = new Map<number, Attribution>();
  for (const a of out) if (a.how === 'continuation') continuing.set(a.start, a);
  for (const s of spans) {
    if (s.paragraphs < 2) continue;
    while (next < attrs.length && attrs[next].start <= s.start) {
      if (!widest || attrs[next].end > widest.end) widest = attrs[next];
      next++;
    }
    if (!widest || widest.end < s.end) continue;
    const firstPara = doc.tokens[s.first].para;
    const pieces: Array<[number, number]> = [];
    for (let p = firstPara; p < firstPara + s.paragraphs && p < doc.paragraphs.length; p++) {
      const para = doc.paragraphs[p];
      let start = Math.max(para.start, s.start);
      let end = Math.min(para.end, s.end);
      while (start < end && /\s/.test(doc.text[start])) start++;
      while (end > start && /\s/.test(doc.text[end - 1])) end--;
      if (end > start) pieces.push([start, end]);
    }
    // `"MODERATOR: ...` / `"HALVERSON: ...`: a transcript's paragraphs, each opening with its
    // speaker's name in capitals, are each that speaker's; the first is no longer one quote
    // running over the others.
    const labels = pieces.map((_, k) => transcriptLabel(doc, firstPara + k));
    if (labels.some((l, k) => k > 0 && l)) {
      if (widest.start === pieces[0][0] || widest.start === s.start) {
        widest.end = pieces[0][1];
        widest.segments = [[widest.start, widest.end]];
        if (labels[0] && !widest.cue) { widest.source = labels[0]; widest.inherits = null; widest.how = 'post-quote'; }
      }
    }
    // `“A,” she said. “B.¶ “C.”`: the quotation before the cue already runs over B and C, so the
    // continuation that opens at B is B's paragraph only, as each later paragraph is its own.
    const cont = continuing.get(s.start);
    if (cont && cont.end === s.end && cont.inherits && cont.inherits.end >= s.end) {
      cont.end = pieces[0][1];
      cont.segments = [[cont.start, cont.end]];
    }
    // (A paragraph with no label goes on with the turn before it.)
    let owner = widest.inherits ?? widest;
    // (`“A.¶ “B,” Lind added.`: the cue and source after the last paragraph stand in that
    // paragraph's own sentence, so that paragraph's quote rests on them too.)
    const sourcePara = widest.source && widest.cue && widest.source.first > s.first ? doc.tokens[widest.source.first].para : -1;
    pieces.forEach(([start, end], k) => {
      if (k === 0 || STAGE_DIRECTION.test(doc.text.slice(start, end))) return;
      const label = labels[k];
      const piece: Attribution = { type: 'direct', start, end, cue: null, source: label, inherits: label ? null : owner, how: label ? 'post-quote' : 'continuation', para: doc.tokens[s.first].para, anchor: s.first, segments: [[start, end]] };
      if (!label && firstPara + k === sourcePara && owner === widest) Object.assign(piece, { cue: widest.cue, source: widest.source, inherits: null, how: widest.how });
      out.push(piece);
      if (label) owner = piece;
    });
  }
}

/** `"HALVERSON: Well, ...`: a paragraph opening with a name in capitals and a colon, inside its quotation mark. */
function transcriptLabel(doc: Doc, para: number): Mention | null {
  const p = doc.paragraphs[para];
  if (!p) return null;
  const tokens = doc.tokens;
  let k = p.first;
  if (k < p.last && /^["“]$/.test(tokens[k].text)) k++;
  const first = k;
  while (k < p.last && k - first < 3 && /^\p{Lu}[\p{Lu}.'’-]+$/u.test(tokens[k].text)) k++;
  if (k === first || tokens[k]?.text !== ':' || k + 1 >= p.last) return null;
  return { kind: 'name', first, last: k, coreFirst: first, coreLast: k, head: tokens[k - 1].lower, plural: false, indefinite: false };
}

/** A sentence with a verb of its own, outside quotation marks. */
function isOwnSentence(doc: Doc, unit: Range): boolean {
  let words = 0;
  let verb = false;
  for (let t = unit.first; t < unit.last; t++) {
    const tok = doc.tokens[t];
    if (tok.quote >= 0 || tok.pos === 'PUNCT') continue;
    words++;
    if (tok.pos === 'VERB' || tok.pos === 'AUX') verb = true;
  }
  return verb && words >= 3;
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
  return { kind: 'description', first: start, last: end, coreFirst: start, coreLast: end, head, plural: /s$/.test(head), indefinite };
}
