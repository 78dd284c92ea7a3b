/**
 * Issue 2, item 9: page residue after the article (`2 hours ago`, a bare comment count, blank
 * lines, `Share`) is not article text: nothing in it becomes a quote, a person or a mention, and
 * every quote ends before the body's end. Every text is invented.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { run, quote, expectQuote, summary } from './helpers/extract.js';
import { findBodyEnd } from '../src/extract/residue.js';
import type { Analysis } from '../src/index.js';

/** Every quote, mention and cue lies before bodyEnd. */
function allBefore(r: Analysis, bodyEnd: number): void {
  for (const q of r.quotes) {
    assert.ok(q.end <= bodyEnd, `quote ends before the body's end: ${JSON.stringify(q.text)}`);
    if (q.speaker.mention) assert.ok(q.speaker.mention.end <= bodyEnd);
    if (q.cue) assert.ok(q.cue.end <= bodyEnd);
  }
  for (const p of r.people) for (const m of p.mentions) assert.ok(m.end <= bodyEnd, `mention ${m.text} at ${m.start} is in the residue`);
}

test('`2 hours ago`, a bare comment count and blank lines after the article yield nothing', () => {
  const body = '“The bridge will open in June,” Mayor Tom Brennan said on Monday. He said the toll would be scrapped.';
  const text = body + '\n\n2 hours ago\n4\n' + '\n'.repeat(30);
  const r = run(text);
  assert.equal(findBodyEnd(text), body.length);
  assert.equal(r.quotes.length, 2, summary(r));
  expectQuote(quote(r, '“The bridge will open in June,”'), { speaker: 'Tom Brennan', cue: 'said' });
  expectQuote(quote(r, 'the toll would be scrapped'), { type: 'indirect', speaker: 'Tom Brennan', mention: 'He' });
  assert.deepEqual(r.people.map((p) => p.name), ['Tom Brennan']);
  allBefore(r, body.length);
});

test('an unclosed quote at the end of the article stops before the residue', () => {
  const body = 'Mayor Tom Brennan said on Monday: “The bridge will open in June, and nobody will pay a toll.';
  const text = body + '\n\n2 hours ago\n\n37\n\n';
  const r = run(text);
  assert.equal(r.quotes.length, 1, summary(r));
  const q = r.quotes[0];
  assert.equal(q.start, body.indexOf('“'));
  assert.equal(q.end, body.length);
  expectQuote(q, { type: 'direct', speaker: 'Tom Brennan', cue: 'said' });
  allBefore(r, body.length);
});

test('`Share`, a relative time and a count on separate lines are residue', () => {
  const body = 'Mayor Tom Brennan said the bridge would be finished by June.';
  const text = body + '\n\nShare\n\n5 hours ago\n\n12\n\n\n';
  const r = run(text);
  assert.equal(findBodyEnd(text), body.length);
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'the bridge would be finished by June'), { type: 'indirect', speaker: 'Tom Brennan' });
  allBefore(r, body.length);
});

test('a short line inside the article (a subheading) is article text, not residue', () => {
  const text =
    'Mayor Tom Brennan said the bridge would open in June.\n\nNew tolls\n\n' +
    '“Nobody will pay to cross,” Brennan said.\n\n2 hours ago\n4\n';
  const r = run(text);
  expectQuote(quote(r, '“Nobody will pay to cross,”'), { type: 'direct', speaker: 'Tom Brennan', mention: 'Brennan', cue: 'said' });
  allBefore(r, text.indexOf('said.') + 'said.'.length);
});

test('a text that is only residue yields no quotes and no people', () => {
  const r = run('2 hours ago\n4\n\n\n\n');
  assert.deepEqual(r.quotes, []);
  assert.deepEqual(r.people, []);
});

test('empty text yields no quotes and no people', () => {
  const r = run('');
  assert.deepEqual(r.quotes, []);
  assert.deepEqual(r.people, []);
});

test('a comment count with its label (`128 Comments`) is residue too',
  () => {
  const body = 'Mayor Tom Brennan said the bridge would open in June.';
  const text = body + '\n\n3 days ago\n\n128 Comments\n';
  assert.equal(findBodyEnd(text), body.length);
});

test('a byline’s `Follow X on Twitter @handle` closing the page is residue, inside a transcript’s marks too', () => {
  const body = '"PENCE: And that is why we will win in November.';
  const text = body + '\n\n"Follow Pam Kerr on Twitter @pamkerrNEN."';
  assert.equal(findBodyEnd(text), body.length);
  const r = run(text);
  assert.ok(!r.quotes.some((q) => q.text.includes('Follow')), summary(r));
});

test('a photo caption, a paragraph closing with a credit (`(Ann Roe/The Harbour Star)`, `( Dreamstime )`), reports nothing', () => {
  const story = 'The ferry returned to service on Monday.\n\n';
  for (const credit of ['(Ann Roe/The Harbour Star)', 'Ann Roe/HARBOUR WIRE', 'Ann Roe/THE COASTAL PRESS', '( Dreamstime )']) {
    const r = run(`${story}Captain Ivo Brandt, left, said the new engines cut fuel use by half. ${credit}\n\n“We are proud of the crew,” Brandt said.`);
    assert.ok(!r.quotes.some((q) => q.text.includes('the new engines cut fuel use by half')), summary(r));
    assert.ok(r.quotes.some((q) => q.text === '“We are proud of the crew,”'), summary(r));
  }
  // (Without the credit, the same paragraph is the story's.)
  const r = run(`${story}Captain Ivo Brandt said the new engines cut fuel use by half.`);
  assert.ok(r.quotes.some((q) => q.text === 'the new engines cut fuel use by half'), summary(r));
});
