/** Plain-text articles (`.txt`) and JSON Lines article files (`.jsonl`). */
import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { ArticleInput } from '../store/store.js';
import { articleTextHash, normalizeUrl, utf8TextScan } from '../store/normalize.js';
import { toIsoDate } from './dates.js';
import { binaryByCounts, decodeBytes, InputError, looksBinary, SNIFF_LENGTH } from './sniff.js';

export function fsReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (unreadable)';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symbolic link loop';
    default:
      return e?.message ?? String(err);
  }
}

/**
 * Why an input named on the command line cannot be read: `fsReason`, except that a missing
 * file named like a URL of another scheme (`ftp://...`) is that URL, which is not fetched.
 */
export function inputReason(path: string, err: unknown): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(path);
  if (scheme && (err as NodeJS.ErrnoException)?.code === 'ENOENT') return `unsupported URL scheme ${scheme[1]!.toLowerCase()}: (http and https only)`;
  return fsReason(err);
}

/**
 * One `.txt` file: one article; the id is the file name without extension. With `keepBytes`, a
 * file that is UTF-8 keeps its bytes as `textUtf8` (for a store in this process: they do not
 * survive JSON).
 */
export async function readTextArticle(path: string, keepBytes = false): Promise<ArticleInput> {
  const buf = readTextBytes(path);
  if (looksBinary(buf)) throw new InputError('binary file, not text');
  return textArticle(path, buf, keepBytes);
}

/**
 * `readTextArticle(path, true)` with the article's text hash (`articleTextHash`), as ingest reads
 * a text file: the binary check, the hash and (for most text) the decoding read the file's bytes
 * in one pass (`utf8TextScan`).
 * Synchronous: ingest's main thread reads every file, and a promise a file is bookkeeping it need
 * not do.
 */
export function readTextFile(path: string): { article: ArticleInput; textHash: string } {
  const buf = readTextBytes(path);
  const n = Math.min(buf.length, SNIFF_LENGTH);
  const scan = utf8TextScan(buf, n);
  if (scan.textHash === null ? looksBinary(buf) : binaryByCounts(n, scan.controls, scan.nul)) throw new InputError('binary file, not text');
  let article: ArticleInput;
  if (scan.text !== null) {
    // Decoded by the pass (see Utf8TextScan.text): UTF-8 exactly.
    if (!scan.text.trim()) throw new InputError('empty file');
    article = { source: path, externalId: articleId(path), text: scan.text, textUtf8: buf };
    if (scan.textUtf8Extra !== null) article.textUtf8Extra = scan.textUtf8Extra;
  } else article = textArticle(path, buf, true);
  // The hash of the bytes is the text's only when the text is their UTF-8 (`textUtf8` kept).
  const textHash = scan.textHash !== null && article.textUtf8 !== undefined ? scan.textHash : articleTextHash(article.text);
  return { article, textHash };
}

function readTextBytes(path: string): Buffer {
  try {
    // A synchronous read: an article file is small, and the promise API costs several
    // thread-pool round trips per file, which showed as a large share of ingest's main thread.
    return readFileSync(path);
  } catch (err) {
    throw new InputError(fsReason(err));
  }
}

/** The article of a text file's bytes, which are not binary (see `readTextArticle`). */
function textArticle(path: string, buf: Buffer, keepBytes: boolean): ArticleInput {
  const { text, exactUtf8 } = decodeBytes(buf);
  if (!text.trim()) throw new InputError('empty file');
  const article: ArticleInput = { source: path, externalId: articleId(path), text };
  if (keepBytes && exactUtf8) article.textUtf8 = buf;
  return article;
}

/** A text file's article id: its name without extension. */
function articleId(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '');
}

export type JsonlItem = { ok: true; article: ArticleInput } | { ok: false; source: string; reason: string };

/** Builds an article from one parsed JSONL object (fields: id, text, url, title, published, outlet). */
export function articleFromRecord(rec: unknown, source: string): ArticleInput {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new InputError('not a JSON object');
  const r = rec as Record<string, unknown>;
  if (typeof r.text !== 'string') throw new InputError(r.text === undefined ? 'missing "text"' : '"text" is not a string');
  if (!r.text.trim()) throw new InputError('empty "text"');
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const id = typeof r.id === 'number' ? String(r.id) : str(r.id);
  const url = str(r.url);
  return {
    source,
    externalId: id,
    url,
    canonicalUrl: normalizeUrl(str(r.canonical_url) ?? url),
    title: str(r.title),
    outlet: str(r.outlet),
    byline: str(r.byline),
    published: toIsoDate(r.published ?? r.date),
    text: r.text,
  };
}

/** Streams a `.jsonl` file: one article a line; bad lines come out as failures with their line number. */
export async function* readJsonl(path: string): AsyncGenerator<JsonlItem> {
  // Sniff the start for binary content before streaming lines.
  let head: Buffer;
  try {
    const fh = await import('node:fs/promises').then((m) => m.open(path, 'r'));
    try {
      head = Buffer.alloc(8192);
      const { bytesRead } = await fh.read(head, 0, 8192, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    yield { ok: false, source: path, reason: fsReason(err) };
    return;
  }
  if (looksBinary(head)) {
    yield { ok: false, source: path, reason: 'binary file, not JSON Lines' };
    return;
  }
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of rl) {
      n++;
      if (!line.trim()) continue;
      const source = `${path}:${n}`;
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch (err) {
        yield { ok: false, source, reason: `malformed JSON: ${(err as Error).message}` };
        continue;
      }
      try {
        yield { ok: true, article: articleFromRecord(rec, source) };
      } catch (err) {
        yield { ok: false, source, reason: (err as Error).message };
      }
    }
  } catch (err) {
    yield { ok: false, source: `${path}:${n + 1}`, reason: fsReason(err) };
  }
}
