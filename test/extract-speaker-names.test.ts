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
