/**
 * When a quotation was said: a time expression in its attribution (`the French minister said late
 * on Friday`, `in an interview with KLXV last month, Velhorn said`, `told reporters Tuesday`),
 * resolved against the article's publication date.
 *
 * The attribution is the cue and the source with the words around them in their sentence, up
 * to the quotation, the reported content, a semicolon or a conjunction: a date inside what was
 * said (`said the vote on Friday would be close`) is not when it was said. chrono-node reads the
 * expressions; the resolution is this file's, because a report looks back: `on Tuesday` in an
 * article published on a Monday is the day before yesterday, not tomorrow.
 *
 * `resolved` is ISO 8601 at the precision the words give: a day (`2025-11-16`), a month
 * (`2025-10`), a year (`2019`) or a week as an interval (`2025-11-10/2025-11-16`); null when the
 * words are relative and the article has no date.
 */
import * as chrono from 'chrono-node';
import { sentenceOf, type Doc } from './document.js';
import type { Attribution } from './attribution.js';

export interface FoundTime {
  start: number;
  end: number;
  resolved: string | null;
}

/**
 * Words without which a stretch holds no time expression worth resolving, so that chrono is
 * asked about a few stretches an article (it is slow to ask): weekdays, `today`, `yesterday`,
 * `last week`, `earlier this month`, `three days ago`, a month with a day, a year.
 */
