/**
 * `onrecord extract [FILE...]`: run the extractor over articles and print the contract's JSON.
 *
 * Inputs: a `.jsonl`/`.ndjson` file holds one article a line (`id`, `text`, optional `url`,
 * `published`, `title`); any other file is one plain-text article whose id is the file name
 * without its extension; `-` or no file reads standard input, as JSONL when its first
 * non-space character is `{`, else as one text article.
 *
 * Exit status: 0 when every input was read, 2 when some input was bad (missing, binary or
 * not UTF-8 file, malformed JSONL line: the rest is still extracted), 1 when the extractor
 * itself failed on an article.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { once } from 'node:events';
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { analyze } from '../index.js';
import type { Analysis, AnalyzeOptions, Quote } from '../index.js';

export const FORMATS = ['jsonl', 'json', 'table'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/**
 * One JSONL article line. Only these fields are read; everything else on the line (gold
 * annotations among them) is dropped by the parse and never reaches the extractor.
 * Only `text` is required; a metadata field of the wrong type is ignored rather than fatal.
 */
export const ArticleLine = z.object({
  id: z.union([z.string(), z.number()]).nullish().catch(null),
  text: z.string({ error: (iss) => (iss.input === undefined ? 'missing "text"' : '"text" is not a string') }),
  url: z.string().optional().catch(undefined),
  published: z.string().optional().catch(undefined),
  /** Some datasets name the publication date `date`. */
  date: z.string().optional().catch(undefined),
  title: z.string().optional().catch(undefined),
});
export type ArticleLine = z.infer<typeof ArticleLine>;

type Id = string | number | null;

interface ArticleItem {
  kind: 'article';
  id: Id;
  text: string;
  options: AnalyzeOptions;
  /** 1-based line number for JSONL input. */
  line?: number;
  fromJsonl: boolean;
}

interface ErrorItem {
  kind: 'error';
  id: Id;
  line?: number;
  error: string;
  fromJsonl: boolean;
}

type Item = ArticleItem | ErrorItem;

export interface ExtractOptions {
  format: OutputFormat;
  published?: string;
  id?: string;
}

/** Exit statuses, worst wins. */
const EXIT_INTERNAL = 1;
const EXIT_BAD_INPUT = 2;

class Run {
  private worst = 0;
  constructor(readonly opts: ExtractOptions) {}

  get status(): number {
    return this.worst;
  }

  /** The status so far is also the process's, should output stop early (see `main`). */
  private set status(s: number) {
    this.worst = s;
    process.exitCode = s;
  }

  /** A bad input: reported on stderr, run continues, exit status 2. */
  bad(message: string): void {
    process.stderr.write(`onrecord: ${message}\n`);
    this.status = Math.max(this.status, EXIT_BAD_INPUT);
  }

