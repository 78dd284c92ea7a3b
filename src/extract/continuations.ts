/**
 * Continuations: quotations with no cue of their own (the next paragraph of a quotation, a
 * quotation after `Ann Lee:`, a quotation after a sentence that introduces its speaker) get the
 * speaker of the quotation or sentence they continue. Runs after cues have claimed theirs.
 */
import type { Doc, Range, Token } from './document.js';
import type { QuotedSpan } from './quotemarks.js';
import { type Cue, cueAt, newCue } from './cues.js';
import { type Mention, phraseAfter, phraseBefore, type RunIndex } from './mentions.js';
import { WRITINGS } from './lexicon.js';
import { type Attribution, asksQuestion, newAttribution } from './attribution.js';
import { mainVerb } from './clauses.js';
import { according } from './contents.js';
import { isPlaceRun, mainSubject, openingPhrase, pastOpeningClause, skipBackOverModifiers } from './sources.js';

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
    return { mention: m, cue: newCue(k, k + 1, { lemma: t.lower, strength: 'speech' }, false) };
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
    return { mention: m, cue: newCue(k, k + 1, { lemma: t.lower, strength: 'speech' }, false) };
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
export function continuations(doc: Doc, units: Range[], spans: QuotedSpan[], runs: RunIndex, claimed: Uint8Array, out: Attribution[]): void {
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
    // (Not a question in the reporter's words, which its answer follows: see asksQuestion.)
    let p = next - 1;
    while (p >= 0 && asksQuestion(attrs[p])) p--;
    const prevAttr = p >= 0 ? attrs[p] : undefined;
    const prevCont = conts.length ? conts[conts.length - 1] : undefined;
    const before = !prevAttr ? prevCont : !prevCont ? prevAttr : prevAttr.start > prevCont.start ? prevAttr : prevCont;
    let n = next;
    while (n < attrs.length && asksQuestion(attrs[n])) n++;
    const after = n < attrs.length ? attrs[n] : undefined;
    let from: Attribution | null = null;
    if (before && before.para === para) from = before;
    else if (after && after.para === para) from = after;
    // (Counted from the paragraph where it ends: a quotation running over several paragraphs
    // ends in the last of them.)
    else if (before && para - paraOfOffset(doc, before.end - 1) <= 2) from = before;
    // (`“A,” he said, “B.” “C.”`: C continues the whole quotation, not its part after the cue.)
    const root = from?.inherits ?? from?.whole ?? from;
    const cont = newAttribution({
      type: 'direct', start: s.start, end: s.end, cue: null, source: null, inherits: root, how: 'continuation',
      para, anchor: unit.first, segments: [[s.start, s.end]],
    });
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
      const own = newAttribution({ ...cont, cue: subject.cue, source: subject.mention, inherits: null, how: 'subject' });
      out.push(own);
      lastUnit.set(own, here);
      return;
    }
    // `“...,” says Brandt. Okafor did not need much persuading. “I’m grateful ...”`: a quotation
    // standing alone right after a sentence of the reporter's whose subject is a person named
    // there is that person's (no mention in its own sentence, so none is given).
    // (Also the last sentence of the paragraph before, when the quotation opens its own.)
    const adjoining = prev !== undefined && (tokens[prev.first].para === para || tokens[prev.first].para === para - 1 && tokens[unit.first - 1]?.para !== para);
    // (Not after a question the sentence reports, `Tom Vale asked how high it was.`: see asksQuestion.)
    const asked = prev !== undefined && out.some((a) => a.anchor === prev.first && asksQuestion(a));
    if (standalone && from && prev && (here - 1 > fromUnit || fromUnit > here) && adjoining && isOwnSentence(doc, prev) && !asked) {
      // (A title in quotation marks, `On “Face the Nation,” Sen. Ann Lee said`, is no quotation.)
      let quoted = false;
      for (let t = prev.first; t < prev.last && !quoted; t++) quoted = tokens[t].quote >= 0 && !spans[tokens[t].quote].title;
      const subj = quoted ? null : sentenceSubject(doc, prev.first, prev.last, runs);
      const run = subj && subj.mention.kind === 'name' ? runs.at[subj.mention.coreLast - 1] : -1;
      // (The subject opens the sentence, or follows an opening adverbial that a comma closes:
      // `On “Face the Nation,” Sen. Ann Lee (Vt.) identified ...`.)
      const opens = subj !== null && (subj.mention.first === prev.first || openingPhrase(doc, prev.first, subj.mention.first));
      if (subj && opens && (run >= 0 && !runs.runs[run].org || subj.mention.kind === 'pronoun' && /^(he|she)$/.test(subj.mention.head))) {
        const own = newAttribution({ ...cont, inherits: null });
        own.hint = subj.mention;
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
