/**
 * Page residue: what a copy of a web page drags in after the article proper, such as
 * `2 hours ago`, a comment counter, `Share`, empty lines. Nothing in it may become a quote or a
 * person, so the document stops where the residue starts.
 *
 * Why from the end: residue sits after the last paragraph; a short line in the middle of an
 * article (a subheading) is article text and must stay.
 */

const RESIDUE_LINE = new RegExp(
  [
    String.raw`^\d+$`, // counters: comments, shares
    String.raw`^[\d.,]+[km]?\s+(comments?|shares?|replies|likes|views|reactions)$`,
    String.raw`^(about |around )?(\d+|an?|one) (second|minute|hour|day|week|month|year)s? ago$`,
    String.raw`^(share|comments?|reply|advertisement|related|read more|more|tweet|email|print|copy link|save|follow|subscribe|sign up|log in|login)( \w+){0,3}$`,
    String.raw`^(updated|published|posted)\b.{0,40}$`,
    // a byline's invitation, `Follow Tam Rowe on Twitter @tamroweNEN` (inside a transcript's marks too)
    String.raw`^["“]?follow( [\w.’'-]+){1,4} on (twitter|facebook|instagram)\b[^.!?]{0,40}[.!]?["”]?$`,
    String.raw`^\W*$`,
  ].join('|'),
  'i',
);

/** Offset where the article body ends: after the last line that is not residue. */
export function findBodyEnd(text: string): number {
  let end = text.length;
  // Walk lines backwards; each step is O(line length), so the whole walk is linear.
  while (end > 0) {
    const nl = text.lastIndexOf('\n', end - 1);
    const line = text.slice(nl + 1, end).trim();
    if (line.length > 0 && !(line.length <= 60 && RESIDUE_LINE.test(line))) break;
    end = nl < 0 ? 0 : nl;
  }
  // Keep the last real line whole, without trailing whitespace.
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
