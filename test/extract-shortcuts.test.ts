/**
 * Shortcuts taken for speed must answer as the slower code they replace: the scan for very long
 * runs without spaces agrees with the regular expression it stands in for, and the early answers
 * of cue and given-name lookups change no result. Every text is invented.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { hasLongRun } from '../src/extract/document.js';
import { firstNameGender, isFirstName, isPlaceName } from '../src/extract/lexicon.js';
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

test('hasLongRun agrees with /\\S{256,}/ wherever runs start and end (it reads only some positions)', () => {
  // Runs of lengths around the bound at every offset, between spaces of several kinds, so that
  // a skip past a run's start or end would show.
  let seed = 45;
  const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const spaces = [' ', '\n', '\u00a0', '\u2009', '\t'];
  for (let trial = 0; trial < 3000; trial++) {
    let text = '';
    const parts = 1 + random(6);
    for (let p = 0; p < parts; p++) {
      const length = random(3) === 0 ? 250 + random(12) : random(300);
      text += 'x'.repeat(length) + (p < parts - 1 || random(2) ? spaces[random(spaces.length)]!.repeat(1 + random(3)) : '');
    }
    assert.equal(hasLongRun(text), LONG_RUN.test(text), JSON.stringify(text.replace(/x+/g, (r) => `x${r.length}`)));
  }
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

test('firstNameGender answers the same when asked again, for each sex, either, none, a name both lists hold but one sex bears, and an East Asian surname', () => {
  for (const [name, expected] of [['Ruth', 'f'], ['Piet', undefined], ['Tomas', 'm'], ['Jordan', undefined], ['Wang', undefined], ['ruth', 'f'], ['Ruth', 'f'], ['Tomas', 'm'], ['Jordan', undefined], ['Hillary', 'f'], ['Bernie', 'm'], ['Pat', undefined]] as const) {
    assert.equal(firstNameGender(name), expected, name);
  }
});

test('isPlaceName: places, qualified places, demonyms, possessives and longer names', () => {
  const cases: Array<[string[], boolean]> = [
    [['Canada'], true], [['North', 'Korea'], true], [['North', 'Korean'], true], [['Canadian'], true],
    [['Canada’s'], true], [["Ottawa's"], true], [['New', 'Brunswick'], true],
    [['Republic', 'of', 'Ireland'], true], [['United', 'Kingdom'], false], [['North'], false], [['Ines', 'Varga'], false],
    [['Bank', 'of', 'Canada'], false], [['The', 'United', 'States', 'Navy'], false], [[], false], [['Korea', 'Ines'], false],
  ];
  for (const [words, expected] of cases) assert.equal(isPlaceName(words), expected, words.join(' '));
});

test('quotation marks of every style are still paired after the scan passes over other characters by their code', () => {
  const said = (open: string, close: string) => `${open}We will rebuild the pier,${close} Ines Varga said.`;
  for (const [open, close] of [['«', '»'], ['‘’', '’’'], ["''", "''"], ['"', '"'], ['“', '”']]) {
    const r = analyze(said(open, close));
    assert.deepEqual(r.quotes.map((q) => [q.text, q.speaker.name]), [[`${open}We will rebuild the pier,${close}`, 'Ines Varga']], open);
  }
});

test('a name opening with a capital outside ASCII (À to Þ) is still a name once capitals are read by their code', () => {
  for (const name of ['Øystein Lund', 'Émile Rocher', 'Ólafur Brandt', 'Ines Varga']) {
    const r = analyze(`“The pier will open in June,” ${name} said.`);
    assert.deepEqual(r.quotes.map((q) => q.speaker.name), [name]);
  }
});
