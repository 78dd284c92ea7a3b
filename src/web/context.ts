/** What every route needs: the store and the server's settings. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { Resolver } from './safe-fetch.js';

export interface WebContext {
  store: Store;
  /** Let analyze-by-URL reach loopback, private and link-local addresses. */
  allowPrivate: boolean;
  /** Token that requests writing to the store must present; null: nothing can be written. */
  adminToken: string | null;
  fetchTimeoutMs?: number;
  /** DNS resolution for analyze-by-URL (tests replace it). */
  resolver?: Resolver;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares a presented token with the admin token in constant time. */
export function tokenMatches(ctx: WebContext, presented: string | null | undefined): boolean {
  if (!ctx.adminToken || !presented) return false;
  return timingSafeEqual(digest(presented), digest(ctx.adminToken));
}
