/** `onrecord search [--speaker NAME] [--outlet O] [--since D] [--until D] [QUERY...]`: quotations in the record. */
import { Command, InvalidArgumentError } from 'commander';
import { toIsoDate } from '../ingest/dates.js';
import type { SearchHit } from '../store/store.js';
import { day, dbOption, formatOption, openOrExit, out, table, truncate } from './record-output.js';

function dateArg() {
  return (v: string) => {
    const iso = toIsoDate(v);
    // (commander names the option and the value before this message)
    if (!iso) throw new InvalidArgumentError('not a date (use YYYY-MM-DD).');
    return iso;
  };
}

export function searchTable(hits: SearchHit[]): string {
  if (hits.length === 0) return 'no quotations found\n';
  return table(
    ['first', 'speaker', 'quotation', 'outlet', 'seen'],
    hits.map((h) => [
      day(h.first.published),
      truncate(h.speaker ?? '(unknown)', 24),
      truncate(h.text, 72),
      truncate(h.first.outlet ?? '', 24),
      h.totalAppearances,
    ]),
    ['l', 'l', 'l', 'l', 'r'],
  );
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search the quotations in the record (full text over quotes and speakers\' names)')
    .argument('[query...]', 'words or "a phrase" to find (none: the latest quotations)')
    .addOption(dbOption())
    .option('--speaker <name>', 'only quotations by this speaker')
    .option('--outlet <outlet>', 'only appearances in this outlet')
    .option('--since <date>', 'only appearances published on or after this date', dateArg())
    .option('--until <date>', 'only appearances published on or before this date', dateArg())
    .option('--limit <n>', 'most quotations shown', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('--limit must be a positive integer');
      return n;
    }, 20)
    .addOption(formatOption(['table', 'json'], 'table'))
    .action(async (words: string[], opts: { db: string; speaker?: string; outlet?: string; since?: string; until?: string; limit: number; format: string }) => {
      const store = openOrExit(opts.db, true);
      try {
        const query: Parameters<typeof store.search>[0] = { limit: opts.limit };
        if (words.length) query.text = words.join(' ');
        if (opts.speaker) query.speaker = opts.speaker;
        if (opts.outlet) query.outlet = opts.outlet;
        if (opts.since) query.since = opts.since;
        if (opts.until) query.until = opts.until;
        const hits = await store.search(query);
        await out(opts.format === 'json' ? JSON.stringify(hits, null, 2) + '\n' : searchTable(hits));
      } finally {
        await store.close();
      }
    });
}