  internal(message: string): void {
    process.stderr.write(`onrecord: ${message}\n`);
    if (this.status === 0) this.status = EXIT_INTERNAL;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

const NUL = 0x00;
const NEWLINE = 0x0a;
const CR = 0x0d;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode a whole text file, or say why it is not text. */
function decodeText(buf: Buffer): { text: string } | { error: string } {
  if (buf.includes(NUL)) return { error: 'not a text file (contains NUL bytes)' };
  try {
    return { text: utf8.decode(buf) };
  } catch {
    return { error: 'not a text file (invalid UTF-8)' };
  }
}

function hasBom(buf: Buffer): boolean {
  return buf.length >= 3 && buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2];
}

function isSpaceByte(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === NEWLINE || b === CR || b === 0x0b || b === 0x0c;
}

/**
 * Split a byte stream into lines without decoding it, so that each line can be checked for
 * UTF-8 on its own and a long line costs time linear in its length.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  for await (const chunk of chunks) {
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, pos);
      if (nl < 0) break;
      parts.push(chunk.subarray(pos, nl));
      yield parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      parts = [];
      pos = nl + 1;
    }
    if (pos < chunk.length) parts.push(chunk.subarray(pos));
  }
  if (parts.length > 0) yield parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

async function* prepend(first: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* first;
  for (;;) {
    const r = await rest.next();
    if (r.done) return;
    yield r.value;
  }
}

function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
      return 'permission denied';
    default:
      return err?.message ?? String(e);
  }
}

function zodMessage(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 && !issue.message.includes('"') ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

function publishedOf(line: ArticleLine, fallback: string | undefined): string | undefined {
  return line.published ?? line.date ?? fallback;
}

/** Articles (or per-line errors) from a JSONL byte stream. */
async function* jsonlItems(chunks: AsyncIterable<Buffer>, source: string, run: Run): AsyncGenerator<Item> {
  let lineNo = 0;
  for await (let bytes of splitLines(chunks)) {
    lineNo += 1;
    if (lineNo === 1 && hasBom(bytes)) bytes = bytes.subarray(3);
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes.every(isSpaceByte)) continue;

    const fail = (id: Id, error: string): ErrorItem => {
      run.bad(`${source}:${lineNo}: ${error}`);
      return { kind: 'error', id, line: lineNo, error, fromJsonl: true };
    };

    if (bytes.includes(NUL)) {
      yield fail(null, 'not text (contains NUL bytes)');
      continue;
    }
    let json: string;
    try {
      json = utf8.decode(bytes);
    } catch {
      yield fail(null, 'not text (invalid UTF-8)');
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (e) {
      yield fail(null, `not JSON: ${(e as Error).message}`);
      continue;
    }
    const parsed = ArticleLine.safeParse(value);
    if (!parsed.success) {
      const rawId = value && typeof value === 'object' ? (value as Record<string, unknown>).id : undefined;
      const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
      const message = value && typeof value === 'object' && !Array.isArray(value) ? zodMessage(parsed.error) : 'not a JSON object';
      yield fail(id, message);
      continue;
    }
    const line = parsed.data;
    const id = line.id ?? null;
    yield {
      kind: 'article',
      id,
      text: line.text,
      options: {
        ...(id !== null ? { id: String(id) } : {}),
        ...(line.url ? { url: line.url } : {}),
        ...(publishedOf(line, run.opts.published) ? { published: publishedOf(line, run.opts.published) } : {}),
      },
      line: lineNo,
      fromJsonl: true,
    };
  }
}

function textItem(id: string, text: string, run: Run): ArticleItem {
  return {
    kind: 'article',
    id,
    text,
    options: { id, ...(run.opts.published ? { published: run.opts.published } : {}) },
    fromJsonl: false,
  };
}

function isJsonlName(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext === '.jsonl' || ext === '.ndjson';
}

async function* fileItems(file: string, run: Run): AsyncGenerator<Item> {
  if (isJsonlName(file)) {
    const stream = createReadStream(file, { highWaterMark: 1 << 16 });
    const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    try {
      const first = await it.next();
      const head = first.done ? [] : [first.value];
      // A binary file is rejected as a whole rather than line by line.
      if (head.length > 0 && head[0]!.subarray(0, 8192).includes(NUL)) {
        run.bad(`${file}: not a text file (contains NUL bytes)`);
        stream.destroy();
        return;
      }
      yield* jsonlItems(prepend(head, it), file, run);
    } catch (e) {
      run.bad(`${file}: ${describeError(e)}`);
      stream.destroy();
    }
    return;
  }

  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    run.bad(`${file}: ${describeError(e)}`);
    return;
  }
  const decoded = decodeText(buf);
  if ('error' in decoded) {
    run.bad(`${file}: ${decoded.error}`);
    return;
  }
  yield textItem(basename(file, extname(file)), decoded.text, run);
}

