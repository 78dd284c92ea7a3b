/**
 * Everything the record derives from one article before touching the database: the text hash,
 * each quotation's grouping keys and near-duplicate bands, each person's normalised name, aliases
 * and descriptors. It depends on nothing but the article and its analysis, so ingest computes it
 * on the extraction worker threads and the store's writer only runs its statements.
 */
import type { Analysis } from '../extract/types.js';
import { isFirstName } from '../extract/lexicon.js';
import {
  articleTextHash,
  isNameMention,
  nameTokens,
  quotationKey,
  joinedWordsKey,
  quotationSignatures,
  type QuotationSignature,
} from './normalize.js';
import type { ArticleInput } from './store.js';

export interface PreparedQuote {
  /** Exact key of the whole wording. */
  key: string;
  /** Exact keys of its long quoted parts. */
  segmentKeys: string[];
  /** Normalised words, space-separated (stored for near-duplicate checks). */
  words: string;
  /** How many words `words` holds (0 when empty). */
  wordCount: number;
  /** LSH bands of the words (empty when too short for near grouping). */
  bands: number[];
  /** Normalised speaker name for a quote with a name but no entity (two tokens or more), else null. */
  speakerNorm: string | null;
}

export interface PreparedPerson {
  /** The name the person is recorded under when new (see `recordName`). */
  name: string;
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

/** A name's tokens (`nameTokens`) and their join, as a person's `norm`. */
interface NameForms {
  readonly tokens: readonly string[];
  readonly norm: string;
}

/**
 * `NameForms` of a name, worked out each time. (Until session 23 they were remembered for the
 * whole run, up to 50,000 names: in place, among extraction's own memory, a lookup in that map
 * cost more than tokenising the name in one scan does, and every name kept, a slice of its
 * article, kept the article's text alive in the old generation.)
 */
function formsOf(name: string): NameForms {
  const tokens = nameTokens(name);
  return { tokens, norm: tokens.join(' ') };
}

/** A possessive ending (`Doe's`, `Doe’s`). */
const POSSESSIVE = /['\u2018\u2019`]s$/;

export function preparePerson(p: Analysis['people'][number]): PreparedPerson | null {
  if (p.kind === 'description') return null;
  const aliases = nameAliases(p);
  const { name, tokens, norm } = recordName(p, aliases);
  if (tokens.length === 0) return null;
  return {
    // A possessive is no part of a person's name (its normalised form already drops it).
    name: p.kind === 'person' ? name.replace(POSSESSIVE, '') : name,
    norm,
    surname: tokens[tokens.length - 1]!,
    tokens: tokens.length,
    aliases,
    descriptors: distinctCounts(p.descriptors),
  };
}

/**
 * A person's aliases: each name-like mention counts once; the canonical name counts when never
 * mentioned. (Mentions repeat a few names: each distinct text is tested once.)
 */
function nameAliases(p: Analysis['people'][number]): [string, string, number][] {
  const texts: [string, number][] = [];
  const mentions = p.mentions;
  if (mentions !== undefined) for (let i = 0; i < mentions.length; i++) countDistinct(texts, mentions[i]!.text);
  const aliases: [string, string, number][] = [];
  for (let k = 0; k < texts.length; k++) {
    const alias = texts[k]![0];
    if (isNameMention(alias)) aliases.push([alias, formsOf(alias).norm, texts[k]![1]]);
  }
  if (aliases.length === 0) aliases.push([p.name, formsOf(p.name).norm, 1]);
  return aliases;
}

/**
 * Each distinct non-empty trimmed string with how many times it occurs, in order of first
 * occurrence. A list searched from the start rather than a Map: a person of the news-like corpus
 * has 1.4 distinct mention texts and half a descriptor on average (at most 5 distinct texts, in
 * both corpora), too few to pay for a Map each.
 */
function distinctCounts(list: readonly string[] | undefined): [string, number][] {
  const out: [string, number][] = [];
  if (list !== undefined) for (let i = 0; i < list.length; i++) countDistinct(out, list[i]!);
  return out;
}
/** Counts `s`, trimmed, into `out` (see `distinctCounts`). */
function countDistinct(out: [string, number][], s: string): void {
  const t = s.trim();
  if (!t) return;
  for (let k = 0; k < out.length; k++) {
    const seen = out[k]!;
    if (seen[0] === t) {
      seen[1]++;
      return;
    }
  }
  out.push([t, 1]);
}

/**
 * The name a person is recorded under. The extractor's name sometimes carries words around the
 * name (a party or an epithet before it, a headline's verb after it: `Republican Olin Ferris`,
 * `Helena Brandt Speaks`). When the article itself also names the person by a shorter run of
 * those words that starts with a first name (or the name's own first word) and ends with a word
 * the article uses alone for the person (or the name's own last word), and the article uses that
 * shorter name more, the record uses it: one person across articles rather than one per wording.
 * (A first name is a capitalised word of the extractor's first-name lexicon.)
 */
function recordName(
  p: Analysis['people'][number],
  aliases: [string, string, number][],
): { name: string; tokens: readonly string[]; norm: string } {
  const { tokens, norm: wholeNorm } = formsOf(p.name);
  if (p.kind !== 'person' || tokens.length < 3) return { name: p.name, tokens, norm: wholeNorm };
  const byNorm = new Map<string, { text: string; count: number }>();
  for (let k = 0; k < aliases.length; k++) {
    const alias = aliases[k]!;
    const seen = byNorm.get(alias[1]);
    if (seen) seen.count += alias[2];
    else byNorm.set(alias[1], { text: alias[0], count: alias[2] });
  }
  const uses = (norm: string) => byNorm.get(norm)?.count ?? 0;
  const last = tokens.length - 1;
  // Words written with a capital in the name (`de` in `Anna de Vries` starts no name of its own),
  // worked out only for a shorter name the article uses (most have none).
  let capitalised: Set<string> | undefined;
  const isCapitalised = (token: string) =>
    (capitalised ??= new Set(
      p.name
        .split(/\s+/)
        .filter((w) => /^\p{Lu}/u.test(w))
        .flatMap((w) => formsOf(w).tokens),
    )).has(token);
  let best = { name: p.name, tokens, norm: wholeNorm, score: uses(wholeNorm) + uses(tokens[last]!) };
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j <= last; j++) {
      if (i === 0 && j === last) continue; // the whole name
      const sub = tokens.slice(i, j + 1);
      const norm = sub.join(' ');
      const mentioned = byNorm.get(norm);
      if (!mentioned) continue;
      if (i > 0 && !(isFirstName(sub[0]!) && isCapitalised(sub[0]!))) continue;
      if (j < last && uses(sub[sub.length - 1]!) === 0) continue;
      const score = mentioned.count + uses(sub[sub.length - 1]!);
      if (score > best.score) best = { name: mentioned.text, tokens: sub, norm, score };
    }
  }
  return { name: best.name, tokens: best.tokens, norm: best.norm };
}

