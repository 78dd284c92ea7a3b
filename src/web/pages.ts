/** The HTML pages: home, articles, article, people, person, search, analyze. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { analyzeRequest } from './analyze.js';
import { renderArticle, viewFromAnalysis, viewFromStored } from './article-view.js';
import { bucketCounts, defaultBucket, renderChart } from './chart.js';
import { tokenMatches, type WebContext } from './context.js';
import { html } from './html.js';
import { analyzeForm, articlesQuery, HttpError, idParams, parseInput, peopleQuery, personQuery, quotesQuery, searchOf } from './schemas.js';
import { analyzePage, articlesPage, homePage, layout, peoplePage, personPage, searchPage, type SearchForm } from './templates.js';

const PAGE_SIZE = 20;

// Pages ignore query parameters they do not know (tracking tags, old bookmarks) with .strip();
// the API rejects them, so a misspelt filter there is an error rather than silently ignored.


function send(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

export function registerPages(app: FastifyInstance, ctx: WebContext): void {
  const { store } = ctx;

  app.get('/', async (_req, reply) => {
    const [latest, people] = await Promise.all([store.listArticles({ limit: 10 }), store.listPeople({ limit: 10 })]);
    return send(reply, homePage(latest.items, people.items));
  });

  app.get('/articles', async (req, reply) => {
    const q = parseInput(articlesQuery.strip(), req.query, 'query');
    const result = await store.listArticles({ limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE, ...(q.outlet ? { outlet: q.outlet } : {}) });
    return send(reply, articlesPage(result.items, q.page, result.next !== null, q.outlet));
  });

  app.get('/articles/:id', async (req, reply) => {
    const { id } = parseInput(idParams, req.params, 'article id');
    const article = await store.getArticle(id);
    if (!article) throw new HttpError(404, `There is no article ${id} on record.`);
    const view = viewFromStored(article);
    return send(reply, layout({ title: article.title ?? 'Article' }, renderArticle(view)));
  });

  app.get('/people', async (req, reply) => {
    const q = parseInput(peopleQuery.strip(), req.query, 'query');
    const offset = (q.page - 1) * PAGE_SIZE;
    const result = await store.listPeople({ limit: PAGE_SIZE, offset });
    return send(reply, peoplePage(result.items, q.page, result.next !== null, offset));
  });

  app.get('/people/:id', async (req, reply) => {
    const { id } = parseInput(idParams, req.params, 'person id');
    const q = parseInput(personQuery.strip(), req.query, 'query');
    const person = await store.getPerson(id);
    if (!person) throw new HttpError(404, `There is nobody with id ${id} on record.`);
    const [days, quotes] = await Promise.all([
      store.personQuotesPerDay(id),
      store.personQuotes(id, { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE }),
    ]);
    const by = q.by ?? defaultBucket(days);
    const chart = renderChart(bucketCounts(days, by), by);
    return send(reply, personPage(person, chart, by, quotes.items, q.page, quotes.next !== null));
  });

  app.get('/search', async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const form: SearchForm = {};
    for (const k of ['q', 'speaker', 'outlet', 'since', 'until'] as const) if (typeof raw[k] === 'string') form[k] = raw[k] as string;
    let q;
    try {
      q = parseInput(quotesQuery.strip(), raw, 'search');
    } catch (err) {
      if (err instanceof HttpError) return send(reply, searchPage(form, null, 1, false, err.message), 400);
      throw err;
    }
    const result = await store.searchPage(
      searchOf(q),
      { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE },
    );
    return send(reply, searchPage(form, result.items, q.page, result.next !== null));
  });

  app.get('/analyze', async (_req, reply) => send(reply, analyzePage({}, ctx.adminToken !== null)));

  app.post('/analyze', async (req, reply) => {
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const values = {
      text: typeof raw.text === 'string' ? raw.text : undefined,
      url: typeof raw.url === 'string' ? raw.url : undefined,
      title: typeof raw.title === 'string' ? raw.title : undefined,
      published: typeof raw.published === 'string' ? raw.published : undefined,
    };
    const canStore = ctx.adminToken !== null;
    try {
      const form = parseInput(analyzeForm, raw, 'form');
      if (!form.text && !form.url) throw new HttpError(400, 'Paste an article or give the address of a page.');
      if (form.text && form.url) throw new HttpError(400, 'Give either the text or an address, not both.');
      if (form.store) {
        if (!canStore) throw new HttpError(403, 'Storing is disabled: the server was started without --admin-token.');
        if (!tokenMatches(ctx, form.token)) throw new HttpError(401, 'Storing needs the admin token; the one given is wrong.');
      }
      const { article, analysis } = await analyzeRequest(
        { text: form.text, url: form.url, title: form.title, published: form.published },
        ctx,
      );
      if (form.store) {
        const stored = await store.addArticle(article, analysis);
        return reply.code(303).header('location', `/articles/${stored.articleId}`).send();
      }
      const view = viewFromAnalysis({ ...article, title: article.title ?? (form.url ? null : 'Pasted text') }, analysis);
      const notice = html`<p class="notice" role="status">Analysed, not stored. <a href="/analyze">Analyze another</a></p>`;
      return send(reply, layout({ title: view.title ?? 'Analysis', nav: 'analyze' }, renderArticle(view, notice)));
    } catch (err) {
      if (err instanceof HttpError) return send(reply, analyzePage(values, canStore, err.message), err.status);
      throw err;
    }
  });
}
