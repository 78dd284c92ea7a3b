/**
 * RSS (0.9x/2.0, RDF 1.0) and Atom feeds, read by a small strict XML reader of our own that
 * resolves no entities beyond XML's five and character references. A document that declares
 * entities (an internal DTD subset: the shape of entity-expansion bombs and external-entity
 * attacks) is refused outright, and nothing is ever fetched on the document's say-so.
 */
import { normalizeUrl } from '../store/normalize.js';
import { toIsoDate } from './dates.js';
import { InputError } from './sniff.js';

export interface FeedItem {
  url: string;
  title: string | null;
  published: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
  /** Items without a usable link. */
  skipped: number;
}

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const MAX_DEPTH = 64;
const MAX_ELEMENTS = 200_000;

function decodeEntities(s: string, line: () => number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);?/g, (m, ent: string) => {
    if (!m.endsWith(';')) return m; // a bare ampersand: tolerated, left as is
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff || code <= 0) throw new InputError(`malformed XML: bad character reference ${m} (line ${line()})`);
      return String.fromCodePoint(code);
    }
    switch (ent) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      case 'nbsp': return '\u00A0';
      default:
        return m; // undeclared entity: never expanded
    }
  });
}

/** Parses XML into a tree; throws InputError with the reason when it is not well formed or hostile. */
export function parseXml(xml: string): XmlElement {
  const src = xml.replace(/^\uFEFF/, '');
  if (/<!ENTITY/i.test(src)) {
    throw new InputError('hostile XML refused: the document declares entities (entity expansion / external entities)');
  }
  const doctype = src.match(/<!DOCTYPE[^>[]*\[/i);
  if (doctype) throw new InputError('hostile XML refused: internal DTD subset');
  const lineAt = (pos: number) => src.slice(0, pos).split('\n').length;
  const token = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/\s*([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let elements = 0;
  let m: RegExpExecArray | null;
  while ((m = token.exec(src))) {
    const pos = m.index;
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) {
      top.children.push(m[1]);
    } else if (m[2] !== undefined) {
      if (stack.length === 1) throw new InputError(`malformed XML: unexpected </${m[2]}> (line ${lineAt(pos)})`);
      if (top.name !== m[2]) throw new InputError(`malformed XML: </${m[2]}> closes <${top.name}> (line ${lineAt(pos)})`);
      stack.pop();
    } else if (m[3] !== undefined) {
      if (++elements > MAX_ELEMENTS) throw new InputError('feed too large: too many elements');
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '', () => lineAt(pos));
      }
      const el: XmlElement = { name: m[3], attrs, children: [] };
      if (stack.length === 1 && root.children.some((c) => typeof c !== 'string')) {
        throw new InputError(`malformed XML: more than one root element (line ${lineAt(pos)})`);
      }
      top.children.push(el);
      if (!m[5]) {
        stack.push(el);
        if (stack.length > MAX_DEPTH) throw new InputError('malformed XML: nesting too deep');
      }
    } else if (m[6] !== undefined) {
      if (stack.length === 1) {
        if (m[6].trim()) throw new InputError(`malformed XML: text outside the root element (line ${lineAt(pos)})`);
      } else top.children.push(decodeEntities(m[6], () => lineAt(pos)));
    } else if (m[7] !== undefined) {
      throw new InputError(`malformed XML: stray "<" (line ${lineAt(pos)})`);
    }
  }
  if (stack.length > 1) throw new InputError(`malformed XML: unexpected end of document, <${stack[stack.length - 1]!.name}> not closed`);
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new InputError('malformed XML: no root element');
  return top;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();
const kids = (el: XmlElement, name: string) =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && local(c.name) === name);
const kid = (el: XmlElement, name: string) => kids(el, name)[0];
function textOf(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const parts: string[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) typeof c === 'string' ? parts.push(c) : walk(c);
  };
  walk(el);
  const t = parts.join('').replace(/\s+/g, ' ').trim();
  return t || null;
}

/** Reads an RSS, RDF or Atom feed; throws InputError when it is malformed, hostile or not a feed. */
export function parseFeed(xml: string, baseUrl?: string | null): Feed {
  const root = parseXml(xml);
  const kind = local(root.name);
  const items: FeedItem[] = [];
  let skipped = 0;
  let title: string | null = null;
  const add = (link: string | null, t: string | null, date: string | null) => {
    const url = normalizeUrl(link, baseUrl ?? undefined);
    if (!url) {
      skipped++;
      return;
    }
    items.push({ url, title: t, published: toIsoDate(date) });
  };
  if (kind === 'rss' || kind === 'rdf') {
    const channel = kid(root, 'channel');
    title = textOf(channel ? kid(channel, 'title') : undefined);
    const list = [...(channel ? kids(channel, 'item') : []), ...kids(root, 'item')];
    for (const it of list) {
      const guid = kid(it, 'guid');
      const guidLink = guid && guid.attrs.isPermaLink !== 'false' && /^https?:/i.test(textOf(guid) ?? '') ? textOf(guid) : null;
      add(textOf(kid(it, 'link')) ?? guidLink, textOf(kid(it, 'title')), textOf(kid(it, 'pubdate')) ?? textOf(kid(it, 'date')));
    }
  } else if (kind === 'feed') {
    title = textOf(kid(root, 'title'));
    for (const e of kids(root, 'entry')) {
      const links = kids(e, 'link');
      const link = links.find((l) => !l.attrs.rel || l.attrs.rel === 'alternate') ?? links[0];
      add(link?.attrs.href ?? null, textOf(kid(e, 'title')), textOf(kid(e, 'published')) ?? textOf(kid(e, 'updated')));
    }
  } else {
    throw new InputError(`not an RSS or Atom feed (root element <${root.name}>)`);
  }
  return { title, items, skipped };
}
