/**
 * `onrecord export --format jsonl|csv`: the whole record.
 * jsonl: one article a line (url, canonical_url, title, outlet, published, text, quotes and
 * people as the extraction contract has them); csv: one quote a row.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import type { ExportedArticle } from '../store/store.js';
import { dbOption, formatOption, openOrExit } from './record-output.js';

const CSV_COLUMNS = [
  'article_id', 'url', 'canonical_url', 'title', 'outlet', 'published', 'type', 'start', 'end', 'text',
  'speaker', 'speaker_mention', 'cue', 'confidence', 'addressee', 'when', 'when_resolved',
] as const;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvRows(a: ExportedArticle): string {
  return a.quotes
    .map((q) =>
      [
        a.id, a.url, a.canonical_url, a.title, a.outlet, a.published, q.type, q.start, q.end, q.text,
        q.speaker.name, q.speaker.mention?.text, q.cue?.text, q.confidence, q.addressee?.name, q.when?.text, q.when?.resolved,
      ].map(csvCell).join(',') + '\r\n',
    )
    .join('');
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the record: jsonl (one article a line, quotes as the extraction contract has them) or csv (one quote a row)')
    .addOption(dbOption())
    .addOption(formatOption(['jsonl', 'csv'], 'jsonl'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (opts: { db: string; format: string; output?: string }) => {
      const store = openOrExit(opts.db, true);
      let stream: NodeJS.WritableStream = process.stdout;
      let failed: Error | undefined;
      if (opts.output) {
        // An output file that cannot be written (no such directory, a directory, no permission,
        // a full disk) is one line on stderr and exit status 1, not a silent stop.
        const file = createWriteStream(opts.output);
        file.on('error', (e) => (failed ??= e));
        try {
          await once(file, 'open');
        } catch {
          await store.close();
          return cannotWrite(opts.output, failed);
        }
        stream = file;
      }
      const write = async (s: string) => {
        if (failed) throw failed;
        if (s && !stream.write(s)) await once(stream, 'drain');
      };
      try {
        if (opts.format === 'csv') await write(CSV_COLUMNS.join(',') + '\r\n');
        for await (const a of store.exportArticles()) {
          if (opts.format === 'csv') await write(csvRows(a));
          else {
            const { id, url, canonical_url, title, outlet, published, text, quotes, people } = a;
            await write(JSON.stringify({ id, url, canonical_url, title, outlet, published, text, quotes, people }) + '\n');
          }
        }
      } catch (err) {
        if (!opts.output || err !== failed) throw err;
      } finally {
        await store.close();
        if (opts.output && !failed) {
          stream.end();
          await once(stream, 'finish').catch(() => undefined);
        }
      }
      if (opts.output && failed) cannotWrite(opts.output, failed);
    });
}

function cannotWrite(path: string, err: Error | undefined): void {
  const e = err as NodeJS.ErrnoException | undefined;
  const reason =
    e?.code === 'ENOENT' ? 'no such directory'
    : e?.code === 'EISDIR' ? 'is a directory'
    : e?.code === 'EACCES' || e?.code === 'EPERM' ? 'permission denied'
    : e?.code === 'ENOSPC' ? 'no space left on device'
    : (e?.message ?? 'unknown error');
  process.stderr.write(`onrecord: cannot write ${path}: ${reason}\n`);
  process.exitCode = 1;
}
