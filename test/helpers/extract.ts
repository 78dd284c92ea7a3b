/**
 * Shared helpers for the extract-*.test.ts files: run analyze() on a short invented text, check
 * the contract's invariants on every result, and find quotes and people by their text.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../src/index.js';
import type { Analysis, AnalyzeOptions, Person, Quote, Span } from '../../src/index.js';

const TYPES = new Set(['direct', 'mixed', 'indirect']);

function checkSpan(text: string, s: Span, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
  assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length, `${what}: 0 <= start < end <= length (${s.start}, ${s.end})`);
  assert.equal(text.slice(s.start, s.end), s.text, `${what}: text.slice(start, end) === text`);
}

/** The contract's invariants, which hold for every analysis of every text. */
export function checkInvariants(text: string, r: Analysis): void {
  const ids = new Map<string, Person>();
  for (const p of r.people) {
    assert.ok(!ids.has(p.id), `person id ${p.id} is unique`);
    ids.set(p.id, p);
    assert.ok(p.name.length > 0, `person ${p.id} has a name`);
    for (const m of p.mentions) checkSpan(text, m, `person ${p.id} mention`);
  }
  for (const q of r.quotes) {
    checkSpan(text, q, 'quote');
    assert.ok(TYPES.has(q.type), `quote type ${q.type} is direct, mixed or indirect`);
    if (q.speaker.mention) checkSpan(text, q.speaker.mention, 'speaker.mention');
    if (q.cue) checkSpan(text, q.cue, 'cue');
    for (const s of q.segments ?? []) checkSpan(text, s, 'segment');
    if (q.speaker.entity !== null) {
      const p = ids.get(q.speaker.entity);
      assert.ok(p, `speaker.entity ${q.speaker.entity} refers to an id in people`);
      assert.equal(q.speaker.name, p.name, 'speaker.name is the entity\'s canonical name');
    }
    assert.ok(q.confidence >= 0 && q.confidence <= 1, 'confidence in [0, 1]');
    if (q.addressee) {
      checkSpan(text, q.addressee.mention, 'addressee.mention');
      if (q.addressee.entity !== null) assert.equal(q.addressee.name, ids.get(q.addressee.entity)?.name, 'addressee.entity refers to an id in people');
      else assert.equal(q.addressee.name, q.addressee.mention.text, 'an addressee that is no entity is named by its words');
    }
    if (q.when) {
      checkSpan(text, q.when, 'when');
      if (q.when.resolved !== null) assert.match(q.when.resolved, /^\d{4}(-\d\d(-\d\d(\/\d{4}-\d\d-\d\d)?)?)?$/, 'when.resolved is an ISO date, month, year or interval');
    }
  }
}

/** analyze() plus the invariants. */
export function run(text: string, options: Omit<AnalyzeOptions, 'id'> = {}): Analysis {
  const r = analyze(text, { ...options, id: 't' });
  assert.equal(r.id, 't');
  checkInvariants(text, r);
  return r;
}

/** A one-line-per-quote summary, for assertion messages. */
export function summary(r: Analysis): string {
  return r.quotes
    .map((q) => `[${q.type}] ${q.speaker.name} <${q.speaker.mention?.text ?? 'null'}> {${q.cue?.text ?? 'null'}} ${JSON.stringify(q.text)}`)
    .join('\n') || '(no quotes)';
}

/** The one quote whose text is exactly `s`. */
export function quote(r: Analysis, s: string): Quote {
  const found = r.quotes.filter((q) => q.text === s);
  assert.equal(found.length, 1, `exactly one quote with text ${JSON.stringify(s)}; got:\n${summary(r)}`);
  return found[0];
}

/** The quotes whose text contains `s`. */
export function quotesWith(r: Analysis, s: string): Quote[] {
  return r.quotes.filter((q) => q.text.includes(s));
}

/** The first quote that starts at the first occurrence of `s` in the text. */
export function quoteAt(text: string, r: Analysis, s: string): Quote {
  const start = text.indexOf(s);
  assert.ok(start >= 0, `fixture: ${JSON.stringify(s)} in text`);
  const q = r.quotes.find((x) => x.start === start);
  assert.ok(q, `a quote starts at ${JSON.stringify(s)}; got:\n${summary(r)}`);
  return q;
}

/** The person (entity) that speaks quote q. */
export function speakerOf(r: Analysis, q: Quote): Person {
  assert.ok(q.speaker.entity, `quote ${JSON.stringify(q.text)} has a speaker entity; got:\n${summary(r)}`);
  const p = r.people.find((x) => x.id === q.speaker.entity);
  assert.ok(p);
  return p;
}

/** The single person with the given canonical name. */
export function person(r: Analysis, name: string): Person {
  const found = r.people.filter((p) => p.name === name);
  assert.equal(found.length, 1, `exactly one person named ${name}; people: ${r.people.map((p) => p.name).join(', ')}`);
  return found[0];
}

/** Asserts speaker name, mention text, cue text and type of quote q (undefined skips a field). */
export function expectQuote(
  q: Quote,
  want: { type?: Quote['type']; speaker?: string | null; mention?: string | null; cue?: string | null },
): void {
  const got = { type: q.type, speaker: q.speaker.name, mention: q.speaker.mention?.text ?? null, cue: q.cue?.text ?? null };
  for (const k of ['type', 'speaker', 'mention', 'cue'] as const) {
    if (want[k] !== undefined) assert.equal(got[k], want[k], `${k} of ${JSON.stringify(q.text)}: ${JSON.stringify(got)}`);
  }
}
