/** onrecord's public library API. */
export { analyze } from './extract/pipeline.js';
export type { Addressee, Analysis, AnalyzeOptions, Quote, Person, Speaker, Span, QuoteType, When } from './extract/types.js';