/** A quote's keys from its wording's signature (`quotationSignatures`). */
function prepareQuote(q: Analysis['quotes'][number], signature: QuotationSignature): PreparedQuote {
  const { joined, wordCount, bands, segments } = signature;
  let speakerNorm: string | null = null;
  if (q.speaker?.name && !q.speaker.entity) {
    const speaker = formsOf(q.speaker.name);
    if (speaker.tokens.length >= 2) speakerNorm = speaker.norm;
  }
  // (Lists built from a literal, not by `map`: an empty list then has the same elements kind as
  // a full one, and the hand-off's packing code, compiled for one, is not thrown out at the other.)
  const segmentKeys: string[] = [];
  for (let i = 0; i < segments.length; i++) segmentKeys.push(joinedWordsKey(segments[i]!));
  return {
    key: wordCount ? joinedWordsKey(joined) : quotationKey([q.text]),
    segmentKeys,
    words: joined,
    wordCount,
    bands,
    speakerNorm,
  };
}

/** `textHash` may be passed when the caller has already computed it (ingest does, to dedupe). */
export function prepareArticle(article: ArticleInput, analysis: Analysis, textHash?: string): PreparedArticle {
  // (All the quotes' wordings at once, read from one copy of the article's text: see quotationSignatures.)
  const signatures = quotationSignatures(article.text, analysis.quotes);
  const quotes: PreparedQuote[] = [];
  for (let i = 0; i < analysis.quotes.length; i++) quotes.push(prepareQuote(analysis.quotes[i]!, signatures[i]!));
  const people: (PreparedPerson | null)[] = [];
  for (let i = 0; i < analysis.people.length; i++) people.push(preparePerson(analysis.people[i]!));
  return { textHash: textHash ?? articleTextHash(article.text), quotes, people };
}
