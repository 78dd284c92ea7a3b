/**
 * Speakers' names and what they resolve to: names with damaged characters, titles that are part
 * of a name, group pronouns, descriptions with no evidence. Every text is invented.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { run, quote, expectQuote, summary } from './helpers/extract.js';

test('a name whose accented letter arrived as mojibake (`Ã©`) is still one name, and its speaker', () => {
  const text = 'Inspector AndrÃ©s Valdoro PeÃ±alta said, “The files were never sealed.” Later, prosecutor Lucie BÃ©rard-Simon told reporters the case was closed.';
  const r = run(text);
  expectQuote(quote(r, '“The files were never sealed.”'), { speaker: 'AndrÃ©s Valdoro PeÃ±alta', mention: 'AndrÃ©s Valdoro PeÃ±alta' });
  assert.ok(r.people.some((p) => p.name === 'Lucie BÃ©rard-Simon'), r.people.map((p) => p.name).join(', '));
  // (A letter whose mis-read byte became a space and a combining mark, `Ã ̈`, still holds the name together.)
  const r2 = run('The envoy, HÃ ̈lene Marvaux, spoke first. “We will sign it,” Marvaux said.');
  expectQuote(quote(r2, '“We will sign it,”'), { speaker: 'HÃ ̈lene Marvaux', mention: 'Marvaux' });
  // (Nor does a lead letter written decomposed, `A` and a combining tilde, break it.)
  const name = 'Jose\u0301 GonzA\u0303\u0083\u00c2\u00a1lez';
  const r3 = run(`“The port reopens in May,” Mayor ${name} said on Friday.`);
  expectQuote(quote(r3, '“The port reopens in May,”'), { speaker: name, mention: name });
});

test('`they` after two people named together as a clause’s subject (`Ivo Marren and Dela Kosti have run ...`) is the two of them', () => {
  const r = run('Ivo Marren and Dela Kosti have run the bakery on Dock Street since 1998. “We never close on Sundays,” they said.');
  expectQuote(quote(r, '“We never close on Sundays,”'), { speaker: 'Ivo Marren and Dela Kosti', mention: 'they' });
});

test('`they` after an institution that is a clause’s subject (`The Harbour Workers Union wants ...`, `the union started ...`) is that institution', () => {
  const r = run('The Harbour Workers Union wants a raise for its members. They said the talks with the port had failed.');
  expectQuote(quote(r, 'the talks with the port had failed'), { speaker: 'Harbour Workers Union', mention: 'They' });
  const r2 = run('In May, paramedics in Halvik went on strike. The union started a campaign called Red Line last year. On Monday, they wrote that only one ambulance was free in the county.');
  expectQuote(quote(r2, 'that only one ambulance was free in the county'), { speaker: 'The union', mention: 'they' });
  // (`The union` itself is no place the passage names, `Halvik County`.)
  const r3 = run('In May, paramedics in Halvik County went on strike. The union said the talks had failed.');
  expectQuote(quote(r3, 'the talks had failed'), { speaker: 'The union', mention: 'The union' });
});

test('a courtesy title before a place or a pageant’s word (`Miss Universe`, `Miss Canada`) is part of the name, not a person `Universe`', () => {
  const r = run('“I never expected to win,” said Miss Universe, who spoke after the ceremony.');
  expectQuote(quote(r, '“I never expected to win,”'), { speaker: 'Miss Universe', mention: 'Miss Universe' });
  const r2 = run('The crown went to Miss Canada on Saturday. “It belongs to my whole town,” Miss Canada told reporters.');
  expectQuote(quote(r2, '“It belongs to my whole town,”'), { speaker: 'Miss Canada' });
  // (A title before a surname stays a title: `Miss Hale` is Hale, as ever, and so is `Mr. English`.)
  const r4 = run('“We will knock on every door,” said Tom English, the campaign’s director. “They know us,” Mr. English said.');
  expectQuote(quote(r4, '“They know us,”'), { speaker: 'Tom English', mention: 'English' });
  const r3 = run('“We open at nine,” said Miss Ada Hale. “Nobody waits,” Miss Hale added.');
  expectQuote(quote(r3, '“Nobody waits,”'), { speaker: 'Ada Hale', mention: 'Hale' });
});

test('`Walter` is a man’s given name: `he` can mean a Walter named by his given name alone', () => {
  const r = run('Walter, a retired welder, spoke first at the meeting. “We lost the barn,” he said.');
  expectQuote(quote(r, '“We lost the barn,”'), { speaker: 'Walter', mention: 'he' });
});

test('a dateline’s place (`WASHINGTON —`, `HALVIK, N.D. —`) heads the story and is no one `it` can mean', () => {
  for (const dateline of ['WASHINGTON —', 'HALVIK, N.D. (AP) —']) {
    const r = run(`${dateline} A letter from the staff association went out to the board on Monday. “We have waited long enough,” it said.`);
    const q = quote(r, '“We have waited long enough,”');
    assert.ok(!/WASHINGTON|HALVIK|N\.D\./.test(q.speaker.name ?? ''), summary(r));
  }
  // (The place named again in the story is still one: `Washington said it ...`.)
  const r2 = run('OTTAWA — Talks resumed on Monday. Ottawa has rejected the offer. “The terms are unchanged,” it said in a statement.');
  const q2 = quote(r2, '“The terms are unchanged,”');
  expectQuote(q2, { mention: 'it' });
  assert.equal(q2.speaker.name?.toLowerCase(), 'ottawa', summary(r2));
});

test('a plural of an occupation opening a sentence (`Paramedics in Halvik ...`, `Firefighters ...`) is a group of people, no institution that `the union` could mean', () => {
  for (const group of ['Paramedics', 'Firefighters', 'Miners']) {
    const r = run(`${group} in Halvik went on strike in May. The union said the talks had failed.`);
    expectQuote(quote(r, 'the talks had failed'), { speaker: 'The union', mention: 'The union' });
  }
});

test('people named together after a preposition before a colon (`More from Blum and Cohn: “...”`) are the label of the quotation, both of them', () => {
  const r = run('Pollsters Mark Blum and Jon Cohn looked at the caucus data. More from Blum and Cohn: “Data collected by our firm helps confirm that both issues were in play.”');
  expectQuote(quote(r, '“Data collected by our firm helps confirm that both issues were in play.”'), { speaker: 'Mark Blum and Jon Cohn', mention: 'Blum and Cohn' });
  // (Not names of institutions after a preposition: `a report by Harbor Works and Lakeside Power`
  // stays the writing's, whose author is the one name next to it.)
  const r2 = run('The outbreak spread to three states. A report by Harbor Works and Lakeside Power said the risk was low.');
  assert.ok(!r2.quotes.some((q) => q.speaker.name === 'Harbor Works and Lakeside Power'), summary(r2));
});
