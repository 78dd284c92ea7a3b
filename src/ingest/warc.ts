/** WARC files (`.warc`, `.warc.gz`, as Common Crawl's news archive has them): every HTML response record is a page. */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { WARCParser } from 'warcio';
import { charsetOf, decodeText, isGzip } from './sniff.js';
import { fsReason } from './text.js';

export type WarcItem =
  | { ok: true; html: string; url: string | null; source: string; date: string | null }
  | { ok: false; source: string; reason: string };

async function head(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Streams the HTML responses of a WARC file. Non-HTML and non-200 records are passed over;
 * a truncated or corrupt file yields the records before the damage, then one failure.
 */
export async function* readWarc(path: string): AsyncGenerator<WarcItem> {
  let first: Buffer;
  try {
    first = await head(path, 512);
  } catch (err) {
    yield { ok: false, source: path, reason: fsReason(err) };
    return;
  }
  const gz = isGzip(first);
  if (!gz && !first.subarray(0, 5).toString('latin1').startsWith('WARC/')) {
    yield { ok: false, source: path, reason: 'not a WARC file (no WARC/ header)' };
    return;
  }
  // Decompress with zlib ourselves: it reports a truncated stream ("unexpected end of file"),
  // and handles the member-per-record gzip layout WARC files use. The bytes reach warcio through
  // a generator that turns a stream error into a clean end plus a recorded error, so a damaged
  // file can never leave the parser waiting for data that will not come.
  const raw = createReadStream(path);
  const stream = gz ? raw.pipe(createGunzip()) : raw;
  if (gz) raw.on('error', (err) => stream.destroy(err));
  let streamError: Error | null = null;
  async function* bytes(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of stream as AsyncIterable<Uint8Array>) yield chunk;
    } catch (err) {
      streamError = err as Error;
    }
  }
  const parser = new WARCParser(bytes());
  let n = 0;
  try {
    for await (const record of parser) {
      n++;
      if (record.warcType !== 'response') continue;
      const http = record.httpHeaders;
      const status = Number(http?.statusCode ?? 0);
      const ctype = http?.headers.get('content-type') ?? '';
      const target = record.warcTargetURI ?? null;
      const source = `${path}#${n}${target ? ` (${target})` : ''}`;
      if (status !== 200 || !/html/i.test(ctype)) continue;
      let body: Uint8Array;
      try {
        body = await record.readFully(true);
      } catch (err) {
        yield { ok: false, source, reason: warcReason(streamError ?? (err as Error)) };
        break;
      }
      if (streamError) {
        // The data stopped inside this record: what was read of it is not the whole page.
        yield { ok: false, source, reason: warcReason(streamError) };
        return;
      }
      let html: string;
      try {
        html = decodeText(body, charsetOf(ctype, body));
      } catch (err) {
        yield { ok: false, source, reason: (err as Error).message };
        continue;
      }
      yield { ok: true, html, url: target, source, date: record.warcDate ?? null };
    }
  } catch (err) {
    yield { ok: false, source: `${path}#${n + 1}`, reason: warcReason(streamError ?? (err as Error)) };
    stream.destroy();
    return;
  } finally {
    stream.destroy();
  }
  if (streamError) yield { ok: false, source: `${path}#${n + 1}`, reason: warcReason(streamError) };
}

function warcReason(err: Error): string {
  const msg = err.message || String(err);
  if (/unexpected end of file/i.test(msg)) return 'truncated gzip: unexpected end of file';
  if ((err as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' || /incorrect header|invalid/i.test(msg)) return `corrupt gzip data: ${msg}`;
  return `corrupt WARC: ${msg}`;
}
