/**
 * Everything the record derives from one article before touching the database: the text hash,
 * each quotation's grouping keys and near-duplicate bands, each person's normalised name, aliases
 * and descriptors. It depends on nothing but the article and its analysis, so ingest computes it
 * on the extraction worker threads and the store's writer only runs its statements.
 */
import type { Analysis } from '../extract/types.js';
import {
  articleTextHash,
  isNameMention,
  nameTokens,
  quotationBands,
  quotationKey,
  quotationParts,
} from './normalize.js';
import type { ArticleInput } from './store.js';

export interface PreparedQuote {
  /** Exact key of the whole wording. */
  key: string;
  /** Exact keys of its long quoted parts. */
  segmentKeys: string[];
  /** Normalised words, space-separated (stored for near-duplicate checks). */
  words: string;
  /** LSH bands of the words (empty when too short for near grouping). */
  bands: number[];
  /** Normalised speaker name for a quote with a name but no entity (two tokens or more), else null. */
  speakerNorm: string | null;
}

export interface PreparedPerson {
  norm: string;
  surname: string;
  /** Number of name tokens (1: surname only). */
  tokens: number;
  /** Distinct name-like mentions: [alias, normalised alias, count]. */
  aliases: [string, string, number][];
  /** Distinct descriptors: [descriptor, count]. */
  descriptors: [string, number][];
}

export interface PreparedArticle {
  textHash: string;
  /** One per `analysis.quotes`, in order. */
  quotes: PreparedQuote[];
  /** One per `analysis.people`, in order; null for entities that are not record people (descriptions, no name). */
  people: (PreparedPerson | null)[];
}

export function preparePerson(p: Analysis['people'][number]): PreparedPerson | null {
  if (p.kind === 'description') return null;
  const tokens = nameTokens(p.name);
  if (tokens.length === 0) return null;
  // Aliases: each name-like mention counts once; the canonical name counts when never mentioned.
  const names = (p.mentions ?? []).map((m) => m.text.trim()).filter(isNameMention);
  if (names.length === 0) names.push(p.name);
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const dcounts = new Map<string, number>();
  for (const d of p.descriptors ?? []) {
    const t = d.trim();
    if (t) dcounts.set(t, (dcounts.get(t) ?? 0) + 1);
  }
  return {
    norm: tokens.join(' '),
    surname: tokens[tokens.length - 1]!,
    tokens: tokens.length,
    aliases: [...counts].map(([alias, count]) => [alias, nameTokens(alias).join(' '), count]),
    descriptors: [...dcounts],
  };
}

export function prepareQuote(q: Analysis['quotes'][number]): PreparedQuote {
  const { words, segments } = quotationParts(q.text);
  let speakerNorm: string | null = null;
  if (q.speaker?.name && !q.speaker.entity) {
    const t = nameTokens(q.speaker.name);
    if (t.length >= 2) speakerNorm = t.join(' ');
  }
  return {
    key: quotationKey(words.length ? words : [q.text]),
    segmentKeys: segments.map((w) => quotationKey(w)),
    words: words.join(' '),
    bands: quotationBands(words),
    speakerNorm,
  };
}

/** `textHash` may be passed when the caller has already computed it (ingest does, to dedupe). */
export function prepareArticle(article: ArticleInput, analysis: Analysis, textHash?: string): PreparedArticle {
  return {
    textHash: textHash ?? articleTextHash(article.text),
    quotes: analysis.quotes.map(prepareQuote),
    people: analysis.people.map(preparePerson),
  };
}
