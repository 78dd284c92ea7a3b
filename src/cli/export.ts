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
      const stream = opts.output ? createWriteStream(opts.output) : process.stdout;
      const write = async (s: string) => {
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
      } finally {
        await store.close();
        if (opts.output) {
          (stream as ReturnType<typeof createWriteStream>).end();
          await once(stream, 'finish');
        }
      }
    });
}
