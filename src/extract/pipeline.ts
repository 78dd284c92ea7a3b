import type { Analysis, AnalyzeOptions } from './types.js';

/** Placeholder until the stages land: finds nothing. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  void text;
  return { id: options.id, quotes: [], people: [] };
}
