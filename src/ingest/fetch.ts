/**
 * Fetching pages and feeds politely: a clear User-Agent, a timeout over the whole exchange, a
 * size limit, at most a few redirects, and a bounded number of requests at once per host.
 */
import { readFileSync } from 'node:fs';
import { InputError } from './sniff.js';

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0';
  } catch {
    return '0';
  }
}

export const USER_AGENT = `onrecord/${version()} (quotation record; +https://www.npmjs.com/package/onrecord)`;

export interface FetchOptions {
  userAgent?: string;
  /** Whole-exchange timeout per request, in milliseconds. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Requests at once to one host. */
  perHost?: number;
}

export interface Fetched {
  /** The URL finally answered, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  body: Uint8Array;
}

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }
}

export class Fetcher {
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly perHost: number;
  private readonly hosts = new Map<string, Semaphore>();
  /** Highest number of simultaneous requests seen per host (for tests and diagnostics). */
  readonly peak = new Map<string, number>();
  private readonly inflight = new Map<string, number>();

  constructor(options: FetchOptions = {}) {
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.perHost = Math.max(1, options.perHost ?? 2);
  }

  private semaphore(host: string): Semaphore {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = new Semaphore(this.perHost)));
    return s;
  }

  /** Fetches a URL; throws InputError with a summary-ready reason on any failure. */
  async fetch(url: string, accept = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5'): Promise<Fetched> {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      throw new InputError('invalid URL');
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      for (let redirects = 0; ; redirects++) {
        if (current.protocol !== 'http:' && current.protocol !== 'https:') throw new InputError(`unsupported URL scheme ${current.protocol}`);
        const host = current.host;
        const sem = this.semaphore(host);
        await sem.acquire();
        const n = (this.inflight.get(host) ?? 0) + 1;
        this.inflight.set(host, n);
        this.peak.set(host, Math.max(this.peak.get(host) ?? 0, n));
        try {
          if (controller.signal.aborted) throw new InputError(`timeout after ${this.timeoutMs} ms`);
          let res: Response;
          try {
            res = await fetch(current, {
              redirect: 'manual',
              signal: controller.signal,
              headers: { 'user-agent': this.userAgent, accept, 'accept-encoding': 'gzip, deflate, br' },
            });
          } catch (err) {
            throw new InputError(networkReason(err, controller.signal.aborted, this.timeoutMs));
          }
          if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
            await res.body?.cancel().catch(() => undefined);
            if (redirects >= this.maxRedirects) throw new InputError(`too many redirects (more than ${this.maxRedirects})`);
            current = new URL(res.headers.get('location')!, current);
            continue;
          }
          if (!res.ok) {
            await res.body?.cancel().catch(() => undefined);
            throw new InputError(`HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
          }
          const declared = Number(res.headers.get('content-length') ?? NaN);
          if (Number.isFinite(declared) && declared > this.maxBytes) {
            await res.body?.cancel().catch(() => undefined);
            throw new InputError(`too large: ${declared} bytes (limit ${this.maxBytes})`);
          }
          const body = await this.readBody(res, controller);
          return { url: current.toString(), status: res.status, contentType: res.headers.get('content-type'), body };
        } finally {
          this.inflight.set(host, (this.inflight.get(host) ?? 1) - 1);
          sem.release();
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private async readBody(res: Response, controller: AbortController): Promise<Uint8Array> {
    if (!res.body) return new Uint8Array();
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > this.maxBytes) {
          controller.abort();
          throw new InputError(`too large: more than ${this.maxBytes} bytes`);
        }
        chunks.push(value);
      }
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(networkReason(err, controller.signal.aborted, this.timeoutMs));
    } finally {
      reader.releaseLock();
    }
    const out = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) {
      out.set(c, off);
      off += c.byteLength;
    }
    return out;
  }
}

function networkReason(err: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timeout after ${timeoutMs} ms`;
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const code = e?.cause?.code;
  if (code) return `connection failed: ${code}`;
  return `fetch failed: ${e?.cause?.message ?? e?.message ?? String(err)}`;
}
