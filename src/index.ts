/** onrecord's public library API. */
export { analyze } from './extract/pipeline.js';
export type { Analysis, AnalyzeOptions, Quote, Person, Speaker, Span, QuoteType } from './extract/types.js';
