/**
 * The article view: the text with every quote highlighted in its speaker's colour, the
 * speaker's mention and the cue marked, and a side list of the people in the article. The same
 * view serves stored articles and texts analysed on the fly.
 */
import type { Analysis, Quote, QuoteType, Span } from '../extract/types.js';
import type { ArticleDetail } from '../store/store.js';
import { day, externalUrl, html, join, SafeHtml } from './html.js';

/** Speaker colours (classes `sp-0` to `sp-11` in style.css); speakers beyond wrap round. */
export const PALETTE_SIZE = 12;

export interface ViewQuote {
  start: number;
  end: number;
  text: string;
  type: QuoteType;
  confidence: number;
  speakerName: string | null;
  /** Identity of the speaker within the article (entity id, else name); null when unknown. */
  speakerKey: string | null;
  personId: number | null;
  mention: Span | null;
  cue: Span | null;
  /** To whom it was said (the addressee's name), when the text names it. */
  addressee: string | null;
  /** When it was said: the words and their resolved date, when the attribution names it. */
  when: { text: string; resolved: string | null } | null;
}

/** A quote as both views show it: the speaker's name and record person are the caller's. */
function toViewQuote(q: Quote, speakerName: string | null, personId: number | null): ViewQuote {
  return {
    start: q.start,
    end: q.end,
    text: q.text,
    type: q.type,
    confidence: q.confidence,
    speakerName,
    speakerKey: keyOf(q.speaker.entity, q.speaker.name),
    personId,
    mention: q.speaker.mention,
    cue: q.cue,
    addressee: q.addressee?.name ?? null,
    when: q.when ? { text: q.when.text, resolved: q.when.resolved } : null,
  };
}

export interface ViewPerson {
  key: string;
  name: string;
  kind: string;
  descriptors: string[];
  personId: number | null;
  quotes: number;
}

export interface ArticleView {
  /** Stored article id; null for an analysis that was not stored. */
  id: number | null;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  url: string | null;
  text: string;
  quotes: ViewQuote[];
  people: ViewPerson[];
}

function keyOf(entity: string | null, name: string | null): string | null {
  return entity ? 'e:' + entity : name ? 'n:' + name : null;
}

function countQuotes(people: ViewPerson[], quotes: ViewQuote[]): ViewPerson[] {
  const counts = new Map<string, number>();
  for (const q of quotes) if (q.speakerKey) counts.set(q.speakerKey, (counts.get(q.speakerKey) ?? 0) + 1);
  const known = new Set(people.map((p) => p.key));
  const out = people.map((p) => ({ ...p, quotes: counts.get(p.key) ?? 0 }));
  // Speakers named by a quote but not among the article's people still get a line.
  for (const q of quotes) {
    if (!q.speakerKey || known.has(q.speakerKey) || !q.speakerName) continue;
    known.add(q.speakerKey);
    out.push({ key: q.speakerKey, name: q.speakerName, kind: 'person', descriptors: [], personId: q.personId, quotes: counts.get(q.speakerKey) ?? 0 });
  }
  return out;
}

export function viewFromStored(a: ArticleDetail): ArticleView {
  const quotes = a.quotes.map((q) => toViewQuote(q, q.speakerLabel ?? q.speaker.name, q.personId));
  const people = a.people.map(
    (p): ViewPerson => ({ key: 'e:' + p.id, name: p.name, kind: p.kind, descriptors: p.descriptors, personId: p.personId, quotes: 0 }),
  );
  return { id: a.id, title: a.title, outlet: a.outlet, byline: a.byline, published: a.published, url: a.url, text: a.text, quotes, people: countQuotes(people, quotes) };
}

export interface UnstoredArticle {
  title?: string | null;
  outlet?: string | null;
  byline?: string | null;
  published?: string | null;
  url?: string | null;
  text: string;
}

export function viewFromAnalysis(article: UnstoredArticle, analysis: Analysis): ArticleView {
  const quotes = analysis.quotes.map((q) => toViewQuote(q, q.speaker.name, null));
  const people = [...analysis.people]
    .sort((x, y) => (x.mentions[0]?.start ?? 0) - (y.mentions[0]?.start ?? 0))
    .map((p): ViewPerson => ({ key: 'e:' + p.id, name: p.name, kind: p.kind, descriptors: p.descriptors, personId: null, quotes: 0 }));
  return {
    id: null,
    title: article.title ?? null,
    outlet: article.outlet ?? null,
    byline: article.byline ?? null,
    published: article.published ?? null,
    url: article.url ?? null,
    text: article.text,
    quotes,
    people: countQuotes(people, quotes),
  };
}

