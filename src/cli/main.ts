/**
 * The `onrecord` command-line program.
 *
 * Each subcommand lives in its own file under src/cli/ and exports a `registerX(program)`
 * function; adding a command is one import and one call below.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { registerExtract } from './extract.js';
import { registerIngest } from './ingest.js';
import { registerSearch } from './search.js';
import { registerPeople } from './people.js';
import { registerPerson } from './person.js';
import { registerExport } from './export.js';
import { registerWorker } from './worker.js';
import { registerStatus } from './status.js';
import { StoreOpenError } from '../store/errors.js';
import { QueueOpenError } from '../queue/connection.js';
import { registerServe } from './serve.js';

function packageVersion(): string {
  try {
    // dist/src/cli/main.js -> package.json at the project root.
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function createProgram(): Command {
  const program = new Command('onrecord')
    .description('Who said what in the news: extract quotations, their speakers and cues from articles.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)');

  registerExtract(program);
  registerIngest(program);
  registerSearch(program);
  registerPeople(program);
  registerPerson(program);
  registerExport(program);
  registerServe(program);
  registerWorker(program);
  registerStatus(program);

  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  // A reader that stops early (`onrecord export | head`) closes standard output: every command
  // stops quietly then, with the exit status it has reached (commands keep `process.exitCode`
  // up to date as inputs fail).
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    await createProgram().parseAsync(argv);
  } catch (err) {
    // A PostgreSQL record or a Redis queue that cannot be reached is reported on first use,
    // inside a command: one clear line and exit status 1, whichever command it was.
    if (err instanceof StoreOpenError || err instanceof QueueOpenError) {
      process.stderr.write(`onrecord: ${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}

// Allow `node dist/src/cli/main.js ...` as well as bin/onrecord.js.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
