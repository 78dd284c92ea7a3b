/**
 * Shortcuts taken for speed must answer as the slower code they replace: the scan for very long
 * runs without spaces agrees with the regular expression it stands in for, and the early answers
 * of cue and given-name lookups change no result. Every text is invented.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { hasLongRun } from '../src/extract/document.js';
import { isFirstName } from '../src/extract/lexicon.js';
import { analyze } from '../src/index.js';

const LONG_RUN = /\S{256,}/;

test('hasLongRun agrees with /\\S{256,}/ at the length bound and around every kind of space', () => {
  const cases = ['', 'a'.repeat(255), 'a'.repeat(256), 'x ' + 'a'.repeat(256) + ' y', 'a'.repeat(255) + ' ' + 'a'.repeat(255),
    // Each surrogate is a code unit of its own, as in the regular expression without the u flag.
    '😀'.repeat(127) + 'a', '😀'.repeat(128)];
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    cases.push('a'.repeat(200) + ch + 'a'.repeat(200));
  }
  for (const text of cases) assert.equal(hasLongRun(text), LONG_RUN.test(text), `code units ${text.length}, around ${text.charCodeAt(200).toString(16)}`);
});

test('a word of 300 letters keeps its offsets, and a quote after it is found', () => {
  const text = 'w'.repeat(300) + ' was typed by a cat.\n\n“We will fix the ferry by June,” Ines Varga said on Monday.';
  const r = analyze(text, { published: '2025-03-05' });
  assert.equal(r.quotes.length, 1);
  const q = r.quotes[0]!;
  assert.equal(text.slice(q.start, q.end), q.text);
  assert.equal(q.speaker.name, 'Ines Varga');
  assert.equal(q.when?.text, 'on Monday');
});

test('cues still found after the early answer: plain, phrasal and `according to`', () => {
  const text = [
    '“The bridge will open in spring,” Ines Varga said.',
    'Piet Sorensen pointed out that the budget had doubled.',
    'According to Dana Whitlow, the council met twice.',
  ].join('\n\n');
  const cues = analyze(text).quotes.map((q) => q.cue?.text);
  assert.deepEqual(cues, ['said', 'pointed out', 'According to']);
});

test('isFirstName answers the same when asked again, for names, acronyms and hyphenated names', () => {
  for (const [name, expected] of [['Ruth', true], ['RUTH', false], ['Jean-Yves', true], ['Ferry', false], ['Ruth', true], ['RUTH', false]] as const) {
    assert.equal(isFirstName(name), expected, name);
  }
});
