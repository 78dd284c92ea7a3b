/** Server-rendered pages. Every value goes through `html`, which escapes it. */
import type { ArticleSummary, PersonDetail, PersonQuote, PersonSummary, SearchHit } from '../store/store.js';
import { day, externalUrl, html, SafeHtml } from './html.js';
import { whenText } from './article-view.js';

export interface LayoutOptions {
  title: string;
  /** Current search words, kept in the header's search box. */
  q?: string | undefined;
  nav?: 'home' | 'search' | 'people' | 'articles' | 'analyze';
}

export function layout(opts: LayoutOptions, body: SafeHtml): string {
  const current = (name: LayoutOptions['nav']) => (opts.nav === name ? html` aria-current="page"` : '');
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · onrecord</title>
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <a class="brand" href="/">onrecord</a>
  <nav aria-label="Main">
    <a href="/search"${current('search')}>Search</a>
    <a href="/people"${current('people')}>People</a>
    <a href="/articles"${current('articles')}>Articles</a>
    <a href="/analyze"${current('analyze')}>Analyze</a>
  </nav>
  <form class="header-search" action="/search" method="get" role="search">
    <label for="header-q" class="visually-hidden">Search quotes</label>
    <input id="header-q" name="q" type="search" placeholder="Search quotes" value="${opts.q ?? ''}">
    <button type="submit">Search</button>
  </form>
</header>
<main id="main">
${body}
</main>
<footer class="site-footer"><p>onrecord: who said what in the news. <a href="/api/openapi.json">API</a></p></footer>
</body>
</html>
`.value;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function articleItem(a: ArticleSummary): SafeHtml {
  return html`<li class="article-item"><a href="/articles/${a.id}">${a.title ?? 'Untitled article'}</a>
  <span class="meta">${[a.outlet, day(a.published)].filter(Boolean).join(' · ')} · ${plural(a.quoteCount, 'quote')}</span></li>`;
}

export function personItem(p: PersonSummary): SafeHtml {
  return html`<li class="person-summary"><a href="/people/${p.id}">${p.name}</a>${p.kind !== 'person' ? html` <span class="kind">(${p.kind})</span>` : ''}
  <span class="meta">${plural(p.quotes, 'quote')}, named in ${plural(p.articles, 'article')}</span></li>`;
}

export function homePage(latest: ArticleSummary[], people: PersonSummary[]): string {
  return layout(
    { title: 'Who said what', nav: 'home' },
    html`<section class="hero">
  <h1>Who said what</h1>
  <form class="big-search" action="/search" method="get" role="search">
    <label for="home-q">Search every quote on record</label>
    <input id="home-q" name="q" type="search" placeholder="words, or &quot;a phrase&quot;">
    <button type="submit">Search</button>
  </form>
</section>
<div class="columns">
<section aria-labelledby="latest-h"><h2 id="latest-h">Latest articles</h2>
  ${latest.length ? html`<ul class="article-list">${latest.map(articleItem)}</ul>` : html`<p>No articles yet. Ingest some with <code>onrecord ingest</code>.</p>`}
  <p><a href="/articles">All articles</a></p>
</section>
<section aria-labelledby="people-h"><h2 id="people-h">Most quoted</h2>
  ${people.length ? html`<ol class="people-ranking">${people.map(personItem)}</ol>` : html`<p>Nobody quoted yet.</p>`}
  <p><a href="/people">Everyone</a></p>
</section>
</div>`,
  );
}

/** Previous/next links; `href(page)` builds each page's address. */
export function pager(page: number, hasNext: boolean, href: (page: number) => string): SafeHtml {
  if (page <= 1 && !hasNext) return html``;
  return html`<nav class="pager" aria-label="Pages">
  ${page > 1 ? html`<a rel="prev" href="${href(page - 1)}">Previous</a>` : ''}
  <span class="page-number">Page ${page}</span>
  ${hasNext ? html`<a rel="next" href="${href(page + 1)}">Next</a>` : ''}
</nav>`;
}

export function articlesPage(items: ArticleSummary[], page: number, hasNext: boolean, outlet: string | undefined): string {
  const href = (p: number) => '/articles?' + new URLSearchParams({ ...(outlet ? { outlet } : {}), page: String(p) }).toString();
  return layout(
    { title: 'Articles', nav: 'articles' },
    html`<h1>Articles${outlet ? html` from “${outlet}”` : ''}</h1>
${items.length ? html`<ul class="article-list">${items.map(articleItem)}</ul>` : html`<p>No articles.</p>`}
${pager(page, hasNext, href)}`,
  );
}

export function peoplePage(items: PersonSummary[], page: number, hasNext: boolean, offset: number): string {
  return layout(
    { title: 'People', nav: 'people' },
    html`<h1>People, most quoted first</h1>
${items.length ? html`<ol class="people-ranking" start="${offset + 1}">${items.map(personItem)}</ol>` : page > 1 ? html`<p>Nobody more: this page is past the end of the list.</p>` : html`<p>Nobody quoted yet.</p>`}
${pager(page, hasNext, (p) => `/people?page=${p}`)}`,
  );
}

export interface SearchForm {
  q?: string | undefined;
  speaker?: string | undefined;
  outlet?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

export function searchFormHtml(f: SearchForm): SafeHtml {
  return html`<form class="search-form" action="/search" method="get" role="search">
  <div class="field"><label for="s-q">Words</label><input id="s-q" name="q" type="search" value="${f.q ?? ''}"></div>
  <div class="field"><label for="s-speaker">Speaker</label><input id="s-speaker" name="speaker" value="${f.speaker ?? ''}"></div>
  <div class="field"><label for="s-outlet">Outlet</label><input id="s-outlet" name="outlet" value="${f.outlet ?? ''}"></div>
  <div class="field"><label for="s-since">From</label><input id="s-since" name="since" type="date" value="${day(f.since)}"></div>
  <div class="field"><label for="s-until">To</label><input id="s-until" name="until" type="date" value="${day(f.until)}"></div>
  <div class="field"><button type="submit">Search</button></div>
</form>`;
}

export function hitItem(h: SearchHit): SafeHtml {
  const f = h.first;
  const others = h.totalAppearances - 1;
  return html`<li class="hit">
  <blockquote class="hit-text">${h.text}</blockquote>
  <p class="hit-meta"><span class="hit-speaker">${h.personId !== null ? html`<a href="/people/${h.personId}">${h.speaker ?? 'unknown speaker'}</a>` : h.speaker ?? 'unknown speaker'}</span>${f.cue ? html` <span class="cue-word">${f.cue}</span>` : ''}
  · <a href="/articles/${f.articleId}">${f.title ?? 'Untitled article'}</a>
  · ${[f.outlet, day(f.published)].filter(Boolean).join(', ')}${others > 0 ? html` · also in ${plural(others, 'other article')}` : ''}</p>
</li>`;
}

export function searchPage(form: SearchForm, hits: SearchHit[] | null, page: number, hasNext: boolean, error?: string): string {
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) if (v) params.set(k, k === 'since' || k === 'until' ? day(v) : v);
    params.set('page', String(p));
    return '/search?' + params.toString();
  };
  return layout(
    { title: form.q ? `“${form.q}”` : 'Search', nav: 'search', q: form.q },
    html`<h1>Search quotes</h1>
${searchFormHtml(form)}
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
${hits === null ? '' : hits.length === 0 ? html`<p class="no-results">No quotations found.</p>` : html`<p class="result-count" role="status">Results ${(page - 1) * 20 + 1} to ${(page - 1) * 20 + hits.length}</p><ol class="hits">${hits.map(hitItem)}</ol>`}
${hits ? pager(page, hasNext, href) : ''}`,
  );
}

function counted(xs: { value: string; count: number }[], max = 20): SafeHtml {
  if (xs.length === 0) return html`<span class="none">none</span>`;
  return html`<ul class="counted">${xs.slice(0, max).map((x) => html`<li>${x.value} <span class="count">(${x.count})</span></li>`)}${xs.length > max ? html`<li>and ${xs.length - max} more</li>` : ''}</ul>`;
}

export function personPage(p: PersonDetail, chart: SafeHtml, by: string, quotes: PersonQuote[], page: number, hasNext: boolean): string {
  const href = (n: number) => `/people/${p.id}?by=${by}&page=${n}`;
  return layout(
    { title: p.name, nav: 'people' },
    html`<article class="person" aria-labelledby="person-name">
<h1 id="person-name">${p.name}${p.kind !== 'person' ? html` <span class="kind">(${p.kind})</span>` : ''}</h1>
<p class="person-meta">${plural(p.quotes, 'quote')}, named in ${plural(p.articles, 'article')}${p.firstQuoted ? html`, first quoted ${day(p.firstQuoted)}, last ${day(p.lastQuoted)}` : ''}</p>
<dl class="person-facts">
  <dt>Named as</dt><dd class="aliases">${counted(p.aliases)}</dd>
  <dt>Described as</dt><dd class="descriptors">${counted(p.descriptors)}</dd>
  <dt>Outlets</dt><dd class="outlets">${counted(p.outlets)}</dd>
</dl>
<section aria-labelledby="chart-h"><h2 id="chart-h">Quotes over time</h2>
<p class="bucket-switch">Per: ${(['day', 'week', 'month'] as const).map((b) =>
      b === by ? html`<strong aria-current="true">${b}</strong> ` : html`<a href="/people/${p.id}?by=${b}">${b}</a> `,
    )}</p>
${chart}
</section>
<section aria-labelledby="quotes-h"><h2 id="quotes-h">Quotes</h2>
${quotes.length === 0 ? html`<p>No quotes.</p>` : ''}
<ol class="person-quotes">${quotes.map((q) => {
      const link = externalUrl(q.url);
      return html`<li class="person-quote"><blockquote>${q.text}</blockquote>
  <p class="meta">${q.cue ? html`<span class="cue-word">${q.cue}</span> · ` : ''}${q.addressee ? html`<span class="addressee">to ${q.addressee}</span> · ` : ''}${q.when ? html`<span class="when">${whenText(q.when)}</span> · ` : ''}${q.outlet ?? 'unknown outlet'} · ${day(q.published) || 'undated'} · <a href="/articles/${q.articleId}">${q.title ?? 'the article'}</a>${link ? html` · <a href="${link}" rel="noopener noreferrer nofollow">original</a>` : ''}</p></li>`;
    })}</ol>
${pager(page, hasNext, href)}
</section>
</article>`,
  );
}

export interface AnalyzeFormValues {
  text?: string | undefined;
  url?: string | undefined;
  title?: string | undefined;
  published?: string | undefined;
}

export function analyzeFormHtml(values: AnalyzeFormValues, canStore: boolean): SafeHtml {
  return html`<form class="analyze-form" action="/analyze" method="post">
  <div class="field"><label for="a-text">Article text</label>
    <textarea id="a-text" name="text" rows="12">${values.text ?? ''}</textarea></div>
  <div class="field"><label for="a-url">or the address of a page</label>
    <input id="a-url" name="url" type="url" placeholder="https://..." value="${values.url ?? ''}"></div>
  <div class="field"><label for="a-title">Title (optional)</label><input id="a-title" name="title" value="${values.title ?? ''}"></div>
  <div class="field"><label for="a-published">Published (optional)</label><input id="a-published" name="published" type="date" value="${day(values.published)}"></div>
  ${canStore
    ? html`<fieldset class="store-fields"><legend>Keep it on record</legend>
    <div class="field"><input id="a-store" name="store" type="checkbox"> <label for="a-store">Store this article</label></div>
    <div class="field"><label for="a-token">Admin token</label><input id="a-token" name="token" type="password" autocomplete="off"></div>
  </fieldset>`
    : html`<p class="hint">Nothing analysed here is stored (the server has no admin token).</p>`}
  <div class="field"><button type="submit">Analyze</button></div>
</form>`;
}

export function analyzePage(values: AnalyzeFormValues, canStore: boolean, error?: string): string {
  return layout(
    { title: 'Analyze', nav: 'analyze' },
    html`<h1>Analyze an article</h1>
<p>Paste an article or give its address to see who said what in it. It is not stored unless you ask.</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
${analyzeFormHtml(values, canStore)}`,
  );
}

export function errorPage(status: number, message: string): string {
  const heading = status === 404 ? 'Not found' : status >= 500 ? 'Something went wrong' : 'That did not work';
  return layout({ title: heading }, html`<h1>${heading}</h1><p class="error" role="alert">${message}</p><p><a href="/">Home</a></p>`);
}
