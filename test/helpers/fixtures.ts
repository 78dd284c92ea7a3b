/** Invented fixture pages, feeds and archives for ingest tests (never copied from real news). */
import { gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';

export interface PageSpec {
  title: string;
  outlet: string;
  published?: string;
  canonical?: string;
  author?: string;
  paragraphs: string[];
  /** Where the date lives: JSON-LD (default), og meta, or a <time> element only. */
  dateIn?: 'jsonld' | 'og' | 'time';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A news page with the usual residue around the story: navigation, promo, related links, comments, footer. */
export function newsPage(p: PageSpec): string {
  const dateIn = p.dateIn ?? 'jsonld';
  const ld =
    dateIn === 'jsonld'
      ? `<script type="application/ld+json">${JSON.stringify({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: p.title,
          datePublished: p.published,
          author: { '@type': 'Person', name: p.author ?? 'Staff Reporter' },
          publisher: { '@type': 'Organization', name: p.outlet },
        })}</script>`
      : '';
  const og = dateIn === 'og' && p.published ? `<meta property="article:published_time" content="${p.published}">` : '';
  const time = dateIn === 'time' && p.published ? `<time datetime="${p.published}">${p.published}</time>` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(p.title)} | ${esc(p.outlet)}</title>
${p.canonical ? `<link rel="canonical" href="${p.canonical}">` : ''}
<meta property="og:site_name" content="${esc(p.outlet)}">${og}${ld}</head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe today</a></nav></header>
<div class="promo">Get our newsletter every morning. Sign up now for free.</div>
<main><article><h1>${esc(p.title)}</h1><p class="byline">By ${esc(p.author ?? 'Staff Reporter')} ${time}</p>
${p.paragraphs.map((x) => `<p>${esc(x)}</p>`).join('\n')}
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Another story about roads</a></li><li><a href="/b">Weather this weekend</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><p>"This comment is residue and no quotation," said a reader named Commenter Person.</p></section></main>
<footer><p>Copyright ${esc(p.outlet)}. All rights reserved. Privacy policy. Terms of use.</p></footer></body></html>`;
}

/** Invented article paragraphs with a plain, unmistakable quotation. */
export function storyParagraphs(n: number, speaker = 'Jane Doe'): string[] {
  return [
    `The town of Westmere opened its new public library on Saturday after three years of construction, story number ${n}.`,
    `Hundreds of residents queued outside before the doors opened, and the children's section was full within an hour.`,
    `“We built this for everyone who ever wanted a quiet place to read, number ${n},” ${speaker} said.`,
    `The building cost twelve million dollars and was paid for by the town and a regional arts fund over the past decade.`,
  ];
}

export function rss(items: { link: string; title: string; pubDate?: string }[], title = 'Fixture Feed'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>http://127.0.0.1/</link><description>Fixture</description>
${items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}<guid isPermaLink="false">${randomUUID()}</guid></item>`).join('\n')}
</channel></rss>`;
}

export function atom(entries: { link: string; title: string; published?: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Fixture Atom</title><id>urn:fixture</id><updated>2025-01-01T00:00:00Z</updated>
${entries.map((e) => `<entry><title>${esc(e.title)}</title><link rel="alternate" href="${esc(e.link)}"/><id>urn:${randomUUID()}</id>${e.published ? `<published>${e.published}</published>` : ''}</entry>`).join('\n')}
</feed>`;
}

export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>http://127.0.0.1:9/x</link></item></channel></rss>`;

export const XXE = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title><link>http://127.0.0.1:9/&xxe;</link></item></channel></rss>`;

/** One WARC record (uncompressed bytes). */
export function warcRecord(type: string, headers: Record<string, string>, block: Buffer): Buffer {
  const head =
    `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Record-ID: <urn:uuid:${randomUUID()}>\r\nWARC-Date: 2025-01-15T12:00:00Z\r\n` +
    Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') +
    `Content-Length: ${block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from('\r\n\r\n')]);
}

export function httpResponse(body: string, contentType = 'text/html; charset=utf-8', status = '200 OK'): Buffer {
  const b = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\nContent-Type: ${contentType}\r\nContent-Length: ${b.length}\r\n\r\n`), b]);
}

/** A WARC file from records; gzip compresses each record as its own member, as WARC tools do. */
export function warcFile(records: Buffer[], gzip: boolean): Buffer {
  return Buffer.concat(gzip ? records.map((r) => gzipSync(r)) : records);
}