async function* stdinItems(run: Run): AsyncGenerator<Item> {
  const source = '<stdin>';
  if (process.stdin.isTTY) process.stderr.write('onrecord: reading an article from standard input (end with Ctrl-D)\n');
  const it = process.stdin[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let mode: 'jsonl' | 'text' | undefined;
  try {
    while (mode === undefined) {
      const r = await it.next();
      if (r.done) break;
      const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
      head.push(chunk);
      for (const b of chunk) {
        if (isSpaceByte(b) || b === UTF8_BOM[0] || b === UTF8_BOM[1] || b === UTF8_BOM[2]) continue;
        mode = b === 0x7b /* { */ ? 'jsonl' : 'text';
        break;
      }
    }
    if (mode === 'jsonl') {
      yield* jsonlItems(prepend(head, it), source, run);
      return;
    }
    const all = [...head];
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      all.push(r.value);
    }
    const decoded = decodeText(Buffer.concat(all));
    if ('error' in decoded) {
      run.bad(`${source}: ${decoded.error}`);
      return;
    }
    yield textItem(run.opts.id ?? 'stdin', decoded.text, run);
  } catch (e) {
    run.bad(`${source}: ${describeError(e)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

async function write(s: string): Promise<void> {
  if (!process.stdout.write(s)) await once(process.stdout, 'drain');
}

/** The contract's object for one article: id first, then quotes and people, then any extras. */
function outputObject(id: Id, analysis: Analysis): Record<string, unknown> {
  const { id: _ignored, quotes, people, ...extra } = analysis;
  void _ignored;
  return { id, quotes, people, ...extra };
}

function errorObject(item: ErrorItem): Record<string, unknown> {
  return item.line !== undefined ? { id: item.id, line: item.line, error: item.error } : { id: item.id, error: item.error };
}

interface Sink {
  article(item: ArticleItem, analysis: Analysis): Promise<void>;
  error(item: ErrorItem): Promise<void>;
  end(): Promise<void>;
}

class JsonlSink implements Sink {
  article(item: ArticleItem, analysis: Analysis): Promise<void> {
    return write(JSON.stringify(outputObject(item.id, analysis)) + '\n');
  }
  error(item: ErrorItem): Promise<void> {
    return write(JSON.stringify(errorObject(item)) + '\n');
  }
  async end(): Promise<void> {}
}

class JsonSink implements Sink {
  private count = 0;
  private element(obj: unknown): Promise<void> {
    // JSON.stringify escapes newlines inside strings, so every raw newline is structure.
    const body = JSON.stringify(obj, null, 2).replace(/\n/g, '\n  ');
    const prefix = this.count++ === 0 ? '[\n  ' : ',\n  ';
    return write(prefix + body);
  }
  article(item: ArticleItem, analysis: Analysis): Promise<void> {
    return this.element(outputObject(item.id, analysis));
  }
  error(item: ErrorItem): Promise<void> {
    return this.element(errorObject(item));
  }
  end(): Promise<void> {
    return write(this.count === 0 ? '[]\n' : '\n]\n');
  }
}

/** Display width is approximated by code points; good enough for news text. */
function cps(s: string): string[] {
  return Array.from(s);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function fit(s: string, width: number): string {
  const chars = cps(s);
  if (chars.length <= width) return s + ' '.repeat(width - chars.length);
  if (width <= 0) return '';
  return chars.slice(0, width - 1).join('') + '…';
}

export function speakerLabel(q: Quote): string {
  return q.speaker?.name ?? q.speaker?.mention?.text ?? '?';
}

/** Rows of speaker, cue and quote, aligned and cut to `width` columns. */
export function tableLines(quotes: Quote[], width: number): string[] {
  const gap = '  ';
  const speakers = quotes.map((q) => oneLine(speakerLabel(q)));
  const cues = quotes.map((q) => oneLine(q.cue?.text ?? '-'));
  const speakerW = Math.min(Math.max(7, ...speakers.map((s) => cps(s).length)), Math.max(12, Math.floor(width * 0.25)));
  const cueW = Math.min(Math.max(3, ...cues.map((s) => cps(s).length)), 16);
  const quoteW = Math.max(10, width - speakerW - cueW - 2 * gap.length);
  const row = (a: string, b: string, c: string) => (fit(a, speakerW) + gap + fit(b, cueW) + gap + fit(c, quoteW)).trimEnd();
  return [row('SPEAKER', 'CUE', 'QUOTE'), ...quotes.map((q, i) => row(speakers[i]!, cues[i]!, oneLine(q.text)))];
}

function terminalWidth(): number {
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const env = Number(process.env.COLUMNS);
  return Number.isFinite(env) && env >= 20 ? env : 100;
}

class TableSink implements Sink {
  private articles = 0;
  private readonly width = terminalWidth();
  constructor(private readonly multi: boolean) {}

  private header(item: Item, note: string): Promise<void> {
    const lead = this.articles++ > 0 ? '\n' : '';
    const where = item.line !== undefined ? ` (line ${item.line})` : '';
    return write(`${lead}${fit(`# ${item.id ?? '(no id)'}${where}: ${note}`, this.width).trimEnd()}\n`);
  }

  async article(item: ArticleItem, analysis: Analysis): Promise<void> {
    const n = analysis.quotes.length;
    if (this.multi || item.fromJsonl) await this.header(item, `${n} quote${n === 1 ? '' : 's'}`);
    else this.articles++;
    if (n === 0) {
      await write('(no quotes found)\n');
      return;
    }
    await write(tableLines(analysis.quotes, this.width).join('\n') + '\n');
  }

  error(item: ErrorItem): Promise<void> {
    return this.header(item, `error: ${item.error}`);
  }

  async end(): Promise<void> {}
}

// ---------------------------------------------------------------------------------------------
// The command

function emptyAnalysis(id: Id): Analysis {
  return { ...(id !== null ? { id: String(id) } : {}), quotes: [], people: [] };
}

export async function runExtract(files: string[], opts: ExtractOptions): Promise<number> {
  const run = new Run(opts);
  const sources = files.length === 0 ? ['-'] : files;
  const sink: Sink =
    opts.format === 'json' ? new JsonSink() : opts.format === 'table' ? new TableSink(sources.length > 1) : new JsonlSink();

  let stdinUsed = false;
  for (const source of sources) {
    let items: AsyncGenerator<Item>;
    if (source === '-') {
      if (stdinUsed) {
        run.bad('standard input (-) given more than once');
        continue;
      }
      stdinUsed = true;
      items = stdinItems(run);
    } else {
      items = fileItems(source, run);
    }
    for await (const item of items) {
      if (item.kind === 'error') {
        await sink.error(item);
        continue;
      }
      let analysis: Analysis;
      try {
        analysis = /\S/.test(item.text) ? analyze(item.text, item.options) : emptyAnalysis(item.id);
      } catch (e) {
        const where = item.line !== undefined ? `${source === '-' ? '<stdin>' : source}:${item.line}` : source === '-' ? '<stdin>' : source;
        const message = `extraction failed: ${(e as Error)?.message ?? String(e)}`;
        run.internal(`${where}: ${message}`);
        await sink.error({ kind: 'error', id: item.id, ...(item.line !== undefined ? { line: item.line } : {}), error: message, fromJsonl: item.fromJsonl });
        continue;
      }
      await sink.article(item, analysis);
    }
  }
  await sink.end();
  return run.status;
}

function parseDate(value: string): string {
  if (Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('not a date (use YYYY-MM-DD or an ISO time).');
  return value;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .summary('extract quotations, their speakers and cues from articles')
    .description(
      'Extract quotations, speakers and cues from articles. A .jsonl file holds one article a line ' +
        '({"id", "text", "url"?, "published"?}); any other file is one text article; "-" or no file reads stdin.',
    )
    .argument('[files...]', 'article files (.txt, .jsonl) or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('jsonl'))
    .option('--published <date>', 'publication date for articles that carry none (YYYY-MM-DD)', parseDate)
    .option('--id <id>', 'id of a text article read from standard input (default: stdin)')
    .action(async (files: string[], opts: ExtractOptions) => {
      const status = await runExtract(files, opts);
      if (status !== 0) process.exitCode = status;
    });
}