/** Colour number of each speaker, in the order they are first quoted. */
export function speakerColours(view: ArticleView): Map<string, number> {
  const colours = new Map<string, number>();
  for (const q of [...view.quotes].sort((a, b) => a.start - b.start)) {
    if (q.speakerKey && !colours.has(q.speakerKey)) colours.set(q.speakerKey, colours.size % PALETTE_SIZE);
  }
  return colours;
}

function colourClass(colours: Map<string, number>, key: string | null): string {
  const n = key === null ? undefined : colours.get(key);
  return n === undefined ? 'sp-none' : `sp-${n}`;
}

interface Mark {
  start: number;
  end: number;
  kind: 'quote' | 'mention' | 'cue';
  /** Index of the quote the mark belongs to (the first one, for a mention shared by several). */
  quote: number;
  colour: string;
  seq: number;
}

const KIND_ORDER = { quote: 0, mention: 1, cue: 2 } as const;

function validSpan(s: { start: number; end: number } | null, length: number): s is { start: number; end: number } {
  return s !== null && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= length && s.start < s.end;
}

/**
 * The article text as escaped markup with the quotes, mentions and cues marked. Spans may
 * nest or cross (an interrupted quotation contains its cue; a continuation quote lies inside
 * the whole one), so the text is cut at every span boundary and, where spans cross, the inner
 * element is closed and reopened as a fragment. Only a quote's first fragment is focusable.
 */
export function renderMarkedText(view: ArticleView, colours: Map<string, number>): SafeHtml {
  const text = view.text;
  const marks: Mark[] = [];
  const seen = new Set<string>();
  let seq = 0;
  view.quotes.forEach((q, i) => {
    const colour = colourClass(colours, q.speakerKey);
    if (validSpan(q, text.length)) marks.push({ start: q.start, end: q.end, kind: 'quote', quote: i, colour, seq: seq++ });
    for (const [kind, span] of [['mention', q.mention], ['cue', q.cue]] as const) {
      if (!validSpan(span, text.length)) continue;
      const id = `${kind}:${span.start}:${span.end}`;
      if (seen.has(id)) continue;
      seen.add(id);
      marks.push({ start: span.start, end: span.end, kind, quote: i, colour, seq: seq++ });
    }
  });
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = new Map<number, Mark[]>();
  for (const m of marks) {
    const list = byStart.get(m.start);
    if (list) list.push(m);
    else byStart.set(m.start, [m]);
  }
  const nesting = (a: Mark, b: Mark) => a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.seq - b.seq;
  const opened = new Set<Mark>();
  let active: Mark[] = [];
  let stack: Mark[] = [];
  const parts: string[] = [];
  const open = (m: Mark): string => {
    if (m.kind === 'quote') {
      const first = !opened.has(m);
      opened.add(m);
      return first
        ? `<mark class="quote ${m.colour}" data-q="${m.quote}" id="q-${m.quote}" tabindex="0" aria-describedby="qi-${m.quote}">`
        : `<mark class="quote ${m.colour}" data-q="${m.quote}">`;
    }
    opened.add(m);
    return m.kind === 'mention' ? `<span class="mention ${m.colour}" data-q="${m.quote}">` : `<span class="cue" data-q="${m.quote}">`;
  };
  const close = (m: Mark) => (m.kind === 'quote' ? '</mark>' : '</span>');
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    active = active.filter((m) => m.end > from);
    for (const m of byStart.get(from) ?? []) active.push(m);
    const want = [...active].sort(nesting);
    let common = 0;
    while (common < stack.length && common < want.length && stack[common] === want[common]) common++;
    for (let k = stack.length - 1; k >= common; k--) parts.push(close(stack[k]!));
    for (let k = common; k < want.length; k++) parts.push(open(want[k]!));
    stack = want;
    parts.push(html`${text.slice(from, to)}`.value);
  }
  for (let k = stack.length - 1; k >= 0; k--) parts.push(close(stack[k]!));
  return new SafeHtml(parts.join(''));
}

