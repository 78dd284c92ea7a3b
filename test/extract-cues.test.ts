/**
 * Issue 2, item 5: every position of the cue: before the quote (`X said: “...”`), after it
 * (`“...,” the minister said late on Sunday`), inside it (`“A,” he said. “B.”`), and the
 * `Asked what ..., Y said he would say: “...”` construction. Every text is invented.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { run, quote, quoteAt, quotesWith, speakerOf, expectQuote, summary } from './helpers/extract.js';

test('cue before the quote, with a colon', () => {
  const text = 'Mayor Tom Brennan said: “We will not raise taxes this year.”';
  const r = run(text);
  assert.equal(r.quotes.length, 1, summary(r));
  const q = quote(r, '“We will not raise taxes this year.”');
  expectQuote(q, { type: 'direct', speaker: 'Tom Brennan', mention: 'Tom Brennan', cue: 'said' });
  assert.equal(q.cue!.start, text.indexOf('said'));
});

test('cue before the quote, with a comma', () => {
  const r = run('Mayor Tom Brennan said, “The bridge will open in June.”');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, '“The bridge will open in June.”'), { type: 'direct', speaker: 'Tom Brennan', cue: 'said' });
});

test('cue after the quote, a description as source, with a time adjunct (`late on Sunday`)', () => {
  const text = '“The talks have failed,” the foreign minister said late on Sunday.';
  const r = run(text);
  assert.equal(r.quotes.length, 1, summary(r));
  const q = quote(r, '“The talks have failed,”');
  expectQuote(q, { type: 'direct', speaker: 'the foreign minister', mention: 'the foreign minister', cue: 'said' });
  assert.equal(q.cue!.start, text.indexOf('said'));
});

test('cue after the quote: `told` with an addressee and a time', () => {
  const r = run('“The bridge will open in June,” Mayor Tom Brennan told CBC News on Monday.');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, '“The bridge will open in June,”'), { type: 'direct', speaker: 'Tom Brennan', cue: 'told' });
});

test('cue inside: `“A,” X said late on Sunday. “B.”` attributes both parts to X', () => {
  const text = '“The talks have failed,” Foreign Minister Hana Varga said late on Sunday. “We will try again in spring.”';
  const r = run(text);
  const first = quoteAt(text, r, '“The talks');
  expectQuote(first, { type: 'direct', speaker: 'Hana Varga', mention: 'Hana Varga', cue: 'said' });
  const second = r.quotes.filter((q) => q.end === text.length);
  assert.ok(second.length >= 1, summary(r));
  for (const q of second) assert.equal(speakerOf(r, q).name, 'Hana Varga');
  // The part after the cue is also a quote of its own (types.ts: segments), with no cue or
  // mention of its own.
  expectQuote(quote(r, '“We will try again in spring.”'), { type: 'direct', speaker: 'Hana Varga', mention: null, cue: null });
  // The part before the cue is quoted text; the cue and name are not the start of any quote.
  assert.deepEqual(r.quotes.filter((q) => q.text.startsWith('Foreign Minister')), []);
});

test('cue inside with a pronoun: `“A,” he said. “B.”` after the speaker was introduced', () => {
  const text = 'Finance Minister Raj Mehta defended the budget. “It is a prudent plan,” he said. “Nobody will pay more tax.”';
  const r = run(text);
  const first = quoteAt(text, r, '“It is');
  expectQuote(first, { type: 'direct', speaker: 'Raj Mehta', mention: 'he', cue: 'said' });
  const b = quotesWith(r, '“Nobody will pay more tax.”');
  assert.ok(b.length >= 1, summary(r));
  for (const q of b) assert.equal(q.speaker.name, 'Raj Mehta');
});

test('cue inside past a participle: `“A,” X said, stressing that C. “B.”` is still one quotation from A to B', () => {
  const text = '“You cannot fix a road you have never driven,” Ines Marlow said, stressing that the survey comes first. “We will drive every one of them this summer.”';
  const r = run(text);
  const whole = quoteAt(text, r, '“You cannot');
  assert.equal(whole.end, text.length, summary(r));
  expectQuote(whole, { type: 'direct', speaker: 'Ines Marlow', mention: 'Ines Marlow', cue: 'said' });
  assert.equal(whole.segments?.length, 2, summary(r));
  expectQuote(quote(r, 'that the survey comes first'), { type: 'indirect', speaker: 'Ines Marlow', cue: 'stressing' });
  expectQuote(quote(r, '“We will drive every one of them this summer.”'), { type: 'direct', speaker: 'Ines Marlow', mention: null, cue: null });
});

test('cue inside mid-sentence: `“A,” X said, “B.”` is one quotation from A to B, and B a quote of its own', () => {
  const text = 'The council met on Tuesday.\n\n"If you close even one lane," Mr. Harlow said, "you get a traffic jam nobody here has seen."';
  const r = run(text);
  const whole = quoteAt(text, r, '"If you close');
  assert.equal(whole.end, text.length, summary(r));
  expectQuote(whole, { type: 'direct', speaker: 'Harlow', mention: 'Harlow', cue: 'said' });
  assert.equal(whole.segments?.length, 2, summary(r));
  expectQuote(quote(r, '"you get a traffic jam nobody here has seen."'), { type: 'direct', speaker: 'Harlow', cue: 'said' });
  // A quotation after it in the paragraph continues the whole, not only its part after the cue.
  const more = run(text + ' "It would last for months."');
  assert.deepEqual(quotesWith(more, 'traffic jam').map((q) => q.text.startsWith('"If you close') || q.text), [true, '"you get a traffic jam nobody here has seen."'], summary(more));
  assert.equal(quoteAt(text, more, '"If you close').end, text.length + ' "It would last for months."'.length, summary(more));
  // A full stop before the cue and a colon after it leave two quotations, each with its own cue.
  const two = run('"Nobody asked us." Rosa Imhoff posted: "The pier was ours first."');
  assert.deepEqual(quotesWith(two, 'Nobody asked').map((q) => q.text), ['"Nobody asked us."'], summary(two));
});

test('a plain sentence between two quoted parts is not part of either quote',
  () => {
  const text = '“The money is there,” Mayor Tom Brennan said. He praised the crews. “They worked through the night.”';
  const r = run(text);
  assert.deepEqual(quotesWith(r, 'praised'), [], summary(r));
  expectQuote(quote(r, '“The money is there,”'), { speaker: 'Tom Brennan', cue: 'said' });
  expectQuote(quote(r, '“They worked through the night.”'), { speaker: 'Tom Brennan' });
  // A sentence with only a copula for its verb ends the quotation too.
  const r2 = run('“The money is there,” Mayor Tom Brennan said. The depot is the only one in the province. “They worked through the night.”');
  assert.deepEqual(quotesWith(r2, 'depot'), [], summary(r2));
});

test('`Asked what ..., Y said she would say: “...”` is Y\'s quote', () => {
  const text = 'Reporters pressed Premier Alice Okafor on the strike. Asked what she would tell the nurses, Okafor said she would say: “Come back to the table.”';
  const r = run(text);
  const q = quote(r, '“Come back to the table.”');
  expectQuote(q, { type: 'direct', speaker: 'Alice Okafor' });
  assert.deepEqual(quotesWith(r, 'the nurses'), [], 'the `Asked what ...` clause is not reported content');
});

test('`Asked what ..., Y said she would say: “...”` rests on `Y` and the cue `said`',
  () => {
  const text = 'Reporters pressed Premier Alice Okafor on the strike. Asked what she would tell the nurses, Okafor said she would say: “Come back to the table.”';
  const r = run(text);
  const q = quote(r, '“Come back to the table.”');
  expectQuote(q, { mention: 'Okafor', cue: 'said' });
  assert.equal(q.cue!.start, text.indexOf('said she'));
});

test('participle cue before a colon: `X defended the plan, adding: “...”`', () => {
  const r = run('Premier Alice Okafor defended the plan, adding: “We have no choice.”');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, '“We have no choice.”'), { type: 'direct', speaker: 'Alice Okafor', cue: 'adding' });
});

test('participle cue `adding: “...”` rests on the subject named in the same sentence',
  () => {
  const r = run('Premier Alice Okafor defended the plan, adding: “We have no choice.”');
  expectQuote(quote(r, '“We have no choice.”'), { mention: 'Alice Okafor' });
});

test('`..., when asked if ...` mid-sentence is a passive clause, not a cue', () => {
  const r = run('Lena Marsh would not comment when asked if other branches are planning to hold ballots on the merger.');
  assert.ok(!r.quotes.some((q) => q.text.includes('other branches')), summary(r));
});

test('a denied report is no cue: `would not comment`, `did not say`, `never told`', () => {
  const r = run('The minister did not say whether the plant would close. Her aide never told reporters that the talks had failed. Kemi Okafor said the plant would stay open.');
  assert.deepEqual(r.quotes.map((q) => q.text), ['the plant would stay open'], summary(r));
});

test('a noun-like form after a proper name and before `that` or a colon is a cue (`The Harbour Post reports that`)', () => {
  const r = run('Small donors matter.\n\nThe Harbour Post reports that her staff skipped the clinic to “keep the news of her surgery quiet.”');
  const q = r.quotes.find((x) => x.text.startsWith('that her staff'));
  assert.ok(q, summary(r));
  expectQuote(q, { speaker: 'Harbour Post', mention: 'Harbour Post', cue: 'reports' });
});

test('sung words are a quotation of the singer (`“...,” Okoro sings to the mayor`)', () => {
  const r = run('“Hold the lantern high and walk me home,” Adaeze Okoro sings to the mayor.');
  expectQuote(quote(r, '“Hold the lantern high and walk me home,”'), { speaker: 'Adaeze Okoro', cue: 'sings' });
});

test('a verb and its particle report together (`points out`, `shot back`, `went on`), only next to a quotation or a that-clause', () => {
  const r = run('“You are thinking of one style only,” points out the soft-spoken Oxford resident. “I am not,” Smith shot back. “We are ready,” Smith went on. Jones pointed out that the bill “is dead.” Later he went on a trip to Lisbon, and Jones hit back at critics.');
  expectQuote(r.quotes.find((q) => q.text.startsWith('“You are thinking'))!, { cue: 'points out', mention: 'Oxford resident' });
  expectQuote(quote(r, '“I am not,”'), { speaker: 'Smith', mention: 'Smith', cue: 'shot back' });
  expectQuote(quote(r, '“We are ready,”'), { speaker: 'Smith', mention: 'Smith', cue: 'went on' });
  expectQuote(quote(r, 'that the bill “is dead.”'), { type: 'mixed', speaker: 'Jones', cue: 'pointed out' });
  assert.ok(!r.quotes.some((q) => q.text.includes('Lisbon') || q.text.includes('critics')), summary(r));
  // A title in capitals is no cue: `The Count Goes On`.
  const t = run('The Count Goes On\n\nThe report was published on Monday.');
  assert.equal(t.quotes.length, 0, summary(t));
});

test('words in capitals are a heading’s, not cues, and a name after the heading and a dash labels the quotation', () => {
  const r = run('COASTAL TOWNS OUTPACE INLAND TOWNS - Marla P. Quist: “Our survey finds that 14 towns grew faster than the province this year.”');
  const q = r.quotes.find((x) => x.text.startsWith('“Our survey'))!;
  expectQuote(q, { type: 'direct', speaker: 'Marla P. Quist', mention: 'Marla P. Quist', cue: null });
  assert.ok(!r.people.some((p) => p.name.includes('TOWNS')), summary(r));
});

test('a participle after `’s` for `is` is a cue (`He’s claiming that ...`); a gerund after a possessive is none', () => {
  const r = run('Mayor Tom Brennan spoke on Monday. He’s claiming that the ferry is “a huge, huge headache for this town.”');
  expectQuote(quote(r, 'that the ferry is “a huge, huge headache for this town.”'), { type: 'mixed', speaker: 'Tom Brennan', mention: 'He', cue: 'claiming' });
  const g = run('Brennan’s saying that the ferry was safe did not help him.');
  assert.deepEqual(g.quotes.filter((q) => q.cue?.text === 'saying'), [], summary(g));
});

test('a past participle after a contracted `’re` is passive, no cue (`we’re told`)', () => {
  const r = run('The old mill, we’re told, will reopen in the spring.');
  assert.deepEqual(r.quotes, [], summary(r));
  const t = run('They\'re told the ferry will run again by June.');
  assert.deepEqual(t.quotes, [], summary(t));
});

test('`called on X to “...”` and `exhorted X to “...”` report what the addressee was asked to do; `called on the reporter` reports nothing', () => {
  const a = run('The family of Ana Ruiz called on the council to publish the report “as a matter of basic fairness” this week.');
  expectQuote(quote(a, 'to publish the report “as a matter of basic fairness” this week'), { type: 'mixed', cue: 'called on' });
  const b = run('Mayor Ana Ruiz exhorted voters to “turn out for the harbour” and said she was confident.');
  expectQuote(quotesWith(b, '“turn out for the harbour”')[0], { speaker: 'Ana Ruiz', cue: 'exhorted' });
  const c = run('Mayor Ana Ruiz called on the reporter from the Star.');
  assert.equal(c.quotes.length, 0, summary(c));
});

test('a cue joined by a hyphen to another word is part of a compound (`salt-added`, `tell-all`), not a report', () => {
  let r = run('2 tsp kosher salt 3 cups low salt-added beef stock In a deep pot, beat the eggs with a whisk.');
  assert.equal(r.quotes.length, 0, summary(r));
  r = run('The talk-show host said the tell-all book was a hit.');
  expectQuote(quote(r, 'the tell-all book was a hit'), { type: 'indirect', cue: 'said' });
});

test('after a form of `be`, a cue form that is no gerund is a noun (`would be reason enough`); after a possessive `’s` it may still cue (`the mayor’s claim that`)', () => {
  let r = run('Rising rents would surely be reason enough to revisit the housing plan, but there is more to consider here.');
  assert.equal(r.quotes.length, 0, summary(r));
  r = run('Reporters checked the mayor’s claim that “crime has fallen by half in two years” against police records.');
  assert.ok(r.quotes.some((q) => q.text.includes('crime has fallen by half in two years')), summary(r));
});

test('`All those involved say/NOUN the issue is complex`: `say` read as a noun between a subject and the opening of a clause is the verb; after a determiner it stays a noun', () => {
  let r = run('All those involved say the repairs are overdue and cannot wait another winter.');
  expectQuote(quote(r, 'the repairs are overdue and cannot wait another winter'), { type: 'indirect', cue: 'say' });
  r = run('Tenants will have a say in the plan the board adopts next year.');
  assert.equal(r.quotes.length, 0, summary(r));
});

test('verbs of likening and praise report the quoted words they frame: `likened X to “...”`, `lauded X for “...”`', () => {
  const a = run('Councillor Dev Okafor likened the new parking rules to “a tax on going to the beach.”');
  expectQuote(quote(a, '“a tax on going to the beach.”'), { type: 'direct', speaker: 'Dev Okafor', cue: 'likened' });
  const b = run('Mayor Ines Haddad lauded the volunteers for bringing “energy and ideas we never had.”');
  expectQuote(quote(b, 'the volunteers for bringing “energy and ideas we never had.”'), { type: 'mixed', speaker: 'Ines Haddad', cue: 'lauded' });
  // (Without a quotation they report nothing.)
  const c = run('Mayor Ines Haddad lauded the volunteers.');
  assert.equal(c.quotes.length, 0, summary(c));
});

test('an infinitive that a verb goes on to (`went on to say`, `proceeded to add`) is a cue, the verbs before it part of it, their subject its source', () => {
  let r = run('Ann Ruiz joked that Denver was her pick, but went on to say, “Some towns in this valley have had a very hard decade.”');
  expectQuote(quote(r, '“Some towns in this valley have had a very hard decade.”'), { speaker: 'Ann Ruiz', mention: 'Ann Ruiz', cue: 'went on to say' });
  r = run('Senator Eli Marsh said the vote was close, going on to say that the county has spent “decades arguing over the same old map.”');
  expectQuote(quote(r, 'the vote was close'), { type: 'indirect', cue: 'said' });
  expectQuote(r.quotes.find((q) => q.text.startsWith('that the county'))!, { speaker: 'Eli Marsh', cue: 'going on to say' });
  // (Not an infinitive after any other verb: `wants to say` reports nothing yet.)
  r = run('She wants to say that the city “will not forget this winter.”');
  assert.equal(r.quotes.length, 0, summary(r));
});

test('a verb that frames its object (`dismissed the rumours`) leaves the report to a gerund of means after it: `by posting that “...”`', () => {
  for (const v of ['posting', 'saying', 'emailing', 'texting']) {
    const r = run(`Harbourmaster Ilse Varkonyi dismissed the rumours on Friday by ${v} that “the ferry will sail on schedule all winter.”`);
    assert.equal(r.quotes.length, 1, summary(r));
    expectQuote(quote(r, 'that “the ferry will sail on schedule all winter.”'), { type: 'mixed', speaker: 'Ilse Varkonyi', cue: v });
  }
  // (So with a participle after a subordinator: `while insisting that ...`.)
  const r = run('Harbourmaster Ilse Varkonyi criticized the plan on Friday while insisting that “the ferry will sail on schedule all winter.”');
  expectQuote(quote(r, 'that “the ferry will sail on schedule all winter.”'), { type: 'mixed', speaker: 'Ilse Varkonyi', cue: 'insisting' });
});

test('verbs of a medium and of the manner of speaking report with a `that` only: `texted that`, `laughed that`, not `laughed at`', () => {
  let r = run('Coach Benno Draxl laughed that the league “has never seen a team this slow.”');
  expectQuote(quote(r, 'that the league “has never seen a team this slow.”'), { type: 'mixed', speaker: 'Benno Draxl', cue: 'laughed' });
  r = run('Coach Benno Draxl texted that practice was cancelled. His players laughed at the news.');
  expectQuote(quote(r, 'that practice was cancelled'), { type: 'indirect', speaker: 'Benno Draxl', cue: 'texted' });
  assert.equal(r.quotes.length, 1, summary(r));
  r = run('Coach Benno Draxl sighed and said, “We will run more drills.”');
  expectQuote(quote(r, '“We will run more drills.”'), { type: 'direct', speaker: 'Benno Draxl', mention: 'Benno Draxl', cue: 'said' });
});

test('verbs stressed on the last syllable double their consonant: `admitted`, `admitting`, `referred` are cues', () => {
  let r = run('Harbour chief Ada Voss admitted that the pier “needs more work than we thought.”');
  expectQuote(quote(r, 'that the pier “needs more work than we thought.”'), { type: 'mixed', speaker: 'Ada Voss', cue: 'admitted' });
  r = run('Harbour chief Ada Voss referred to the new crane as “a very expensive seagull perch.”');
  expectQuote(quote(r, '“a very expensive seagull perch.”'), { speaker: 'Ada Voss', cue: 'referred' });
});

test('a participle set off by commas between a subject and its verb (`X, despite admitting that ..., voted`) reports for that subject, up to the comma', () => {
  let r = run('Harbour chief Ada Voss, despite admitting that the first crane was “a costly mistake,” voted for a second one.');
  expectQuote(quote(r, 'that the first crane was “a costly mistake,”'), { type: 'mixed', speaker: 'Ada Voss', mention: 'Ada Voss', cue: 'admitting' });
  r = run('Ada Voss, R-Lakeport, while insisting that the pier was safe, voted to close it.');
  expectQuote(quote(r, 'that the pier was safe'), { type: 'indirect', speaker: 'Ada Voss', mention: 'Ada Voss', cue: 'insisting' });
});

test('a naming participle after a cue (`said, referring to X, “B”`) leaves the quotation after its comma to the quotation the cue interrupts; one that asks its object keeps it', () => {
  let r = run('“We lose a week every spring,” Voss said, referring to the dredging delays, “and nobody upstairs seems to notice.”');
  expectQuote(quote(r, '“and nobody upstairs seems to notice.”'), { speaker: 'Voss' });
  assert.ok(r.quotes.some((q) => q.text.startsWith('“We lose') && q.text.endsWith('to notice.”')), summary(r));
  r = run('“Keep the lights on,” Voss told the crew before asking them, “Who has the keys to the tower?”');
  expectQuote(quote(r, '“Who has the keys to the tower?”'), { speaker: 'Voss', cue: 'asking' });
});

test('a noun-like form after a singular noun and before `that` with a clause is the verb: `the website states that ...` (not `member states that signed`)', () => {
  let r = run('The ferry line’s timetable states that riders “must board ten minutes early.”');
  expectQuote(quote(r, 'that riders “must board ten minutes early.”'), { type: 'mixed', cue: 'states' });
  r = run('Six member states that signed the harbour treaty met on Monday.');
  assert.equal(r.quotes.length, 0, summary(r));
});

test('a past-tense verb the lexicon lacks reports the quotation it follows, between a subject and the clause end', () => {
  // (`grumbled`-like verbs of manner are open-ended: the place after a quotation tells.)
  const text = 'Harbour pilot Ines Larkvold watched the tug drift. “Nobody checks the moorings any more,” Larkvold growled.';
  const r = run(text);
  expectQuote(quote(r, '“Nobody checks the moorings any more,”'), { type: 'direct', speaker: 'Ines Larkvold', mention: 'Larkvold', cue: 'growled' });
});

test('a past-tense verb the lexicon lacks, inverted before its subject after a quotation', () => {
  const r = run('“The lock gates were painted last spring,” bellowed the lockkeeper, Odo Fennimore.');
  expectQuote(quote(r, '“The lock gates were painted last spring,”'), { type: 'direct', cue: 'bellowed' });
  assert.match(speakerOf(r, quote(r, '“The lock gates were painted last spring,”')).name ?? '', /lockkeeper|Fennimore/);
});

test('a past-tense verb elsewhere is no cue: only the place after quoted speech makes one', () => {
  const r = run('The “Blue Heron” docked. The ferry crew painted the hull. “We sail at noon,” the skipper announced.');
  assert.equal(r.quotes.filter((q) => q.cue?.text === 'docked' || q.cue?.text === 'painted').length, 0, summary(r));
});

test('verbs of confiding and muttering report speech: `confided that ...`, `“...,” she muttered`', () => {
  const text = 'Councillor Petra Sallow confided that the vote had been close. “We nearly lost it,” Sallow muttered.';
  const r = run(text);
  expectQuote(quote(r, 'that the vote had been close'), { type: 'indirect', speaker: 'Petra Sallow', cue: 'confided' });
  expectQuote(quote(r, '“We nearly lost it,”'), { type: 'direct', speaker: 'Petra Sallow', cue: 'muttered' });
});

test('`what officials say is ...`, `deaths that police say were ...`: `say` after a relative word and its subject, before a verb, is the cue', () => {
  const r = run('The ferry was late again on what harbour officials say is the busiest day of the year.');
  expectQuote(quote(r, 'is the busiest day of the year'), { type: 'indirect', speaker: 'harbour officials', cue: 'say' });
});

test('`And it is X, he went on, that Y`: `went on` set off by commas with its subject is a cue inside the report, like `said`', () => {
  const r = run('Ellis Brant spoke on Tuesday.\n\nIt is on the mayor’s watch, Brant said, that the bridge has rusted. And it is on the mayor’s watch, he went on, that the ferries have stopped.');
  expectQuote(quote(r, 'that the ferries have stopped'), { type: 'indirect', speaker: 'Ellis Brant', mention: 'he', cue: 'went on' });
  // (Not `went on` as a verb of its own: `the talks went on, and ...`.)
  const s = run('The talks went on, and the mayor left early.');
  assert.equal(s.quotes.length, 0, summary(s));
});

test('a past-tense verb after a quotation that a cue before it already reports is the main clause’s verb, not an inverted cue (`who said “...,” rejected the plan`)', () => {
  const r = run('Residents, who said “it is too late,” rejected the plan. “We are done,” muttered the driver.');
  expectQuote(quote(r, '“it is too late,”'), { type: 'direct', cue: 'said' });
  expectQuote(quote(r, '“We are done,”'), { type: 'direct', speaker: 'the driver', cue: 'muttered' });
});

test('an `-ing` cue the tagger reads as an adjective after `is` or `are` is a progressive when an object follows (`is promising lower fares and “...”`); `is promising.` is no cue', () => {
  const r = run('Senator Ada Brook is promising lower fares and “a train every ten minutes,” but critics doubt it.');
  expectQuote(quote(r, 'lower fares and “a train every ten minutes,”'), { type: 'mixed', speaker: 'Ada Brook', cue: 'promising' });
  const s = run('The early harvest is promising, the farmer said.');
  assert.ok(!s.quotes.some((q) => q.cue?.text === 'promising'), summary(s));
});

test('an addressee whose name the tagger reads in part as a verb (`told the Daily Herald that ...`); not in a headline in capitals', () => {
  const r = run('Paul Okafor runs the ferries. Okafor told the Daily Herald that the authority would “live with whatever the council decides.”');
  expectQuote(quote(r, 'that the authority would “live with whatever the council decides.”'), { type: 'mixed', speaker: 'Paul Okafor', mention: 'Okafor', cue: 'told' });
  const h = run('Adviser: I Never Told Mayor Private Ferry Contract Was a Bad Deal.\n\nThe adviser spoke on Monday.');
  assert.ok(!h.quotes.some((q) => q.text.includes('Bad Deal')), summary(h));
});

test('a participle on the noun of an opening phrase (`In a statement posted on its website, X ... said`) is no cue; `As the paper noted` and `After aides insisted` still are', () => {
  const r = run('In a statement posted on the club’s website, chairman Arthur Lane thanked the coach but said the board had “no choice but to act.”');
  expectQuote(quote(r, 'the board had “no choice but to act.”'), { type: 'mixed', speaker: 'Arthur Lane', cue: 'said' });
  assert.ok(!r.quotes.some((q) => q.cue?.text === 'posted'), summary(r));
  const s = run('The council met on Monday. As the paper noted, the vote is rare. After club officials insisted that the coach would stay, he left.');
  expectQuote(quote(s, 'the vote is rare'), { type: 'indirect', speaker: 'the paper', cue: 'noted' });
  expectQuote(quote(s, 'that the coach would stay'), { type: 'indirect', speaker: 'club officials', cue: 'insisted' });
});

test('a participle set off by commas before the clause’s verb (`the cost, estimated at 120 million euros, was manageable`) is no cue', () => {
  const r = run('Analysts said the cost of the recall, estimated at 120 million euros, was manageable.');
  expectQuote(quote(r, 'the cost of the recall, estimated at 120 million euros, was manageable'), { type: 'indirect', speaker: 'Analysts', cue: 'said' });
  assert.equal(r.quotes.length, 1, summary(r));
});

test('`accused X of “...”` and `blamed X on “...”` report the quotation after their object, never one before', () => {
  const r = run('At one point Voss accused the union, its leaders among them, of “putting politics before patients.” Ruiz blamed the delays on “a culture of silence” at the top.');
  expectQuote(quote(r, '“putting politics before patients.”'), { type: 'direct', speaker: 'Voss', cue: 'accused' });
  assert.ok(r.quotes.some((q) => q.cue?.text === 'blamed' && q.text.includes('“a culture of silence”')), summary(r));
  const s = run('Bemoaning the “phony system,” Lee accused the panel of bias.');
  assert.ok(!s.quotes.some((q) => q.cue?.text === 'accused'), summary(s));
});

test('a passive of naming right before a quotation (`was described as “...”`, `was dubbed “...”`) reports someone’s words about its subject; the subject is not the speaker', () => {
  const r = run('The county has been silent about the levy, which was described as “a quiet cash grab” in the local paper. The new pier was dubbed “the plank to nowhere” by Mayor Ines Falk.');
  expectQuote(quote(r, '“a quiet cash grab”'), { type: 'direct', mention: null, cue: 'described' });
  expectQuote(quote(r, '“the plank to nowhere”'), { type: 'direct', speaker: 'Ines Falk', cue: 'dubbed' });
  // (Without the marks it is the reporter's account; a title in marks is a name, no report.)
  const s = run('The old mill was described as sturdy. The ferry is described as “Harbour Queen” on the tickets.');
  assert.equal(s.quotes.length, 0, summary(s));
});

test('`“...,” came the reply from X`, `“...!” was the response of X`: a noun naming an answer after `came` or `was` and a quotation reports it, its source after `from` or `of`', () => {
  const r = run('“We will not pay a cent,” came the reply from Mayor Ines Falk. “Not now!” was the response of one angry resident. “Never,” came the answer.');
  expectQuote(quote(r, '“We will not pay a cent,”'), { type: 'direct', speaker: 'Ines Falk', cue: 'reply' });
  expectQuote(quote(r, '“Not now!”'), { type: 'direct', mention: 'one angry resident', cue: 'response' });
  expectQuote(quote(r, '“Never,”'), { type: 'direct', mention: null, cue: 'answer' });
  // (The noun elsewhere reports nothing.)
  const s = run('The response of the city was slow, and the reply came late.');
  assert.equal(s.quotes.length, 0, summary(s));
});

test('`All told,` opening a sentence is the idiom for `in all`, no report', () => {
  const r = run('All told, the harbour council spent four million on the new ferry pier.');
  assert.equal(r.quotes.length, 0, summary(r));
  const s = run('All told, the harbour workers told me the pier was unsafe.');
  expectQuote(quote(s, 'the pier was unsafe'), { type: 'indirect', cue: 'told' });
});
