/** Recognising what a file or response holds, and refusing binary data early. */
import { extname } from 'node:path';

export type InputKind = 'text' | 'jsonl' | 'html' | 'feed' | 'warc';

/** Input error with a reason meant for the end-of-run summary. */
export class InputError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InputError';
  }
}

export function kindFromName(name: string): InputKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.warc.gz') || lower.endsWith('.warc')) return 'warc';
  switch (extname(lower)) {
    case '.txt':
    case '.text':
      return 'text';
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    case '.html':
    case '.htm':
    case '.xhtml':
      return 'html';
    case '.xml':
    case '.rss':
    case '.atom':
    case '.rdf':
      return 'feed';
    default:
      return null;
  }
}

/** How many of a file's first bytes `looksBinary` reads. */
export const SNIFF_LENGTH = 8192;

/** True when the bytes look like binary data rather than text (NUL bytes or many control codes). */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SNIFF_LENGTH);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return binaryByCounts(n, control, false);
}

/**
 * `looksBinary`'s verdict from its counts over the first `n` bytes (`n` at most SNIFF_LENGTH):
 * how many are control codes (below 8, or 14 to 31 but escape), and whether one is a NUL.
 */
export function binaryByCounts(n: number, controls: number, nul: boolean): boolean {
  if (n === 0) return false;
  return nul || controls / n > 0.05;
}

export function isGzip(buf: Uint8Array): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** Guesses the kind of a document from its first bytes. */
export function kindFromContent(head: string): InputKind | null {
  const s = head.replace(/^\uFEFF/, '').trimStart().slice(0, 2048);
  if (/^WARC\/\d/.test(s)) return 'warc';
  if (/^\{/.test(s)) return 'jsonl';
  const body = s.replace(/^<\?xml[^>]*\?>\s*/i, '').replace(/^(<!--[\s\S]*?-->\s*)+/, '');
  if (/^<(rss|feed|rdf:RDF)\b/i.test(body)) return 'feed';
  if (/^<!doctype\s+html|^<(html|head|body|meta|title|article|div|p)\b/i.test(body)) return 'html';
  if (/^<!doctype\s+(rss|feed)/i.test(body) || /^<\?xml/i.test(s)) return 'feed';
  if (/^</.test(body)) return 'html';
  return null;
}

/** Decodes bytes as text in the given charset (default UTF-8); throws InputError when not text. */
export function decodeText(buf: Uint8Array, charset?: string | null): string {
  if (looksBinary(buf)) throw new InputError('binary data, not text');
  return decodeBytes(buf, charset).text;
}

/**
 * `decodeText` without the binary check (for a caller that made it), saying whether the text is
 * the bytes' UTF-8 exactly: decoded as UTF-8 and with no byte-order mark to drop.
 */
export function decodeBytes(buf: Uint8Array, charset?: string | null): { text: string; exactUtf8: boolean } {
  let label = (charset ?? 'utf-8').trim().toLowerCase();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: label === 'utf-8' || label === 'utf8' });
  } catch {
    label = 'utf-8';
    decoder = new TextDecoder('utf-8', { fatal: true });
  }
  try {
    const text = decoder.decode(buf);
    // (TextDecoder drops one leading byte-order mark itself.)
    const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    return { text: text.replace(/^\uFEFF/, ''), exactUtf8: decoder.encoding === 'utf-8' && !bom };
  } catch {
    // Not valid UTF-8: Latin-1 pages still exist without a declared charset.
    return { text: new TextDecoder('windows-1252').decode(buf), exactUtf8: false };
  }
}

/** The charset named in a Content-Type header or an HTML meta tag. */
export function charsetOf(contentType: string | null | undefined, head?: Uint8Array): string | null {
  const m = contentType?.match(/charset\s*=\s*"?([\w.:-]+)/i);
  if (m) return m[1]!;
  if (head) {
    const ascii = new TextDecoder('latin1').decode(head.subarray(0, 2048));
    const meta = ascii.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
    if (meta) return meta[1]!;
  }
  return null;
}
