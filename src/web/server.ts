/**
 * The web app and JSON API on Fastify: server-rendered pages, a small client script and a
 * stylesheet served as files, strict security headers on every response.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerApi } from './api.js';
import type { WebContext } from './context.js';
import { registerPages } from './pages.js';
import { HttpError } from './schemas.js';
import { errorPage } from './templates.js';

export type { WebContext } from './context.js';

/** Largest request body accepted (pasted articles included). */
export const BODY_LIMIT = 1024 * 1024;

/**
 * No inline script or style anywhere: scripts and styles come from our own files only, so
 * markup that slipped through escaping still could not run. Inline SVG needs nothing more.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

// dist/src/web/server.js and src/web/server.ts both sit three levels below the project root.
const STATIC_DIR = new URL('../../../src/web/static/', import.meta.url);

const STATIC_FILES: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
};

export interface ServerOptions extends WebContext {
  logger?: boolean;
  /**
   * Host names requests may be addressed to (any port); others get 421. A server on loopback
   * sets the loopback names, so that a web page whose domain re-resolves to 127.0.0.1 (DNS
   * rebinding) cannot read the app through the visitor's browser. Absent: any host.
   */
  allowedHosts?: string[];
}

/** The names a loopback server answers to. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]', '::1'];

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: BODY_LIMIT, logger: options.logger ?? false, trustProxy: false });
  const ctx: WebContext = options;

  // JSON for the API and urlencoded forms for the pages; nothing else (Fastify's default
  // text/plain parser would hand the API a string).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const started = new WeakMap<object, bigint>();
  const allowedHosts = options.allowedHosts ? new Set(options.allowedHosts.map((h) => h.toLowerCase())) : null;
  app.addHook('onRequest', async (req) => {
    started.set(req, process.hrtime.bigint());
    if (allowedHosts && !allowedHosts.has(req.hostname.toLowerCase())) {
      throw new HttpError(421, `this server does not answer for host ${JSON.stringify(req.hostname)} (only ${[...allowedHosts].join(', ')})`);
    }
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    const t0 = started.get(req);
    if (t0 !== undefined) reply.header('server-timing', `app;dur=${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(2)}`);
    return payload;
  });

  const files = new Map<string, { body: Buffer; type: string }>();
  for (const [name, type] of Object.entries(STATIC_FILES)) {
    files.set(name, { body: readFileSync(fileURLToPath(new URL(name, STATIC_DIR))), type });
  }
  app.get('/static/:file', async (req, reply) => {
    const file = files.get((req.params as { file: string }).file);
    if (!file) throw new HttpError(404, 'no such file');
    return reply.type(file.type).header('cache-control', 'public, max-age=3600').send(file.body);
  });
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());

  registerApi(app, ctx);
  registerPages(app, ctx);

  app.setNotFoundHandler(async (req, reply) => {
    const message = `nothing at ${req.method} ${req.url.split('?')[0]}`;
    if (isApi(req.url)) return reply.code(404).send({ error: { status: 404, message } });
    return reply.code(404).type('text/html; charset=utf-8').send(errorPage(404, message));
  });

  app.setErrorHandler(async (err: FastifyError | HttpError | Error, req, reply) => {
    let status = 500;
    let message = 'internal error';
    let issues: { path: string; message: string }[] | undefined;
    if (err instanceof HttpError) {
      status = err.status;
      message = err.message;
      if (err.issues.length) issues = err.issues;
    } else if ('statusCode' in err && typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      const code = (err as FastifyError).code;
      message =
        code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `request body too large (limit ${BODY_LIMIT} bytes, 1 MB)`
          : code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? `unsupported content type ${JSON.stringify(req.headers['content-type'] ?? '')}: send application/json`
            : code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
              ? 'request body is empty: send a JSON object'
              : err.message;
    } else {
      req.log.error(err);
      if (!options.logger) process.stderr.write(`onrecord serve: ${req.method} ${req.url}: ${err.stack ?? err.message}\n`);
    }
    if (isApi(req.url)) return reply.code(status).send({ error: { status, message, ...(issues ? { issues } : {}) } });
    return reply.code(status).type('text/html; charset=utf-8').send(errorPage(status, message));
  });

  return app;
}

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}
