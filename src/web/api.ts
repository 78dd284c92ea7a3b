/** The JSON API under /api: lists answer `{"items": [...], "next": URL | null}`. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Page } from '../store/store.js';
import { analyzeRequest } from './analyze.js';
import { tokenMatches, type WebContext } from './context.js';
import { openApiDocument } from './openapi.js';
import { analyzeBody, articlesQuery, HttpError, idParams, parseInput, peopleQuery, personQuery, quotesQuery, searchOf } from './schemas.js';

/** The address of the next page: this request's path and query with `page` moved on. */
export function nextPageUrl(req: FastifyRequest, page: number, hasNext: boolean): string | null {
  if (!hasNext) return null;
  const url = new URL(req.url, 'http://local');
  url.searchParams.set('page', String(page + 1));
  return url.pathname + url.search;
}

function listAnswer<T>(req: FastifyRequest, page: number, result: Page<T>) {
  return { items: result.items, next: nextPageUrl(req, page, result.next !== null) };
}

export function registerApi(app: FastifyInstance, ctx: WebContext): void {
  const { store } = ctx;

  app.get('/api/openapi.json', async () => openApiDocument());

  app.get('/api/articles', async (req) => {
    const q = parseInput(articlesQuery, req.query, 'query');
    const result = await store.listArticles({ limit: q.limit, offset: (q.page - 1) * q.limit, ...(q.outlet ? { outlet: q.outlet } : {}) });
    return listAnswer(req, q.page, result);
  });

  app.get('/api/articles/:id', async (req) => {
    const { id } = parseInput(idParams, req.params, 'article id');
    const article = await store.getArticle(id);
    if (!article) throw new HttpError(404, `no article with id ${id}`);
    return article;
  });

  app.get('/api/quotes', async (req) => {
    const q = parseInput(quotesQuery, req.query, 'query');
    const result = await store.searchPage(
      searchOf(q),
      { limit: q.limit, offset: (q.page - 1) * q.limit },
    );
    return listAnswer(req, q.page, result);
  });

  app.get('/api/people', async (req) => {
    const q = parseInput(peopleQuery, req.query, 'query');
    const result = await store.listPeople({ limit: q.limit, offset: (q.page - 1) * q.limit, ...(q.kind ? { kind: q.kind } : {}) });
    return listAnswer(req, q.page, result);
  });

  app.get('/api/people/:id', async (req) => {
    const { id } = parseInput(idParams, req.params, 'person id');
    const q = parseInput(personQuery, req.query, 'query');
    const person = await store.getPerson(id);
    if (!person) throw new HttpError(404, `no person with id ${id}`);
    const [quotesPerDay, quotes] = await Promise.all([
      store.personQuotesPerDay(id),
      store.personQuotes(id, { limit: q.limit, offset: (q.page - 1) * q.limit }),
    ]);
    return { ...person, quotesPerDay, quotes: listAnswer(req, q.page, quotes) };
  });

  app.post('/api/analyze', async (req, reply) => {
    const body = parseInput(analyzeBody, req.body, 'request body');
    if (body.store) {
      // Checked before any work: writing needs the admin token, and a server without one writes nothing.
      if (!ctx.adminToken) throw new HttpError(403, 'storing is disabled: the server was started without --admin-token');
      const auth = req.headers.authorization;
      const token = typeof auth === 'string' && /^Bearer\s+/i.test(auth) ? auth.replace(/^Bearer\s+/i, '') : null;
      if (!tokenMatches(ctx, token)) {
        reply.header('www-authenticate', 'Bearer');
        throw new HttpError(401, 'storing needs the admin token: send "Authorization: Bearer TOKEN"');
      }
    }
    const { article, analysis } = await analyzeRequest(body, ctx);
    let stored: { articleId: number; added: boolean } | null = null;
    if (body.store) {
      const result = await store.addArticle(article, analysis);
      stored = { articleId: result.articleId, added: result.added };
    }
    return {
      article: {
        title: article.title ?? null,
        url: article.canonicalUrl ?? article.url ?? null,
        outlet: article.outlet ?? null,
        byline: article.byline ?? null,
        published: article.published ?? null,
        text: article.text,
      },
      quotes: analysis.quotes,
      people: analysis.people,
      stored,
    };
  });
}
