/**
 * Issue 2, items 6, 7 and 8: quotes without a cue continue the previous speaker; speaker mentions
 * (names, surnames, titles, descriptions, pronouns, organisations); one person is one entity with
 * the fullest name and the descriptors gathered from appositions and pre-modifiers. Every text is
 * invented.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { run, quote, person, speakerOf, expectQuote, summary } from './helpers/extract.js';

// ---- item 6: continuation ------------------------------------------------------------------

test('a quote in the next paragraph with no cue continues the previous speaker (mention and cue null)', () => {
  const text = '“We are ready,” Coach Marta Lind said.\n\n“The players have trained all summer, and they know what is at stake.”';
  const r = run(text);
  assert.equal(r.quotes.length, 2, summary(r));
  const first = quote(r, '“We are ready,”');
  const cont = quote(r, '“The players have trained all summer, and they know what is at stake.”');
  expectQuote(cont, { type: 'direct', speaker: 'Marta Lind', mention: null, cue: null });
  assert.equal(cont.speaker.entity, first.speaker.entity);
});

test('the paragraph after `“...,” he added.` is one more quotation of the same speaker', () => {
  const text = 'Mayor Tom Brennan spoke on Monday. “We will finish the bridge,” he added.\n\n“The money is already there.”';
  const r = run(text);
  expectQuote(quote(r, '“We will finish the bridge,”'), { speaker: 'Tom Brennan', mention: 'he', cue: 'added' });
  expectQuote(quote(r, '“The money is already there.”'), { type: 'direct', speaker: 'Tom Brennan', mention: null, cue: null });
});

test('a quote later in the same paragraph, after a quote with a named speaker, continues that speaker', () => {
  const text = 'Health Minister Sara Quist said the clinics would reopen. “We have hired 200 nurses,” Quist said. “The wait times will fall by autumn.”';
  const r = run(text);
  const q = quote(r, '“The wait times will fall by autumn.”');
  expectQuote(q, { speaker: 'Sara Quist', mention: null, cue: null });
});

test('a quotation the reporter introduces with a colon after the cue’s sentence is the same speaker’s, but not the first quotation going on', () => {
  const text = '“We will not sell the farm,” Ivo Brandt said. Then came the real news: “My daughter will run it from next spring.”';
  const r = run(text);
  expectQuote(quote(r, '“We will not sell the farm,”'), { type: 'direct', speaker: 'Ivo Brandt', mention: 'Ivo Brandt', cue: 'said' });
  expectQuote(quote(r, '“My daughter will run it from next spring.”'), { type: 'direct', speaker: 'Ivo Brandt', mention: null, cue: null });
  assert.equal(r.quotes.length, 2, summary(r));
});

// ---- item 7: mentions ----------------------------------------------------------------------

test('`he added` resolves to the previous speaker, not the most recently named man', () => {
  const text =
    '“We will finish the bridge,” Mayor Tom Brennan said. The plan was drafted by engineer Paul Novak. ' +
    '“It will be the longest in the province,” he added.';
  const r = run(text);
  expectQuote(quote(r, '“It will be the longest in the province,”'), { speaker: 'Tom Brennan', mention: 'he', cue: 'added' });
});

test('`she` picks the woman when a man and a woman were just named', () => {
  const r = run('Mayor Tom Brennan and Premier Alice Okafor met on Friday. “It was a useful meeting,” she said.');
  expectQuote(quote(r, '“It was a useful meeting,”'), { speaker: 'Alice Okafor', mention: 'she' });
});

test('`the prime minister` resolves to the person introduced as `Prime Minister Jane Doe`', () => {
  const text = 'Prime Minister Jane Doe met the union leaders on Friday. “The door is open,” the prime minister said.';
  const r = run(text);
  const q = quote(r, '“The door is open,”');
  expectQuote(q, { speaker: 'Jane Doe', mention: 'the prime minister', cue: 'said' });
  assert.equal(speakerOf(r, q).id, person(r, 'Jane Doe').id);
});

test('`the mayor` and `the premier` each resolve to the holder of that title', () => {
  const a = run('Premier Alice Okafor met Mayor Tom Brennan on Friday. “The talks went well,” the mayor said.');
  expectQuote(quote(a, '“The talks went well,”'), { speaker: 'Tom Brennan', mention: 'the mayor' });
  const b = run('Premier Alice Okafor met Mayor Tom Brennan on Friday. “The talks went well,” the premier said.');
  expectQuote(quote(b, '“The talks went well,”'), { speaker: 'Alice Okafor', mention: 'the premier' });
});

test('a description in indirect speech (`The mayor added that ...`) resolves to the person', () => {
  const r = run('Mayor Tom Brennan said the road would reopen. Brennan, 54, said crews were working overnight. The mayor added that detours would stay in place.');
  expectQuote(quote(r, 'that detours would stay in place'), { type: 'indirect', speaker: 'Tom Brennan', mention: 'The mayor', cue: 'added' });
  expectQuote(quote(r, 'crews were working overnight'), { speaker: 'Tom Brennan', mention: 'Brennan' });
});

test('an organisation as source: `the ministry said`', () => {
  const r = run('“The recall affects 12,000 vehicles,” the ministry said in a statement.');
  const q = quote(r, '“The recall affects 12,000 vehicles,”');
  expectQuote(q, { type: 'direct', speaker: 'the ministry', mention: 'the ministry', cue: 'said' });
  assert.notEqual(speakerOf(r, q).kind, 'person');
});

test('a named organisation `the Ministry of Transport said` is named in full',
  () => {
  const r = run('“The recall affects 12,000 vehicles,” the Ministry of Transport said in a statement.');
  const q = quote(r, '“The recall affects 12,000 vehicles,”');
  assert.match(q.speaker.name ?? '', /^(the )?Ministry of Transport$/);
  assert.match(q.speaker.mention?.text ?? '', /Ministry of Transport$/);
  assert.equal(speakerOf(r, q).kind, 'org');
});

test('an unnamed source `a spokesperson for Elections Canada` is named by the whole description', () => {
  const r = run('“We found no evidence of tampering,” a spokesperson for Elections Canada said.');
  const q = quote(r, '“We found no evidence of tampering,”');
  expectQuote(q, { speaker: 'a spokesperson for Elections Canada', cue: 'said' });
  assert.match(q.speaker.mention?.text ?? '', /spokesperson/);
});

test('after an inverted cue a role keeps its `for` or `of` complement with its determiner (`said a spokesperson for the port`), but not the report’s time or place (`on Monday`, `in a statement`)', () => {
  const r = run('“We found no leak,” said a spokesperson for the port authority. “The pier is safe,” said the chair of the harbour board. “Ships can dock,” said a spokesman on Monday. “Fees stay the same,” said a spokeswoman in a statement.');
  expectQuote(quote(r, '“We found no leak,”'), { speaker: 'a spokesperson for the port authority', mention: 'a spokesperson for the port authority', cue: 'said' });
  expectQuote(quote(r, '“The pier is safe,”'), { speaker: 'the chair of the harbour board', mention: 'the chair of the harbour board', cue: 'said' });
  expectQuote(quote(r, '“Ships can dock,”'), { mention: 'a spokesman', cue: 'said' });
  expectQuote(quote(r, '“Fees stay the same,”'), { mention: 'a spokeswoman', cue: 'said' });
});

test('an apostrophe glued to a plural or a name in s is a possessive inside the source (`the dockers’ union said`, `Voss’ campaign said`), so the quotation before it is reported', () => {
  const r = run('“The strike is over,” the dockers’ union said. “We won,” said the head of the teachers\' union. Tom Voss’ campaign said the rally would go ahead.');
  expectQuote(quote(r, '“The strike is over,”'), { type: 'direct', speaker: 'the dockers’ union', mention: 'the dockers’ union', cue: 'said' });
  expectQuote(quote(r, '“We won,”'), { type: 'direct', speaker: 'the head of the teachers\' union', cue: 'said' });
  assert.equal(quote(r, 'the rally would go ahead').speaker.mention?.text, 'Tom Voss’ campaign', summary(r));
});

test('a day after a role’s complement is when it was said, not part of the source (`said the head of the union Monday`)', () => {
  const r = run('“The strike is over,” said the head of the port union Monday. “Ferries run again,” said a spokesman for Harbor Works Tuesday.');
  expectQuote(quote(r, '“The strike is over,”'), { speaker: 'the head of the port union', mention: 'the head of the port union', cue: 'said' });
  expectQuote(quote(r, '“Ferries run again,”'), { speaker: 'a spokesman for Harbor Works', mention: 'a spokesman for Harbor Works', cue: 'said' });
});

test('`the ministry` resolves to the ministry the article introduced by name',
  () => {
  const r = run('Ontario’s Ministry of Health announced the closures on Monday. The ministry said the clinics would reopen in May.');
  const q = quote(r, 'the clinics would reopen in May');
  assert.match(q.speaker.name ?? '', /Ministry of Health$/);
  assert.equal(q.speaker.mention?.text, 'The ministry');
});

test('`the agency` resolves to the agency the article named (Statistics Canada)',
  () => {
  const r = run('The report was released by Statistics Canada on Tuesday. “Prices rose 3 per cent,” the agency said.');
  expectQuote(quote(r, '“Prices rose 3 per cent,”'), { speaker: 'Statistics Canada', mention: 'the agency' });
});

// ---- item 8: one person, one entity --------------------------------------------------------

test('full name, surname, pronoun and apposition are one entity with the full name', () => {
  const text =
    'Premier Alice Okafor said the province would borrow more. “We have no choice,” Okafor said. ' +
    '“Rates are low,” she added. Okafor, a former banker, said the debt was manageable.';
  const r = run(text);
  const p = person(r, 'Alice Okafor');
  assert.equal(r.people.filter((x) => /Okafor/.test(x.name)).length, 1);
  assert.equal(r.quotes.length, 4, summary(r));
  for (const q of r.quotes) assert.equal(q.speaker.entity, p.id, `${q.text} -> ${q.speaker.name}`);
  const mentions = p.mentions.map((m) => m.text);
  assert.ok(mentions.includes('Alice Okafor') && mentions.includes('Okafor'), mentions.join('|'));
  assert.ok(p.descriptors.includes('Premier'), p.descriptors.join('|'));
  assert.ok(p.descriptors.includes('former banker'), p.descriptors.join('|'));
  assert.equal(p.gender, 'f');
});

test('the canonical name is the fullest form even when the surname comes first', () => {
  const r = run('Okafor was first elected in 2011. Premier Alice Okafor said on Monday that she would run again.');
  const q = quote(r, 'that she would run again');
  expectQuote(q, { speaker: 'Alice Okafor' });
  assert.equal(r.people.filter((x) => /Okafor/.test(x.name)).length, 1);
  assert.equal(person(r, 'Alice Okafor').mentions.length, 2);
});

test('a possessive pre-modifier (`Toronto’s deputy mayor Tom Brennan`) is a descriptor', () => {
  const r = run('Toronto’s deputy mayor Tom Brennan said the budget was fair. “It is balanced,” Brennan said.');
  const p = person(r, 'Tom Brennan');
  assert.ok(p.descriptors.includes('Toronto’s deputy mayor'), p.descriptors.join('|'));
  for (const q of r.quotes) assert.equal(q.speaker.entity, p.id);
});

test('an apposition after the surname (`Okafor, the 61-year-old union organizer,`) is a descriptor', () => {
  const r = run('Former Ontario premier Alice Okafor spoke at the rally. Okafor, the 61-year-old union organizer, said the strike would continue.');
  const p = person(r, 'Alice Okafor');
  assert.ok(p.descriptors.some((d) => /^(the )?61-year-old union organizer$/.test(d)), p.descriptors.join('|'));
  assert.ok(p.descriptors.some((d) => /^former Ontario premier$/i.test(d)), p.descriptors.join('|'));
  expectQuote(quote(r, 'the strike would continue'), { speaker: 'Alice Okafor', mention: 'Okafor' });
});

test('an apposition after the full name (`Alice Okafor, the premier of Ontario,`) is a descriptor',
  () => {
  const r = run('Alice Okafor, the premier of Ontario, said the province would borrow more.');
  const p = person(r, 'Alice Okafor');
  assert.ok(p.descriptors.some((d) => /^(the )?premier of Ontario$/.test(d)), JSON.stringify(p.descriptors));
});

test('descriptors are whole titles, not their fragments (`Prime Minister` but not `Prime`)',
  () => {
  const r = run('Prime Minister Jane Doe met the union leaders on Friday. “The door is open,” the prime minister said.');
  const p = person(r, 'Jane Doe');
  assert.ok(p.descriptors.includes('Prime Minister'), JSON.stringify(p.descriptors));
  assert.ok(!p.descriptors.includes('Prime'), JSON.stringify(p.descriptors));
});

test('words after the name in `According to X, the deficit ...` are not X\'s descriptors',
  () => {
  const r = run('According to Finance Minister Raj Mehta, the deficit will shrink by half.');
  const p = person(r, 'Raj Mehta');
  assert.ok(p.descriptors.includes('Finance Minister'), JSON.stringify(p.descriptors));
  assert.ok(!p.descriptors.some((d) => /deficit/.test(d)), JSON.stringify(p.descriptors));
});

test('two people who share a surname stay two entities', () => {
  const text =
    'Mayor Tom Brennan and his sister, councillor Mary Brennan, disagreed. ' +
    '“The bridge is too expensive,” Mary Brennan said. “It is worth every cent,” Tom Brennan said.';
  const r = run(text);
  const tom = person(r, 'Tom Brennan');
  const mary = person(r, 'Mary Brennan');
  assert.notEqual(tom.id, mary.id);
  assert.equal(quote(r, '“The bridge is too expensive,”').speaker.entity, mary.id);
  assert.equal(quote(r, '“It is worth every cent,”').speaker.entity, tom.id);
  assert.ok(mary.descriptors.includes('councillor'), JSON.stringify(mary.descriptors));
});

test('a noun before a name is a descriptor only when it is a role (`In a Bloomberg interview Okafor said`)', () => {
  const r = run('In a Bloomberg interview Okafor said the alliance was obsolete. Former harbour commissioner Lena Brandt disagreed.');
  const okafor = r.people.find((p) => p.name === 'Okafor');
  assert.ok(okafor, summary(r));
  assert.deepEqual(okafor.descriptors, []);
  assert.deepEqual(r.people.find((p) => p.name === 'Lena Brandt')?.descriptors, ['Former harbour commissioner']);
});

test('a particle is no first name inside a fuller name, and the pronoun can mean a person before they speak', () => {
  const r = run('For Samira Al Fayadi and hundreds of other newcomers, the wait is over.\n\n'
    + 'The 31-year-old mother has one aim: a licence for herself and her husband, Karim Al Nouri.\n\n'
    + '"I am not a visitor. I am a neighbour, just like you," she said in an interview.\n\nAl Fayadi also remembers her first winter.');
  expectQuote(quote(r, '"I am not a visitor. I am a neighbour, just like you,"'), { speaker: 'Samira Al Fayadi', mention: 'she' });
  const samira = r.people.find((p) => p.name === 'Samira Al Fayadi');
  assert.equal(samira?.gender, 'f', summary(r));
  assert.ok(!r.people.some((p) => p.name.startsWith('I')), summary(r));
});

test('a name the article calls `the company` or `it` is an organisation, not a person', () => {
  const r = run('Tesla named a new chair on Monday. “We searched widely,” Tesla said. The company said the search took months. It said the board was pleased.');
  const tesla = r.people.find((p) => p.name === 'Tesla');
  assert.equal(tesla?.kind, 'org', summary(r));
  assert.deepEqual(r.quotes.map((q) => q.speaker.name), ['Tesla', 'Tesla', 'Tesla']);
  // An acronym written with full stops is an organisation too.
  assert.equal(run('The S.E.C. said the firm misled investors.').people.find((p) => p.name === 'S.E.C.')?.kind, 'org');
});

test('`A and B said` is one source, both of them; `they` then means the pair', () => {
  const text = 'In a statement, the owners Tore Lind and Maria Okafor said they respected the vote.\n\n“Our priority is a healthy workplace,” they said. “We are proud of our staff,” said Lind and Okafor.';
  const r = run(text);
  const pair = r.quotes.find((q) => q.text.includes('respected the vote'))!;
  expectQuote(pair, { speaker: 'Tore Lind and Maria Okafor', mention: 'Tore Lind and Maria Okafor', cue: 'said' });
  const group = speakerOf(r, pair);
  assert.deepEqual(group.members?.map((id) => r.people.find((p) => p.id === id)?.name), ['Tore Lind', 'Maria Okafor']);
  expectQuote(quote(r, '“Our priority is a healthy workplace,”'), { speaker: 'Tore Lind and Maria Okafor', mention: 'they' });
  expectQuote(quote(r, '“We are proud of our staff,”'), { speaker: 'Tore Lind and Maria Okafor', mention: 'Lind and Okafor', cue: 'said' });
});

test('`A, B and C wrote` lists all three; the parts of one institution’s name are no list', () => {
  const r = run('Anna Berg, Paul Novak and Jim Carter wrote that the law “is broken.” The Bureau of Parks and Recreation estimates that one in 12 benches needs repair.');
  expectQuote(r.quotes.find((q) => q.text.includes('is broken'))!, { speaker: 'Anna Berg, Paul Novak and Jim Carter' });
  const cdc = r.quotes.find((q) => q.text.includes('one in 12'))!;
  assert.ok(!/ and /.test(cdc.speaker.name ?? ''), summary(r));
});

test('an epithet means the person the passage introduces with a relative clause, not a name after a preposition', () => {
  const text = 'No, I am not talking about Bruno Castellane, who played a radio detective.\n\n' +
    'I am talking about Tomas Ferreira, who like Castellane was born in Portugal. “We print only what our neighbours write,” says the 41-year-old owner of the shop.';
  const r = run(text);
  expectQuote(r.quotes.find((q) => q.text.includes('our neighbours write'))!, { speaker: 'Tomas Ferreira', mention: 'the 41-year-old owner of the shop', cue: 'says' });
});

test('a name after a preposition is no subject, so it does not take `he` (`like Harold Pike had done`)', () => {
  const text = 'Owen Tallis runs a small cidery in Pine Hollow. He borrowed money, much like Harold Pike had done years before.\n\n“We were ready,” he said.';
  const r = run(text);
  expectQuote(quote(r, '“We were ready,”'), { speaker: 'Owen Tallis', mention: 'he' });
});

test('a quotation standing alone after a sentence about another named person is that person’s (no mention)', () => {
  const text = '“I always thought it should run longer,” says Marcus Webb. Lidia Sorel did not need much persuading. “I am grateful for the call and this chance to try something new.” She also thanked the musicians.';
  const r = run(text);
  expectQuote(quote(r, '“I am grateful for the call and this chance to try something new.”'), { speaker: 'Lidia Sorel', mention: null, cue: null });
  // Right after the cue's own sentence, it still continues the speaker.
  const r2 = run('“It should run longer,” says Marcus Webb. “It is exciting to return to an old sketch.”');
  expectQuote(quote(r2, '“It is exciting to return to an old sketch.”'), { speaker: 'Marcus Webb', mention: null, cue: null });
});

test('a headline in Title Case gives no name its words: `Nora Haldane Slams Port Authority` is Nora Haldane', () => {
  const r = run('Nora Haldane Slams Port Authority Over Dredging Plans.\n\n'
    + 'The senator spoke on Tuesday. “It is reckless,” Haldane said. The Port Authority said it “followed every rule.”');
  expectQuote(quote(r, '“It is reckless,”'), { speaker: 'Nora Haldane', mention: 'Haldane', cue: 'said' });
  expectQuote(quote(r, 'it “followed every rule.”'), { type: 'mixed', speaker: 'Port Authority', cue: 'said' });
});

test('a quotation after the colon that ends a main clause is its subject’s, past adverbs and an apposition, also when it opens the next paragraph', () => {
  const r = run('The ferry ran late all week. Nora Quill has since apologized for the delay: “I should have told the families sooner, and I am sorry.”');
  expectQuote(quote(r, '“I should have told the families sooner, and I am sorry.”'), { speaker: 'Nora Quill', mention: 'Nora Quill' });
  const r2 = run('The ferry ran late all week. Mayor Ellen Park, a former captain, issued the following statement:\n\n“Our thoughts are with the crews and their families tonight.”');
  expectQuote(quote(r2, '“Our thoughts are with the crews and their families tonight.”'), { speaker: 'Ellen Park', mention: 'Ellen Park' });
});

test('a place and an institution named after it are two entities, so `the agency` means the institution', () => {
  const text = 'Several neighbours, including Norway and the U.S., have already objected.\n\n'
    + 'The U.S. Commerce Department announced new fishing rules on Friday.\n\n'
    + '“We will protect our waters, and we will protect our fleets,” the agency said in a statement.';
  const r = run(text);
  expectQuote(quote(r, '“We will protect our waters, and we will protect our fleets,”'), { speaker: 'U.S. Commerce Department', mention: 'the agency', cue: 'said' });
});

test('`the utility` after the institution has spoken for paragraphs is that institution', () => {
  const text = 'Norvale Power said on Sunday that 40,000 customers were still without electricity.\n\n'
    + 'Heavy snow brought down lines across the valley overnight.\n\n'
    + '“The damage is severe, and some towns will wait days,” it said in a statement.\n\n'
    + '“We ask everyone for patience.”\n\n'
    + 'More than 300 crews will keep working through the night, the utility said.';
  const r = run(text);
  expectQuote(r.quotes.find((q) => q.text.includes('300 crews'))!, { speaker: 'Norvale Power', mention: 'the utility', cue: 'said' });
});

test('`the institute` is the institute the article named, even several paragraphs back', () => {
  const text = 'A poll by the Harwick Policy Institute found the mayor trailing.\n\n'
    + 'Mayor Dana Kell has campaigned across the city all week.\n\n'
    + 'Her rival, Tom Ruse, spent the week in the suburbs.\n\n'
    + 'Both have bought television time.\n\n'
    + 'Kell said she would win “by a mile and then some.”\n\n'
    + 'Among older voters, Ruse leads by nine points, according to the institute.';
  const r = run(text);
  expectQuote(r.quotes.find((q) => q.text.includes('nine points'))!, { speaker: 'Harwick Policy Institute', mention: 'the institute' });
});

test('a writing speaks for its author: a name before its head or after `from`, an institution by its kind, the latest speaker for a bare statement', () => {
  const r = run('A statement from the Lakeside Tenants Association said rents had risen “far beyond what families can bear.”');
  expectQuote(r.quotes.find((q) => q.text.includes('far beyond'))!, { speaker: 'Lakeside Tenants Association' });
  const r2 = run('The Harbour Workers Union will speak for all porters and drivers at both terminals, according to the union’s Monday release.');
  expectQuote(r2.quotes.find((q) => q.text.includes('porters and drivers'))!, { speaker: 'Harbour Workers Union' });
  const r3 = run('The charity Brightwater Aid said its field nurse was among the injured. A statement said the charity was “deeply shaken” by the attack.');
  expectQuote(r3.quotes.find((q) => q.text.includes('deeply shaken'))!, { speaker: 'Brightwater Aid', mention: 'A statement' });
});

test('a hyphenated role (`sergeant-at-arms`, `editor-in-chief`) keeps its `of` phrase: the role, not the institution, is the source', () => {
  const text = 'Kevin Varga, a former sergeant-at-arms, became consul in Lisbon in 2019.\n\n'
    + 'The former sergeant-at-arms of the Legislative Assembly said Monday he is weighing a bid for the mayoralty.\n\n'
    + 'The editor-in-chief of the Harbour Times said the paper would “keep printing as long as people read it.”';
  const r = run(text);
  expectQuote(r.quotes.find((q) => q.text.includes('a bid for the mayoralty'))!, { speaker: 'Kevin Varga', mention: 'The former sergeant-at-arms of the Legislative Assembly' });
  expectQuote(r.quotes.find((q) => q.text.includes('keep printing'))!, { speaker: 'The editor-in-chief of the Harbour Times', mention: 'The editor-in-chief of the Harbour Times' });
});

test('a title word that is the surname of a person named in full is a name on its own (`Nora Dean ... Dean mocked ..., tweeting “...”`)', () => {
  const r = run('Nora Dean, the former party chair, spoke in Halifax on Monday.\n\nDean mocked the ferry plan, tweeting, “Notice the empty seats every single time.”');
  expectQuote(quote(r, '“Notice the empty seats every single time.”'), { speaker: 'Nora Dean', mention: 'Dean', cue: 'tweeting' });
});

test('`they` with no group speaking before means the plural subject of people nearest before it, not a subject inside a `that` clause', () => {
  const r = run('The lockout entered its third week. Liberal councillors are keen to get back to debating zoning, and they say they will not “accept any more delays this season.”');
  expectQuote(r.quotes.find((q) => q.text.includes('more delays this season'))!, { speaker: 'Liberal councillors', mention: 'they' });
  const r2 = run('Civil rights groups argued that federal prosecutors are the best judges of the cases, but they said the plan “does not go nearly far enough.”');
  const q2 = r2.quotes.find((q) => q.text.includes('nearly far enough'))!;
  assert.notEqual(q2.speaker.name, 'federal prosecutors', summary(r2));
});

test('a familiar given name (`Bill`, `Sandy`, `Xander`) is the person of the formal one with the same surname, named by the formal one', () => {
  const text = 'William Ostrowski opened the bakery in 1998. Brenda Ostrowski runs the front counter.\n\n'
    + '“We bake everything before dawn,” Bill Ostrowski said.';
  const r = run(text);
  expectQuote(quote(r, '“We bake everything before dawn,”'), { speaker: 'William Ostrowski', mention: 'Bill Ostrowski' });
  // A familiar form shortened from the formal name joins it too; a woman of that surname does not.
  const r2 = run('Alexander Pelt coaches the junior team. Alex Pelt said the season would be “the hardest yet.” Alexandra Pelt said she was “proud of him.”');
  expectQuote(r2.quotes.find((q) => q.text.includes('hardest yet'))!, { speaker: 'Alexander Pelt' });
  expectQuote(r2.quotes.find((q) => q.text.includes('proud of him'))!, { speaker: 'Alexandra Pelt' });
});

test('`the city` is not a place merely named nearby (an arena, a district), only one that has spoken', () => {
  const r = run('The new Harwick Fields complex will have three rinks.\n\nBut the old Dunmore Arena will close once it opens, according to the city.');
  const q = r.quotes.find((x) => x.text.includes('old Dunmore Arena'))!;
  assert.ok(q, summary(r));
  assert.notEqual(q.speaker.name, 'Harwick Fields', summary(r));
  assert.notEqual(q.speaker.name, 'Dunmore Arena', summary(r));
  expectQuote(q, { speaker: 'the city' });
});

test('a description opening a lede is the person named first in the next sentence, as its subject or as the speaker of its opening quote', () => {
  const r = run('A former county treasurer says the audit was “rushed and incomplete.”\n\nMarla Quint told reporters on Tuesday that she had warned the council in March.');
  expectQuote(r.quotes.find((q) => q.text.includes('rushed and incomplete'))!, { speaker: 'Marla Quint', mention: 'A former county treasurer' });
  const r2 = run('A spokesman for the premier said the budget would not change.\n\n“We made our choices in the spring,” said Devon Akers.');
  expectQuote(r2.quotes.find((q) => q.text.includes('budget would not change'))!, { speaker: 'Devon Akers' });
  // Not a description inside its sentence, nor one the named person is described otherwise than.
  const r3 = run('The mayor will tour the mill on Saturday, according to a campaign aide. Ruth Benning, her opponent, said the visit was “a photo opportunity.”');
  expectQuote(r3.quotes.find((q) => q.text.includes('will tour the mill'))!, { speaker: 'a campaign aide' });
  const r4 = run('A newspaper columnist said the senator should resign.\n\n“He has lost the room,” said Paul Ferrante, a party strategist.');
  expectQuote(r4.quotes.find((q) => q.text.includes('should resign'))!, { speaker: 'A newspaper columnist' });
});

test('an acronym is the institution whose name it abbreviates, named in full, whichever comes first', () => {
  const r = run('The Provincial Fisheries Board released its report on Monday.\n\nThe PFB said the cod stock “has not recovered since 2009.”');
  expectQuote(r.quotes.find((q) => q.text.includes('has not recovered'))!, { speaker: 'Provincial Fisheries Board', mention: 'PFB' });
  const r2 = run('The NHA said rents would rise “by a third within two years.” The Northern Housing Alliance has warned of a shortage before.');
  expectQuote(r2.quotes.find((q) => q.text.includes('by a third'))!, { speaker: 'Northern Housing Alliance', mention: 'NHA' });
  // Not a person's initials.
  const r3 = run('Harold Ray Carter spoke first. The HRC said the ruling was “a step backward.”');
  expectQuote(r3.quotes.find((q) => q.text.includes('a step backward'))!, { speaker: 'HRC' });
});

test('a sentence-initial word the article also writes in lower case is part of the name after it when the two stand together elsewhere (`Harvest Ontario`)', () => {
  const text = 'About 300 people came to the harvest fair on Saturday.\n\n'
    + 'Harvest Ontario, the group that organized the fair, said it had “never seen a crowd like this.”\n\n'
    + 'Organizers from Harvest Ontario plan a second fair in October.';
  const r = run(text);
  expectQuote(r.quotes.find((q) => q.text.includes('never seen a crowd'))!, { speaker: 'Harvest Ontario', mention: 'Harvest Ontario' });
});

test('`for` after an institution word continues its name, and so does `and` inside such a name (`Council for Rural Health and Development`)', () => {
  const r = run('A report by the Council for Rural Health and Development said clinics were “closing faster than they open.”');
  expectQuote(r.quotes.find((q) => q.text.includes('closing faster'))!, { speaker: 'Council for Rural Health and Development' });
  const r2 = run('The Harlow Center for Water Policy said the dam was “a bad bet from the start.”');
  expectQuote(r2.quotes.find((q) => q.text.includes('a bad bet'))!, { speaker: 'Harlow Center for Water Policy' });
});

test('a surname alone of a person named in full, the subject of a `who` clause after a preposition, takes the topic from the last speaker', () => {
  const text = 'Marco Velloni opened the bakery in 2004.\n\n'
    + '“Without Marco, nobody here would have a job,” says Teo Ricci, a neighbour. For Velloni, who still kneads every loaf by hand, the work is simple. “You start at four and you stop when it is sold,” he says.';
  const r = run(text);
  expectQuote(quote(r, '“You start at four and you stop when it is sold,”'), { speaker: 'Marco Velloni', mention: 'he' });
});

test('a description whose last word is a name (`the latest tally from Statistics Canada`) is no epithet of the person the passage is about', () => {
  const r = run('Dana Ruiz, who runs the harbour board, said the port would grow. According to the latest tally from Statistics Canada, the port handled four million tonnes last year.');
  const q = r.quotes.find((x) => x.text.includes('four million tonnes'))!;
  assert.notEqual(q.speaker.name, 'Dana Ruiz', summary(r));
  assert.match(q.speaker.name ?? '', /Statistics Canada/);
});

test('a title\'s `of` phrase (`CEO of Harbour Trust`) names the institution without the `of`', () => {
  const r = run('“We will grow,” said Dana Ruiz, CEO of Harbour Trust. Harbour Trust said later that it would hire 40 people.');
  expectQuote(r.quotes.find((q) => q.text.includes('hire 40 people'))!, { speaker: 'Harbour Trust', mention: 'Harbour Trust' });
});

test('a relative named by the given name alone (`Varek’s father, Peter,`) is no other person of that given name, and `his father` means them', () => {
  const text = 'Fire chief Peter Okwu said the blaze was out. “We have cleared the building,” Okwu said.\n\n'
    + 'The firm confirmed that one of the injured was Daniel Varek, its co-founder.\n\n'
    + 'Varek\'s father, Peter, says his son was raised in Halifax. His father said he volunteered for small charities building playgrounds.';
  const r = run(text);
  const says = r.quotes.find((q) => q.text.includes('raised in Halifax'))!;
  expectQuote(says, { speaker: 'Peter', mention: 'Peter' });
  expectQuote(r.quotes.find((q) => q.text.includes('small charities'))!, { speaker: 'Peter', mention: 'His father' });
  // The relative's own full name is the same person.
  const r2 = run('Maren Holt spoke at the fair on Monday. Holt\'s daughter, Maren, said the stall was “busier than ever.”');
  expectQuote(r2.quotes.find((q) => q.text.includes('busier than ever'))!, { speaker: 'Maren Holt', mention: 'Maren' });
});

test('a study speaks for its author, named before it or in a `by` phrase after it (`a study which is being published Thursday by X`), and `the study` later is the same author\'s', () => {
  const r = run('Apprenticeships are the surest path into the trades, according to a new study which is being published Thursday by the Harbour Institute. The shipyard trained 300 apprentices in 2021, according to the study.');
  expectQuote(r.quotes.find((q) => q.text.includes('surest path'))!, { speaker: 'Harbour Institute', mention: 'a new study' });
  expectQuote(r.quotes.find((q) => q.text.includes('300 apprentices'))!, { speaker: 'Harbour Institute', mention: 'the study' });
  const r2 = run('The Republican Party held its meeting in Ohio. A poll of Republican voters released on Friday said that most want lower taxes. A new Harbour Institute survey says the port “needs more young workers.”');
  // (`of` after a poll names whom it asked, not its author.)
  expectQuote(r2.quotes.find((q) => q.text.includes('lower taxes'))!, { speaker: 'A poll of Republican voters' });
  expectQuote(r2.quotes.find((q) => q.text.includes('young workers'))!, { speaker: 'Harbour Institute' });
});

test('a place word alone is no part of a longer name that holds it: `Jordan` keeps Paul Jordan a person, `Halifax` is not the Halifax Comets', () => {
  const r = run('Rep. Paul Jordan spoke first. “We will win,” Jordan said. The vote was then delayed by an hour. “It will be a long night,” he added.');
  expectQuote(quote(r, '“It will be a long night,”'), { speaker: 'Paul Jordan', mention: 'he' });
  const r2 = run('The Halifax Comets traded two players on Thursday. Jonas Vale, who was drafted by Halifax in 2014, was cleared to play. The team posted a picture of him with a caption: “I’m home.”');
  expectQuote(quote(r2, '“I’m home.”'), { speaker: 'Halifax Comets', mention: 'The team' });
});

test('a name that opens with a place and has no given name (`the Vermont Elks`) is no man `he` means', () => {
  const r = run('Tom Ward ran the hall for years.\n\nThe Vermont Elks gave the hall a new roof on Friday. “It was a gift,” he said.');
  expectQuote(quote(r, '“It was a gift,”'), { speaker: 'Tom Ward', mention: 'he' });
});

test('`the agency` is no plan or strategy named just before it (`Clean Food Strategy`), but the institution whose plan it is', () => {
  const r = run('Environment Canada released new advice on Monday. In its new Clean Water Plan, for example, the agency suggests that households “fix leaky taps before summer.”');
  expectQuote(r.quotes.find((q) => q.text.includes('fix leaky taps'))!, { speaker: 'Environment Canada', mention: 'the agency' });
});

test('a phrase after a participle that follows a noun is its object, not the speaker (`A lawyer representing the family said`)', () => {
  const r = run('The council met on Tuesday. A lawyer representing the family said the ruling was wrong. Residents opposing the tower said they would appeal.');
  expectQuote(r.quotes.find((q) => q.text.includes('ruling was wrong'))!, { speaker: 'A lawyer', mention: 'A lawyer' });
  expectQuote(r.quotes.find((q) => q.text.includes('would appeal'))!, { mention: 'Residents' });
});

test('a share of a group (`One of the protesters`) and a person\'s noun before a chain of prepositional phrases (`Two people with knowledge of the talks`, `The owner of the bakery across the street`) are the whole speaker', () => {
  const r = run('The council met on Tuesday. One of the protesters said the road would reopen. Two people with knowledge of the talks said a deal was close. The owner of the bakery across the street said business had fallen. Most of the Senate Republicans said they would wait.');
  expectQuote(r.quotes.find((q) => q.text.includes('road would reopen'))!, { speaker: 'One of the protesters', mention: 'One of the protesters' });
  expectQuote(r.quotes.find((q) => q.text.includes('deal was close'))!, { speaker: 'Two people with knowledge of the talks' });
  expectQuote(r.quotes.find((q) => q.text.includes('business had fallen'))!, { speaker: 'The owner of the bakery across the street' });
  // (A named group's share rests on the name.)
  expectQuote(r.quotes.find((q) => q.text.includes('would wait'))!, { mention: 'Senate Republicans' });
});

test('`the Ohio Republican` (a place and a party after `the`) describes the politician just quoted, not a new source', () => {
  const r = run('House Speaker Tom Reyes says the bill will pass next week. The Ohio Republican said in a statement that the vote “will not be close.”');
  expectQuote(r.quotes.find((q) => q.text.includes('will not be close'))!, { speaker: 'Tom Reyes', mention: 'Ohio Republican' });
});

test('`he` after an unnamed source that just spoke (`a witness told Reuters`) means that source, not a man named paragraphs before', () => {
  const text = 'Governor Paul Ostrander spoke on Monday. “The siege is over,” Ostrander said.\n\n' +
    'Four gunmen entered the office tower. A witness told Reuters that they left a bag in the lobby.\n\n' +
    'The gunmen later holed up on the top floor, he said.';
  const r = run(text);
  expectQuote(r.quotes.find((q) => q.text.includes('holed up'))!, { speaker: 'A witness', mention: 'he' });
});

test('`he` after an unnamed source means a man who stood as a subject since (`Gov. Ann Lee (D) tried`), not the source', () => {
  const text = 'Governor Paul Ostrander spoke on Monday. A witness told Reuters that the gunmen left a bag in the lobby. ' +
    'Ostrander (R) then visited the tower. The gunmen were gone, he said.';
  const r = run(text);
  expectQuote(r.quotes.find((q) => q.text.includes('were gone'))!, { speaker: 'Paul Ostrander', mention: 'he' });
});

test('a month that is also a surname, after a first name, is the surname (`Prime Minister Alice May said`)', () => {
  const r = run('Prime Minister Alice May said the deal was dead. Later, Ms. May said the vote would be held "as soon as we can."');
  expectQuote(r.quotes.find((q) => q.text.includes('deal was dead'))!, { speaker: 'Alice May', mention: 'Alice May', cue: 'said' });
  expectQuote(r.quotes.find((q) => q.text.includes('as soon as'))!, { speaker: 'Alice May' });
});

test('a quotation that continues one after it in its paragraph takes that one\'s speaker (`“...” Mayor Tom Reyes said ...`)', () => {
  const r = run('“We held the line,” said Dana Ruiz.\n\n“We are ready for the storm and the floods.” Mayor Tom Reyes said the city had prepared.');
  expectQuote(quote(r, '“We are ready for the storm and the floods.”'), { speaker: 'Tom Reyes', mention: null, cue: null });
});

test('a quotation standing alone after a reporter\'s sentence whose subject is a pronoun, or a name after an opening adverbial, is that subject\'s', () => {
  const r = run('“We held the line,” said Dana Ruiz.\n\nOn “Morning Harbour,” Sen. Ann Cole (Vt.), who lost the primary, spoke about first-time voters. “The younger people are fed up with being ignored.”');
  expectQuote(quote(r, '“The younger people are fed up with being ignored.”'), { speaker: 'Ann Cole', mention: null, cue: null });
  const s = run('“We held the line,” said Dana Ruiz.\n\nAnn Cole did not need persuading. “I am grateful for the call.” She also thanked the musicians.\n\n“They are wonderfully sharp and very generous.” Dana Ruiz later spoke about the budget.');
  expectQuote(quote(s, '“They are wonderfully sharp and very generous.”'), { speaker: 'Ann Cole', mention: null, cue: null });
});

test('an infinitive has no subject of its own: after `tells her son to climb down ... and says`, the speaker is the one who tells', () => {
  const r = run('Nora Valdes stood at the gate. She then tells her son to climb down from the roof and loudly says, “Come inside now,” before the storm hits.');
  expectQuote(quote(r, '“Come inside now,”'), { speaker: 'Nora Valdes', mention: 'She', cue: 'says' });
});

test('a participle after its own subordinator (`while chanting`) goes with the main clause, past a relative clause that dashes or brackets close', () => {
  let r = run('Crowds of farmers kept marching around the old mill - where the county fair was held last week - while chanting, “Fair prices for all.”');
  expectQuote(quote(r, '“Fair prices for all.”'), { mention: 'farmers', cue: 'chanting' });
  r = run('Crowds of farmers kept marching around the old mill (where the county fair was held last week) while chanting, “Fair prices for all.”');
  expectQuote(quote(r, '“Fair prices for all.”'), { mention: 'farmers', cue: 'chanting' });
  // (A relative clause left open still takes the participle.)
  r = run('The mayor spoke at the park, where 50 farmers had gathered, chanting “Fair prices for all.”');
  expectQuote(quote(r, '“Fair prices for all.”'), { mention: '50 farmers', cue: 'chanting' });
});

test('after `?”` a capitalised pronoun opens a new sentence, whose cue does not report the question before it, unless that sentence is only a subject and a cue', () => {
  let r = run('Councillor Ines Wahl spoke about the vote. “Who could say no to a free park?” She now calls it a costly error.');
  expectQuote(quote(r, '“Who could say no to a free park?”'), { speaker: 'Ines Wahl', mention: null, cue: null });
  r = run('Councillor Ines Wahl spoke about the vote. “Who could say no to a free park?” She asked.');
  expectQuote(quote(r, '“Who could say no to a free park?”'), { speaker: 'Ines Wahl', mention: 'She', cue: 'asked' });
  r = run('Councillor Ines Wahl spoke about the vote. “Who could say no to a free park?” she asked the crowd at the hall.');
  expectQuote(quote(r, '“Who could say no to a free park?”'), { speaker: 'Ines Wahl', mention: 'she', cue: 'asked' });
});

test('a gender the first-name lists only guess does not keep a pronoun from the one person it can mean', () => {
  // (`Hao` is on the lists as a man's name; the pronoun, with no one else about, corrects it.)
  let r = run('Hao Meilan has sold tea on the pier for nine years. “The rent keeps rising,” she said.');
  expectQuote(quote(r, '“The rent keeps rising,”'), { speaker: 'Hao Meilan', mention: 'she' });
  assert.equal(r.people.find((p) => p.name === 'Hao Meilan')?.gender, 'f', summary(r));
  // (A gendered noun outweighs the guess too.)
  r = run('Hao Meilan, a mother of three, has sold tea on the pier for nine years. Councillor Piet Brandvold disagreed. “The rent keeps rising,” she said.');
  expectQuote(quote(r, '“The rent keeps rising,”'), { speaker: 'Hao Meilan', mention: 'she' });
  // (With someone about whom the pronoun fits, the lists still decide.)
  r = run('Councillor Ada Voss met Tomas Brill at the pier. “The rent keeps rising,” he said.');
  expectQuote(quote(r, '“The rent keeps rising,”'), { speaker: 'Tomas Brill', mention: 'he' });
  r = run('Councillor Ada Voss met Tomas Brill at the pier. “The rent keeps rising,” she said.');
  expectQuote(quote(r, '“The rent keeps rising,”'), { speaker: 'Ada Voss', mention: 'she' });
});

test('a quotation with no cue is the main clause’s subject’s, past a subordinate clause that opens the sentence (but `As X puts it` names the speaker)', () => {
  let r = run('After Tomas Brill toured the docks on Monday, Mayor Ada Voss waved to the crowd, “Busier than it has been in decades!”');
  expectQuote(quote(r, '“Busier than it has been in decades!”'), { speaker: 'Ada Voss', mention: 'Ada Voss' });
  r = run('As the Courier’s Lena Ortmann puts it, the harbour now has “more cranes than sailors on it.”');
  // (`As X puts it, CLAUSE`: the clause after the comma is X's report, quotation and all.)
  expectQuote(quote(r, 'the harbour now has “more cranes than sailors on it.”'), { type: 'mixed', speaker: 'Lena Ortmann', cue: 'puts it' });
});

test('`of` inside an institution’s name takes the capitalised word after it whatever the tagger reads: `Union of Operating Crews`', () => {
  const r = run('Terry Halloran spoke for the Regional Union of Operating Crews, which represents the crews. The Regional Union of Operating Crews warned on Friday that the wait was too long.');
  assert.ok(r.people.some((p) => p.name === 'Regional Union of Operating Crews'), summary(r));
  assert.ok(!r.people.some((p) => p.name.endsWith(' of')), summary(r));
});

test('`one of them said`, `said both of them`: a share of a group named by a pronoun is the source', () => {
  const text = 'Several ferry hands waited by the gate. “The shift was cancelled again,” one of them said.\n\n“Nobody told us why,” said both of them.';
  const r = run(text);
  expectQuote(quote(r, '“The shift was cancelled again,”'), { type: 'direct', speaker: 'one of them', mention: 'one of them', cue: 'said' });
  expectQuote(quote(r, '“Nobody told us why,”'), { type: 'direct', speaker: 'both of them', mention: 'both of them', cue: 'said' });
});

test('`“...,” the firm’s spokesperson, Nell Ames, said`: after a quotation too, a role with a name in apposition rests on the name', () => {
  const text = 'Larkin Ferries cancelled the late crossing. “The crew is resting,” the company’s spokesperson, Odile Marchbank, said.';
  const r = run(text);
  expectQuote(quote(r, '“The crew is resting,”'), { type: 'direct', speaker: 'Odile Marchbank', mention: 'Odile Marchbank', cue: 'said' });
});

test('`X was defiant:` ending a paragraph introduces the quotation after it as X’s, with no cue', () => {
  const text = 'Councillor Abe Lintz faced a recall vote.\n\nLintz was defiant:\n\n“I am not going anywhere.”';
  const r = run(text);
  expectQuote(quote(r, '“I am not going anywhere.”'), { type: 'direct', speaker: 'Abe Lintz', cue: null });
});

test('a short quotation a clause introduces with a colon and that ends the sentence is speech: `Moss was blunt: “...”`', () => {
  const r = run('Councillor Ada Moss spoke last. Moss was blunt: “We need staff, not beds.”');
  assert.equal(speakerOf(r, quote(r, '“We need staff, not beds.”')).name, 'Ada Moss');
});

test('`With X worried about ..., Y is trying a new message: “...”`: the absolute phrase before the comma holds no speaker', () => {
  const r = run('With Harbour Board members increasingly worried about the delays, Mayor Ona Petrakis is trying a new message: “Trust me on this one, neighbours.”');
  assert.equal(speakerOf(r, quote(r, '“Trust me on this one, neighbours.”')).name, 'Ona Petrakis');
});

test('`Mr. Okonjo` and `Harriet Okonjo`: one surname with two genders (a title, a given name) is two people', () => {
  const text = 'Mr. Okonjo spoke at the gala, where his wife, Harriet Okonjo, also appeared.\n\n“We are winning,” Mr. Okonjo said.\n\n“He is right,” Harriet Okonjo said.';
  const r = run(text);
  const him = speakerOf(r, quote(r, '“We are winning,”'));
  const her = speakerOf(r, quote(r, '“He is right,”'));
  assert.equal(her.name, 'Harriet Okonjo');
  assert.notEqual(him.id, her.id, summary(r));
  assert.equal(him.name, 'Okonjo');
});

test('`Ostrova, the climber who calls herself “...”`: a verb of naming right after `who` is the relative clause’s, its subject the phrase the clause hangs on', () => {
  const text = 'A crowd in Northern Ontario watched another win by Ilka Ostrova, the fearless climber who calls herself "The Mountain Goat." Ostrova also won in May.';
  const r = run(text);
  expectQuote(quote(r, '"The Mountain Goat."'), { type: 'direct', speaker: 'Ilka Ostrova', cue: 'calls' });
});

test('`Some said ...`, `Both said ...`: a quantifier standing alone opening its clause is an unnamed source, not the determiner of `the said`', () => {
  const text = 'Residents packed the hall on Thursday.\n\nSome said the ring road would bring jobs.\n\nBoth said the plan was rushed.';
  const r = run(text);
  expectQuote(quote(r, 'the ring road would bring jobs'), { type: 'indirect', speaker: 'Some', mention: 'Some', cue: 'said' });
  expectQuote(quote(r, 'the plan was rushed'), { type: 'indirect', speaker: 'Both', mention: 'Both', cue: 'said' });
});

test('`Lisko and two guards hid in the vault, he said`: a person the reported clause names is not the `he` who reports it', () => {
  const text = 'Tomas Berg, a night manager at the depot, said he could not reach two of his staff.\n\nAnton Lisko, a driver, said he ran back inside after the first shots. “We saw smoke everywhere,” he told reporters.\n\nLisko and two guards hid in the vault, he said.';
  const r = run(text);
  const q = quote(r, 'Lisko and two guards hid in the vault');
  assert.equal(speakerOf(r, q).name, 'Tomas Berg', summary(r));
});

test('`a private security professional told Reuters`: a role noun the tagger reads as an adjective still heads the description, and `he` later means that source', () => {
  const text = 'Mayor Ivo Brandt declared the siege over on Wednesday.\n\nThe gunmen first entered the lobby, a private security professional at the hotel told reporters.\n\nThey then climbed to the roof, he said.';
  const r = run(text);
  expectQuote(quote(r, 'The gunmen first entered the lobby'), { speaker: 'a private security professional', mention: 'a private security professional', cue: 'told' });
  assert.equal(speakerOf(r, quote(r, 'They then climbed to the roof')).name, 'a private security professional', summary(r));
});

test('`“...,” it further wrote`: `further` between the source and the cue is an adverb, whatever the tagger reads', () => {
  const r = run('The Harbour Gazette reviewed the ferry budget. “The numbers simply do not add up,” it further wrote.');
  expectQuote(quote(r, '“The numbers simply do not add up,”'), { type: 'direct', mention: 'it', cue: 'wrote' });
});

test('`Lu Feng`, `Wang Lin`: a surname that opens an East Asian name gives no guess of gender, so `he` can mean its bearer', () => {
  const text = 'Prime Minister Tomas Berg will visit the port city next week.\n\nForeign Ministry spokesperson Lu Feng gave no details about the visit. But he said the talks would cover fishing rights.';
  const r = run(text);
  assert.equal(speakerOf(r, quote(r, 'the talks would cover fishing rights')).name, 'Lu Feng', summary(r));
});

test('`Hillary`, `Ted`: a given name both first-name lists hold but that is, in use, one sex\'s gives that gender, so `he` does not mean a Hillary', () => {
  let r = run('Omar Pell, a former governor, said the party was ready.\n\nHillary Vance will debate on Friday, and the campaign expects a large audience. “It will settle the matter,” he said.');
  expectQuote(quote(r, '“It will settle the matter,”'), { speaker: 'Omar Pell', mention: 'he', cue: 'said' });
  assert.equal(r.people.find((p) => p.name === 'Hillary Vance')?.gender, 'f', summary(r));
  r = run('Omar Pell, a former governor, said the party was ready.\n\nTed Vance will debate on Friday, and the campaign expects a large audience.\n\n“It will settle the matter,” she said.');
  assert.notEqual(quote(r, '“It will settle the matter,”').speaker.name, 'Ted Vance', summary(r));
  // (A name given to both, `Jordan`, still gets no guess.)
  r = run('Jordan Vance will debate on Friday. “It will settle the matter,” she said.');
  expectQuote(quote(r, '“It will settle the matter,”'), { speaker: 'Jordan Vance', mention: 'she' });
});

test('a definite description the article says it leaves unnamed is one person `he` or `she` can mean (`The neighbour, who asked not to be named, said`)', () => {
  const r = run('Mayor Lena Brant opened the meeting. The neighbour, who asked not to be named, said the fire started at night. “It was terrifying,” he said.');
  expectQuote(quote(r, '“It was terrifying,”'), { speaker: 'The neighbour', mention: 'he', cue: 'said' });
});

test('a passive of telling with its agent after `by` reports the agent’s words (`“...,” I was told by X`, `was told by X that ...`)', () => {
  const r = run('“The port will reopen in May,” I was told by harbour master Tom Vale. The crews were told by Ada Brook that the pier would close.');
  expectQuote(quote(r, '“The port will reopen in May,”'), { type: 'direct', speaker: 'Tom Vale', mention: 'Tom Vale', cue: 'told' });
  expectQuote(quote(r, 'that the pier would close'), { type: 'indirect', speaker: 'Ada Brook', mention: 'Ada Brook', cue: 'told' });
});

test('a noun a name owns, standing alone before a colon, labels the quotation after it as the owner’s (`Brook’s response: “...”`)', () => {
  const r = run('Councillor Ada Brook’s response: “We will not back down.”');
  expectQuote(quote(r, '“We will not back down.”'), { type: 'direct', speaker: 'Ada Brook' });
});

test('a role or an institution a definite description names owns the label too (`The mayor’s verdict: “...”`): the label rests on the owner', () => {
  const r = run('Mayor Pia Okafor toured the flooded pier on Monday. The mayor’s verdict: “It can still be saved.”\n\nA neighbour watched from her porch. The neighbour’s view: “They are wasting money.”');
  expectQuote(quote(r, '“It can still be saved.”'), { type: 'direct', speaker: 'Pia Okafor', mention: 'The mayor', cue: null });
  expectQuote(quote(r, '“They are wasting money.”'), { type: 'direct', mention: 'The neighbour', cue: null });
  // (Not a thing's: `The storm’s toll:` names no one.)
  const s = run('The storm’s toll: “Four dead and dozens hurt.”');
  expectQuote(quote(s, '“Four dead and dozens hurt.”'), { speaker: null, mention: null });
});

test('a longer name inside quotation marks that adds words after a person’s name is a title’s, no new canonical name (`“Ada Brook Appreciation Day”`)', () => {
  const r = run('Mayor Ada Brook opened the pier on Monday. “It is a good day,” Brook said.\n\nVolunteers are planning an “Ada Brook Appreciation Day” in June, and Brook said she was touched.');
  expectQuote(quote(r, '“It is a good day,”'), { speaker: 'Ada Brook', mention: 'Brook', cue: 'said' });
  expectQuote(quote(r, 'she was touched'), { speaker: 'Ada Brook', cue: 'said' });
  // (One that keeps the surname still gives the fuller name: `“Thank you, Ada Jane Brook.”`.)
  const s = run('“We owe a lot to Tom Albert Vale,” the pastor said. Vale said the pier would reopen.');
  expectQuote(quote(s, 'the pier would reopen'), { speaker: 'Tom Albert Vale', mention: 'Vale' });
});

test('a writing and its author after `by` or `from` right before a colon introduce the author’s words, whoever the sentence’s subject (`how the paper rated this statement by X on June 11: “...”`)', () => {
  const r = run('The slant shows when you look at how the paper rated this statement by Ada Brook on June 11: “The pier is falling into the sea.”\n\nConsider, too, this post from Tom Vale:\n\n“Nobody has checked the pilings in years.”');
  expectQuote(quote(r, '“The pier is falling into the sea.”'), { type: 'direct', speaker: 'Ada Brook', mention: 'Ada Brook', cue: null });
  expectQuote(quote(r, '“Nobody has checked the pilings in years.”'), { type: 'direct', speaker: 'Tom Vale', mention: 'Tom Vale', cue: null });
});

test('a description with a nationality’s adjective in it (`the Swiss ambassador`, `Chinese traders`) is its own source, not the adjective', () => {
  const r = run('The Swiss ambassador wrote that the talks had stalled. Chinese traders at the market say business is poor.');
  expectQuote(quote(r, 'that the talks had stalled'), { type: 'indirect', speaker: 'The Swiss ambassador', cue: 'wrote' });
  expectQuote(quote(r, 'business is poor'), { type: 'indirect', cue: 'say' });
  assert.notEqual(quote(r, 'business is poor').speaker.name, 'Chinese', summary(r));
});

test('a person set against the subject by `Unlike X, he ...` is not whom that `he` and the next one mean', () => {
  const r = run('Tom Vale opened a bakery on Main Street two years ago. “Business has been steady,” Vale said.\n\nPedro Okafor, 52, came to Halifax from Lagos in 2017 and opened a shop across the road.\n\nUnlike Vale, he has struggled to find customers.\n\n“Some weeks I sell almost nothing,” he said.');
  expectQuote(quote(r, '“Some weeks I sell almost nothing,”'), { speaker: 'Pedro Okafor', mention: 'he', cue: 'said' });
  // (Named again after the contrast, the person can be meant again.)
  const s = run('Tom Vale opened a bakery on Main Street. Pedro Okafor opened a shop across the road.\n\nUnlike Vale, he has struggled. Vale, for his part, is hiring.\n\n“We need two more bakers,” he said.');
  expectQuote(quote(s, '“We need two more bakers,”'), { speaker: 'Tom Vale', mention: 'he' });
});

test('`it` never means a nationality’s adjective that stood alone as a name (`Canadian` out of `Canadian officials`)', () => {
  const r = run('Two Canadian engineers were detained in Veloria last month. Canadian officials have asked for their release.\n\nA group of forty law professors has now signed an open letter on the case.\n\n“We urge the government to act without delay,” it stated.');
  const q = quote(r, '“We urge the government to act without delay,”');
  assert.notEqual(q.speaker.name, 'Canadian', summary(r));
});

test('a participle phrase opening its sentence after its subordinator (`After saying ..., she was ...`) reports for the main clause’s subject, and ends at the comma before it', () => {
  const r = run('In her 2004 memoir, Ada Brook described the winter she spent at sea. After saying the cabin was “so cold I could not feel my hands,” she was flown to a hospital in Oslo.\n\nTom Vale ran the harbour for a decade. While insisting that the pier was “perfectly safe for now,” he ordered an inspection.');
  expectQuote(quote(r, 'the cabin was “so cold I could not feel my hands,”'), { type: 'mixed', speaker: 'Ada Brook', mention: 'she', cue: 'saying' });
  expectQuote(quote(r, 'that the pier was “perfectly safe for now,”'), { type: 'mixed', speaker: 'Tom Vale', mention: 'he', cue: 'insisting' });
});

test('`“...,” he said` opening a paragraph means the person the paragraph before ended by introducing (`..., which worries Daniel Okafor, chair of ...`), unless another is that sentence’s subject', () => {
  const r = run('Tom Vale has led the tenants’ group for six years. “We are not going anywhere,” Vale said.\n\nWhile Vale had dozens of volunteers knocking on doors last fall, that has not happened this year, which is something that worries Daniel Okafor, chair of the Eastside Housing Council.\n\n“Nobody is out there talking to people. We need to start now,” he said.');
  expectQuote(quote(r, '“Nobody is out there talking to people. We need to start now,”'), { speaker: 'Daniel Okafor', mention: 'he', cue: 'said' });
  const s = run('Tom Vale has led the tenants’ group for six years. “We are not going anywhere,” Vale said.\n\nOn Monday, Vale criticized Daniel Okafor, chair of the Eastside Housing Council.\n\n“Nobody on that council is out there talking to people,” he said.');
  expectQuote(quote(s, '“Nobody on that council is out there talking to people,”'), { speaker: 'Tom Vale', mention: 'he' });
});

test('a lede’s `A ... coach says` is the person named in the next sentence even when a caption above named them already as a coach', () => {
  const r = run('Volunteer coach Ellen Marsh, left, said the gift was the kindest thing anyone had done for her. Photo by Tom Reed.\n\nA Halifax youth soccer coach says she is “stunned and grateful” after her players raised money for her surgery. Ellen Marsh said the players organized the bake sale themselves.');
  expectQuote(quote(r, 'she is “stunned and grateful” after her players raised money for her surgery'), { speaker: 'Ellen Marsh', cue: 'says' });
});

test('a quotation standing alone right after one that ran over several paragraphs goes on with its speaker (its distance counted from where it ended)', () => {
  const r = run('The consultation period was also extended to March 1.\n\n“The process is broken,” Hendry said Monday. “Most people do not have enough information to judge the plan.\n\n“So, what you have is people trying to reach conclusions with poor information. That never works.\n\n“We don’t want that. We want people to make good decisions with the right information,” Hendry added.\n\n“Cancelling the town halls did two things: it shut people out and it painted rural residents as troublemakers.”');
  expectQuote(quote(r, '“Cancelling the town halls did two things: it shut people out and it painted rural residents as troublemakers.”'), { speaker: 'Hendry', mention: null, cue: null });
});

test('a definite role description names the person an abbreviated title (`Sen.`), a former one (`the ex-governor`) or a role before a name not yet known as a person’s described so, the one its place word fits first', () => {
  const r = run('Sen. Elizabeth Warren questioned the bank’s chief executive for two hours. The senator said the bank had “cheated its customers.”\n\nFormer Ohio governor John Kasich spoke in Dayton. The ex-governor told supporters that the party had “lost its way.”\n\nRepublican presidential nominee Mitt Romney campaigned in Iowa. The GOP nominee said the economy was “in trouble.”');
  expectQuote(quote(r, 'the bank had “cheated its customers.”'), { speaker: 'Elizabeth Warren', mention: 'The senator' });
  expectQuote(quote(r, 'that the party had “lost its way.”'), { speaker: 'John Kasich' });
  expectQuote(quote(r, 'the economy was “in trouble.”'), { speaker: 'Mitt Romney' });
  const s = run('Florida Sen. Tom Vale and Ohio Sen. Ann Brook toured the plant. “We need these jobs,” Brook said.\n\nThe Florida senator said the state would “match every dollar.”');
  expectQuote(quote(s, 'the state would “match every dollar.”'), { speaker: 'Tom Vale' });
});

test('a source phrase that ends in a person’s name after lower-case role words (`according to police chief Dan Reyes`) is that person', () => {
  const r = run('According to police chief Dan Reyes, the suspect fled on foot. Reyes said more officers were on the way.');
  expectQuote(quote(r, 'the suspect fled on foot'), { speaker: 'Dan Reyes', cue: 'According to' });
});

test('a noun for a kind of role (`the German leader`, `the lawmaker`) names the person described by a role of that kind that its words fit', () => {
  const r = run('Veloran Chancellor Ida Marsh met Ostrian President Tom Vale in the capital. The Veloran leader said the region must “stand together.”\n\nSen. Ann Brook toured the flooded town on Monday. The lawmaker said the aid was “far too slow.”');
  expectQuote(quote(r, 'the region must “stand together.”'), { speaker: 'Ida Marsh' });
  expectQuote(quote(r, 'the aid was “far too slow.”'), { speaker: 'Ann Brook' });
});

test('a military or police rank the tagger reads as an adjective still heads a source (`The general said`), and names the person it titled', () => {
  const r = run('Gen. Wayne Eyre took command on Friday. The general said the army was “ready for anything.”\n\nThe sheriff said the roads were “too icy to drive.”');
  expectQuote(quote(r, 'the army was “ready for anything.”'), { speaker: 'Wayne Eyre', mention: 'The general', cue: 'said' });
  expectQuote(quote(r, 'the roads were “too icy to drive.”'), { mention: 'The sheriff', cue: 'said' });
});

test('a name in apposition to the description that opens its sentence (`The judge, Sarah Kent, rejected ...`) is that sentence’s subject, whom `she` then means; not one inside an object (`run by his father’s friend, X, gave`)', () => {
  const r = run('Lisa Chan lost her home in the fire. “We have nothing left,” she said.\n\nThe judge, Sarah Kent, rejected the motion filed by lawyer Dan Reyes. “This argument has no merit,” she wrote.');
  expectQuote(quote(r, '“This argument has no merit,”'), { speaker: 'Sarah Kent', mention: 'she', cue: 'wrote' });
  const s = run('Tom Vale said he wants to carry on the work of his father.\n\nHe said the bakery, along with a mill run by his father’s friend, Ed Marlow, gave the town a boost.\n\n“They brought a lot of jobs,” he said.');
  expectQuote(quote(s, '“They brought a lot of jobs,”'), { speaker: 'Tom Vale', mention: 'he' });
});

test('`he` or `she` never means a name that ends as an institution’s or a place’s and opens with no given name (`Hillcrest Baptist Church`)', () => {
  const r = run('Members of Hillcrest Baptist Church gathered on Sunday. Hillcrest Baptist Church has stood on the corner for a century.\n\n“We pray for them every night,” she said.');
  assert.notEqual(quote(r, '“We pray for them every night,”').speaker.name, 'Hillcrest Baptist Church', summary(r));
});

test('`she` with no woman about does not turn a man named a paragraph back (`John Pell`) into a woman; only the speaker just before or one named in its paragraph can be so corrected', () => {
  const r = run('The campaign chairman, John Pell, said the report was “old news.”\n\nOkafor, speaking beside Ostrow at the summit, said he was “confident.” She said her country would “do its part.”');
  assert.notEqual(quote(r, 'her country would “do its part.”').speaker.name, 'John Pell', summary(r));
});

test('a writing with its author after `by` (`the report by the Harbour Institute said`) is a source, the author’s', () => {
  const r = run('“The seawall will not last another decade,” the report by the Harbour Institute said.');
  expectQuote(quote(r, '“The seawall will not last another decade,”'), { type: 'direct', speaker: 'Harbour Institute', cue: 'said' });
});

test('an institution named after a person (`the Ada Brook Foundation`) is not that person, in either order', () => {
  const text = 'The Ada Brook Foundation said in a statement on Monday that it would fund new classrooms. “We are proud to help,” the foundation said.\n\n'
    + 'Ada Brook, who started the charity in 2009, spoke at the opening. “This is a good day for the town,” Brook said.';
  const r = run(text);
  const foundation = person(r, 'Ada Brook Foundation');
  const brook = person(r, 'Ada Brook');
  assert.equal(foundation.kind, 'org', summary(r));
  assert.equal(brook.kind, 'person', summary(r));
  assert.deepEqual(brook.mentions.map((m) => m.text), ['Ada Brook', 'Brook']);
  assert.equal(quote(r, 'that it would fund new classrooms').speaker.entity, foundation.id);
  assert.equal(quote(r, '“We are proud to help,”').speaker.entity, foundation.id);
  expectQuote(quote(r, '“This is a good day for the town,”'), { speaker: 'Ada Brook', mention: 'Brook' });

  // The person first, then a school and a firm that bear a person's name.
  const later = run('Lena Ortiz retired in June. “I loved every class,” Ortiz said.\n\n'
    + 'Lena Ortiz Elementary School said in a letter that the gym would close. John Marsh & Sons, a local builder, said it would rebuild it.\n\n'
    + '“It was her school,” said John Marsh, the firm’s owner.');
  assert.equal(person(later, 'Lena Ortiz').kind, 'person', summary(later));
  assert.deepEqual(person(later, 'Lena Ortiz').mentions.map((m) => m.text), ['Lena Ortiz', 'Ortiz']);
  assert.equal(person(later, 'Lena Ortiz Elementary School').kind, 'org', summary(later));
  assert.equal(person(later, 'John Marsh & Sons').kind, 'org', summary(later));
  assert.equal(person(later, 'John Marsh').kind, 'person', summary(later));
  expectQuote(quote(later, '“It was her school,”'), { speaker: 'John Marsh' });

  // An institution that holds only the surname stays apart too, and the surname alone is the person's.
  const center = run('The Vale Center for Policy said in a report on Tuesday that rents had doubled. Mark Vale, who founded the center, spoke at its launch. “Rents are rising fast,” Vale said.');
  assert.equal(quote(center, 'that rents had doubled').speaker.name, 'Vale Center for Policy', summary(center));
  expectQuote(quote(center, '“Rents are rising fast,”'), { speaker: 'Mark Vale', mention: 'Vale' });
});

test('a surname alone is a person when the article names only a foundation after someone of that name, but a firm’s surname may be the firm', () => {
  const r = run('The Harold Brandt Foundation gave $2 million to the hospital on Monday. “It will save lives,” Brandt said.');
  const q = quote(r, '“It will save lives,”');
  expectQuote(q, { speaker: 'Brandt', mention: 'Brandt', cue: 'said' });
  assert.equal(r.people.find((p) => p.id === q.speaker.entity)?.kind, 'person', summary(r));

  // (A firm goes by its founder's surname: `Harlan` after `Nina Harlan & Co.` is the firm.)
  const firm = run('Nina Harlan & Co. posted its first loss in a decade. “Demand fell sharply,” Harlan said in a statement.');
  expectQuote(quote(firm, '“Demand fell sharply,”'), { speaker: 'Nina Harlan & Co.', mention: 'Harlan' });
});

test('a quotation right after a report with no content of its own (`X wrote on Facebook on Sunday.`) is that report’s', () => {
  const text = 'Mayor Lena Ruiz wrote on Facebook on Sunday night.\n\n“We will rebuild the library, and we will do it this year.”';
  expectQuote(quote(run(text), '“We will rebuild the library, and we will do it this year.”'), { type: 'direct', speaker: 'Lena Ruiz', mention: 'Lena Ruiz', cue: 'wrote' });
  // (In its own paragraph too, and after someone else's quotation.)
  const after = run('“The roof leaks,” Tom Hale said.\n\nThe mayor, Lena Ruiz, responded in a statement on Monday. “We will rebuild the library.”');
  expectQuote(quote(after, '“We will rebuild the library.”'), { speaker: 'Lena Ruiz', cue: 'responded' });
  // (A report with a clause of its own has its content: the quotation after it goes on with it.)
  const clause = run('Ruiz said the library would reopen.\n\n“We will rebuild it this year.”');
  expectQuote(quote(clause, '“We will rebuild it this year.”'), { speaker: 'Ruiz', mention: null, cue: null });
  // (Nor does one denied: `respond` reports nothing there.)
  const silent = run('“The roof leaks,” Tom Hale said.\n\nRuiz did not respond to a request for comment.\n\n“We have waited for years.”');
  assert.equal(quote(silent, '“We have waited for years.”').cue, null, summary(silent));
});

test('`the father` is a father named in this paragraph or the one before, not one of another family further back', () => {
  const text = 'The crash killed Mira Olsen, a nurse. Olsen’s father, Henrik, says she loved the night shift.\n\n'
    + 'The ferry company said it would review its safety rules.\n\nInspectors arrived on Tuesday.\n\n'
    + 'At the hospital, the family of a young driver waited for news. “We just want him home,” the father said.';
  expectQuote(quote(run(text), '“We just want him home,”'), { speaker: 'the father', mention: 'the father' });
  // (Right after he is named, the father is he.)
  const near = run('Olsen’s father, Henrik, arrived at noon. “She loved the night shift,” the father said.');
  expectQuote(quote(near, '“She loved the night shift,”'), { speaker: 'Henrik', mention: 'the father' });
});

test('`the defender`, `the goaltender`: a player’s position no named person is described by is an epithet for the player the passage is about', () => {
  const r = run('The captain, Ana Ruiz, scored twice in the second half. “We were lucky,” the defender said.');
  expectQuote(quote(r, '“We were lucky,”'), { speaker: 'Ana Ruiz', mention: 'the defender', cue: 'said' });
  // (One the article describes so is that one: `defender Lia Moss`.)
  const s = run('Ana Ruiz scored twice, and defender Lia Moss blocked a late shot. “We were lucky,” the defender said.');
  expectQuote(quote(s, '“We were lucky,”'), { speaker: 'Lia Moss', mention: 'the defender' });
  // (An office is no epithet: `the official` is an unnamed source.)
  const t = run('The captain, Ana Ruiz, scored twice in the second half. “The match will be reviewed,” the official said.');
  expectQuote(quote(t, '“The match will be reviewed,”'), { speaker: 'the official' });
});

test('`Bobby Crane`, then `Mrs. Bobby Crane`: an honorific before the first name outweighs the first-name lists\' guess, one woman and not two people', () => {
  // (Named with it first, the guess never stood.)
  const text = 'Ms. Jesse Ortiz, a harbour engineer, inspected the pier on Monday.\n\n“The pilings are sound,” Ms. Ortiz said.\n\nShe said repairs would start in May.';
  const r = run(text);
  const ortiz = speakerOf(r, quote(r, '“The pilings are sound,”'));
  assert.equal(ortiz.name, 'Jesse Ortiz', summary(r));
  assert.equal(ortiz.gender, 'f', summary(r));
  assert.equal(speakerOf(r, quote(r, 'repairs would start in May')).name, 'Jesse Ortiz', summary(r));
  // Named first without it, then with it: one person, of the honorific's gender.
  const s = run('Bobby Crane chairs the marina board.\n\nMrs. Bobby Crane said the board would vote in June. “We are ready,” Mrs. Crane said.');
  assert.equal(speakerOf(s, quote(s, '“We are ready,”')).name, 'Bobby Crane', summary(s));
  assert.deepEqual(s.people.filter((p) => /Crane/.test(p.name)).map((p) => [p.name, p.gender]), [['Bobby Crane', 'f']], summary(s));
  // Before a surname alone it may mean a relative: `Mrs. Vance` is not Bill Vance.
  const t = run('Bill Vance spoke at the gala.\n\n“We are winning,” Mrs. Vance said.\n\n“He is right,” Bill Vance said.');
  assert.notEqual(speakerOf(t, quote(t, '“We are winning,”')).id, speakerOf(t, quote(t, '“He is right,”')).id, summary(t));
  assert.equal(t.people.find((p) => p.name === 'Bill Vance')?.gender, 'm', summary(t));
});
