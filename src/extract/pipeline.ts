/**
 * The pipeline: text -> document -> quoted spans -> name mentions -> attributions -> entities
 * -> addressees and times -> the contract's JSON. Each stage lives in its own file and adds one
 * kind of annotation.
 */
import { Doc } from './document.js';
import { findQuotedSpans } from './quotemarks.js';
import { findNameRuns, indexRuns } from './mentions.js';
import { attribute, type Attribution } from './attribution.js';
import { resolve, type Entity } from './coreference.js';
import { findAddressees, type FoundAddressee } from './addressees.js';
import { findTimes, type FoundTime } from './times.js';
import type { Analysis, AnalyzeOptions, Person, Quote, Span } from './types.js';

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  if (typeof text !== 'string') throw new TypeError('analyze: text must be a string');
  const doc = new Doc(text);
  const spans = findQuotedSpans(doc);
  const runs = indexRuns(doc, findNameRuns(doc));
  const attributions = attribute(doc, spans, runs);
  const { entities, speakers } = resolve(doc, runs, attributions);
  const addressees = findAddressees(doc, attributions, runs, entities);
  const times = findTimes(doc, attributions, options.published);

  // (The lists are built from literals, not by `map`: an article with no quotes or people then
  // gives empty lists of the same elements kind as full ones, which code compiled for one takes.)
  const quotes: Quote[] = [];
  for (let k = 0; k < attributions.length; k++) quotes.push(toQuote(doc, attributions[k], speakers[k], addressees[k], times[k]));
  const used = new Set(speakers.filter((e): e is Entity => e !== null));
  for (const found of addressees) if (found?.entity) used.add(found.entity);
  // (The members of a group that speaks are listed too, for its `members`.)
  for (const e of [...used]) for (const m of e.members ?? []) used.add(m);
  const people: Person[] = [];
  for (const e of entities) if (used.has(e) || e.kind === 'person') people.push(toPerson(e));
  return { ...(options.id !== undefined ? { id: options.id } : {}), quotes, people };
}

function toPerson(e: Entity): Person {
  return {
    id: e.id,
    name: e.name,
    // A name that speaks and was never marked as an organisation is taken for a person.
    kind: e.kind === 'unknown' ? 'person' : e.kind,
    ...(e.gender ? { gender: e.gender } : {}),
    descriptors: [...e.descriptors.keys()],
    mentions: e.mentions,
    ...(e.members ? { members: e.members.map((m) => m.id) } : {}),
  };
}

function span(doc: Doc, start: number, end: number): Span {
  return { start, end, text: doc.text.slice(start, end) };
}

function toQuote(doc: Doc, a: Attribution, speaker: Entity | null, addressee: FoundAddressee | null, when: FoundTime | null): Quote {
  const t = doc.tokens;
  const mention = a.source && !a.continuesReport ? span(doc, t[a.source.coreFirst].start, t[Math.max(a.source.coreLast - 1, a.source.relative)].end) : null;
  const cue = a.cue ? span(doc, t[a.cue.first].start, t[a.cue.last - 1].end) : null;
  return {
    type: a.type,
    ...span(doc, a.start, a.end),
    speaker: { name: speaker ? speaker.name : null, entity: speaker ? speaker.id : null, mention },
    cue,
    confidence: confidence(a, speaker),
    ...(a.segments.length > 1 ? { segments: a.segments.map(([s, e]) => span(doc, s, e)) } : {}),
    ...(addressee ? { addressee: toAddressee(doc, addressee) } : {}),
    ...(when ? { when: { ...span(doc, when.start, when.end), resolved: when.resolved } } : {}),
  };
}

function toAddressee(doc: Doc, found: FoundAddressee): NonNullable<Quote['addressee']> {
  const mention = span(doc, doc.tokens[found.first]!.start, doc.tokens[found.last - 1]!.end);
  return { name: found.entity ? found.entity.name : mention.text, entity: found.entity ? found.entity.id : null, mention };
}

/** A rough calibration: explicit cue and named source highest, inherited speakers lowest. */
function confidence(a: Attribution, speaker: Entity | null): number {
  let c = { 'post-quote': 0.92, 'pre-quote': 0.9, clause: 0.8, 'post-clause': 0.75, according: 0.8, subject: 0.6, continuation: 0.7 }[a.how];
  if (a.source?.kind === 'pronoun') c -= 0.05;
  if (!speaker) c -= 0.3;
  if (a.type === 'indirect') c -= 0.1;
  return Math.round(c * 100) / 100;
}
