/** Shared helpers of the record commands (ingest, search, people, person, export). */
import { Option } from 'commander';
import { DEFAULT_DB, openStore, StoreOpenError, type Store } from '../store/index.js';

export function dbOption(): Option {
  return new Option('--db <file|url>', 'the record: a SQLite file, or a postgres:// URL').env('ONRECORD_DB').default(DEFAULT_DB);
}

export function formatOption(choices: string[], dflt: string): Option {
  return new Option('--format <format>', 'output format').choices(choices).default(dflt);
}

/** Opens the store or exits with status 1 and a one-line reason. */
export function openOrExit(db: string, mustExist: boolean): Store {
  try {
    return openStore(db, { mustExist });
  } catch (err) {
    const msg = err instanceof StoreOpenError ? err.message : `cannot open ${db}: ${(err as Error).message}`;
    process.stderr.write(`onrecord: ${msg}\n`);
    process.exit(1);
  }
}

export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

export function truncate(s: string, width: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : flat.slice(0, Math.max(1, width - 1)) + '…';
}

/** A plain text table: a header row, a rule, then rows; columns padded to their widest cell. */
export function table(headers: string[], rows: (string | number)[][], align: ('l' | 'r')[] = []): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => String(c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - [...c].length);
        return align[i] === 'r' ? pad + c : i === r.length - 1 ? c : c + pad;
      })
      .join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(r.map(String)))].join('\n') + '\n';
}

/** Writes to stdout and resolves once flushed (so exit codes do not cut output short). */
export function out(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
