/**
 * What the API and the pages accept, as zod schemas, and the one way input errors are
 * reported: an HttpError naming each bad field and what was wrong with it.
 */
import { z } from 'zod';
import { toIsoDate } from '../ingest/dates.js';
import type { SearchQuery } from '../store/store.js';

/** An error meant for the client: its status and a message naming what was wrong. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Form fields left empty are absent, not empty strings. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, `at most ${max} characters`).optional());

const isoDate = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((v, ctx) => {
      // ISO dates only: the API documents `format: date`, and a relative "yesterday" would
      // silently mean a different day tomorrow.
      const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v.trim()) ? toIsoDate(v) : null;
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: `not a date: ${JSON.stringify(v)} (use YYYY-MM-DD)` });
        return z.NEVER;
      }
      return iso;
    })
    .optional(),
);

const pageNumber = z.preprocess(
  blankToUndefined,
  z.coerce.number({ message: 'must be a whole number from 1' }).int('must be a whole number from 1').min(1, 'must be a whole number from 1').max(100_000, 'at most 100000').default(1),
);
const limit = z.preprocess(
  blankToUndefined,
  z.coerce.number({ message: 'must be a whole number from 1 to 100' }).int('must be a whole number from 1 to 100').min(1, 'must be a whole number from 1 to 100').max(100, 'must be a whole number from 1 to 100').default(20),
);

export const idParams = z.object({
  id: z.coerce.number({ message: 'must be a positive whole number' }).int('must be a positive whole number').positive('must be a positive whole number').max(Number.MAX_SAFE_INTEGER),
});

export const articlesQuery = z.strictObject({ page: pageNumber, limit, outlet: text(200) });

export const peopleQuery = z.strictObject({
  page: pageNumber,
  limit,
  kind: z.preprocess(blankToUndefined, z.enum(['person', 'org', 'description']).optional()),
});

export const quotesQuery = z.strictObject({
  q: text(500),
  speaker: text(200),
  outlet: text(200),
  since: isoDate,
  until: isoDate,
  page: pageNumber,
  limit,
});

/** The store's search for a parsed `quotesQuery`: blank fields are no filter. */
export function searchOf(q: z.infer<typeof quotesQuery>): SearchQuery {
  return {
    ...(q.q ? { text: q.q } : {}),
    ...(q.speaker ? { speaker: q.speaker } : {}),
    ...(q.outlet ? { outlet: q.outlet } : {}),
    ...(q.since ? { since: q.since } : {}),
    ...(q.until ? { until: q.until } : {}),
  };
}

export const personQuery = z.strictObject({
  page: pageNumber,
  limit,
  by: z.preprocess(blankToUndefined, z.enum(['day', 'week', 'month']).optional()),
});

/**
 * What makes a URL one analyze cannot fetch whatever the network says: not a URL, a scheme
 * other than http(s), credentials in it. A client error (400), not a failed fetch (502).
 */
function urlProblem(v: string): string | null {
  let url: URL;
  try {
    url = new URL(v.trim());
  } catch {
    return `not a URL: ${JSON.stringify(v)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https URLs are fetched, not ${url.protocol}`;
  if (url.username || url.password) return 'URLs with credentials are not fetched';
  return null;
}

const checkUrl = (v: string | undefined, ctx: z.RefinementCtx) => {
  const problem = v === undefined ? null : urlProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/** The API's analyze request (JSON). */
export const analyzeBody = z
  .strictObject({
    text: z.string().min(1, 'must not be empty').optional(),
    url: z.string().min(1, 'must not be empty').max(2048, 'at most 2048 characters').superRefine(checkUrl).optional(),
    title: z.string().max(500, 'at most 500 characters').optional(),
    outlet: z.string().max(200, 'at most 200 characters').optional(),
    published: isoDate,
    store: z.boolean().optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.url === undefined), { message: 'give either "text" or "url" (exactly one)' });

/** The analyze page's form (urlencoded strings; a checkbox is "on" when ticked). */
export const analyzeForm = z.object({
  text: text(2_000_000),
  url: text(2048).superRefine(checkUrl),
  title: text(500),
  published: isoDate,
  store: z.preprocess(blankToUndefined, z.literal('on').optional()),
  token: z.preprocess(blankToUndefined, z.string().optional()),
});

/** Parses input with a schema or throws a 400 naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    let message = i.message;
    if (i.code === 'unrecognized_keys') message = `unknown ${i.keys.length === 1 ? 'field' : 'fields'} ${i.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    else if (i.code === 'invalid_type' && /received undefined/.test(i.message)) message = 'required';
    else if (i.code === 'invalid_type' && /^Invalid input/.test(i.message)) message = `expected ${i.expected}`;
    return { path, message };
  }).filter((issue, i, all) => all.findIndex((o) => o.path === issue.path && o.message === issue.message) === i); // one check failing twice is one issue
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new HttpError(400, `invalid ${what}: ${summary}`, issues);
}
