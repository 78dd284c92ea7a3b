/**
 * Local inputs: what files a path given to `ingest` (or `ingest --queue`) stands for. A file is
 * read as the kind its name says; a named file whose name says nothing is sniffed (binary and
 * stray gzip files are refused); a directory is walked recursively, in name order, skipping
 * hidden entries, files of no input kind (passed over, not failed) and directories already
 * walked (symlink loops). One walker serves both commands, so they report inputs alike.
 */
import { statSync } from 'node:fs';
import { readdir, readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { kindFromContent, kindFromName, looksBinary, type InputKind } from './sniff.js';
import { fsReason, inputReason } from './text.js';

export type InputEntry =
  | { type: 'file'; path: string; kind: InputKind }
  /** An input that cannot be read as a whole, with the reason for the closing summary. */
  | { type: 'failed'; path: string; reason: string }
  /** A file inside a directory that is of no input kind. */
  | { type: 'ignored'; path: string };

/** The walk of one command's local inputs; `seenDirs` spans all of its paths. */
export class InputWalker {
  private readonly seenDirs = new Set<string>();

  /** The entries `path` stands for, as given on the command line. */
  async *walk(path: string): AsyncGenerator<InputEntry> {
    const dirsBefore = this.seenDirs.size;
    let found = 0;
    for await (const e of this.entries(path, false)) {
      if (e.type !== 'ignored') found++;
      yield e;
    }
    // A directory walked here for the first time with nothing to read in it is most often a
    // mistyped or wrong path: say so rather than report a run of 0 articles as a success.
    if (found === 0 && this.seenDirs.size > dirsBefore) {
      yield { type: 'failed', path, reason: 'directory with no files to ingest (.txt, .jsonl, .html, feeds, .warc, .warc.gz)' };
    }
  }

  private async *entries(path: string, inDirectory: boolean): AsyncGenerator<InputEntry> {
    let info;
    try {
      info = statSync(path); // synchronous: one cheap call instead of a thread-pool round trip per file
    } catch (err) {
      yield { type: 'failed', path, reason: inputReason(path, err) };
      return;
    }
    if (info.isDirectory()) {
      let entries: string[];
      try {
        const real = await realpath(path);
        if (this.seenDirs.has(real)) return;
        this.seenDirs.add(real);
        entries = (await readdir(path)).filter((e) => !e.startsWith('.')).sort();
      } catch (err) {
        yield { type: 'failed', path, reason: fsReason(err) };
        return;
      }
      for (const e of entries) yield* this.entries(join(path, e), true);
      return;
    }
    if (!info.isFile()) {
      if (!inDirectory) yield { type: 'failed', path, reason: 'not a regular file' };
      return;
    }
    const kind = kindFromName(path);
    if (kind) yield { type: 'file', path, kind };
    else if (inDirectory) yield { type: 'ignored', path };
    else yield await sniffFile(path);
  }
}

/** The kind of an explicitly named file whose extension says nothing. */
async function sniffFile(path: string): Promise<InputEntry> {
  let head: Buffer;
  try {
    head = (await readFile(path)).subarray(0, 4096);
  } catch (err) {
    return { type: 'failed', path, reason: fsReason(err) };
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    return { type: 'failed', path, reason: 'gzip-compressed file that is not a .warc.gz' };
  }
  if (looksBinary(head)) return { type: 'failed', path, reason: 'binary file, not a supported input' };
  return { type: 'file', path, kind: kindFromContent(head.toString('utf8')) ?? 'text' };
}
