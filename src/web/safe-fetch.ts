/**
 * Fetching a page a visitor asked us to analyse, without letting them reach what only the
 * server can reach (server-side request forgery): loopback, private, link-local and other
 * non-public addresses are refused. The check is made on the address actually connected to,
 * inside the socket's DNS lookup, for every redirect hop, so a public name that resolves (or
 * re-resolves) to a private address is refused as well as a literal private IP.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { USER_AGENT } from '../ingest/fetch.js';

/** A URL refused because of where it leads; the message names the address and why. */
export class BlockedAddressError extends Error {
  constructor(readonly host: string, readonly address: string, readonly range: string) {
    super(
      `refused: ${host === address ? address : `${host} resolves to ${address}`}, a ${range} address ` +
        '(start the server with --allow-private to allow it)',
    );
    this.name = 'BlockedAddressError';
  }
}

/** Any other reason the page could not be fetched (network, status, size, type). */
export class FetchError extends Error {
  override name = 'FetchError';
}

const RANGES: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'private (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'reserved (IETF protocol assignments)'],
  ['192.0.2.0', 24, 'ipv4', 'reserved (documentation)'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'reserved (benchmarking)'],
  ['198.51.100.0', 24, 'ipv4', 'reserved (documentation)'],
  ['203.0.113.0', 24, 'ipv4', 'reserved (documentation)'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fc00::', 7, 'ipv6', 'private (unique local)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'private (site-local)'],
  ['ff00::', 8, 'ipv6', 'multicast'],
  ['2001:db8::', 32, 'ipv6', 'reserved (documentation)'],
  ['100::', 64, 'ipv6', 'reserved (discard)'],
];

const lists = RANGES.map(([net, prefix, type, range]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, type);
  return { list, type, range };
});

/**
 * Why an IP address is not public ('loopback', 'private', ...), or null when it is. IPv4
 * addresses embedded in IPv6 (`::ffff:127.0.0.1`, NAT64, 6to4) are judged by the IPv4 address.
 */
export function nonPublicRange(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'invalid';
  if (family === 6) {
    const embedded = embeddedIpv4(address);
    if (embedded) return nonPublicRange(embedded);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const l of lists) if (l.type === type && l.list.check(address, type)) return l.range;
  return null;
}

function embeddedIpv4(v6: string): string | null {
  const lower = v6.toLowerCase();
  const dotted = lower.match(/^(?:::ffff:|::ffff:0:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) return dotted[1]!;
  const hex = lower.match(/^(?:::ffff:|64:ff9b::|::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (hex) {
    const hi = parseInt(hex[1]!, 16);
    const lo = parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  const sixToFour = lower.match(/^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/);
  if (sixToFour) {
    const hi = parseInt(sixToFour[1]!, 16);
    const lo = parseInt(sixToFour[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** Resolves a host name to its addresses (replaceable in tests). */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

export interface SafeFetchOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  resolver?: Resolver;
}

export interface SafeFetched {
  url: string;
  contentType: string | null;
  body: Uint8Array;
}

/**
 * A socket lookup that refuses non-public addresses: every address the name resolves to must
 * be public (a name with one public and one private address is refused, since which one is
 * used is not ours to choose).
 */
function guardedLookup(host: string, options: SafeFetchOptions, blocked: (e: BlockedAddressError) => void): LookupFunction {
  const resolver = options.resolver ?? systemResolver;
  return ((hostname: string, opts: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    resolver(hostname).then(
      (addresses) => {
        if (addresses.length === 0) return callback(new FetchError(`${hostname}: no address`));
        if (!options.allowPrivate) {
          for (const a of addresses) {
            const range = nonPublicRange(a.address);
            if (range) {
              const err = new BlockedAddressError(host, a.address, range);
              blocked(err);
              return callback(err);
            }
          }
        }
        if (opts?.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: unknown) => callback(err),
    );
  }) as unknown as LookupFunction;
}

/** Checks a URL before connecting: scheme, and literal IP hosts (which skip the DNS lookup). */
export function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(`not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`unsupported URL scheme ${url.protocol} (http or https only)`);
  if (url.username || url.password) throw new FetchError('URLs with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host)) {
    const range = nonPublicRange(host);
    if (range) throw new BlockedAddressError(host, host, range);
  }
  return url;
}

/** Fetches one page for analysis: http(s) only, public addresses only, bounded in time and size. */
export async function safeFetch(raw: string, options: SafeFetchOptions = {}): Promise<SafeFetched> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const deadline = Date.now() + timeoutMs;
  let url = checkUrl(raw, options.allowPrivate ?? false);
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(url, options, Math.max(1, deadline - Date.now()), maxBytes);
    if (res.location !== null) {
      if (hop >= maxRedirects) throw new FetchError(`too many redirects (more than ${maxRedirects})`);
      url = checkUrl(new URL(res.location, url).toString(), options.allowPrivate ?? false);
      continue;
    }
    return { url: url.toString(), contentType: res.contentType, body: res.body };
  }
}

interface OneResponse {
  location: string | null;
  contentType: string | null;
  body: Uint8Array;
}

function requestOnce(url: URL, options: SafeFetchOptions, timeoutMs: number, maxBytes: number): Promise<OneResponse> {
  return new Promise((resolve, reject) => {
    let blockedError: BlockedAddressError | null = null;
    const lookup = guardedLookup(url.hostname, options, (e) => (blockedError = e));
    const lib = url.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(blockedError ?? err);
    };
    const req = lib.request(
      url,
      {
        method: 'GET',
        lookup,
        agent: false,
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          settled = true;
          clearTimeout(timer);
          resolve({ location: res.headers.location, contentType: null, body: new Uint8Array() });
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          fail(new FetchError(`HTTP ${status}${res.statusMessage ? ' ' + res.statusMessage : ''}`));
          return;
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (Number.isFinite(declared) && declared > maxBytes) {
          res.resume();
          fail(new FetchError(`too large: ${declared} bytes (limit ${maxBytes})`));
          return;
        }
        const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
        let stream: Readable = res;
        if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(createGunzip());
        else if (encoding === 'deflate') stream = res.pipe(createInflate());
        else if (encoding === 'br') stream = res.pipe(createBrotliDecompress());
        const chunks: Buffer[] = [];
        let total = 0;
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > maxBytes) fail(new FetchError(`too large: more than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        stream.on('error', (err) => fail(new FetchError(`bad response body: ${err.message}`)));
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const ct = res.headers['content-type'];
          resolve({ location: null, contentType: typeof ct === 'string' ? ct : null, body: new Uint8Array(Buffer.concat(chunks)) });
        });
      },
    );
    const timer = setTimeout(() => fail(new FetchError(`timeout after ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) =>
      fail(err instanceof FetchError || err instanceof BlockedAddressError ? err : new FetchError(`connection failed: ${err.code ?? err.message}`)),
    );
    req.end();
  });
}
