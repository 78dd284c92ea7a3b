/**
 * Issue 2, items 2 and 4: mixed quotes (reported clause with quoted fragments, the whole clause
 * is the quote) and indirect speech without quotation marks (`X said (that) ...`, `..., X said.`,
 * `according to X, ...`, `X told reporters ...`, `X signaled that ...`, `X has repeatedly said
 * that ...`). Every text is invented.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { run, quote, quotesWith, expectQuote, summary } from './helpers/extract.js';

test('mixed: `X said that he ... “fragment”` spans from `that` to the end of the clause', () => {
  const text = 'Mayor Tom Brennan said that he planned to meet the union “as soon as possible, since the two sides need each other.”';
  const r = run(text);
  assert.equal(r.quotes.length, 1, summary(r));
  const q = r.quotes[0];
  assert.equal(q.start, text.indexOf('that he'));
  assert.equal(q.end, text.length);
  expectQuote(q, { type: 'mixed', speaker: 'Tom Brennan', mention: 'Tom Brennan', cue: 'said' });
});

test('indirect without `that`: a first word the tagger reads as a verb, before a noun and the clause’s own verb, opens the clause (`says offload/VERB delays ... are symptoms`)', () => {
  const r = run('But Mayor Tom Brennan says offload delays and staff shortages at the hospital are symptoms of a wider problem.');
  expectQuote(quote(r, 'offload delays and staff shortages at the hospital are symptoms of a wider problem'), { type: 'indirect', speaker: 'Tom Brennan', cue: 'says' });
});

test('`CLAUSE, X said.`: a clause of five words or more is a report even when the tagger finds no verb in it; an opening adjunct is none', () => {
  let r = run('Ticket sales account for roughly 15 per cent of the profits, Mayor Tom Brennan said.');
  expectQuote(quote(r, 'Ticket sales account for roughly 15 per cent of the profits'), { type: 'indirect', speaker: 'Tom Brennan', cue: 'said' });
  r = run('During his seven years in office, Mayor Tom Brennan said, the city has grown by a third.');
  assert.ok(!r.quotes.some((q) => q.text.startsWith('During')), summary(r));
  // (A hyphenated compound opening the clause is no adjunct, whatever the tagger reads.)
  r = run('Out-of-town orders account for nearly a third of the bakery’s yearly income, Ruiz said.');
  expectQuote(quote(r, 'Out-of-town orders account for nearly a third of the bakery’s yearly income'), { type: 'indirect', cue: 'said' });
});

test('mixed: the clause continues after the quoted fragment to its end', () => {
  const text = 'Premier Alice Okafor said the deal was “a good start” and that talks would continue.';
  const r = run(text);
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'the deal was “a good start” and that talks would continue'), { type: 'mixed', speaker: 'Alice Okafor', cue: 'said' });
});

test('mixed: an organisation as source, `said in a statement that ...`', () => {
  const text = 'The union said in a statement that the offer was “an insult to every nurse.”';
  const r = run(text);
  assert.equal(r.quotes.length, 1, summary(r));
  const q = quote(r, 'that the offer was “an insult to every nurse.”');
  expectQuote(q, { type: 'mixed', mention: 'The union', cue: 'said' });
  assert.match(q.speaker.name ?? '', /union/i);
});

test('mixed clause ends at `, adding that ...`, which starts an indirect quote of its own',
  () => {
  const text = 'Premier Alice Okafor said that the deal was “a good start,” adding that talks would continue next week.';
  const r = run(text);
  const mixed = r.quotes.find((q) => q.start === text.indexOf('that the deal'));
  assert.ok(mixed, summary(r));
  assert.ok(mixed.text.startsWith('that the deal was “a good start'), mixed.text);
  assert.ok(!mixed.text.includes('adding'), mixed.text);
  expectQuote(mixed, { type: 'mixed', speaker: 'Alice Okafor', cue: 'said' });
  expectQuote(quote(r, 'that talks would continue next week'), { type: 'indirect', speaker: 'Alice Okafor', cue: 'adding' });
});

test('indirect: `X said that ...` from `that` to the end of the clause', () => {
  const text = 'Premier Alice Okafor said that the province would borrow more next year.';
  const r = run(text);
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'that the province would borrow more next year'), { type: 'indirect', speaker: 'Alice Okafor', cue: 'said' });
});

test('indirect: `X said ...` without `that`', () => {
  const r = run('Premier Alice Okafor said the province would borrow more.');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'the province would borrow more'), { type: 'indirect', speaker: 'Alice Okafor', mention: 'Alice Okafor', cue: 'said' });
});

test('indirect: `..., X said.` takes the clause before the cue', () => {
  const r = run('The province will borrow more next year, Premier Alice Okafor said.');
  assert.equal(r.quotes.length, 1, summary(r));
  const q = quote(r, 'The province will borrow more next year');
  assert.equal(q.start, 0);
  expectQuote(q, { type: 'indirect', speaker: 'Alice Okafor', cue: 'said' });
});

test('indirect: `According to X, ...` with the cue `According to`', () => {
  const r = run('According to Finance Minister Raj Mehta, the deficit will shrink by half.');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'the deficit will shrink by half'), { type: 'indirect', speaker: 'Raj Mehta', mention: 'Raj Mehta', cue: 'According to' });
});

test('indirect: `..., according to X.` takes the clause before it', () => {
  const r = run('The deficit will shrink next year, according to Finance Minister Raj Mehta.');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'The deficit will shrink next year'), { type: 'indirect', speaker: 'Raj Mehta', cue: 'according to' });
});


test('`“...,” according to X.` and `The pier “...,” according to X.`: a comma inside the closing mark still ends the content', () => {
  const a = run('“The pier will be rebuilt by summer,” according to harbourmaster Ilse Varnum.');
  expectQuote(quote(a, '“The pier will be rebuilt by summer,”'), { type: 'direct', speaker: 'Ilse Varnum', cue: 'according to' });
  const b = run('The old pier “will not survive another winter,” according to harbourmaster Ilse Varnum.');
  expectQuote(quote(b, 'The old pier “will not survive another winter,”'), { type: 'mixed', speaker: 'Ilse Varnum', cue: 'according to' });
});

test('`according to X` set off by commas after a verbless subject interrupts one report; `According to X, A but Y says B` ends A at the later report', () => {
  const a = run('Some of the concerns, according to harbour engineers, include the age of the breakwater.');
  const q = quote(a, 'Some of the concerns, according to harbour engineers, include the age of the breakwater');
  expectQuote(q, { type: 'indirect', cue: 'according to', mention: 'harbour engineers' });
  assert.deepEqual(q.segments?.map((s) => s.text), ['Some of the concerns', 'include the age of the breakwater']);
  // (The part after the cue is also a quote of its own, as an interrupted quotation's is.)
  expectQuote(quote(a, 'include the age of the breakwater'), { type: 'indirect', cue: 'according to', mention: 'harbour engineers' });
  const b = run('According to the ministry, the ferry is on time on nine days out of ten but Mayor Ana Ruiz says that is not what residents see.');
  expectQuote(quote(b, 'the ferry is on time on nine days out of ten'), { type: 'indirect', cue: 'According to', mention: 'the ministry' });
  expectQuote(quote(b, 'that is not what residents see'), { type: 'indirect', cue: 'says', speaker: 'Ana Ruiz' });
});
test('indirect: `X told reporters on Monday that ...`', () => {
  const r = run('Finance Minister Raj Mehta told reporters on Monday that the deficit would shrink.');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'that the deficit would shrink'), { type: 'indirect', speaker: 'Raj Mehta', cue: 'told' });
});

test('indirect: `X told CBC Radio’s The Current that ...`: a possessive addressee is skipped whole', () => {
  const r = run('Mayor Ines Haddad told Harbour Radio’s The Morning Desk that the ferry would run all winter.');
  expectQuote(quote(r, 'that the ferry would run all winter'), { type: 'indirect', speaker: 'Ines Haddad', cue: 'told' });
  const s = run('Mayor Ines Haddad told the Courier’s editorial board on Friday that the levy was “a mistake.”');
  expectQuote(quote(s, 'that the levy was “a mistake.”'), { type: 'mixed', speaker: 'Ines Haddad', cue: 'told' });
});

test('`noted that A, and accused X of ...`: a past-tense verb after `, and` is the reporter’s next predicate, which ends the reported clause', () => {
  const r = run('Critic Sam Bellweather noted that the deficit had doubled in two years, and accused the premier of hiding the numbers.');
  expectQuote(quote(r, 'that the deficit had doubled in two years'), { type: 'indirect', speaker: 'Sam Bellweather', cue: 'noted' });
});

test('indirect: `X told reporters ...` without `that` keeps the subject of the reported clause',
  () => {
  const r = run('Mayor Tom Brennan told reporters the transit line would open in May.');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'the transit line would open in May'), { type: 'indirect', speaker: 'Tom Brennan', cue: 'told' });
});

test('indirect: `X signaled that ...`', () => {
  const r = run('Premier Alice Okafor signaled that she would not seek another term.');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'that she would not seek another term'), { type: 'indirect', speaker: 'Alice Okafor', cue: 'signaled' });
});

test('indirect: `X has repeatedly said that ...`', () => {
  const r = run('Premier Alice Okafor has repeatedly said that the carbon tax will stay.');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'that the carbon tax will stay'), { type: 'indirect', speaker: 'Alice Okafor', mention: 'Alice Okafor', cue: 'said' });
});

test('indirect: a relative clause between the source and the cue', () => {
  const r = run('Nurse Olga Berg, who has worked at the clinic for 20 years, said the cuts were dangerous.');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'the cuts were dangerous'), { type: 'indirect', speaker: 'Olga Berg', cue: 'said' });
});

test('indirect: the reported clause ends before a coordinated `, and the council agreed`', () => {
  const r = run('Mayor Tom Brennan said the cuts were dangerous, and the council agreed.');
  expectQuote(quote(r, 'the cuts were dangerous'), { type: 'indirect', speaker: 'Tom Brennan', cue: 'said' });
  assert.deepEqual(quotesWith(r, ', and'), [], summary(r));
});

test('a surname that is also a common noun (`Park`) is still the speaker\'s name',
  () => {
  const text = 'Governor Lina Park said that she would veto the bill. “This bill punishes the poor,” Park said.';
  const r = run(text);
  expectQuote(quote(r, 'that she would veto the bill'), { type: 'indirect', speaker: 'Lina Park', cue: 'said' });
  expectQuote(quote(r, '“This bill punishes the poor,”'), { type: 'direct', speaker: 'Lina Park', mention: 'Park', cue: 'said' });
});

test('a quoted fragment ending a clause of the reporter’s words makes the whole clause a mixed quote', () => {
  const r = run('As guards led them to the exit, the gunmen fired on them “like hunters,” he said, adding that guards shot back.');
  expectQuote(quote(r, 'As guards led them to the exit, the gunmen fired on them “like hunters,”'), { type: 'mixed', mention: 'he', cue: 'said' });
});

test('a two-word subject before a quotation opening in lower case begins the mixed quote (`The harbour “has changed ...,” she said`); a conjunction does not', () => {
  const a = run('The harbour “has changed beyond recognition since the storm,” Mayor Ana Ruiz said.');
  expectQuote(quote(a, 'The harbour “has changed beyond recognition since the storm,”'), { type: 'mixed', speaker: 'Ana Ruiz', cue: 'said' });
  const b = run('And “nobody expected the storm to hit the harbour so hard,” Mayor Ana Ruiz said.');
  expectQuote(quote(b, '“nobody expected the storm to hit the harbour so hard,”'), { type: 'direct', speaker: 'Ana Ruiz', cue: 'said' });
});

test('a title in quotation marks ending the clause stays a quote of its own', () => {
  const r = run('The fiddler drew loud cheers when she ended with the ballad “The Tide Is Turning Home,” she said.');
  assert.ok(!r.quotes.some((q) => q.type === 'mixed' && q.text.startsWith('The fiddler')), summary(r));
});

test('a clause with a fragment, then its cue, then more quotation: one quote over both parts', () => {
  const r = run('The answers to rural hunger are “not keeping pace with the need,” says Noor Hallam, founder of the group. “We often liken it to the first years of the drought.”');
  const whole = r.quotes.find((q) => q.text.startsWith('The answers') && q.text.endsWith('drought.”'));
  assert.ok(whole, summary(r));
  expectQuote(whole, { type: 'mixed', speaker: 'Noor Hallam', cue: 'says' });
});

test('a directive with quoted words is a mixed quote: `urged voters to make sure it stays “fair and square”`', () => {
  const r = run('Mayor Ines Haddad urged her supporters to watch the polling stations and make sure the count stays “fair and square.”');
  const q = r.quotes.find((x) => x.text.startsWith('to watch the polling stations'));
  assert.ok(q, summary(r));
  expectQuote(q, { type: 'mixed', speaker: 'Ines Haddad', cue: 'urged' });
});

test('a directive without quoted words is an indirect quote after its addressee: `Morrow urged residents to check their alarms`, up to the first comma', () => {
  const r = run('Fire Chief Ivo Morrow urged residents to check their smoke alarms, and then he thanked the crews.');
  expectQuote(quote(r, 'to check their smoke alarms'), { type: 'indirect', speaker: 'Ivo Morrow', cue: 'urged' });
  // (A relative's directive is part of its clause: `relatives, who asked police to ...`.)
  const s = run('The Tamsin family, who asked police to release the footage, watched it on Thursday.');
  assert.equal(s.quotes.filter((q) => q.text.startsWith('to release')).length, 0, summary(s));
});

test('a promise or a threat with quoted words is a mixed quote too: `vowed to swiftly punish “...”`; without quoted words it reports nothing', () => {
  const r = run('Mayor Ines Haddad vowed to swiftly punish “anyone who tampers with a ballot box.”');
  expectQuote(quote(r, 'to swiftly punish “anyone who tampers with a ballot box.”'), { type: 'mixed', speaker: 'Ines Haddad', cue: 'vowed' });
  const s = run('Mayor Ines Haddad promised to repeal the harbour levy.');
  assert.equal(s.quotes.length, 0, summary(s));
});

test('a promise or a threat whose object is a noun phrase holding quoted words is a mixed quote of that noun phrase; without quoted words it reports nothing', () => {
  let r = run('Mayor Ines Haddad promised cheaper buses and “a park on every corner,” but her rivals have doubts.');
  expectQuote(quote(r, 'cheaper buses and “a park on every corner,”'), { type: 'mixed', speaker: 'Ines Haddad', cue: 'promised' });
  r = run('Mayor Ines Haddad threatened a “swift and costly” reply to the strike.');
  expectQuote(quote(r, 'a “swift and costly” reply'), { type: 'mixed', speaker: 'Ines Haddad', cue: 'threatened' });
  const s = run('Mayor Ines Haddad promised cheaper buses for the harbour district.');
  assert.equal(s.quotes.length, 0, summary(s));
});

test('a reported clause that ends in a report of its own is one report, the outer speaker’s', () => {
  const r = run('Okafor says she was “sitting on the fence” until Brennan said he would back the plan.');
  expectQuote(quote(r, 'she was “sitting on the fence” until Brennan said he would back the plan'), { type: 'mixed', speaker: 'Okafor', mention: 'Okafor', cue: 'says' });
  assert.equal(r.quotes.length, 1, summary(r));
  // A report set off by commas inside the clause is no such ending: `his “rivals,” he called them, ...`.
  const r2 = run('Brennan said the budget was sound, and when asked about the deficit, he said, “I am not worried.”');
  expectQuote(quote(r2, '“I am not worried.”'), { type: 'direct', mention: 'he', cue: 'said' });
});

test('a that-verb with no `that` coordinated in a reported clause does not end it (`he is pleased and expects ...`)', () => {
  const r = run('Brennan says he is pleased with his tour and expects to leave the region with a “healthy pile of pledges.”');
  expectQuote(quote(r, 'he is pleased with his tour and expects to leave the region with a “healthy pile of pledges.”'), { type: 'mixed', speaker: 'Brennan', cue: 'says' });
});

test('a named speaker’s own direct quotation inside another’s reported clause stays theirs (`– a threat that Okafor condemned as “...”`)', () => {
  const r = run('Brennan attacked Okafor all summer, even suggesting the council could strip her of her seat – a threat that Okafor condemned as not just “a slight to the voters but a threat to anyone who objects.”');
  expectQuote(quote(r, '“a slight to the voters but a threat to anyone who objects.”'), { type: 'direct', speaker: 'Okafor', mention: 'Okafor', cue: 'condemned' });
  // No quote of Brennan's runs over Okafor's words.
  const words = r.quotes.find((q) => q.text.includes('a slight to the voters'))!;
  assert.ok(r.quotes.every((q) => q === words || q.end <= words.start || q.start >= words.end), summary(r));
});

test('after `called X “...”` a coordinated verb is the subject’s next deed, not part of the report', () => {
  const r = run('Okafor called him “second-class” and skipped one of the hearings. Brennan described the flood as a “grim setback,” but declined to blame the council.');
  expectQuote(quote(r, '“second-class”'), { type: 'direct', speaker: 'Okafor', cue: 'called' });
  expectQuote(quote(r, '“grim setback,”'), { type: 'direct', speaker: 'Brennan', cue: 'described' });
  assert.ok(!r.quotes.some((q) => q.text.includes('skipped') || q.text.includes('declined to blame')), summary(r));
});

test('a name in capitals a naming cue gives its object is a quotation, though it reads as a title; a name right after the cue is a thing’s name', () => {
  const a = run('Okafor, a veteran of the dock strikes who calls himself “The Harbour Bull,” won the seat again.');
  quote(a, '“The Harbour Bull,”');
  const b = run('A local weekly hailed the mayor as “The Dockyard Queen” for the work she brought to the harbour.');
  expectQuote(quote(b, 'the mayor as “The Dockyard Queen” for the work she brought to the harbour'), { type: 'mixed', cue: 'hailed' });
  const c = run('The ferry company withdrew an app called “Harbour Pass” that tracked its riders.');
  assert.equal(c.quotes.length, 0, summary(c));
});

test('an adverb in quotation marks between a subject and its cue modifies the cue: it is no quotation the cue reports', () => {
  const a = run('Mayor Ana Ruiz said in her memo that the flyer “openly and wrongly” suggests that the port supports the scheme.');
  assert.equal(a.quotes.length, 1, summary(a));
  expectQuote(quote(a, 'that the flyer “openly and wrongly” suggests that the port supports the scheme'), { type: 'mixed', speaker: 'Ana Ruiz', cue: 'said' });
  const b = run('Councillor Dev Okafor “flatly” denied that he had met the developers.');
  expectQuote(quote(b, 'that he had met the developers'), { type: 'indirect', speaker: 'Dev Okafor', cue: 'denied' });
});

test('after `called X “...”` a time or an occasion tells when it was said, not part of the report; a phrase on the name stays', () => {
  const a = run('Councillor Dev Okafor criticized the new parking rules for the harbour as a “cash grab for the city” during a town hall on Tuesday.');
  expectQuote(quote(a, 'the new parking rules for the harbour as a “cash grab for the city”'), { type: 'mixed', speaker: 'Dev Okafor', cue: 'criticized' });
  const b = run('Councillor Dev Okafor blasted the mayor as “a friend of the developers” Monday on a local radio show.');
  expectQuote(quote(b, '“a friend of the developers”'), { type: 'direct', speaker: 'Dev Okafor', cue: 'blasted' });
  const c = run('Councillor Dev Okafor described the ferry cuts as “a war” on the island’s families.');
  quote(c, 'the ferry cuts as “a war” on the island’s families');
});

test('indirect without `that`: a noun phrase whose only verb is in a relative or subordinate clause, a participle or an infinitive reports nothing', () => {
  for (const text of [
    'The carmaker posted a short video on Thursday in which a pickup truck climbs a snowy hill.',
    'Premier Alice Okafor announced the end of a strike that closed the port for a month.',
    'The rebels have vowed revenge against the army for sending troops to the valley.',
    'The council will send a letter asking the province to fund the new bridge.',
    'The 60-second clip says much about the bakery as it opens on a busy street.',
    'The board set a fee for the new pool, given it has not yet opened.',
    'She painted her first mural in 1987, then in the early ’90s she became a teacher at a night school.',
  ]) {
    const r = run(text);
    assert.equal(r.quotes.length, 0, `${text}\n${summary(r)}`);
  }
});

test('indirect without `that`: a participle right after a noun with its agent after `by` is a reduced relative, not the clause’s verb', () => {
  for (const text of [
    'The mayor acknowledges the profits earned quietly by landlords along the river.',
    'Councillor Ada Brook condemned the glossy flyers printed by the developer last spring.',
  ]) {
    const r = run(text);
    assert.equal(r.quotes.length, 0, `${text}\n${summary(r)}`);
  }
  // (The clause's own verb after the relative still makes it a report.)
  const r = run('Mayor Tom Brennan said the money raised by the bake sale paid for new swings.');
  expectQuote(quote(r, 'the money raised by the bake sale paid for new swings'), { type: 'indirect', speaker: 'Tom Brennan', cue: 'said' });
});

test('indirect: a clause opening with a relative pronoun and its verb belongs to the noun before it and reports nothing; a `that` clause further on still does', () => {
  for (const text of [
    'The mayor pointed to Dunmore, which lost its ferry service after the vote.',
    'The senator promised donors who give early a seat at the dinner.',
    'Brook informed the families who were waiting at the pier.',
  ]) {
    const r = run(text);
    assert.equal(r.quotes.length, 0, `${text}\n${summary(r)}`);
  }
  const r = run('Officials told residents who live near the river that the dam was safe.');
  assert.ok(r.quotes.some((q) => q.text.endsWith('that the dam was safe')), summary(r));
});

test('a gerund or participle with no subject to be found reports nobody’s words; one after its subject still reports', () => {
  for (const text of [
    'Saving money is not only a matter of cutting coupons, keeping our heads down and hoping that the prices will fall.',
    'The forecast was cut on the back of new figures showing that factory orders slowed in March.',
  ]) {
    const r = run(text);
    assert.equal(r.quotes.length, 0, `${text}\n${summary(r)}`);
  }
  const r = run('Mayor Tom Brennan opened the bridge on Monday, saying that the work had come in under budget.');
  expectQuote(quote(r, 'that the work had come in under budget'), { type: 'indirect', speaker: 'Tom Brennan', cue: 'saying' });
});

test('what a thing or a finding shows, suggests or estimates is evidence, no report; a person’s finding still is', () => {
  for (const text of [
    'Last week’s flood showed that the dikes along the river are too low.',
    'The study estimated that one in four bridges in the province needs repairs.',
    'The town’s track record shows that most such projects finish late.',
  ]) {
    const r = run(text);
    assert.equal(r.quotes.length, 0, `${text}\n${summary(r)}`);
  }
  const r = run('Engineer Dana Pryce estimated that one in four bridges in the province needs repairs.');
  expectQuote(quote(r, 'that one in four bridges in the province needs repairs'), { type: 'indirect', speaker: 'Dana Pryce', cue: 'estimated' });
});

test('a report ends where `with` brings in another speaker’s report (`..., with a spokesperson describing it as “...”`)', () => {
  const r = run('Residents of the camp alleged to reporters that the water was unsafe to drink, with a spokesperson for the group describing the smell as "rotten eggs and worse."');
  expectQuote(quote(r, 'that the water was unsafe to drink'), { type: 'indirect', cue: 'alleged' });
  expectQuote(quote(r, '"rotten eggs and worse."'), { type: 'direct', cue: 'describing' });
});

test('a cue with only an object in a subordinate clause opening the sentence reports nothing past the clause’s comma', () => {
  for (const text of [
    'While the clerks could still write letters and sort forms during the strike, their ability to mail them was limited.',
    'If anyone seriously believed that, the shop would have a queue by dawn.',
  ]) {
    const r = run(text);
    assert.equal(r.quotes.length, 0, `${text}\n${summary(r)}`);
  }
  // (A clause of its own before the comma is still reported.)
  const r = run('Although the minister told reporters that the plan was sound, critics disagreed.');
  expectQuote(quote(r, 'that the plan was sound'), { type: 'indirect', cue: 'told' });
});

test('indirect without `that`: the clause keeps its own verb past a relative clause, a prepositional `until`, an answer or a directive', () => {
  let r = run('Premier Alice Okafor said the man who drove the truck was not hurt.');
  expectQuote(quote(r, 'the man who drove the truck was not hurt'), { type: 'indirect', speaker: 'Alice Okafor', cue: 'said' });
  r = run('Mayor Tom Brennan said the volunteers, nearly all of them retirees until last spring, were now mostly students.');
  expectQuote(quote(r, 'the volunteers, nearly all of them retirees until last spring, were now mostly students'), { type: 'indirect', speaker: 'Tom Brennan', cue: 'said' });
  r = run('Police warned drivers on Monday not to use the coastal highway.');
  assert.equal(r.quotes.length, 1, summary(r));
  r = run('Mayor Tom Brennan smiled and said no when a reporter asked if the bridge would open in May.');
  assert.equal(r.quotes.length, 1, summary(r));
  assert.match(r.quotes[0].text, /^no/);
});

test('an answer is the word itself: `said no when a reporter asked ...` reports `no`', () => {
  const a = run('Mayor Tom Brennan smiled and said no when a reporter asked if the bridge would open in May.');
  expectQuote(quote(a, 'no'), { type: 'indirect', speaker: 'Tom Brennan', cue: 'said' });
});

test('a quotation opening the reported clause, which goes on past it, makes the whole clause a mixed quote (`said “...” despite ...`)', () => {
  const text = 'Councillor Nora Vance said “the tide is turning our way” despite the loss in the east ward.';
  const r = run(text);
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, '“the tide is turning our way” despite the loss in the east ward'), { type: 'mixed', speaker: 'Nora Vance', cue: 'said' });
  // (After `to`, and after the cue's comma, too.)
  const to = run('Councillor Nora Vance vowed to “fight for every ballot” in the recount next month.');
  expectQuote(quote(to, '“fight for every ballot” in the recount next month'), { type: 'mixed', speaker: 'Nora Vance' });
  const comma = run('Councillor Nora Vance said, “We have two weeks left” before the vote.');
  expectQuote(quote(comma, '“We have two weeks left” before the vote'), { type: 'mixed', speaker: 'Nora Vance' });
});

test('a quotation with punctuation of its own before the closing mark, or past an adjunct, stays a direct quote', () => {
  const r = run('Councillor Nora Vance said, “We will see,” when asked about a second term.');
  expectQuote(quote(r, '“We will see,”'), { type: 'direct', speaker: 'Nora Vance' });
  const adjunct = run('Councillor Nora Vance joked about the mayor’s “secret garden” with reporters on Monday.');
  assert.ok(!adjunct.quotes.some((q) => q.type === 'mixed'), summary(adjunct));
});

test('a cue set off by commas inside the sentence reports the clause after it too, as a quote of its own (`..., he said, but ...`)', () => {
  const r = run('Councillor Nora Vance said the vote was close. Most members backed the plan, she said, but two members walked out before the count.');
  expectQuote(quote(r, 'Most members backed the plan'), { type: 'indirect', cue: 'said' });
  expectQuote(quote(r, 'but two members walked out before the count'), { type: 'indirect', cue: 'said' });
  const that = run('It is on the mayor’s watch, Nora Vance said, that the city has lost its nerve.');
  expectQuote(quote(that, 'that the city has lost its nerve'), { type: 'indirect', speaker: 'Nora Vance', cue: 'said' });
  // (A clause of the reporter’s after `and`, or a phrase with no verb of its own, is no report.)
  const and = run('Requests to the province are often rebuffed, Nora Vance says, and she was upset by the change.');
  assert.ok(!and.quotes.some((q) => q.text.includes('upset')), summary(and));
  const phrase = run('Fees are hard to meet for some families, Nora Vance said, especially those new to the city.');
  assert.ok(!phrase.quotes.some((q) => q.text.includes('especially')), summary(phrase));
});

test('a quotation with no punctuation before its closing mark, words after it and then a subject and a cue, is no quote of that cue (`said “it makes me angry” every time he thinks about ...`)', () => {
  const text = 'Councillor Nora Vance said “it makes me angry” every time she thinks about the closed library.';
  const r = run(text);
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, '“it makes me angry” every time she thinks about the closed library'), { type: 'mixed', speaker: 'Nora Vance', cue: 'said' });
  // (Closed with its comma, the quotation is still the source's after a name in front of it.)
  const named = run('“We need more rinks,” University of the Prairies political scientist Ivo Marsh said.');
  expectQuote(quote(named, '“We need more rinks,”'), { type: 'direct', speaker: 'Ivo Marsh', cue: 'said' });
});

test('after a participle cue, only a quoted verb phrase after `to` opens a clause that goes on (`vowing to “fight for every ballot” in the recount`)', () => {
  const r = run('Councillor Nora Vance sent out an email vowing to “fight for every ballot” in the recount next month.');
  expectQuote(quote(r, '“fight for every ballot” in the recount next month'), { type: 'mixed', cue: 'vowing' });
});

test('a reported clause ends at a colon that opens another report (`says A: she notes that B`)', () => {
  const r = run('Councillor Nora Vance says she never liked cooking much: she notes that her father kept shoes in the oven.');
  expectQuote(quote(r, 'she never liked cooking much'), { type: 'indirect', speaker: 'Nora Vance', cue: 'says' });
  expectQuote(quote(r, 'that her father kept shoes in the oven'), { type: 'indirect', cue: 'notes' });
});

test('after `that`, a reported clause may open with an adjunct (`noted that as a farmer, she ... “...”`)', () => {
  const text = 'Councillor Ada Brook noted that as a farmer, she had no reason to trust “a plan drawn up by people who never planted a field.”';
  const r = run(text);
  expectQuote(quote(r, text.slice(text.indexOf('that as'))), { type: 'mixed', speaker: 'Ada Brook', mention: 'Ada Brook', cue: 'noted' });
  const plain = run('The mayor said that in 2015 the town sold the old rink to a developer.');
  expectQuote(quote(plain, 'that in 2015 the town sold the old rink to a developer'), { type: 'indirect', cue: 'said' });
});

test('a long adjunct after the cue, or one with a place set off by commas, still ends at the `that` opening the reported clause', () => {
  const a = run('Mayor Ada Brook told shoppers at a busy Riverton, Ontario, farmers market on Saturday that “the bridge will open in June.”');
  expectQuote(quote(a, 'that “the bridge will open in June.”'), { type: 'mixed', speaker: 'Ada Brook', cue: 'told' });
  const b = run('Ada Brook said Thursday during the taping of a radio show in Dunmore, Ontario, that the levy would rise.');
  expectQuote(quote(b, 'that the levy would rise'), { type: 'indirect', speaker: 'Ada Brook', cue: 'said' });
  const c = run('Ada Brook said Thursday during the taping of a long radio show for the farmers of the county that the levy would rise.');
  expectQuote(quote(c, 'that the levy would rise'), { type: 'indirect', speaker: 'Ada Brook', cue: 'said' });
});

test('after `that`, a reported clause may open with a gerund (`said that hiring more inspectors was ...`), not a relative clause\'s verb', () => {
  const text = 'Mayor Ada Brook told the council on Monday that hiring more inspectors was “the only way to keep the market safe.”';
  const r = run(text);
  expectQuote(quote(r, text.slice(text.indexOf('that hiring'))), { type: 'mixed', speaker: 'Ada Brook', cue: 'told' });
  const rel = run('Ada Brook wrote a column that praised the market.');
  assert.deepEqual(quotesWith(rel, 'praised'), [], summary(rel));
});

test('words with no verb before a colon only frame the quotation that ends the clause (`posted a photo with two words: “...”`); a clause before it is part of the report', () => {
  const a = run('The club posted a picture of its new goalkeeper on social media with three words: “She is here.”');
  expectQuote(quote(a, '“She is here.”'), { type: 'direct', cue: 'posted' });
  assert.deepEqual(quotesWith(a, 'a picture'), [], summary(a));
  const b = run('Councillor Nora Vance answered flatly: “The rink stays open.”');
  expectQuote(quote(b, '“The rink stays open.”'), { type: 'direct', speaker: 'Nora Vance', cue: 'answered' });
  const text = 'Councillor Nora Vance said that she has taken one rule to heart: “Never trust a budget written in June.”';
  const c = run(text);
  expectQuote(quote(c, text.slice(text.indexOf('that she'))), { type: 'mixed', speaker: 'Nora Vance', cue: 'said' });
});

test('a quotation opening in lower case after the reporter\'s words, then its cue, is a fragment of a sentence that is the report', () => {
  const a = run('The new ferry schedule “will not fix the crossing, but it is a start,” Mayor Ada Brook said.');
  expectQuote(quote(a, 'The new ferry schedule “will not fix the crossing, but it is a start,”'), { type: 'mixed', speaker: 'Ada Brook', cue: 'said' });
  const b = run('Like most towns, “we cannot pay for a second ferry on our own,” Mayor Ada Brook said.');
  expectQuote(quote(b, 'Like most towns, “we cannot pay for a second ferry on our own,”'), { type: 'mixed', speaker: 'Ada Brook', cue: 'said' });
  // A whole sentence in quotation marks after an adverbial stays a direct quote.
  const c = run('On Monday, “We cannot pay for a second ferry,” Mayor Ada Brook said.');
  expectQuote(quote(c, '“We cannot pay for a second ferry,”'), { type: 'direct', speaker: 'Ada Brook', cue: 'said' });
});

test('a hyphenated addressee is one phrase before the reported clause (`told French-language reporters that ...`)', () => {
  const r = run('Ambassador Ada Brook told French-language reporters that the talks would resume in May.');
  expectQuote(quote(r, 'that the talks would resume in May'), { type: 'indirect', speaker: 'Ada Brook', cue: 'told' });
});

test('adverbs between the cue and `that` are no part of the reported clause (`suggests euphemistically that ...`)', () => {
  const r = run('The ministry suggests euphemistically that shoppers “use the resources available to them.”');
  expectQuote(quote(r, 'that shoppers “use the resources available to them.”'), { type: 'mixed', cue: 'suggests' });
  const r2 = run('Councillor Nora Vance said repeatedly that the rink would stay open.');
  expectQuote(quote(r2, 'that the rink would stay open'), { type: 'indirect', speaker: 'Nora Vance', cue: 'said' });
});

test('an adjunct after the cue ends where the reported clause\'s subject begins (`said in a statement the company would ...`, `claimed in that speech the bridge ...`)', () => {
  const a = run('Ada Brook said in a statement the company would appeal the ruling.');
  expectQuote(quote(a, 'the company would appeal the ruling'), { type: 'indirect', speaker: 'Ada Brook', cue: 'said' });
  const b = run('Ada Brook claimed in that speech the bridge could be finished by June.');
  expectQuote(quote(b, 'the bridge could be finished by June'), { type: 'indirect', speaker: 'Ada Brook', cue: 'claimed' });
  // A time word with a possessive after it opens the content's noun phrase; it is no adjunct.
  const c = run('Ada Brook said Tuesday’s ferry vote was a mistake.');
  expectQuote(quote(c, 'Tuesday’s ferry vote was a mistake'), { type: 'indirect', speaker: 'Ada Brook', cue: 'said' });
  const d = run('Ada Brook condemned last week’s closure of the pier as “a blow to every fisher in town.”');
  expectQuote(quote(d, 'last week’s closure of the pier as “a blow to every fisher in town.”'), { type: 'mixed', speaker: 'Ada Brook', cue: 'condemned' });
});

test('a cue set off by commas after a bare subject interrupts one report, which starts at the subject (`The levy, she said, “will ...”`)', () => {
  const a = run('The harbour levy, Mayor Ana Ruiz said, “will pay for the new breakwater by spring.”');
  const q = quote(a, 'The harbour levy, Mayor Ana Ruiz said, “will pay for the new breakwater by spring.”');
  expectQuote(q, { type: 'mixed', speaker: 'Ana Ruiz', cue: 'said' });
  assert.deepEqual(q.segments?.map((s) => s.text), ['The harbour levy', '“will pay for the new breakwater by spring.”']);
  // (The quotation after the cue is also a quote of its own.)
  expectQuote(quote(a, '“will pay for the new breakwater by spring.”'), { type: 'direct', speaker: 'Ana Ruiz', mention: 'Ana Ruiz', cue: 'said' });
  // (Also when the subject was first read as a clause of its own before the cue.)
  const b = run('Councillor Dev Okafor, Ruiz said, had voted for "every budget cut in the last decade."');
  expectQuote(quote(b, 'Councillor Dev Okafor, Ruiz said, had voted for "every budget cut in the last decade."'), { type: 'mixed', cue: 'said' });
  // A quotation opening in upper case after the cue is a sentence of its own; a subject with a
  // verb is a report of its own.
  const c = run('The pier, Ruiz said, “We will rebuild before the summer.”');
  quote(c, '“We will rebuild before the summer.”');
  const d = run('Some boats sank in the storm, Ruiz said, but the ferry reached the harbour.');
  quote(d, 'Some boats sank in the storm');
  quote(d, 'but the ferry reached the harbour');
});

test('a cue set off by commas after a subject of any length with no finite verb of its own interrupts one report (`The person who ..., aides said, has ...`)', () => {
  const a = run('The candidate who replaces the councillor on the ballot, party officials said, has already been picked.');
  const q = quote(a, 'The candidate who replaces the councillor on the ballot, party officials said, has already been picked');
  expectQuote(q, { type: 'indirect', mention: 'party officials', cue: 'said' });
  assert.deepEqual(q.segments?.map((s) => s.text), ['The candidate who replaces the councillor on the ballot', 'has already been picked']);
  expectQuote(quote(a, 'has already been picked'), { type: 'indirect', mention: 'party officials', cue: 'said' });
  const b = run('The real difference this season, Coach Lena Marsh told reporters on Monday, is that the defence finally holds.');
  quote(b, 'The real difference this season, Coach Lena Marsh told reporters on Monday, is that the defence finally holds');
  // (Not a participle set off by commas with no source: `The deal, announced Friday, would ...`.)
  const c = run('The draft agreement, unveiled on Tuesday, would run for three years.');
  assert.equal(c.quotes.length, 0, summary(c));
});

test('a reported clause may open with a subordinate clause after `as`, `after`, `until` when a main clause follows its comma', () => {
  const a = run('Mayor Ana Ruiz said as crews reached the pier, one boat broke loose from its mooring.');
  expectQuote(quote(a, 'as crews reached the pier, one boat broke loose from its mooring'), { type: 'indirect', speaker: 'Ana Ruiz', cue: 'said' });
});

test('a cue inside a relative clause does not take a quotation that opens with the sentence’s own auxiliary (`anybody who complains about X “is ...”`)', () => {
  const a = run('Mayor Ana Ruiz mocked the idea, saying anyone who complains about the ferry “is not paying attention.”');
  expectQuote(quote(a, 'anyone who complains about the ferry “is not paying attention.”'), { type: 'mixed', speaker: 'Ana Ruiz', cue: 'saying' });
  // (A verb phrase after `to` is still the cue's: `vowed to “be ...”`.)
  const b = run('Mayor Ana Ruiz vowed to “be a voice for every ferry rider” in the council.');
  expectQuote(quotesWith(b, '“be a voice for every ferry rider”')[0], { speaker: 'Ana Ruiz', cue: 'vowed' });
});

test('a cue in a comparison after `than` reports nothing (`larger than county audits say it is`)', () => {
  const a = run('A claim that the harbour debt is larger than county audits say it is could justify the cuts.');
  assert.ok(!a.quotes.some((q) => q.text.startsWith('it is')), summary(a));
  const b = run('The levy raised less money than Mayor Ana Ruiz says it did last spring.');
  assert.equal(b.quotes.length, 0, summary(b));
});

test('`X argued that DET ...`: a `that` before a determiner or pronoun opens a clause even where the tagger finds no verb; `that logic` is an object', () => {
  const a = run('Councillor Dev Okafor argued that the closure hurt his club in its bid for a grant.');
  expectQuote(quote(a, 'that the closure hurt his club in its bid for a grant'), { type: 'indirect', speaker: 'Dev Okafor', cue: 'argued' });
  const b = run('Councillor Dev Okafor questioned that logic at the meeting.');
  assert.equal(b.quotes.length, 0, summary(b));
});

test('`CLAUSE, X told ADDRESSEE.`: past the addressee of a verb of telling, the clause before is the report; what was told is no addressee', () => {
  const a = run('The bridge will reopen to traffic next week, a ministry spokesman told reporters.');
  expectQuote(quote(a, 'The bridge will reopen to traffic next week'), { type: 'indirect', mention: 'a ministry spokesman', cue: 'told' });
  const b = run('The bridge will reopen to traffic next week, Mayor Ana Ruiz told CBC News on Monday.');
  expectQuote(quote(b, 'The bridge will reopen to traffic next week'), { type: 'indirect', speaker: 'Ana Ruiz', cue: 'told' });
  const c = run('After the long dinner at the harbour, Mayor Ana Ruiz told a joke.');
  assert.equal(c.quotes.length, 0, summary(c));
});

test('`CLAUSE, X said.`: a cue-like verb inside the clause that reports nothing there does not take the clause from the cue after it', () => {
  const r = run('The road crews will continue to clear the highway through the night, the ministry said.');
  expectQuote(quote(r, 'The road crews will continue to clear the highway through the night'), { type: 'indirect', cue: 'said', mention: 'the ministry' });
});

test('`CLAUSE, X said.`: a cue in the clause whose only content is no report (a bare object) leaves the clause to the cue after it', () => {
  const r = run('The warm current also explains the poor harvest in the valley, the ministry said.');
  expectQuote(quote(r, 'The warm current also explains the poor harvest in the valley'), { type: 'indirect', cue: 'said', mention: 'the ministry' });
});

test('`known as “...”` names a thing: a verb that reports only a `that` clause does not skip `as` to a quotation', () => {
  const r = run('The council adopted what is now widely known as the “harbour rule” after a long debate.');
  assert.equal(r.quotes.length, 0, summary(r));
  // (After a verb of naming, `described as “...”`, the quotation is still what was said.)
  const d = run('Mayor Ana Ruiz described the plan as “a reckless gamble.”');
  expectQuote(quote(d, '“a reckless gamble.”'), { type: 'direct', speaker: 'Ana Ruiz', cue: 'described' });
});

test('a cue’s object followed by a second predicate of its subject (`vowed revenge ... and has struck`) is no reported clause; a clause with its own subject is', () => {
  let r = run('The rebel group has vowed revenge against the port authority for closing the harbour in 2015 and has attacked two ferries since then.');
  assert.ok(!r.quotes.some((q) => q.text.startsWith('revenge')), summary(r));
  r = run('Negotiators have reported slow progress on the fishing quotas but are confident that a deal will be reached.');
  assert.ok(!r.quotes.some((q) => q.text.startsWith('slow progress')), summary(r));
  // (A plural noun before `to` and a verb is the clause's verb, whatever the tagger reads.)
  r = run('She said the guild plans to sit down with the drivers in late March to discuss pay, and will then meet with the owners.');
  expectQuote(quote(r, 'the guild plans to sit down with the drivers in late March to discuss pay, and will then meet with the owners'), { type: 'indirect', cue: 'said' });
  r = run('He said the council approved the budget and will vote on the tax rate next week.');
  expectQuote(quote(r, 'the council approved the budget and will vote on the tax rate next week'), { type: 'indirect', cue: 'said' });
});

test('with a quotation in it too, a cue’s object and a second predicate of its subject are no report: the quotation is the outer cue’s', () => {
  let r = run('Chief Ola Brandt spoke on Monday. She said rangers will maintain a patrol on the ridge this month and will next month switch to a “far smaller crew, one the town can afford.”');
  expectQuote(quote(r, 'rangers will maintain a patrol on the ridge this month and will next month switch to a “far smaller crew, one the town can afford.”'), { type: 'mixed', speaker: 'Ola Brandt', mention: 'She', cue: 'said' });
  // (A verb inside the quotation makes a clause of its own; a verb of naming reports its name.)
  r = run('The auditors claimed “the mayor overstates” the size of the surplus with a “sloppy reading of the books,” and asked for a review.');
  expectQuote(r.quotes.find((q) => q.text.startsWith('“the mayor overstates”'))!, { type: 'mixed', mention: 'The auditors', cue: 'claimed' });
  r = run('Lund scolded the new treasurer at the budget hearing, calling him a “hopeless, hopeless bookkeeper,” and then walked out.');
  expectQuote(r.quotes.find((q) => q.text.includes('hopeless'))!, { speaker: 'Lund', cue: 'calling' });
});

test('indirect: without quotation marks a verb of naming reports what it calls its object (`described the fire as an accident`, `calls it a costly error`, `what she calls a betrayal`), not a plain object', () => {
  let r = run('Fire officials described the blaze at the mill as an accident caused by faulty wiring.');
  expectQuote(quote(r, 'an accident caused by faulty wiring'), { type: 'indirect', mention: 'Fire officials', cue: 'described' });
  r = run('Councillor Ines Moreau now calls it a costly error.');
  expectQuote(quote(r, 'a costly error'), { type: 'indirect', cue: 'calls' });
  r = run('Her anger is aimed at what she calls a betrayal of rural voters.');
  expectQuote(quote(r, 'a betrayal of rural voters'), { type: 'indirect', cue: 'calls' });
  // (A plain object, or a name that is only the subject of a clause, is no report.)
  r = run('The neighbours called the police.');
  assert.equal(r.quotes.length, 0, summary(r));
  r = run('Two former cooks behind a campaign against what they call unfair shifts and low pay at the diner have listed their demands.');
  assert.equal(r.quotes.length, 0, summary(r));
});

test('a plural the tagger reads as a noun after the clause\'s subject is its verb (`said the new agreement deals with ...`, `the company plans to hire`)', () => {
  const r = run('Organizer Dana Croteau said the new agreement deals with funding for schools that support the plan. Maya Kessler said the company plans to hire more staff next year.');
  expectQuote(quote(r, 'the new agreement deals with funding for schools that support the plan'), { type: 'indirect', speaker: 'Dana Croteau', cue: 'said' });
  expectQuote(quote(r, 'the company plans to hire more staff next year'), { type: 'indirect', speaker: 'Maya Kessler', cue: 'said' });
  // (Not a relative clause's noun, nor a gerund's object.)
  const other = run('Some may recall other Vellacott ventures that failed. He suggested buying warehouses to store them.');
  assert.equal(other.quotes.length, 0, summary(other));
});

test('an aside between dashes holding a report of its own ends the reported clause (`says it helps — a “railing,” she calls it — but ...`)', () => {
  const r = run('Jeanine Okafor arrived in May. Okafor says it is useful to have a routine — a “railing,” she calls it — but she is changing course.');
  expectQuote(quote(r, 'it is useful to have a routine'), { type: 'indirect', speaker: 'Jeanine Okafor', mention: 'Okafor', cue: 'says' });
  expectQuote(quote(r, '“railing,”'), { speaker: 'Jeanine Okafor', mention: 'she', cue: 'calls' });
  // (An aside with no speaker of its own is part of the clause.)
  const other = run('Pell said that the senator’s call to “bring the town together” — itself a reply to the mayor’s “Stand Tall” rallying cry — was a weak slogan.');
  assert.ok(other.quotes.some((q) => q.text.startsWith('that the senator’s call') && q.text.endsWith('was a weak slogan')), summary(other));
});

test('a quoted fragment joined by `and` after the cue goes on with the words before it (`“A,” X wrote in an email, and “B.”`)', () => {
  const r = run('The surgeon is “smart as hell,” Stella Moss wrote in an email to a colleague, and “full of nonsense.”');
  const whole = r.quotes.find((q) => q.text === 'The surgeon is “smart as hell,” Stella Moss wrote in an email to a colleague, and “full of nonsense.”');
  assert.ok(whole, summary(r));
  assert.equal(whole.speaker.name, 'Stella Moss');
  expectQuote(quote(r, '“full of nonsense.”'), { speaker: 'Stella Moss', mention: 'Stella Moss', cue: 'wrote' });
  const said = run('“It reinforced our resolve,” said Senator Ruth Blum, and “faith in our neighbours to get past the noise.”');
  expectQuote(quote(said, '“faith in our neighbours to get past the noise.”'), { speaker: 'Ruth Blum', mention: 'Ruth Blum', cue: 'said' });
});

test('after an opening `According to X`, a relative clause or an aside on the source is no part of the report', () => {
  const dashes = run('According to the Harbour Council survey — which drew on data from two banks — the fishing fleet is the largest employer of young deckhands.');
  expectQuote(quote(dashes, 'the fishing fleet is the largest employer of young deckhands'), { type: 'indirect', cue: 'According to' });
  const commas = run('According to the Harbour Council survey, which drew on data from two banks, the fishing fleet is the largest employer of young deckhands.');
  expectQuote(quote(commas, 'the fishing fleet is the largest employer of young deckhands'), { type: 'indirect', cue: 'According to' });
});

test('`said he thought that ...`: the thought reported as spoken rests on the outer cue and its subject', () => {
  const r = run('Mayor Ann Cole visited the site and said she thought that the bridge was "safe for now and for years to come."');
  const q = r.quotes.find((x) => x.text.includes('safe for now'))!;
  expectQuote(q, { speaker: 'Ann Cole', mention: 'Ann Cole', cue: 'said' });
  assert.ok(q.text.startsWith('that the bridge'), q.text);
});

test('a participle rests on an indefinite subject that opens its clause after a short adverbial (`In May, several unions sued, saying ...`)', () => {
  const r = run('In May, several unions sued the province over the new law, saying its rules were "a direct attack on workers."');
  expectQuote(r.quotes.find((x) => x.text.includes('direct attack'))!, { speaker: 'several unions', mention: 'several unions', cue: 'saying' });
});

test('`said she recalls ...`: a memory reported as spoken rests on the outer cue and its subject, whatever follows the memory verb', () => {
  const r = run('Judge Nora Vail said she recalls the lawyer being “rather rude to everyone in the room.”');
  expectQuote(quote(r, 'the lawyer being “rather rude to everyone in the room.”'), { type: 'mixed', speaker: 'Nora Vail', mention: 'Nora Vail', cue: 'said' });
});

test('a participle after a clause reported inside another (`told them that she believes we should ..., saying`) rests on the main clause\'s subject', () => {
  const r = run('Mayor Ann Cole told the council that she believes we should keep funding libraries, saying that "books still open doors" for children.');
  expectQuote(r.quotes.find((x) => x.text.includes('books still open'))!, { speaker: 'Ann Cole', mention: 'Ann Cole', cue: 'saying' });
});

test('a cue joined by `and` with no subject of its own rests on its clause\'s subject (`Northwind Housing has a road map ... and suggests`, `..., and a neighbour came in and told`)', () => {
  const r = run('Northwind Housing also has a printed handbook for landlords hoping to fix up their older units and suggests owners "should start with the roofs, not the kitchens." I got back and the dog was gone, and a neighbour came in and told me it had been taken to the shelter.');
  expectQuote(r.quotes.find((q) => q.text.includes('start with the roofs'))!, { speaker: 'Northwind Housing', mention: 'Northwind Housing', cue: 'suggests' });
  expectQuote(r.quotes.find((q) => q.text.includes('taken to the shelter'))!, { speaker: 'a neighbour', mention: 'a neighbour', cue: 'told' });
});

test('an adjunct after the cue does not swallow the reported clause’s subject: `says in Lakeport ferries are ...`', () => {
  let r = run('The pilots’ guild says in Lakeport ferries are leaving later each month.');
  expectQuote(quote(r, 'ferries are leaving later each month'), { type: 'indirect', cue: 'says' });
  r = run('The harbour board said on Monday morning ferries will run on time.');
  expectQuote(quote(r, 'ferries will run on time'), { type: 'indirect', cue: 'said' });
  // (Not after `whether`, whose clause is no adjunct.)
  r = run('Councillor Ada Voss questioned whether the Lakeport ferry schedule made sense.');
  assert.ok(!r.quotes.some((q) => q.text === 'schedule made sense'), summary(r));
});

test('`..., as X put it.`, `As X put it, ...`, `is, as X put it, “...”`: a cue after `as` points at the clause before or after its comma', () => {
  const a = run('The new rule is a “recipe for chaos at every crossing,” as one customs officer put it.');
  expectQuote(quote(a, 'The new rule is a “recipe for chaos at every crossing,”'), { type: 'mixed', speaker: 'one customs officer', cue: 'put it' });
  const b = run('As Mayor Ines Haddad put it, “Nobody wins a price war.”');
  expectQuote(quote(b, '“Nobody wins a price war.”'), { type: 'direct', speaker: 'Ines Haddad', cue: 'put it' });
  const c = run('The levy is, as Mayor Ines Haddad said on Monday, “a burden on every family in town.”');
  expectQuote(quote(c, '“a burden on every family in town.”'), { type: 'direct', speaker: 'Ines Haddad', cue: 'said' });
  const d = run('The levy is “a burden on every family in town,” as Mayor Ines Haddad said on Monday.');
  expectQuote(quote(d, 'The levy is “a burden on every family in town,”'), { type: 'mixed', speaker: 'Ines Haddad', cue: 'said' });
});

test('an inverted cue set off by commas after a short bare subject interrupts one report (`The new bridge, says X, is safe`)', () => {
  const r = run('The new bridge, says city engineer Tom Vale, is safe for heavy trucks.');
  const q = quote(r, 'The new bridge, says city engineer Tom Vale, is safe for heavy trucks');
  expectQuote(q, { type: 'indirect', speaker: 'Tom Vale', mention: 'Tom Vale', cue: 'says' });
  assert.deepEqual(q.segments?.map((s) => s.text), ['The new bridge', 'is safe for heavy trucks']);
});

test('a report inside a relative clause set off by commas ends at the clause’s closing comma, not at a pair set off inside it', () => {
  const r = run('Tom Vale, who said the bridge was safe, left the meeting early. Ada Brook, who said the bridge, built in 1932, is sound, voted for the repairs.');
  const a = quote(r, 'the bridge was safe');
  assert.equal(a.text, 'the bridge was safe', summary(r));
  expectQuote(a, { type: 'indirect', speaker: 'Tom Vale', cue: 'said' });
  const b = quote(r, 'the bridge, built in 1932, is sound');
  assert.equal(b.text, 'the bridge, built in 1932, is sound', summary(r));
  expectQuote(b, { type: 'indirect', speaker: 'Ada Brook', cue: 'said' });
});

test('a `that` after a noun of an idea in the adjunct opens the noun’s complement, no report (`pointed to the theory that ...`)', () => {
  const r = run('Tom Vale pointed to the theory that the fire was set on purpose. Ada Brook said in a statement that the fire was an accident.');
  assert.deepEqual(quotesWith(r, 'set on purpose'), [], summary(r));
  expectQuote(quote(r, 'that the fire was an accident'), { type: 'indirect', speaker: 'Ada Brook', cue: 'said' });
});

test('an inverted cue set off by commas after an opening adverbial reports the clause after the source’s comma (`Still, says X, the bridge is safe`)', () => {
  const r = run('Still, says city engineer Tom Vale, the bridge is safe for trucks.');
  expectQuote(quote(r, 'the bridge is safe for trucks'), { type: 'indirect', speaker: 'Tom Vale', mention: 'Tom Vale', cue: 'says' });
});

test('an inverted cue set off by commas reports the clause past its source’s apposition or relative clause (`On Monday, said X, a spokeswoman, the crews left`)', () => {
  const r = run('On Monday, said Ana Vale, a spokeswoman for the utility, the crews left the depot early. Still, says Tom Brill, who built the pier, the deck is sound.');
  expectQuote(quote(r, 'the crews left the depot early'), { type: 'indirect', speaker: 'Ana Vale', mention: 'Ana Vale', cue: 'said' });
  expectQuote(quote(r, 'the deck is sound'), { type: 'indirect', speaker: 'Tom Brill', mention: 'Tom Brill', cue: 'says' });
  assert.deepEqual(quotesWith(r, 'spokeswoman'), [], summary(r));
  assert.deepEqual(quotesWith(r, 'who built'), [], summary(r));
});

test('an inverted cue with an apposition after its source still interrupts one report (`The bridge, says X, the city engineer, is safe`)', () => {
  const r = run('The new bridge, says Tom Brant, the city engineer, is safe for heavy trucks.');
  const q = quote(r, 'The new bridge, says Tom Brant, the city engineer, is safe for heavy trucks');
  expectQuote(q, { type: 'indirect', speaker: 'Tom Brant', mention: 'Tom Brant', cue: 'says' });
  assert.deepEqual(q.segments?.map((s) => s.text), ['The new bridge', 'is safe for heavy trucks']);
});

test('a gerund’s or an infinitive’s phrase after a cue set off by commas finishes the clause the cue interrupts and is reported too (`There is a joy, insists X, in seeing ...`)', () => {
  const r = run('There is a particular joy, insists 16-year-old Tom Vale, in seeing the job through to the end. It would be wise, Ada Brook said, to wait for the engineers.');
  expectQuote(quote(r, 'There is a particular joy'), { type: 'indirect', speaker: 'Tom Vale', cue: 'insists' });
  expectQuote(quote(r, 'in seeing the job through to the end'), { type: 'indirect', speaker: 'Tom Vale', mention: 'Tom Vale', cue: 'insists' });
  expectQuote(quote(r, 'to wait for the engineers'), { type: 'indirect', speaker: 'Ada Brook', mention: 'Ada Brook', cue: 'said' });
  // (An adjunct of saying after the cue is the reporter's, no report.)
  const s = run('The crews worked all night, Tom Vale said, in an interview on Monday.');
  assert.deepEqual(quotesWith(s, 'interview'), [], summary(s));
});

test('past a longer adjunct of the cue (eight words or more, a possessive in it), `, and “B.”` still goes on with the quotation before the cue', () => {
  const r = run('The mayor is “sharp as a tack,” Tom Vale wrote in an email to the Harbour Gazette’s night editor Ada Brook, and “full of surprises.”');
  const whole = r.quotes.find((q) => q.text.startsWith('The mayor is “sharp as a tack,”') && q.text.endsWith('“full of surprises.”'));
  assert.ok(whole, summary(r));
  expectQuote(whole, { type: 'mixed', speaker: 'Tom Vale', mention: 'Tom Vale', cue: 'wrote' });
  expectQuote(quote(r, '“full of surprises.”'), { speaker: 'Tom Vale', cue: 'wrote' });
});

test('a link opening in lower case after a full stop starts a sentence of its own: a reported clause ends before an embed’s signature', () => {
  const r = run('Crews worked all night in the storm. The paramedics union says in Dunmore ambulances are too often late. pic.twitter.com/AbCdEf123 — Ana Vale (@ana_vale) January 15, 2019');
  const q = quote(r, 'ambulances are too often late');
  assert.equal(q.text, 'ambulances are too often late', summary(r));
  expectQuote(q, { type: 'indirect', mention: 'The paramedics union', cue: 'says' });
});

test('a cue inside a clause or phrase that opens the sentence reports only up to the comma before the main clause (`After she said ..., the crowd ...`, `Despite insisting that ..., the captain ...`)', () => {
  const r = run('After Ada Vale said the ferry was late, the crowd left the pier. Despite insisting that the hull was “perfectly sound,” Tom Brill kept the boat in port. After saying the bridge was “too old to save,” the engineer voted to tear it down.');
  expectQuote(quote(r, 'the ferry was late'), { type: 'indirect', mention: 'Ada Vale', cue: 'said' });
  expectQuote(quote(r, 'that the hull was “perfectly sound,”'), { type: 'mixed', cue: 'insisting' });
  expectQuote(quote(r, 'the bridge was “too old to save,”'), { type: 'mixed', cue: 'saying' });
  assert.deepEqual(quotesWith(r, 'pier'), [], summary(r));
  assert.deepEqual(quotesWith(r, 'port'), [], summary(r));
  assert.deepEqual(quotesWith(r, 'tear it down'), [], summary(r));
  // (The closing mark may be two apostrophes.)
  const t = run("Contrary to his claim that the levy would ''pay for itself,'' the deficit grew by a third.");
  expectQuote(quote(t, "that the levy would ''pay for itself,''"), { type: 'mixed', cue: 'claim' });
  // (A cue in the main clause after the opening clause's comma is no part of it.)
  const s = run('When the lead slipped, aides insisted it was a short dip, one that would pass by spring.');
  expectQuote(quote(s, 'it was a short dip, one that would pass by spring'), { type: 'indirect', cue: 'insisted' });
});

test('an addressee that is a programme in quotation marks owned by a broadcaster (`told CNN’s “Early Start” on Friday that ...`) is skipped whole; the report opens after it', () => {
  const r = run('Vale tells CNN’s “Early Start” on Friday that the ferry will not sail again. Brill told the Gazette’s “Morning Desk” that the pier was “falling apart.”');
  expectQuote(quote(r, 'that the ferry will not sail again'), { type: 'indirect', mention: 'Vale', cue: 'tells' });
  expectQuote(quote(r, 'that the pier was “falling apart.”'), { type: 'mixed', mention: 'Brill', cue: 'told' });
  assert.deepEqual(quotesWith(r, 'Early Start'), [], summary(r));
  assert.deepEqual(quotesWith(r, 'Morning Desk'), [], summary(r));
});

test('a contrast opened by `while`, `though`, `although` or `whereas` after a comma, another report after it, ends the report before (`agreed that A, while Vale said B`)', () => {
  const r = run('Most residents agreed that the ferry is “too slow to be useful,” while Tom Vale said the bus was slower. Ada Brill said the pier was safe, though she noted that the railings were rusty.');
  expectQuote(quote(r, 'that the ferry is “too slow to be useful,”'), { type: 'mixed', cue: 'agreed' });
  expectQuote(quote(r, 'the bus was slower'), { type: 'indirect', mention: 'Tom Vale', cue: 'said' });
  expectQuote(quote(r, 'the pier was safe'), { type: 'indirect', mention: 'Ada Brill', cue: 'said' });
  expectQuote(quote(r, 'that the railings were rusty'), { type: 'indirect', mention: 'she', cue: 'noted' });
});

test('an adjunct of time opening with `late` or `early` after the cue is skipped (`said late Wednesday that ...`, `told reporters early Friday the ...`)', () => {
  const r = run('Vale said late Wednesday that the ferry would sail again. Brill told reporters early Friday the pier was closed. Ross said late on Monday that the bridge was shut.');
  expectQuote(quote(r, 'that the ferry would sail again'), { type: 'indirect', mention: 'Vale', cue: 'said' });
  expectQuote(quote(r, 'the pier was closed'), { type: 'indirect', mention: 'Brill', cue: 'told' });
  expectQuote(quote(r, 'that the bridge was shut'), { type: 'indirect', mention: 'Ross', cue: 'said' });
});

test('a finite verb right after the comma that closes a clause holding the cue is the main clause’s, no report (`the claims, such as what he said about X, do not ...`)', () => {
  const r = run('But other times, the claims, such as what he said about the ferry, do not seem to serve any agenda.');
  assert.deepEqual(quotesWith(r, 'do not seem'), [], summary(r));
  // (A cue set off by commas inside the clause it reports still reports it.)
  const s = run('The goal, he said, is to reopen the pier by spring. Vale said, should the council refuse, the crews would strike.');
  expectQuote(quote(s, 'The goal, he said, is to reopen the pier by spring'), { type: 'indirect', mention: 'he', cue: 'said' });
  assert.ok(s.quotes.some((q) => q.text.endsWith('the crews would strike') && q.cue?.text === 'said'), summary(s));
});

test('a `that` with a verb right after it, past an adjunct ending in a noun, is a relative pronoun on that noun (`said in a statement that was released Monday that ...`, `in a way that could ...`)', () => {
  const r = run('Vale said in a statement that was released Monday that the pier would close. Brill pursued food writing in a way that only could have worked in decades past.');
  expectQuote(quote(r, 'that the pier would close'), { type: 'indirect', mention: 'Vale', cue: 'said' });
  assert.deepEqual(quotesWith(r, 'was released'), [], summary(r));
  assert.deepEqual(quotesWith(r, 'could have worked'), [], summary(r));
  // (A gerund after `that` is the reported clause's subject.)
  const s = run('Vale noted in a statement that drafting the plan “is an open process.”');
  expectQuote(quote(s, 'that drafting the plan “is an open process.”'), { type: 'mixed', cue: 'noted' });
});

test('a cue inside a relative clause set off by commas reports only up to the comma before the main clause’s verb (`The pier, which Vale said was unsafe, closed`)', () => {
  const r = run('The pier, which Ada Vale said was unsafe, closed on Monday.');
  expectQuote(quote(r, 'was unsafe'), { type: 'indirect', mention: 'Ada Vale', cue: 'said' });
  assert.deepEqual(quotesWith(r, 'closed on Monday'), [], summary(r));
});

test('`said the same thing` or `the same of X` stands for words reported before; it is no report of its own', () => {
  const r = run('Several mayors have said the same thing, including Tom Vale -- “It is wrong to close the pier to the fishing fleet” -- and Ada Brill. Most residents said the pier was safe, while a few said the same of the bridge. Vale said the same rules apply to ferries.');
  assert.deepEqual(quotesWith(r, 'the same thing'), [], summary(r));
  assert.deepEqual(quotesWith(r, 'the same of'), [], summary(r));
  expectQuote(quote(r, 'the same rules apply to ferries'), { type: 'indirect', mention: 'Vale', cue: 'said' });
});

test('a participle after a comma and an adverb in -ly is the reporter’s comment; the report ends before it (`..., implicitly putting ...`)', () => {
  const r = run('The mayor told residents he would consider it a “personal insult” if they skipped the vote, implicitly putting his name on the ballot.');
  expectQuote(quote(r, 'he would consider it a “personal insult” if they skipped the vote'), { type: 'mixed', cue: 'told' });
  assert.deepEqual(quotesWith(r, 'implicitly'), [], summary(r));
});

test('`in` or `by` before a gerund opening the sentence is an opening phrase too: its report ends at the comma before the main clause (`By insisting ..., Vale delayed ...`)', () => {
  const r = run('By insisting the pier was “perfectly sound,” Vale delayed the repairs. In conducting what it called a “thorough and open search,” the board hired Ada Brill.');
  expectQuote(quote(r, 'the pier was “perfectly sound,”'), { type: 'mixed', cue: 'insisting' });
  assert.deepEqual(quotesWith(r, 'delayed the repairs'), [], summary(r));
  assert.deepEqual(quotesWith(r, 'hired Ada Brill'), [], summary(r));
});

test('a dateline opening a paragraph (`OTTAWA —`, `WASHINGTON (AP) —`, `MIRAMICHI, N.B. —`, `HALIFAX, June 10 (CP) —`) is no part of the report', () => {
  const r = run('OTTAWA — Canada will join the ferry pact, the transport minister said Tuesday.\n\nWASHINGTON (AP) — The harbour bill will be vetoed, aides said.\n\nMIRAMICHI, N.B. — The mill will close in May, its owner said.\n\nHALIFAX, June 10 (CP) — The port will reopen, officials said.');
  expectQuote(quote(r, 'The port will reopen'), { type: 'indirect', speaker: 'officials', cue: 'said' });
  expectQuote(quote(r, 'Canada will join the ferry pact'), { type: 'indirect', speaker: 'the transport minister', cue: 'said' });
  expectQuote(quote(r, 'The harbour bill will be vetoed'), { type: 'indirect', speaker: 'aides', cue: 'said' });
  expectQuote(quote(r, 'The mill will close in May'), { type: 'indirect', speaker: 'its owner', cue: 'said' });
  assert.ok(!r.quotes.some((q) => /OTTAWA|WASHINGTON|MIRAMICHI|HALIFAX/.test(q.text)), summary(r));
});

test('a cue ending an opening subordinate clause reports nothing after its comma: `If you watch what he said, he ...`, `The longer the strike continues, the bigger ...`', () => {
  const r = run('The longer the strike continues, the bigger the backlog the clerks will face. If you heard what the mayor said, you know the pier is closed.');
  assert.equal(r.quotes.length, 0, summary(r));
  // (A plain report whose clause goes on past a comma keeps it.)
  const s = run('The older residents say the pier is unsafe, and the ferry is late.');
  expectQuote(quote(s, 'the pier is unsafe, and the ferry is late'), { type: 'indirect', cue: 'say' });
});

test('an apposition after a report that names it as an act (`, a charge the council denies`, `— a metaphor for ...`) is the reporter’s comment: the report ends before it', () => {
  const r = run('Mayor Ines Falk said the ferry was “a rolling disaster,” a claim the operator rejects. Falk also said the toll had doubled — a charge the council denies. Falk said the ferry was late, a sore point with commuters.');
  expectQuote(quote(r, 'the ferry was “a rolling disaster,”'), { type: 'mixed', cue: 'said' });
  expectQuote(quote(r, 'the toll had doubled'), { type: 'indirect', cue: 'said' });
  // (Any other apposition may be part of what was said.)
  expectQuote(quote(r, 'the ferry was late, a sore point with commuters'), { type: 'indirect', cue: 'said' });
});

test('a reported clause that is itself a report of its subject (`noted it had said it would ...`) is one quote of the outer cue, the inner report part of it', () => {
  const r = run('The harbour council noted it had previously said it would “act swiftly” if the pier failed.');
  expectQuote(quote(r, 'it had previously said it would “act swiftly” if the pier failed'), { type: 'mixed', cue: 'noted', mention: 'The harbour council' });
  assert.equal(r.quotes.length, 1, summary(r));
});

test('an adjunct set off by commas between the cue and its `that` (`said, in a statement, that ...`, `told reporters, however, that ...`) is the reporter’s aside: the report opens at `that`', () => {
  const r = run('Mayor Ines Falk said, in a statement, that the levy would rise. The harbour board told reporters, however, that the pier would stay open. Falk wrote, in a letter to the council on Monday, that the ferry was “a rolling disaster.”');
  expectQuote(quote(r, 'that the levy would rise'), { type: 'indirect', speaker: 'Ines Falk', mention: 'Ines Falk', cue: 'said' });
  expectQuote(quote(r, 'that the pier would stay open'), { type: 'indirect', mention: 'The harbour board', cue: 'told' });
  expectQuote(quote(r, 'that the ferry was “a rolling disaster.”'), { type: 'mixed', speaker: 'Ines Falk', cue: 'wrote' });
  // (A comma after the cue that opens no such aside still reports nothing: `said, adding ...`.)
  const s = run('Falk said, in the end, the vote was close.');
  assert.ok(!s.quotes.some((q) => q.text.startsWith('in the end')), summary(s));
});

test('an embedded question after a verb of asking (`wondered whether ...`, `asked the council if ...`, `asked why ...`) is an indirect report, also past an adverb (`wondered aloud whether`)', () => {
  const r = run('The mayor wondered aloud whether the bridge would ever open. Ines Falk asked the council if the levy would rise. Falk later asked why the ferry had been cancelled. Tomas Vale questioned whether the plan was legal.');
  expectQuote(quote(r, 'whether the bridge would ever open'), { type: 'indirect', mention: 'The mayor', cue: 'wondered' });
  expectQuote(quote(r, 'if the levy would rise'), { type: 'indirect', speaker: 'Ines Falk', cue: 'asked' });
  expectQuote(quote(r, 'why the ferry had been cancelled'), { type: 'indirect', speaker: 'Ines Falk', cue: 'asked' });
  expectQuote(quote(r, 'whether the plan was legal'), { type: 'indirect', speaker: 'Tomas Vale', cue: 'questioned' });
  // (A question that opens the sentence with no asker is the occasion of the answer, no report.)
  const s = run('Asked whether the pier was safe, Falk said it was.');
  assert.ok(!s.quotes.some((q) => q.text.startsWith('whether')), summary(s));
});

test('a question in the reporter’s words is followed by its answer: a quotation with no cue after it does not go on with the asker', () => {
  const r = run('“We will build the sea wall this year,” Mayor Ed Marlow said on the radio show.\n\nCallers asked how high the wall would be. “Forty feet or more, and it will hold.”');
  expectQuote(quote(r, 'how high the wall would be'), { type: 'indirect', mention: 'Callers', cue: 'asked' });
  expectQuote(quote(r, '“Forty feet or more, and it will hold.”'), { type: 'direct', speaker: 'Ed Marlow' });
  // (Nor with a named asker.)
  const s = run('“We will build the sea wall this year,” Mayor Ed Marlow said on the radio show.\n\nHost Tom Vale asked how high the wall would be. “Forty feet or more, and it will hold.”');
  expectQuote(quote(s, '“Forty feet or more, and it will hold.”'), { type: 'direct', speaker: 'Ed Marlow' });
});

test('adverbs of manner between the cue and a clause with no `that` (`said publicly the ...`, `has said repeatedly they ...`) are no part of the report', () => {
  const r = run('The harbour master said publicly the pier would stay open. The owners have said repeatedly they will not sell.');
  expectQuote(quote(r, 'the pier would stay open'), { type: 'indirect', mention: 'The harbour master', cue: 'said' });
  expectQuote(quote(r, 'they will not sell'), { type: 'indirect', mention: 'The owners', cue: 'said' });
  // (An adverb that is the clause's own, `said there would be`, stays.)
  const s = run('The harbour master said there would be no ferry on Sunday.');
  expectQuote(quote(s, 'there would be no ferry on Sunday'), { type: 'indirect', cue: 'said' });
});

test('a trailing `, according to X` after a report its source and cue open reports the whole clause, and the report inside it stays its speaker’s, with its cue', () => {
  const r = run('Mayor Ines Falk said Tuesday that the levy would rise, according to a statement. Falk told the council the ferry was “a rolling disaster,” according to a transcript.');
  expectQuote(quote(r, 'that the levy would rise'), { type: 'indirect', speaker: 'Ines Falk', cue: 'said' });
  expectQuote(quote(r, 'the ferry was “a rolling disaster,”'), { type: 'mixed', speaker: 'Ines Falk', cue: 'told' });
  expectQuote(quote(r, 'Mayor Ines Falk said Tuesday that the levy would rise'), { type: 'indirect', mention: 'a statement', cue: 'according to' });
  // (With no report before it, the tail is the report's cue.)
  const s = run('The levy will rise by a third next year, according to a statement from the council.');
  expectQuote(quote(s, 'The levy will rise by a third next year'), { type: 'indirect', cue: 'according to' });
});

test('time words right after the cue (`said Thursday one of the plans ... could save money`) are an adjunct only as far as a preposition’s phrase goes: the words after them open the report', () => {
  const r = run('Transit chief Kevin Dorr said Thursday one of the council’s ideas, to dig where the line could not be raised, could save money. Dorr said Friday in a statement that the line would open in May.');
  expectQuote(quote(r, 'one of the council’s ideas, to dig where the line could not be raised, could save money'), { type: 'indirect', speaker: 'Kevin Dorr', cue: 'said' });
  expectQuote(quote(r, 'that the line would open in May'), { type: 'indirect', speaker: 'Kevin Dorr', cue: 'said' });
});
