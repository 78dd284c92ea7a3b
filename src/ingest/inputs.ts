/**
 * Local inputs: what files a path given to `ingest` (or `ingest --queue`) stands for. A file is
 * read as the kind its name says; a named file whose name says nothing is sniffed (binary and
 * stray gzip files are refused); a directory is walked recursively, in name order, skipping
 * hidden entries, files of no input kind (passed over, not failed) and directories already
 * walked (symlink loops). One walker serves both commands, so they report inputs alike.
 */
import { statSync, type Dirent } from 'node:fs';
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
      let entries: Dirent[];
      try {
        const real = await realpath(path);
        if (this.seenDirs.has(real)) return;
        this.seenDirs.add(real);
        entries = (await readdir(path, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
      } catch (err) {
        yield { type: 'failed', path, reason: fsReason(err) };
        return;
      }
      entries.sort(byName);
      for (const e of entries) {
        const child = join(path, e.name);
        // A regular file (most entries) is told apart here, with no stat and no generator of its
        // own: on ingest's main thread, the two cost about as much a file as reading it did.
        if (e.isFile()) yield fileInDirectory(child);
        else if (e.isDirectory()) yield* this.entries(child, true);
        else {
          // A symbolic link (or an entry of a type the directory does not say): what it stands for.
          let target;
          try {
            target = statSync(child);
          } catch (err) {
            yield { type: 'failed', path: child, reason: inputReason(child, err) };
            continue;
          }
          if (target.isDirectory()) yield* this.entries(child, true);
          else if (target.isFile()) yield fileInDirectory(child);
        }
      }
      return;
    }
    if (!info.isFile()) {
      if (!inDirectory) yield { type: 'failed', path, reason: 'not a regular file' };
      return;
    }
    if (inDirectory) yield fileInDirectory(path);
    else {
      const kind = kindFromName(path);
      yield kind ? { type: 'file', path, kind } : await sniffFile(path);
    }
  }
}

/** Directory entries in name order (as `readdir`'s names sorted). */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** A regular file found in a directory: read as the kind its name says, else passed over. */
function fileInDirectory(path: string): InputEntry {
  const kind = kindFromName(path);
  return kind ? { type: 'file', path, kind } : { type: 'ignored', path };
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
