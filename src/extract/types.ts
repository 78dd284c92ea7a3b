/**
 * The extraction contract (shared/eval/CONTRACT.md) as TypeScript types.
 * Every offset is a JavaScript string index (UTF-16 code unit) into the article text as given.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type QuoteType = 'direct' | 'mixed' | 'indirect';

export interface Speaker {
  /** Canonical name of the resolved person, or the description for an unnamed source. */
  name: string | null;
  /** Id of the entity in `people`, or null when the speaker is unknown. */
  entity: string | null;
  /** The mention the attribution rests on in the quote's own sentence. */
  mention: Span | null;
}

export interface Quote extends Span {
  type: QuoteType;
  speaker: Speaker;
  cue: Span | null;
  confidence: number;
  /**
   * When the cue interrupts the quotation (`“A,” she said. “B.”`), the quoted parts; the quote's
   * span then runs from the first to the last, and each later part is also a quote of its own.
   */
  segments?: Span[];
  /** To whom it was said, when the text names it (`told reporters`, `“So, Olin Ferris, ...”`). */
  addressee?: Addressee;
  /** When it was said, when the attribution names it (`said late on Friday`). */
  when?: When;
}

export interface Addressee {
  /** Canonical name of the entity addressed, or the words that name the addressee (`reporters`). */
  name: string;
  /** Id of the entity in `people`, or null when the words name none of them. */
  entity: string | null;
  mention: Span;
}

export interface When extends Span {
  /**
   * ISO 8601 at the precision the words give, resolved against the publication date: a day
   * (`2025-11-16`), a month (`2025-10`), a year (`2019`) or a week (`2025-11-10/2025-11-16`);
   * null when the words are relative and the article's date is not known.
   */
  resolved: string | null;
}

export interface Person {
  id: string;
  name: string;
  /** 'person' for people, 'org' for organisations, 'description' for unnamed sources. */
  kind: 'person' | 'org' | 'description';
  gender?: 'm' | 'f';
  descriptors: string[];
  mentions: Span[];
  /** For several people named together as one source (`Smith and Jones said`): their ids. */
  members?: string[];
}

export interface Analysis {
  id?: string;
  quotes: Quote[];
  people: Person[];
}

export interface AnalyzeOptions {
  id?: string;
  url?: string;
  /** Publication date (ISO string or Date), used to resolve relative times. */
  published?: string | Date;
}
