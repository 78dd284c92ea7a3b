/**
 * The work that runs on worker threads (piscina): parsing pages and extracting quotations.
 * Each export is one task kind, selected with piscina's `name` option.
 */
import { analyze } from '../index.js';
import type { Analysis } from '../extract/types.js';
import { prepareArticle, type PreparedArticle } from '../store/prepare.js';
import { packExtracted, type PackedExtraction } from '../store/wire.js';
import { parsePage, type PageHints, type PageResult } from './html.js';

export interface ParseTask {
  html: string;
  url: string | null;
  source: string;
  hints?: PageHints;
}

export interface ExtractTask {
  text: string;
  id?: string;
  url?: string;
  published?: string;
}

export function parse(task: ParseTask): PageResult {
  return parsePage(task.html, task.url, task.source, task.hints);
}

export function extract(task: ExtractTask): Analysis {
  const opts: { id?: string; url?: string; published?: string } = {};
  if (task.id !== undefined) opts.id = task.id;
  if (task.url !== undefined) opts.url = task.url;
  if (task.published !== undefined) opts.published = task.published;
  return analyze(task.text, opts);
}

export interface ExtractForStoreTask extends ExtractTask {
  /** The article's text hash when the caller has it already. */
  textHash?: string;
}

/** Extraction plus the keys the store derives from it, so the writer thread only writes (packed: see `wire.ts`). */
export function extractForStore(task: ExtractForStoreTask): PackedExtraction {
  const analysis = extract(task);
  const prepared: PreparedArticle = prepareArticle({ source: '', text: task.text }, analysis, task.textHash);
  return packExtracted(analysis, prepared);
}

export default extract;
