/** `onrecord people [--top N]`: who is quoted most in the record. */
import { Command, InvalidArgumentError } from 'commander';
import type { PersonSummary } from '../store/store.js';
import { day, dbOption, formatOption, openOrExit, out, table, truncate } from './record-output.js';

export function peopleTable(people: PersonSummary[]): string {
  if (people.length === 0) return 'nobody quoted in the record yet\n';
  return table(
    ['name', 'kind', 'quotes', 'articles', 'first quoted', 'last quoted'],
    people.map((p) => [truncate(p.name, 40), p.kind, p.quotes, p.articles, day(p.firstQuoted), day(p.lastQuoted)]),
    ['l', 'l', 'r', 'r', 'l', 'l'],
  );
}

export function registerPeople(program: Command): void {
  program
    .command('people')
    .description('the people (and organisations) quoted in the record, most quoted first')
    .addOption(dbOption())
    .option('--top <n>', 'how many', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('--top must be a positive integer');
      return n;
    }, 20)
    .option('--all', 'also people mentioned but never quoted')
    .addOption(formatOption(['table', 'json'], 'table'))
    .action(async (opts: { db: string; top: number; all?: boolean; format: string }) => {
      const store = openOrExit(opts.db, true);
      try {
        const people = await store.people({ top: opts.top, all: Boolean(opts.all) });
        await out(opts.format === 'json' ? JSON.stringify(people, null, 2) + '\n' : peopleTable(people));
      } finally {
        await store.close();
      }
    });
}
