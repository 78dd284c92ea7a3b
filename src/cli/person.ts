/** `onrecord person NAME`: one person's record: names, descriptors, quotes, outlets, first and last quoted. */
import { Command } from 'commander';
import type { PersonDetail } from '../store/store.js';
import { day, dbOption, formatOption, openOrExit, out } from './record-output.js';

const counted = (xs: { value: string; count: number }[], max = 12) =>
  xs.length ? xs.slice(0, max).map((x) => `${x.value} (${x.count})`).join(', ') + (xs.length > max ? `, … ${xs.length - max} more` : '') : '-';

export function personText(p: PersonDetail): string {
  return [
    `${p.name}${p.kind !== 'person' ? ` [${p.kind}]` : ''}`,
    // `articles` counts the articles that name them, quoted there or not.
    `  quotes:       ${p.quotes}, named in ${p.articles} article${p.articles === 1 ? '' : 's'}`,
    `  first quoted: ${day(p.firstQuoted) || '-'}`,
    `  last quoted:  ${day(p.lastQuoted) || '-'}`,
    `  named as:     ${counted(p.aliases)}`,
    `  described as: ${counted(p.descriptors)}`,
    `  outlets:      ${counted(p.outlets)}`,
  ].join('\n') + '\n';
}

export function registerPerson(program: Command): void {
  program
    .command('person')
    .description("one person's record: descriptors, quote count, first and last quoted, outlets")
    .argument('<name...>', 'full name, surname or another name they go by')
    .addOption(dbOption())
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (name: string[], opts: { db: string; format: string }) => {
      const store = openOrExit(opts.db, true);
      try {
        const p = await store.person(name.join(' '));
        if (!p) {
          process.stderr.write(`onrecord: nobody called "${name.join(' ')}" in the record\n`);
          process.exitCode = 1;
          return;
        }
        await out(opts.format === 'json' ? JSON.stringify(p, null, 2) + '\n' : personText(p));
      } finally {
        await store.close();
      }
    });
}