/** `late on Sunday (2025-11-16)`; the words alone when they could not be dated. */
export function whenText(when: NonNullable<ViewQuote['when']>): string {
  return when.resolved ? `${when.text} (${when.resolved})` : when.text;
}

function percent(confidence: number): string {
  return Number.isFinite(confidence) ? `${Math.round(confidence * 100)}%` : 'unknown';
}

/** The details shown when a quote is hovered or focused (and read as its description). */
function quoteInfos(view: ArticleView): SafeHtml {
  return join(
    view.quotes.map(
      (q, i) => html`<div class="quote-info" id="qi-${i}" role="tooltip" hidden>
  <span class="qi-speaker">${q.speakerName ?? 'unknown speaker'}</span>
  <span class="qi-row">cue: <span class="qi-cue">${q.cue?.text ?? 'none'}</span></span>
  ${q.addressee ? html`<span class="qi-row">to: <span class="qi-addressee">${q.addressee}</span></span>` : ''}
  ${q.when ? html`<span class="qi-row">when: <span class="qi-when">${whenText(q.when)}</span></span>` : ''}
  <span class="qi-row">type: <span class="qi-type">${q.type}</span></span>
  <span class="qi-row">confidence: <span class="qi-confidence">${percent(q.confidence)}</span></span>
</div>`,
    ),
  );
}

function personLink(p: { name: string; personId: number | null }): SafeHtml {
  return p.personId !== null ? html`<a href="/people/${p.personId}">${p.name}</a>` : html`${p.name}`;
}

/** The article page's content (shared by stored articles and fresh analyses). */
export function renderArticle(view: ArticleView, notice?: SafeHtml): SafeHtml {
  const colours = speakerColours(view);
  const link = externalUrl(view.url);
  const meta = [view.outlet, view.byline ? `by ${view.byline}` : null, day(view.published) || null].filter(Boolean);
  const people = view.people.filter((p) => p.quotes > 0 || p.kind !== 'description');
  people.sort((a, b) => b.quotes - a.quotes);
  return html`<article class="article-view" aria-labelledby="article-title">
<div class="article-main">
  <h1 id="article-title">${view.title ?? 'Untitled article'}</h1>
  ${notice ?? ''}
  <p class="article-meta">${meta.join(' · ')}${link ? html` · <a href="${link}" rel="noopener noreferrer nofollow">original</a>` : ''}</p>
  <p class="legend">${view.quotes.length} quote${view.quotes.length === 1 ? '' : 's'} highlighted in the speaker's colour; <span class="mention sp-none">speaker</span> and <span class="cue">cue</span> marked. Tab through the quotes or hover one for its details.</p>
  <div class="article-text" data-article="${view.id ?? 'unsaved'}">${renderMarkedText(view, colours)}</div>
  <div class="quote-infos">${quoteInfos(view)}</div>
</div>
<aside class="article-side" aria-label="People in this article">
  <h2>People</h2>
  ${people.length === 0 ? html`<p>No people found.</p>` : ''}
  <ul class="people-list">
  ${people.map(
    (p) => html`<li class="person-item" data-speaker="${p.key}">
    <span class="swatch ${colourClass(colours, p.key)}" aria-hidden="true"></span>
    <span class="person-name">${personLink(p)}</span>${p.kind !== 'person' ? html` <span class="kind">(${p.kind})</span>` : ''}
    <span class="quote-count">${p.quotes} quote${p.quotes === 1 ? '' : 's'}</span>
    ${p.descriptors.length ? html`<span class="descriptors">${p.descriptors.join('; ')}</span>` : ''}
  </li>`,
  )}
  </ul>
  <h2>Quotes</h2>
  <ol class="quote-index">
  ${view.quotes.map(
    (q, i) => html`<li><a href="#q-${i}" class="${colourClass(colours, q.speakerKey)}"><span class="swatch ${colourClass(colours, q.speakerKey)}" aria-hidden="true"></span>${q.speakerName ?? 'unknown speaker'}</a> ${q.cue ? html`<span class="cue-word">${q.cue.text}</span>` : ''}${q.addressee ? html` · <span class="addressee">to ${q.addressee}</span>` : ''}${q.when ? html` · <span class="when">${whenText(q.when)}</span>` : ''} <span class="kind">${q.type}</span></li>`,
  )}
  </ol>
</aside>
</article>`;
}
