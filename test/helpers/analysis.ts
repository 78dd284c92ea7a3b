/** Builds extraction results by hand, so store tests do not depend on the extractor. */
import type { Analysis, Person, Quote, QuoteType, Span } from '../../src/extract/types.js';

function span(text: string, needle: string, from = 0): Span {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: ${JSON.stringify(needle)} not in text`);
  return { start, end: start + needle.length, text: needle };
}

/** The occurrence of `needle` next to the quote: just after it, else just before it. */
function near(text: string, needle: string, quote: Span): Span {
  const after = text.indexOf(needle, quote.end);
  const before = text.lastIndexOf(needle, quote.start - needle.length);
  if (after >= 0 && (before < 0 || after - quote.end <= quote.start - before)) return span(text, needle, after);
  if (before >= 0) return span(text, needle, before);
  throw new Error(`fixture: ${JSON.stringify(needle)} not in text`);
}

export interface QuoteSpec {
  quote: string;
  speaker: string | null;
  entity?: string | null;
  mention?: string | null;
  cue?: string | null;
  type?: QuoteType;
}

export interface PersonSpec {
  id: string;
  name: string;
  kind?: Person['kind'];
  mentions?: string[];
  descriptors?: string[];
  gender?: 'm' | 'f';
}

/** An Analysis of `text` with the given quotes and people, offsets computed from the text. */
export function buildAnalysis(text: string, people: PersonSpec[], quotes: QuoteSpec[]): Analysis {
  const ps: Person[] = people.map((p) => {
    const mentions: Span[] = [];
    let from = 0;
    for (const m of p.mentions ?? [p.name]) {
      const s = span(text, m, from);
      mentions.push(s);
      from = s.end;
    }
    return { id: p.id, name: p.name, kind: p.kind ?? 'person', ...(p.gender ? { gender: p.gender } : {}), descriptors: p.descriptors ?? [], mentions };
  });
  const qs: Quote[] = quotes.map((q) => {
    const s = span(text, q.quote);
    const mention = q.mention ? near(text, q.mention, s) : null;
    const cue = q.cue ? near(text, q.cue, s) : null;
    return {
      ...s,
      type: q.type ?? 'direct',
      speaker: { name: q.speaker, entity: q.entity ?? null, mention },
      cue,
      confidence: 0.9,
    };
  });
  return { quotes: qs, people: ps };
}