const TIME_HINT = new RegExp(
  [
    String.raw`\b(mon|tues|wednes|thurs|fri|satur|sun)day\b`,
    String.raw`\b(today|tonight|yesterday)\b`,
    String.raw`\b(this|last|past|previous|earlier this|later this)\s+(week|weekend|month|year)\b`,
    String.raw`\b(days|weeks|months|years)\s+ago\b`,
    String.raw`\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d`,
    String.raw`\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`,
  ].join('|'),
  'i',
);
const YEAR = /\b(?:in|since|during|of)\s+((?:19|20)\d\d)\b/g;
/** Words of the attribution on either side of its cue and source that are searched. */
const REACH = 10;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 86_400_000;
const WEEKDAY_OR_MONTH = /^((mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** The time of each attribution, in order (null when its attribution names none). */
export function findTimes(doc: Doc, attributions: Attribution[], published: string | Date | undefined): Array<FoundTime | null> {
  const reference = referenceDate(published);
  // Attributions that share a cue or a source read the same stretches of text: each stretch is
  // given to chrono (slow to ask) once an article.
  const read = new Map<string, Expression[]>();
  const expressionsOf = (text: string, hinted: boolean): Expression[] => {
    let found = read.get(text);
    if (found === undefined) read.set(text, (found = expressions(text, reference, hinted)));
    return found;
  };
  // (Built from a literal, as `analyze`'s lists are: `map` gives packed or holey arrays depending on
  // its path, and the loop that reads this one was compiled for one of them.)
  const times: Array<FoundTime | null> = [];
  for (const a of attributions) times.push(timeOf(doc, a, expressionsOf));
  return times;
}

/** A time expression found in a stretch of text, at `index` in it. */
interface Expression {
  index: number;
  length: number;
  resolved: string | null;
}

function referenceDate(published: string | Date | undefined): Date | null {
  if (published === undefined) return null;
  const d = published instanceof Date ? published : new Date(published);
  return Number.isNaN(d.getTime()) ? null : d;
}

function timeOf(doc: Doc, a: Attribution, expressionsOf: (text: string, hinted: boolean) => Expression[]): FoundTime | null {
  const tokens = doc.tokens;
  // (The cue and the source are read apart, each a kind of object of its own.)
  if (!a.cue && !a.source) return null;
  const lo = Math.min(a.cue ? a.cue.first : Infinity, a.source ? a.source.first : Infinity);
  const hi = Math.max(a.cue ? a.cue.last : -Infinity, a.source ? a.source.last : -Infinity);
  const sentence = sentenceOf(doc, lo);
  if (!sentence) return null;
  // What was said: the content, or its quoted parts when the attribution interrupts it.
  const said: Array<[number, number]> = a.segments.length > 1 ? a.segments : [[a.start, a.end]];
  const outside = (t: number) => {
    const tok = tokens[t]!;
    return tok.quote < 0 && said.every(([s, e]) => tok.end <= s || tok.start >= e) && !STOPS.has(tok.text) && tok.pos !== 'CCONJ';
  };
  const verb = (t: number) => tokens[t]!.pos === 'VERB' || tokens[t]!.pos === 'AUX';
  // Before the source: a fronted adjunct (`in an interview with KLXV last month, Velhorn said`),
  // not a clause of its own (`My aunt moved here 30 years ago, which explained ...`).
  let first = lo;
  while (first > sentence.first && lo - first < REACH && outside(first - 1)) first--;
  for (let t = first; t < lo; t++) if (verb(t)) first = lo;
  // After the cue: up to the next verb (`said late on Friday, referring to ...`).
  let last = hi;
  while (last < sentence.last && last - hi < REACH && outside(last) && !verb(last)) last++;
  // Each stretch between the cue and the source is read on its own, so that no expression
  // runs across them (`Greta May said this week` is no date in May).
  const isAnchor = (t: number) => a.cue !== null && a.cue.first <= t && t < a.cue.last || a.source !== null && a.source.first <= t && t < a.source.last;
  const cueAt = tokens[a.cue ? a.cue.first : a.source!.first]!.start;
  let best: FoundTime | null = null;
  let bestDistance = Infinity;
  for (let t = first; t < last; ) {
    if (isAnchor(t)) { t++; continue; }
    let u = t;
    while (u < last && !isAnchor(u)) u++;
    const from = tokens[t]!.start;
    const text = doc.text.slice(from, tokens[u - 1]!.end);
    // Between the source and the cue only a few words of their own (`who in 2010 said`), not an
    // apposition or a clause (`X, consul from 2009 until last spring, said`).
    const between = t > lo && u < hi;
    const stretch = t;
    t = u;
    const hinted = TIME_HINT.test(text);
    if (!hinted && !/\b(19|20)\d\d\b/.test(text)) continue;
    if (between && (u - stretch > 4 || tokens.slice(stretch, u).some((tok) => tok.text === ',' || tok.pos === 'VERB' || tok.pos === 'AUX'))) continue;
    for (const found of expressionsOf(text, hinted)) {
      const start = from + found.index;
      const distance = Math.abs(start - cueAt);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { start, end: start + found.length, resolved: found.resolved };
      }
    }
  }
  if (!best) return null;
  // `late on Friday`, `earlier this month`: the word that places it is part of the time.
  const before = /\b(late|early|earlier|later)\s+$/i.exec(doc.text.slice(Math.max(0, best.start - 9), best.start));
  if (before) best.start -= before[0].length;
  return best;
}

const STOPS = new Set([';', '—', '–', '(', ')']);

/** The time expressions of a stretch of the attribution that resolve to a date (or could, given one). */
function expressions(text: string, reference: Date | null, hinted: boolean): Expression[] {
  const out: Expression[] = [];
  for (const r of !hinted ? [] : chrono.parse(text, { instant: reference ?? new Date(), timezone: 'UTC' })) {
    const words = r.text.replace(/[\s,.;:]+$/, '');
    const c = r.start;
    // `Friday's test`: a day naming something said about, not when.
    if (/^['’]s\b/.test(text.slice(r.index + words.length))) continue;
    // `USA Today`, `ABC's This Week`: capitalised in mid-sentence, the words are a name's (only
    // weekdays and months are capitalised anyway, and any word opening a sentence).
    if (/^[A-Z]/.test(words) && !WEEKDAY_OR_MONTH.test(words) && /[\p{L}\p{N}'’,]\s*$/u.test(text.slice(Math.max(0, r.index - 30), r.index))) continue;
    // `now`; a bare month name (`May`, `June`: names as often as months); a time of day alone.
    if (/^now$/i.test(words) || (!c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('year') && !/\b(week|month|year|ago|today|tonight|yesterday)\b/i.test(words))) continue;
    const resolved = resolve(r, words, reference);
    if (resolved === null && reference !== null) continue;
    out.push({ index: r.index, length: words.length, resolved });
  }
  // A year on its own (`in 2019`), which chrono leaves.
  for (const m of text.matchAll(YEAR)) {
    const index = m.index! + m[0].length - 4;
    if (!out.some((o) => o.index <= index && index < o.index + o.length)) out.push({ index, length: 4, resolved: m[1]! });
  }
  return out;
}

/** The expression as an ISO date, month, year or week interval, looking back from the reference. */
function resolve(r: chrono.ParsedResult, words: string, reference: Date | null): string | null {
  const c = r.start;
  const lower = words.toLowerCase();
  if (reference === null && !c.isCertain('year')) return null;
  const ref = reference ?? c.date();
  if (/\bweek\b/.test(lower)) {
    // This week: Monday to the reference day; last or past week: the calendar week before it.
    const monday = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate()) - ((ref.getUTCDay() + 6) % 7) * DAY_MS);
    if (/\b(last|past|previous)\s+week\b/.test(lower)) return `${day(new Date(monday.getTime() - 7 * DAY_MS))}/${day(new Date(monday.getTime() - DAY_MS))}`;
    if (/\bthis\s+week\b/.test(lower)) return `${day(monday)}/${day(ref)}`;
  }
  let date = c.date();
  if (!c.isCertain('day') && c.isCertain('weekday')) {
    // A weekday on its own: the latest one on or before the reference day.
    const target = WEEKDAYS.indexOf(WEEKDAYS.find((w) => lower.includes(w)) ?? '');
    if (target >= 0) date = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate()) - ((ref.getUTCDay() - target + 7) % 7) * DAY_MS);
    return day(date);
  }
  if (c.isCertain('day')) {
    // `on 3 March` with no year, read as ahead of the reference: the last one before it.
    if (!c.isCertain('year') && date.getTime() > ref.getTime() + DAY_MS) date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
    return day(date);
  }
  if (c.isCertain('month') || /\bmonth\b/.test(lower)) return day(date).slice(0, 7);
  if (c.isCertain('year') || /\byear\b/.test(lower)) return day(date).slice(0, 4);
  return null;
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}
