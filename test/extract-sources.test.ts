/**
 * Where the source stands and what it is: names the tagger misreads, cues interrupted by a
 * question mark, participle clauses that open a sentence, appositions between a quotation and
 * its cue, people named with where they work, places, and institutions and unnamed sources met
 * again under a definite description. Every text is invented.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { run, quote, quotesWith, expectQuote, summary, speakerOf } from './helpers/extract.js';

// ---- names -------------------------------------------------------------------------------------

test('a first name the tagger reads as a verb still starts the name (`Josh Pellerin said`)', () => {
  const r = run('“We will open the port in spring,” Josh Pellerin said.');
  expectQuote(quote(r, '“We will open the port in spring,”'), { speaker: 'Josh Pellerin', mention: 'Josh Pellerin', cue: 'said' });
});

test('an abbreviated title the tagger splits from its period ends no sentence (`said the Rev. Ann Kotter, of ...`)', () => {
  const r = run('“The town will never be what it was,” said the Rev. Ann Kotter, of Grace Chapel. Adm. Tom Reyes said the fleet would stay in port.');
  expectQuote(quote(r, '“The town will never be what it was,”'), { speaker: 'Ann Kotter', mention: 'Ann Kotter', cue: 'said' });
  expectQuote(quote(r, 'the fleet would stay in port'), { type: 'indirect', speaker: 'Tom Reyes', mention: 'Tom Reyes', cue: 'said' });
});

test('a period with no space after it ends no sentence (`Rep. Ana Ruiz (D-N.Y.) reacted sharply, saying`)', () => {
  const r = run('Rep. Ana Ruiz (D-N.Y.) reacted sharply to the ruling, saying: “The arsonist belongs behind bars.” Sen. Cal Ford (R-S.C.) said the panel had “earned its pay.”');
  expectQuote(quote(r, '“The arsonist belongs behind bars.”'), { speaker: 'Ana Ruiz', mention: 'Ana Ruiz', cue: 'saying' });
  expectQuote(quote(r, 'the panel had “earned its pay.”'), { type: 'mixed', speaker: 'Cal Ford', mention: 'Cal Ford', cue: 'said' });
});

test('an honorific keeps a name that is also a common word (`Ms. May said`)', () => {
  const r = run('On Tuesday, Ms. May said a cap on the mooring fees could be a compromise.');
  expectQuote(quote(r, 'a cap on the mooring fees could be a compromise'), { type: 'indirect', mention: 'May', cue: 'said' });
});

test('`Secretary of State X` is one name run: the mention is the person, not the title', () => {
  const r = run('U.S. Secretary of State Dale Wexford praised the talks and said he did not expect delays.');
  const q = quote(r, 'he did not expect delays');
  assert.equal(q.speaker.name, 'Dale Wexford', summary(r));
});

test('a surname the article gave in full is a name wherever it stands (`Lynch said`, tagged a verb)', () => {
  const r = run('As a young engineer, Marisol T. Lynch said she was told to inspect a dam.\n\n'
    + 'Lynch said her manager had not signed the report. “So you learn that the rules bend for some,” Lynch said.');
  expectQuote(quote(r, 'her manager had not signed the report'), { type: 'indirect', speaker: 'Marisol T. Lynch', mention: 'Lynch', cue: 'said' });
  expectQuote(quote(r, '“So you learn that the rules bend for some,”'), { speaker: 'Marisol T. Lynch', mention: 'Lynch', cue: 'said' });
});

test('a description with a complement is a source (`a narrator in the ad asks`)', () => {
  const r = run('“So why did he not pay his taxes?” a narrator in the ad asks.');
  expectQuote(quote(r, '“So why did he not pay his taxes?”'), { speaker: 'a narrator in the ad', mention: 'a narrator in the ad', cue: 'asks' });
});

test('a quotation in a sentence with its own subject and no reporting verb is the subject’s', () => {
  const r = run('“We will win this state,” Maria Okafor said on Monday.\n\n'
    + 'Her rival, Tomas Brandt, spoke later. He also played up his record in the valley: “Who can carry the valley for us? I know that I can.”\n\n'
    + '“Each time you repeat that,” Brandt said, turning to the crowd, “you hand a gift to our opponents.”');
  expectQuote(quote(r, '“Who can carry the valley for us? I know that I can.”'), { speaker: 'Tomas Brandt', mention: 'He', cue: 'played' });
  // A quotation its cue interrupts is still one quotation, not the subject's second one.
  const whole = quote(r, '“Each time you repeat that,” Brandt said, turning to the crowd, “you hand a gift to our opponents.”');
  expectQuote(whole, { speaker: 'Tomas Brandt', mention: 'Brandt', cue: 'said' });
  expectQuote(quote(r, '“you hand a gift to our opponents.”'), { speaker: 'Tomas Brandt', mention: null, cue: null });
});

test('the subject of `X, who said ...` is X, and the mention runs from X to `who`, the clause’s own subject', () => {
  const r = run('Glenn Okafor spoke on Monday. Okafor, who said the plan had “too many holes to pass,” left early.');
  const q = r.quotes.find((x) => x.text.includes('too many holes'));
  assert.ok(q, summary(r));
  expectQuote(q, { speaker: 'Glenn Okafor', mention: 'Okafor, who', cue: 'said' });
  const r2 = run('The bill passed on Friday, and it was praised by the harbour master, Ines Varga, who called it “a long overdue rescue for the fleet.”');
  expectQuote(quote(r2, '“a long overdue rescue for the fleet.”'), { speaker: 'Ines Varga', mention: 'Ines Varga, who', cue: 'called' });
});

test('a capitalised word tagged as a verb before a noun is a name (`said Reading resident Hal Brody`)', () => {
  const r = run('“I can not back him again,” said Reading resident Hal Brody.');
  expectQuote(quote(r, '“I can not back him again,”'), { speaker: 'Hal Brody', cue: 'said' });
});

test('documents, reflexives and hyphenated modifiers around a source', () => {
  const r = run('The lawsuit contends that the agency “acted with reckless disregard” for the guards.\n\n'
    + 'Senator Ruth Adeyemi herself acknowledged in a forum “it is a steep climb for our side” this cycle.\n\n'
    + '“The turnout is going to be huge,” said one well-connected organizer close to the effort.');
  expectQuote(r.quotes.find((x) => x.text.includes('reckless disregard'))!, { speaker: 'The lawsuit', mention: 'The lawsuit', cue: 'contends' });
  expectQuote(r.quotes.find((x) => x.text.includes('steep climb for our side'))!, { speaker: 'Ruth Adeyemi', cue: 'acknowledged' });
  expectQuote(quote(r, '“The turnout is going to be huge,”'), { speaker: 'one well-connected organizer', cue: 'said' });
});

test('a compound ending in a word the tagger reads as a verb is part of a description (`the state-run news agency said`), not of a name (`A teary-eyed Ruiz says`)', () => {
  const a = run('The ferry left the harbour on Monday afternoon, the state-run news agency said.');
  expectQuote(quote(a, 'The ferry left the harbour on Monday afternoon'), { mention: 'the state-run news agency', cue: 'said' });
  const b = run('The ferry left the harbour on Monday afternoon, the Halifax-based company said.');
  expectQuote(quote(b, 'The ferry left the harbour on Monday afternoon'), { speaker: 'the Halifax-based company', mention: 'Halifax-based company', cue: 'said' });
  const c = run('Mayor Ana Ruiz spoke at the pier.\n\nA teary-eyed Ruiz says she is proud of the campaign she ran.');
  expectQuote(quote(c, 'she is proud of the campaign she ran'), { speaker: 'Ana Ruiz', mention: 'Ruiz', cue: 'says' });
});

test('a name in apposition after a role that is a party label is the subject, past a place or title before it (`One swing-state Republican, Nevada Sen. X Y, said`)', () => {
  const r = run('One swing-state Republican, Nevada Sen. Ana Ruiz, said Sunday that the ferry levy was a mistake.');
  expectQuote(quote(r, 'that the ferry levy was a mistake'), { speaker: 'Ana Ruiz', mention: 'Ana Ruiz', cue: 'said' });
});

test('inverted sources: `says one of the players`, `says the 41-year-old owner of X`, `A tweet said`', () => {
  const r = run('“Marcus really needs a new keeper,” says one of the players.\n\n'
    + '“We print only what our neighbours write,” says the 41-year-old owner of Harbour Press.\n\n'
    + 'A tweet last week said the north bridge would stay shut until spring.');
  expectQuote(quote(r, '“Marcus really needs a new keeper,”'), { speaker: 'one of the players', mention: 'one of the players', cue: 'says' });
  expectQuote(quote(r, '“We print only what our neighbours write,”'), { mention: 'the 41-year-old owner of Harbour Press', cue: 'says' });
  expectQuote(quote(r, 'the north bridge would stay shut until spring'), { mention: 'A tweet', cue: 'said' });
});

test('a description in apposition to a name leaves the name the subject (`X, the president of Y, which ..., urged`)', () => {
  const r = run('On Tuesday, Ilse Marten, the chair of the Northern Ports Council, which speaks for the harbour towns, urged the ministry “to publish its dredging timetable without delay.”');
  expectQuote(quote(r, '“to publish its dredging timetable without delay.”'), { speaker: 'Ilse Marten', mention: 'Ilse Marten', cue: 'urged' });
});

test('US states written with a compass word and firms with `&` are never people', () => {
  const r = run('Marta Lindqvist said her office would take North Carolina to court over its fishing rule. She joined Brill & Tanaka in 1994.');
  const names = r.people.filter((p) => p.kind === 'person').map((p) => p.name);
  assert.deepEqual(names, ['Marta Lindqvist'], summary(r));
});

// ---- where the cue stands ------------------------------------------------------------------------

test('a question mark inside the closing quotation mark does not end the sentence', () => {
  const r = run('“Who would have believed we would win fourteen seats?” Okonkwo said, looking at the crowd.');
  expectQuote(quote(r, '“Who would have believed we would win fourteen seats?”'), { speaker: 'Okonkwo', mention: 'Okonkwo', cue: 'said' });
});

test('`Asked about X, Y said, “...”`: the participle clause is neither cue nor content', () => {
  const text = 'Asked about the fire, Commissioner Ruth Adeyemi said, “We will not guess at a cause yet.”';
  const r = run(text);
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, '“We will not guess at a cause yet.”'), { type: 'direct', speaker: 'Ruth Adeyemi', cue: 'said' });
});

test('an inverted cue opening its sentence: `Added Lindqvist: “...”`', () => {
  const r = run('The council voted late. Added Lindqvist: “We will appeal the decision.”');
  expectQuote(quote(r, '“We will appeal the decision.”'), { speaker: 'Lindqvist', mention: 'Lindqvist', cue: 'Added' });
});

test('after a quotation, the name before several appositions is the subject of the cue', () => {
  const text = '“It is a raid on our budget,” Carla Munoz, the treasurer of the county, one of those who sued the board, said at a forum last week.';
  const r = run(text);
  expectQuote(quote(r, '“It is a raid on our budget,”'), { speaker: 'Carla Munoz', mention: 'Carla Munoz', cue: 'said' });
});

test('a state abbreviation in apposition (`X, R-Ky., said`) is not the speaker', () => {
  const r = run('“The tariff bill will pass by June,” House whip Alan Briggs, R-Ky., said Tuesday.');
  expectQuote(quote(r, '“The tariff bill will pass by June,”'), { speaker: 'Alan Briggs', mention: 'Alan Briggs', cue: 'said' });
});

test('a person named at the sentence start stays the subject across appositions with places in them', () => {
  const text = 'Tamsin Orrey, the co-owner of a cidery outside Wolfville, N.S., says the new labels are a headache.';
  const r = run(text);
  expectQuote(quote(r, 'the new labels are a headache'), { speaker: 'Tamsin Orrey', mention: 'Tamsin Orrey', cue: 'says' });
});

test('a name with where the person works: `Kent Abara at the University of Manitoba says`', () => {
  const r = run('Physics professor Kent Abara at the University of Manitoba says the pattern will hold.');
  expectQuote(quote(r, 'the pattern will hold'), { speaker: 'Kent Abara', mention: 'Kent Abara', cue: 'says' });
});

test('a coordinated modifier before an inverted source: `said timber and paper worker Nils Ovard`', () => {
  const r = run('“Our rivals are miles ahead of us,” said timber and paper worker Nils Ovard.');
  expectQuote(quote(r, '“Our rivals are miles ahead of us,”'), { speaker: 'Nils Ovard', mention: 'Nils Ovard', cue: 'said' });
});

// ---- quotation marks -----------------------------------------------------------------------------

test('a straight mark left open is not continued by a curly-quoted paragraph', () => {
  const text = '"Kevin was asleep.\n\n“Here he is,” she said. “He is here.”';
  const r = run(text);
  expectQuote(quote(r, '“Here he is,” she said. “He is here.”'), { mention: 'she', cue: 'said' });
});

// ---- resolution ----------------------------------------------------------------------------------

test('`he` never means a place, even one whose first word is also a first name (`North Korea`)', () => {
  const text = 'Foreign Ministry spokesman Chen Wei took few questions on North Korea. Yet he said further figures would follow next week.';
  const r = run(text);
  const q = quote(r, 'further figures would follow next week');
  assert.equal(q.speaker.name, 'Chen Wei', summary(r));
  assert.ok(!r.people.some((p) => p.name === 'North Korea' && p.kind === 'person'), 'North Korea is not a person');
});

test('`the company said` is the company the passage is about', () => {
  const text = 'Paint maker Halvorsen & Dyke climbed 4 per cent after its quarterly results topped forecasts. The company said its yearly revenue could beat its own targets.';
  const r = run(text);
  const q = quote(r, 'its yearly revenue could beat its own targets');
  assert.equal(q.speaker.name, 'Halvorsen & Dyke', summary(r));
});

test('`the official said` is the unnamed official met before, named by the first description', () => {
  const text = 'A transport official told reporters that most permits are granted.\n\n“It is likely that nearly all of them get approved,” the official said.';
  const r = run(text);
  const first = quote(r, 'that most permits are granted');
  const later = quote(r, '“It is likely that nearly all of them get approved,”');
  assert.equal(later.speaker.name, 'A transport official', summary(r));
  assert.equal(speakerOf(r, later).id, speakerOf(r, first).id);
});

// ---- what is not reported speech -----------------------------------------------------------------

test('an imperative opening a sentence (`Add the broth ...`) is not a cue', () => {
  const r = run('Heat the oil in a large pan. Add the chicken broth and stir until the sauce thickens. Add the vegetables and cook until tender.');
  assert.equal(r.quotes.length, 0, summary(r));
});

test('a long noun-phrase object with no verb reports no clause either', () => {
  const r = run('Since the page went live in March, scores of current and former workers posted stories of bullying, unpaid overtime, threats and favouritism from managers at four of the warehouses.');
  assert.equal(r.quotes.length, 0, summary(r));
});

test('a cue with a noun-phrase object (`claimed responsibility for the attack`) reports no clause', () => {
  const r = run('The militant group claimed responsibility for the attack. Police said the suspects had fled.');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, 'the suspects had fled'), { type: 'indirect', cue: 'said' });
});

test('a title of a work in quotation marks, standing alone, is not a quotation', () => {
  const text = 'The studio released the trailer on Friday.\n\n"The Baker Who Sailed North."\n\nTickets go on sale next week.';
  const r = run(text);
  assert.equal(r.quotes.length, 0, summary(r));
});

test('a heading or a link to another story (no closing punctuation) reports nothing', () => {
  const text = 'The council approved the budget on Monday.\n\nREAD MORE: Mayor says transit fares will rise in spring\n\n“We had no choice,” Mayor Ines Dahl said.';
  const r = run(text);
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(quote(r, '“We had no choice,”'), { speaker: 'Ines Dahl', cue: 'said' });
});

// ---- bylines and long quotations -------------------------------------------------------------------

test('a dash and a name closing the paragraph attribute the quotation before it (`“...” ― Name`)', () => {
  const text = 'Readers wrote in after the debate.\n\n“He cannot answer a single question without shouting.” ― Marisol Eckert\n\n“The worst night of the campaign.” ― Dov Ramirez.';
  const r = run(text);
  expectQuote(quote(r, '“He cannot answer a single question without shouting.”'), { speaker: 'Marisol Eckert', mention: 'Marisol Eckert', cue: null });
  expectQuote(quote(r, '“The worst night of the campaign.”'), { speaker: 'Dov Ramirez', mention: 'Dov Ramirez', cue: null });
});

test('an embedded post (`text — Harbour Power (@harbourpower) March 3, 2025`) is the account\'s', () => {
  const text = 'Crews worked through the night.\n\nMore than 800 field staff will keep working around the clock to restore power to every customer. — Harbour Power (@harbourpower) March 3, 2025\n\nSchools stayed closed.';
  const r = run(text);
  const q = r.quotes.find((x) => x.text.startsWith('More than 800 field staff'));
  assert.ok(q, summary(r));
  assert.equal(q.speaker.name, 'Harbour Power');
  assert.equal(q.speaker.mention?.text, 'Harbour Power');
});

test('an embedded post\'s link and hashtags, and the full stop before them, are no part of what it says', () => {
  const text = 'Crews worked through the night.\n\nMore than 800 field staff will keep working to restore power to every customer. #HarbourStorm pic.twitter.com/Ab12Cd34 — Harbour Power (@harbourpower) March 3, 2025\n\nSchools stayed closed.';
  const r = run(text);
  const q = r.quotes.find((x) => x.text.startsWith('More than 800 field staff'));
  assert.equal(q?.text, 'More than 800 field staff will keep working to restore power to every customer', summary(r));
  const link = run('Crews worked through the night.\n\nMore than 800 field staff will keep working to restore power to every customer https://t.co/Xy12Zw — Harbour Power (@harbourpower) March 3, 2025');
  assert.ok(link.quotes.some((x) => x.text === 'More than 800 field staff will keep working to restore power to every customer'), summary(link));
});

test('a pull quote (words, then the name alone, no dash) is the named person\'s, if the story names them elsewhere', () => {
  const text = 'Mayor Dana Pruitt spent Saturday clearing roads with the volunteer crews.\n\nIt is a lot worse than last year for the people who live out on the lake roads. Dana Pruitt, Millbrook mayor\n\nParts of the worst-affected valleys will stay dark for several more days. Harbour Power\n\nHarbour Power said crews would work through the night.';
  const r = run(text);
  expectQuote(quote(r, 'It is a lot worse than last year for the people who live out on the lake roads'), { type: 'indirect', speaker: 'Dana Pruitt', mention: 'Dana Pruitt', cue: null });
  expectQuote(quote(r, 'Parts of the worst-affected valleys will stay dark for several more days'), { speaker: 'Harbour Power', mention: 'Harbour Power', cue: null });
  // A photo credit has the same shape, but the photographer stands nowhere else in the story;
  // and a paragraph that names its speaker in its own words is the writer's.
  const credit = run('The council met on Monday.\n\nA jogger passes the boarded-up shops of the old harbour on a grey afternoon. Pia Lunde\n\nHarbour Power said it was working. Some valleys will stay dark for several more days. Harbour Power');
  assert.equal(credit.quotes.filter((q) => q.type === 'indirect' && !q.cue).length, 0, summary(credit));
});

test('a quotation over three paragraphs is one quote, and paragraphs two and three are quotes of the same speaker', () => {
  const text = '“The count is rigged,” Marlowe said. “Nobody has the ledgers.\n\n“Farmers are guessing with bad figures.\n\n“We want farmers to vote with the real figures.”';
  const r = run(text);
  const whole = r.quotes.find((q) => q.text.startsWith('“The count is rigged,”') && q.text.endsWith('figures.”'));
  assert.ok(whole, summary(r));
  // The part after the cue is a quote of its own up to its paragraph's end: the whole already
  // runs over the paragraphs after it, and each of them is a quote too.
  for (const piece of ['“Nobody has the ledgers.', '“Farmers are guessing with bad figures.', '“We want farmers to vote with the real figures.”']) {
    expectQuote(quote(r, piece), { speaker: 'Marlowe', mention: null, cue: null });
  }
});

test('an institution before the source phrase after a quotation (`“...,” University of X political scientist Y said`)', () => {
  const r = run('“There is a logic to it,” University of the Northern Plains political scientist Ivo Marsh said.');
  expectQuote(quote(r, '“There is a logic to it,”'), { speaker: 'Ivo Marsh', mention: 'Ivo Marsh', cue: 'said' });
});

test('a noun-like cue right after a quotation is a cue (`“...,” notes Valcourt`)', () => {
  const r = run('“I am a board game designer myself,” notes Valcourt, who opened the shop in 2009.');
  expectQuote(quote(r, '“I am a board game designer myself,”'), { speaker: 'Valcourt', mention: 'Valcourt', cue: 'notes' });
});

test('a participle rests on its subject (`X hit back, saying B`), but an indirect report going on with one before it (`Smith said A, adding that B`) has no mention of its own', () => {
  const r = run('Mayor Lena Fisk said the budget was balanced, adding that taxes would not rise. Councillor Omar Haddad hit back on Friday, saying the numbers did not add up.');
  expectQuote(quote(r, 'that taxes would not rise'), { speaker: 'Lena Fisk', mention: null, cue: 'adding' });
  expectQuote(quote(r, 'the numbers did not add up'), { speaker: 'Omar Haddad', mention: 'Omar Haddad', cue: 'saying' });
});

test('a participle rests on a subject set off from its verb by an apposition (`Dana Pryce, the fund’s treasurer, rejected it, saying ...`)', () => {
  const r = run('Dana Pryce, the fund’s lawyer and treasurer, rejected the label on Monday, saying it “takes volunteers to find volunteers for the cause.”');
  expectQuote(quote(r, 'it “takes volunteers to find volunteers for the cause.”'), { type: 'mixed', speaker: 'Dana Pryce', mention: 'Dana Pryce', cue: 'saying' });
  // (A participle's own comma, or a clause's, is no apposition: the subject is the finite verb's.)
  const s = run('Mayor Ruth Okoye hardly settled the matter, treating it as a joke and, when pressed after the vote, insisting, “We never promised a park.”');
  expectQuote(quote(s, '“We never promised a park.”'), { speaker: 'Ruth Okoye', mention: 'Ruth Okoye', cue: 'insisting' });
});

test('a word the article writes in lower case is no name at a sentence start (`Emails obtained by ...`)', () => {
  const text = 'Emails obtained by the newspaper reveal that the ministry shaped the message. The minister received many emails about it.';
  const r = run(text);
  assert.ok(!r.people.some((p) => p.name === 'Emails'), r.people.map((p) => p.name).join(', '));
});

test('a described mother is a she (`Hala Nasser, a 23-year-old mother`)', () => {
  const text = 'Hala Nasser, a 23-year-old mother of two, arrived in 2016. Her neighbour Tom Kowal helped the family settle.\n\n"I am a Canadian now," she said.';
  const r = run(text);
  assert.equal(quote(r, '"I am a Canadian now,"').speaker.name, 'Hala Nasser', summary(r));
});

test('unnamed sources with a post-nominal phrase: `a person familiar with ...`, `a source close to ...`', () => {
  const r = run('A person familiar with the auction says the paintings were sold. A source close to the talks said a deal was near.');
  expectQuote(quote(r, 'the paintings were sold'), { speaker: 'A person familiar with the auction', cue: 'says' });
  expectQuote(quote(r, 'a deal was near'), { speaker: 'A source close to the talks', cue: 'said' });
});

test('a subject introduced with an apposition after the last speaker takes the next pronoun', () => {
  const text = 'In an email, official Sandra Willems wrote that the benefits were not for families.\n\nMary Nicolls, director of health programs, agreed with the approach.\n\n"It is important to note the limits," she wrote.';
  const r = run(text);
  assert.equal(quote(r, '"It is important to note the limits,"').speaker.name, 'Mary Nicolls', summary(r));
});

test('a role noun opening a sentence is a description, not a name (`Opponents argued ...`)', () => {
  const r = run('The council froze fares for a year. Opponents argued that the freeze postpones a reckoning.');
  assert.ok(!r.people.some((p) => p.name === 'Opponents' && p.kind === 'person'), r.people.map((p) => `${p.name}/${p.kind}`).join(', '));
});

test('a modified institution (`the port authority`) is not some other name in the paragraph', () => {
  const r = run('A proposal to deepen the Port Aldis channel cleared its first review on Monday, the port authority said.');
  const q = r.quotes[0];
  assert.ok(q, summary(r));
  assert.equal(q.speaker.name, 'the port authority', summary(r));
});

test('a bare verb after `and` (`to deepen the channel and add two berths`) is no cue', () => {
  const r = run('A plan to deepen the channel and add two container berths cleared its first review on Monday, the port authority said.');
  assert.equal(r.quotes.length, 1, summary(r));
  expectQuote(r.quotes[0], { speaker: 'the port authority', cue: 'said' });
});

test('common given names beyond the American lists (`Donald`, `Priya`) make a person', () => {
  const r = run('Donald Okeke said the vote was fair. Priya Natarajan said it was not.');
  for (const name of ['Donald Okeke', 'Priya Natarajan']) {
    assert.equal(r.people.find((p) => p.name === name)?.kind, 'person', r.people.map((p) => `${p.name}/${p.kind}`).join(', '));
  }
  assert.equal(r.people.find((p) => p.name === 'Donald Okeke')?.gender, 'm');
  assert.equal(r.people.find((p) => p.name === 'Priya Natarajan')?.gender, 'f');
});

test('a zero-width space after a name does not hide it (`Baptiste\\u200b said`)', () => {
  const r = run('Union president Lorne Baptiste\u200b said he hopes the local will back the drivers.');
  expectQuote(quote(r, 'he hopes the local will back the drivers'), { speaker: 'Lorne Baptiste', cue: 'said' });
});

test('`He said A, and added B` rests both on `He`; an age used as a noun is a speaker', () => {
  const r = run('Mayor Rui Costa spoke first. He said the plan was overdue, and added that fares would not rise.\n\n“No, that one is the dog,” says my two-year-old.');
  expectQuote(quote(r, 'that fares would not rise'), { mention: 'He', cue: 'added' });
  expectQuote(quote(r, '“No, that one is the dog,”'), { speaker: 'my two-year-old', cue: 'says' });
});

test('words before a first name in a run are not the name (`Republican Donald Okafor`, a photo credit)', () => {
  const r = run('Republican Donald Okafor said the bill would pass. (Getty Images) Kevin Marlow said it would not.');
  assert.ok(r.people.some((p) => p.name === 'Donald Okafor'), r.people.map((p) => p.name).join(', '));
  assert.ok(!r.people.some((p) => p.name.startsWith('Republican')), r.people.map((p) => p.name).join(', '));
});

test('`according to` a phrase with no person or name at its head rests on the whole phrase', () => {
  const r = run('According to the latest figures from the statistics office, rents in the city rose by a third.');
  expectQuote(quote(r, 'rents in the city rose by a third'), {
    cue: 'According to', mention: 'the latest figures from the statistics office', speaker: 'the latest figures from the statistics office',
  });
});

test('misprinted opening marks open a quotation: a closing `”` and two single marks `‘’`', () => {
  const text = 'Senator Dana Ruiz spoke last. ‘’Nobody gains from a lockout, we all pay,” Ruiz said. Kerr replied: ”This woman is building bridges.”';
  const r = run(text);
  expectQuote(quote(r, '‘’Nobody gains from a lockout, we all pay,”'), { speaker: 'Dana Ruiz', cue: 'said' });
  assert.ok(r.quotes.some((q) => q.text === '”This woman is building bridges.”'), summary(r));
});

test('doubled single marks (`\'\'...\'\'`, an old wire and archive style) open and close a quotation', () => {
  const text = "''The silence from the ministry is shameful,'' said Elena Birova, the director of the service.";
  const r = run(text);
  expectQuote(quote(r, "''The silence from the ministry is shameful,''"), { speaker: 'Elena Birova', cue: 'said' });
});

test('an adjunct with a possessive between cue and clause (`said in her New Year\'s speech she was prepared`)', () => {
  const r = run("Mayor Lise Odegaard said in her New Year's speech she was prepared to meet the governor at any time.");
  expectQuote(quote(r, 'she was prepared to meet the governor at any time'), { type: 'indirect', cue: 'said', mention: 'Lise Odegaard' });
});

test('`that` ends an adjunct whatever its tag (`quoted as saying by regional papers that ...`)', () => {
  const r = run('Police chief Omar Haziq warned the public. He was quoted as saying by regional papers that officers had logged a dozen complaints.');
  expectQuote(quote(r, 'that officers had logged a dozen complaints'), { type: 'indirect', cue: 'saying', speaker: 'Omar Haziq' });
});

test('descriptions with two roles or coordinate adjectives are one source', () => {
  const r = run('“I have long said that the board is run by amateurs,” the Ohio senator and Democratic presidential candidate said in a statement.\n\n'
    + '“From the first week, I made housing the main goal,” the bearded, 64-year-old envoy said.');
  expectQuote(quote(r, '“I have long said that the board is run by amateurs,”'), { speaker: 'the Ohio senator and Democratic presidential candidate', cue: 'said' });
  expectQuote(quote(r, '“From the first week, I made housing the main goal,”'), { speaker: 'the bearded, 64-year-old envoy', mention: 'the bearded, 64-year-old envoy', cue: 'said' });
});

test('`issued a statement saying ...` is the issuer’s; a place closing an adjunct is not the subject', () => {
  const r = run('On Saturday, the town released a statement saying the remarks “rest on rumour, not on the record.”\n\n'
    + 'Mayor Tomas Brandt, during a public forum in Dayton, Ohio, said he was “going to bring the mills back to life.”');
  expectQuote(r.quotes.find((q) => q.text.includes('rest on rumour'))!, { speaker: 'the town', mention: 'the town', cue: 'saying' });
  expectQuote(r.quotes.find((q) => q.text.includes('back to life'))!, { speaker: 'Tomas Brandt', mention: 'Tomas Brandt', cue: 'said' });
});

test('a participle after a writing and a time, or after the people it was sent to, is the sender’s (`emailed supporters saying`)', () => {
  const r = run('The mayor’s office released a statement Tuesday saying the plan was “a fraud on the taxpayers.”\n\n'
    + 'The Oregon senator emailed supporters saying: “The fight goes on in every county.”\n\n'
    + 'Her campaign fired off an email to donors stating, “We are one week from victory.”\n\n'
    + 'Listeners heard Mayor Jill Adams saying “we will not close the shelter” on the radio.');
  expectQuote(quote(r, 'the plan was “a fraud on the taxpayers.”'), { type: 'mixed', speaker: 'The mayor’s office', cue: 'saying' });
  expectQuote(quote(r, '“The fight goes on in every county.”'), { speaker: 'The Oregon senator', mention: 'Oregon senator', cue: 'saying' });
  expectQuote(quote(r, '“We are one week from victory.”'), { speaker: 'Her campaign', mention: 'Her campaign', cue: 'stating' });
  // (People heard saying something are its speakers: no writing was sent.)
  expectQuote(quote(r, '“we will not close the shelter”'), { speaker: 'Jill Adams', mention: 'Jill Adams', cue: 'saying' });
});

test('a name standing before a colon labels the quotation after it, as in a transcript', () => {
  const r = run('The candidates rejected the term.\n\nOkafor: "Our aim is not to slow the flooding, but to stop it." Brandt: "The job is to end it."');
  expectQuote(quote(r, '"Our aim is not to slow the flooding, but to stop it."'), { speaker: 'Okafor', mention: 'Okafor', cue: null });
  expectQuote(quote(r, '"The job is to end it."'), { speaker: 'Brandt', mention: 'Brandt', cue: null });
});

test('a sentence with its own subject is that subject’s even right after another speaker’s quote', () => {
  const r = run('“We will win,” Maria Okafor said. In an interview later that day, Tomas Brandt went even further: “If she goes forward and loses, it is the end of her career.”');
  expectQuote(quote(r, '“If she goes forward and loses, it is the end of her career.”'), { speaker: 'Tomas Brandt', mention: 'Tomas Brandt' });
});

test('an acronym is never a given name (`ISIS` is no person)', () => {
  const r = run('Ana Lindqvist said the coalition would defeat ISIS within a year.');
  assert.ok(!r.people.some((p) => p.name === 'ISIS' && p.kind === 'person'), summary(r));
});

test('subjects across a relative clause or a coordination: `Ardmore, the co-author of ..., said`, `A spokesman ... declined ... but said`', () => {
  const r = run('Ardmore, the co-author of a book about local radio, said the era when towns shared “one common morning broadcast” was over.\n\n'
    + 'A spokesman for Granite Ridge declined to discuss the audit but said in a statement that the firm “never, at any point, billed the county twice.”');
  expectQuote(r.quotes.find((q) => q.text.includes('common morning broadcast'))!, { speaker: 'Ardmore', mention: 'Ardmore', cue: 'said' });
  expectQuote(r.quotes.find((q) => q.text.includes('billed the county'))!, { speaker: 'A spokesman for Granite Ridge', cue: 'said' });
});

test('a sentence split at an abbreviation before a comma is mended (`Rep. Nora Halvik (D-Calif.), who ..., said`)', () => {
  const r = run('Rep. Nora Halvik (D-Calif.), who filed a bill this spring, said in a statement that the changes were “welcome first moves.”');
  expectQuote(r.quotes.find((q) => q.text.includes('welcome first moves'))!, { speaker: 'Nora Halvik', mention: 'Nora Halvik', cue: 'said' });
});

test('a place’s first word keeps its name whole (`New York Post`, not `York Post`)', () => {
  const r = run('New rules were announced. The New York Post reported that the rules would change.');
  assert.ok(r.people.some((p) => p.name === 'New York Post'), summary(r));
});

test('a writing from someone speaks for them (`A release from the Harbour Workers Union said`)', () => {
  const r = run('The workers voted.\n\nA release sent to media from the Harbour Workers Union on Friday evening said most of the dockhands backed the strike.');
  expectQuote(r.quotes.find((q) => q.text.includes('dockhands backed'))!, { speaker: 'Harbour Workers Union', cue: 'said' });
});

test('lone group words, titles and brands are not people (`Democrats`, `Senator`, `TechCrunch`)', () => {
  const r = run('On Monday, jittery Democrats in the statehouse said the race was close. TechCrunch reported that the app tracked riders. Mexicans often say the border is near.');
  const persons = r.people.filter((p) => p.kind === 'person').map((p) => p.name);
  assert.deepEqual(persons, [], summary(r));
  expectQuote(r.quotes.find((q) => q.text.includes('race was close'))!, { speaker: 'jittery Democrats in the statehouse' });
});

test('a name after a noun phrase adjunct is still the subject (`In a Gazette interview Okafor declared`)', () => {
  const r = run('In a Gazette interview Okafor declared “I think the league may be finished.”');
  expectQuote(quote(r, '“I think the league may be finished.”'), { speaker: 'Okafor', mention: 'Okafor', cue: 'declared' });
});

test('`and` inside an institution’s name keeps it whole; between two people it does not', () => {
  const r = run('A complaint by the Securities and Exchange Commission said he lied to investors. Ivar Lundgren and Mette Osei said they accepted the result.');
  assert.ok(r.people.some((p) => p.name === 'Securities and Exchange Commission' && p.kind === 'org'), summary(r));
  assert.ok(r.people.some((p) => p.name === 'Ivar Lundgren') && r.people.some((p) => p.name === 'Mette Osei'), summary(r));
});

test('an institution’s name keeps `and` and `for` after a plural institution word or before the word that ends such a name (`Centers for ... and ...`, `Immigration and Customs Enforcement`)', () => {
  const r = run('“The outbreak is slowing,” the Centers for Flood Control and Relief said in a statement. Harbor and Customs Enforcement said the ships were late. “We are closed,” said a manager at the Lakeview Sport and Ice Complex.');
  expectQuote(quote(r, '“The outbreak is slowing,”'), { speaker: 'Centers for Flood Control and Relief', mention: 'Centers for Flood Control and Relief', cue: 'said' });
  assert.equal(speakerOf(r, quote(r, 'the ships were late')).name, 'Harbor and Customs Enforcement', summary(r));
  assert.ok(r.people.some((p) => p.name === 'Centers for Flood Control and Relief' && p.kind === 'org'), summary(r));
});

test('a sentence’s first word the article also writes in lower case still opens an institution’s name that runs on through `and` (`Environment and Climate Change Canada`)', () => {
  const r = run('The environment matters to voters. Environment and Fisheries Canada, for its part, said "the catch is a small factor in emissions."\n\nIn its strategy, the ministry suggests that anglers "use available resources to make decisions."');
  expectQuote(quote(r, '"the catch is a small factor in emissions."'), { speaker: 'Environment and Fisheries Canada', mention: 'Environment and Fisheries Canada', cue: 'said' });
  assert.equal(speakerOf(r, r.quotes.find((q) => q.text.includes('use available resources'))!).name, 'Environment and Fisheries Canada', summary(r));
});

test('`(D-Vt.):` is a closing bracket and a colon, not one symbol, so a name with its party before a colon labels the quotation after it', () => {
  const r = run('Rep. Ada Fenwick (D-Vt.): "We will vote no on this bill." Later, Sen. Tom Vale (R-Ore.) said: "It passes easily."');
  expectQuote(quote(r, '"We will vote no on this bill."'), { type: 'direct', speaker: 'Ada Fenwick' });
  expectQuote(quote(r, '"It passes easily."'), { type: 'direct', speaker: 'Tom Vale', mention: 'Tom Vale', cue: 'said' });
});

test('`the study’s lead author`, `the acting director`: a word the tagger reads as a verb between a determiner and a person’s noun modifies it, and the phrase is the source', () => {
  const r = run('“The ice is thinning fast,” the study’s lead author said. “We need more boats,” said the acting director.');
  expectQuote(quote(r, '“The ice is thinning fast,”'), { type: 'direct', speaker: 'the study’s lead author', mention: 'the study’s lead author', cue: 'said' });
  expectQuote(quote(r, '“We need more boats,”'), { type: 'direct', speaker: 'the acting director', mention: 'the acting director', cue: 'said' });
});

test('a second cue after a clause with a cue of its own still reports the quotation after it', () => {
  const r = run('He said he would keep the seat, and when asked why the scheme excludes grandparents, the 41-year-old father of two replied, "It is meant to help the parent who stays home."');
  expectQuote(quote(r, '"It is meant to help the parent who stays home."'), { mention: 'the 41-year-old father of two', cue: 'replied' });
});

test('between a closing quotation mark and its cue any noun phrase is the speaker (`the shipping tycoon told`)', () => {
  const r = run('“It was a lively evening,” the shipping tycoon told reporters in Lisbon. “She was gracious.”');
  expectQuote(r.quotes.find((q) => q.text.startsWith('“It was a lively evening,”'))!, { speaker: 'the shipping tycoon', mention: 'the shipping tycoon', cue: 'told' });
  expectQuote(quote(r, '“She was gracious.”'), { speaker: 'the shipping tycoon', mention: null, cue: null });
  // After an inverted cue too, and a role word the tagger reads as an adjective still heads it.
  const r2 = run('"Nobody ever told us to hold back," said the depot chief known as Rolf, speaking openly for the first time.');
  expectQuote(r2.quotes.find((q) => q.text.startsWith('"Nobody ever told'))!, { mention: 'the depot chief', cue: 'said' });
  // A label in quotation marks is no such quotation: `“poison pill” clauses attached by ...` has no speaker slot.
  const r3 = run('Councillors sank the motion over “poison pill” clauses attached by the other side.');
  assert.ok(!r3.quotes.some((q) => q.speaker.mention?.text === 'clauses'), summary(r3));
});

test('a participle between a determiner and its noun stays in the source (`said one unaffiliated Dayton strategist`)', () => {
  const r = run('“Nobody has a hometown edge this year, not one of them,” said one unaffiliated Dayton strategist.');
  const q = r.quotes.find((x) => x.text.startsWith('“Nobody'))!;
  assert.ok(q.speaker.mention && q.speaker.mention.text.endsWith('strategist'), summary(r));
  assert.equal(q.speaker.name, 'one unaffiliated Dayton strategist');
});

test('a role with the name in apposition rests on the name (`The chief, Paula Mendes, suggested that ...`)', () => {
  const r = run('The chief, Paula Mendes, suggested that the candidate would tone down his attacks.');
  expectQuote(r.quotes.find((q) => q.text.includes('tone down his attacks'))!, { speaker: 'Paula Mendes', mention: 'Paula Mendes', cue: 'suggested' });
});

test('a capitalised plural opening a sentence whose singular the article writes in lower case is a description, not a name', () => {
  const r = run('A new poll came out on Monday. Polls suggest that the race is “too close to call.” An airstrike was reported. Airstrikes hit the city, officials said. Bill Gates spoke later. Gates said the gate “is open now.”');
  const polls = r.quotes.find((q) => q.text.includes('too close to call'))!;
  expectQuote(polls, { mention: 'Polls', cue: 'suggest' });
  assert.equal(speakerOf(r, polls).kind, 'description');
  assert.ok(!r.people.some((p) => p.name === 'Airstrikes' || p.name === 'Polls' && p.kind === 'person'), summary(r));
  // A surname the article gives in full stays a name, whatever lower-case word it resembles.
  expectQuote(r.quotes.find((q) => q.text.includes('is open now'))!, { speaker: 'Bill Gates', mention: 'Gates' });
});

test('single-word organisations that speak are organisations (`Twitter said`, `Politico’s reporter`), a person named like one is not', () => {
  const r = run('Twitter said in a statement that it had removed the accounts. Vox wrote that the bill “is dead.” Kelvar’s reporter Ben Lisle wrote that the talks “were over.” Kelvar said later that the story “stands.” Fiona Apple said she was “done.”');
  const kind = (name: string) => r.people.find((p) => p.name === name)?.kind;
  assert.equal(kind('Twitter'), 'org', summary(r));
  assert.equal(kind('Vox'), 'org', summary(r));
  assert.equal(kind('Kelvar'), 'org', summary(r));
  assert.equal(kind('Fiona Apple'), 'person', summary(r));
});

test('a label in quotation marks inside an apposition does not hide the subject before it (`wearing “Dana Ruiz” pins, said`)', () => {
  const r = run('“We have seen livelier fairs than this one,” Iowa delegate Bill Easton, wearing a straw hat and “Dana Ruiz” campaign pins, said.');
  expectQuote(r.quotes.find((q) => q.text.startsWith('“We have seen'))!, { type: 'direct', speaker: 'Bill Easton', mention: 'Bill Easton', cue: 'said' });
});

test('a title closing an apposition, its comma inside the closing mark, does not hide the subject (`Mara Quint, star of “Harbor Lights,” said`)', () => {
  const r = run('Actress Mara Quint, star of “Harbor Lights,” said the campaign was “a movement of ordinary people.” '
    + 'Tom Adler, host of the radio show “Morning Dock,” told the crowd, “We are not going back.”');
  expectQuote(quote(r, 'the campaign was “a movement of ordinary people.”'), { type: 'mixed', speaker: 'Mara Quint', mention: 'Mara Quint', cue: 'said' });
  expectQuote(quote(r, '“We are not going back.”'), { speaker: 'Tom Adler', mention: 'Tom Adler', cue: 'told' });
});

test('an inverted cue opening its sentence introduces the quotation past an apposition or an opening adverbial (`Said Dora Pyne, who ..., “...”`)', () => {
  const r = run('The shop reopened on Monday. Said Lena Dorsey, who grew up on the same street, “We all cheered for her that night.” '
    + 'In other words, explained moderator Nina Cordell: “How does any of that touch the budget?” '
    + '“The risk,” said Edwin Lamar, an economist at the institute, “is that we lose the jobs.”');
  expectQuote(quote(r, '“We all cheered for her that night.”'), { speaker: 'Lena Dorsey', mention: 'Lena Dorsey', cue: 'Said' });
  expectQuote(quote(r, '“How does any of that touch the budget?”'), { speaker: 'Nina Cordell', mention: 'Nina Cordell', cue: 'explained' });
  // (With a quotation before the cue, the one after the apposition continues it.)
  const q = r.quotes.find((x) => x.text.startsWith('“The risk,”'))!;
  expectQuote(q, { speaker: 'Edwin Lamar', mention: 'Edwin Lamar', cue: 'said' });
  assert.ok(q.text.endsWith('“is that we lose the jobs.”'), summary(r));
});

test('an inverted cue’s role with the name in apposition after it rests on the name (`says Hollis’s partner, Reuben Vale.`)', () => {
  const r = run('“Most printers will not take a run under 500 copies,” says Hollis’s partner, Reuben Vale. “It is a waste,” said the company spokesman, who declined to be named.');
  expectQuote(r.quotes.find((q) => q.text.startsWith('“Most printers'))!, { speaker: 'Reuben Vale', mention: 'Reuben Vale', cue: 'says' });
  expectQuote(quote(r, '“It is a waste,”'), { speaker: 'the company spokesman', mention: 'the company spokesman', cue: 'said' });
});

test('a participle with no cue before it rests on the main clause’s subject, not on a subordinate clause’s (`X apologized after they came out, saying ...`)', () => {
  let r = run('Judge Alice Okafor wrote the essays at school. Okafor apologized for the essays after they surfaced, saying they were “clumsy and rash and written by a teenager.”');
  expectQuote(quote(r, 'they were “clumsy and rash and written by a teenager.”'), { speaker: 'Alice Okafor', mention: 'Okafor', cue: 'saying' });
  r = run('Like the mayor, Senator Tom Brennan also rejected the notion that other senators could walk away from the deal, arguing that there is “room to negotiate on the pension terms” in it.');
  expectQuote(quote(r, 'that there is “room to negotiate on the pension terms” in it'), { speaker: 'Tom Brennan', mention: 'Tom Brennan', cue: 'arguing' });
  // (After a relative or temporal clause, the participle goes with that clause's subject.)
  r = run('Premier Alice Okafor spoke at the college, where about 50 nurses had gathered on Monday, chanting “fair pay, safe wards, no more delays.”');
  assert.notEqual(quote(r, '“fair pay, safe wards, no more delays.”').speaker.name, 'Alice Okafor', summary(r));
  // (A sentence opening with `Even before ...,`: the main clause follows the comma.)
  r = run('Even before Okafor took the stage on Tuesday, her team sent a text to volunteers saying: “We just took the coast!”');
  expectQuote(quote(r, '“We just took the coast!”'), { mention: 'her team', cue: 'saying' });
});

test('a name’s word the tagger reads as a verb (`Sen. Ted/VERB Varnum`) leaves no empty mention: the subject is the clause’s', () => {
  const r = run('Dora Whelan threw her weight behind Sen. Ted Varnum on Wednesday, and said it is time for a “real fiscal hawk in the governor’s mansion.”');
  expectQuote(quote(r, 'it is time for a “real fiscal hawk in the governor’s mansion.”'), { speaker: 'Dora Whelan', mention: 'Dora Whelan', cue: 'said' });
});

test('a noun phrase opening its clause right before a cue is the source whatever its head (`In a statement, the shipping magnate announced ...`), an object is not', () => {
  const r = run('The yard closed in March. In a statement, the shipping magnate announced that “the yard will reopen in the spring.”');
  expectQuote(quote(r, 'that “the yard will reopen in the spring.”'), { type: 'mixed', mention: 'the shipping magnate', cue: 'announced' });
  const r2 = run('The new ferry plan promises to “cut every crossing by ten minutes.”');
  expectQuote(quote(r2, '“cut every crossing by ten minutes.”'), { mention: 'The new ferry plan', cue: 'promises' });
  const r3 = run('Ruth Alder unleashed a series of messages early Friday saying that “the count was rigged from the start.”');
  expectQuote(quote(r3, 'that “the count was rigged from the start.”'), { speaker: 'Ruth Alder', mention: 'Ruth Alder' });
});

test('a participle’s subject is the noun phrase opening the main clause whatever its head (`In two interviews, the shipping magnate sounded off ..., saying ...`)', () => {
  const r = run('The council met on Monday. In two long interviews, the shipping magnate sounded off on the plan, saying it was "a gift to the developers and nobody else."');
  expectQuote(quote(r, 'it was "a gift to the developers and nobody else."'), { type: 'mixed', mention: 'the shipping magnate', cue: 'saying' });
});

test('right after a closing quotation mark, a lone capitalised word before the cue is the speaker whatever its tag (`“...,” Read said`), and so is `another` after an inverted cue', () => {
  const r = run('Brent Read runs the yard. “We will not sell the yard to anyone,” Read said. Fans were angry online. “Vote them all out next time,” tweeted another.');
  expectQuote(quote(r, '“We will not sell the yard to anyone,”'), { mention: 'Read', cue: 'said' });
  expectQuote(quote(r, '“Vote them all out next time,”'), { mention: 'another', cue: 'tweeted' });
});

test('a gerund cue after `by` rests on the main clause’s subject, not on a subject inside the clause before it (`X quashed rumours he was quitting by tweeting that ...`)', () => {
  const r = run('The club was quiet all week. Ruth Alder quashed rumours he was quitting by tweeting that "I am staying here for the whole season."');
  expectQuote(quote(r, 'that "I am staying here for the whole season."'), { speaker: 'Ruth Alder', mention: 'Ruth Alder', cue: 'tweeting' });
});

test('an apposition set off by dashes between the subject and its cue leaves the subject the source (`Dana Whitlow — a teacher from Port Hale — says`)', () => {
  const r = run('The vote is on Saturday. Dana Whitlow — a teacher from Port Hale — says the endorsement was “a very big deal for us.”');
  expectQuote(quote(r, 'the endorsement was “a very big deal for us.”'), { type: 'mixed', speaker: 'Dana Whitlow', mention: 'Dana Whitlow', cue: 'says' });
});

test('a relative clause on an inverted source is no report of its own (`“...,” said X, who runs ...`)', () => {
  const r = run('Her first year has been “hard and wonderful,” said Nora Vance, who runs the shelter on Bay Street.');
  assert.deepEqual(quotesWith(r, 'runs the shelter'), [], summary(r));
  expectQuote(quote(r, 'Her first year has been “hard and wonderful,”'), { type: 'mixed', speaker: 'Nora Vance', cue: 'said' });
});

test('`CLAUSE, a guard on duty that night said.`: a noun phrase with a postmodifier after the clause’s comma is the source, whatever noun ends the postmodifier', () => {
  let r = run('The gunmen entered the lobby and fired at the guests, a hotel guard present during the raid told Reuters.');
  expectQuote(quote(r, 'The gunmen entered the lobby and fired at the guests'), { type: 'indirect', mention: 'a hotel guard', cue: 'told' });
  r = run('The gunmen entered the lobby and fired at the guests, a guard on duty that night said.');
  expectQuote(quote(r, 'The gunmen entered the lobby and fired at the guests'), { type: 'indirect', mention: 'a guard', cue: 'said' });
  // (Not after an apposition closed by its comma: the name before it is the subject.)
  r = run('“We were lucky,” Nora Vance, a guard at the hotel for ten years, said.');
  expectQuote(quote(r, '“We were lucky,”'), { type: 'direct', mention: 'Nora Vance', cue: 'said' });
});

test('`the senator’s claim that ...`: a cue read as a noun after a possessive is its owner’s, not the sentence subject’s', () => {
  let r = run('Reporters checked Mayor Dana Whitfield’s claim that the city had “cut crime in half in two years” against police records.');
  expectQuote(quote(r, 'that the city had “cut crime in half in two years” against police records'), { type: 'mixed', speaker: 'Dana Whitfield', mention: 'Dana Whitfield', cue: 'claim' });
  r = run('Fact-checkers seized on the senator’s claim that the bridge “will never be finished on time.”');
  expectQuote(quote(r, 'that the bridge “will never be finished on time.”'), { type: 'mixed', mention: 'the senator', cue: 'claim' });
});

test('`Six people, two of them children, were hurt, said police Chief Ana Ruiz.`: a clause with its own verb before the comma makes the cue inverted, not an apposition on a subject', () => {
  let r = run('Six people, two children, and a driver were hurt in the crash, said police Chief Ana Ruiz.');
  expectQuote(quote(r, 'Six people, two children, and a driver were hurt in the crash'), { type: 'indirect', speaker: 'Ana Ruiz', cue: 'said' });
  // (A bare subject and its apposition before the cue stay one.)
  r = run('Nora Baxter, the board’s chair, said the vote was fair.');
  expectQuote(quote(r, 'the vote was fair'), { type: 'indirect', speaker: 'Nora Baxter', cue: 'said' });
});

test('`he was quoted as saying`: the passive frame of a report stands between the speaker and the cue', () => {
  const r = run('Mayor Doug Pellam spoke out. “Once I saw the accounts, I was truly alarmed,” he was quoted as saying in the release. Pellam was quoted as saying that the deficit could not last.');
  expectQuote(quote(r, '“Once I saw the accounts, I was truly alarmed,”'), { speaker: 'Doug Pellam', mention: 'he', cue: 'saying' });
  expectQuote(quote(r, 'that the deficit could not last'), { type: 'indirect', speaker: 'Doug Pellam', mention: 'Pellam', cue: 'saying' });
});

test('after a quotation, a source with a participle after it stands before the cue (`“...,” the players dressed for a game say`)', () => {
  const r = run('“We need a new goalie,” team members dressed for practice say in the clip. “It is a long wait,” the ruling released Friday said.');
  expectQuote(quote(r, '“We need a new goalie,”'), { speaker: 'team members', mention: 'team members', cue: 'say' });
  expectQuote(quote(r, '“It is a long wait,”'), { speaker: 'the ruling', mention: 'the ruling', cue: 'said' });
  // (A place or institution leading the source is part of it, not a phrase it hangs on.)
  const led = run('“There is some bluffing going on,” University of the Northern Plains political scientist Ivo Marsh said.');
  expectQuote(quote(led, '“There is some bluffing going on,”'), { speaker: 'Ivo Marsh', cue: 'said' });
});

test('a relative clause without commas between subject and cue (`A woman who lives nearby said`, `Residents who live near the plant say`): the phrase before `who` is the speaker', () => {
  const r = run('The fire started at noon. A woman who lives nearby said the smoke was thick. Residents who live near the plant say the smell is unbearable.');
  expectQuote(r.quotes.find((q) => q.text.includes('smoke was thick'))!, { speaker: 'A woman', mention: 'A woman', cue: 'said' });
  expectQuote(r.quotes.find((q) => q.text.includes('smell is unbearable'))!, { speaker: 'Residents', mention: 'Residents', cue: 'say' });
});

test('a relative clause whose own clause has a subject pronoun before the cue keeps that pronoun (`the coach who was fired when he shouted`)', () => {
  const r = run('The latest is Coach Ted Marsh, the coach who was fired in 2009 when he shouted "You cheat!" at the referee.');
  expectQuote(r.quotes.find((q) => q.text.includes('You cheat'))!, { speaker: 'Ted Marsh', mention: 'he' });
});

test('a participle\'s object is no speaker even when the phrase the participle hangs on is no person (`The board decision allowing her release said`)', () => {
  const r = run('The hearing ended on Tuesday. The board decision allowing her release said she was not a danger.');
  const q = r.quotes.find((x) => x.text.includes('not a danger'))!;
  assert.ok(q.speaker.mention === null || !/release/.test(q.speaker.mention.text), summary(r));
  assert.notEqual(q.speaker.name, 'her release', summary(r));
});

test('`those` with its postmodifier opening the clause (`All those involved say`, `Those close to the mayor say`) is the speaker', () => {
  const r = run('The strike entered its third week. All those involved say the dispute is tangled. Those close to the mayor say she wants a deal.');
  expectQuote(r.quotes.find((q) => q.text.includes('dispute is tangled'))!, { speaker: 'All those involved', mention: 'All those involved', cue: 'say' });
  expectQuote(r.quotes.find((q) => q.text.includes('wants a deal'))!, { speaker: 'Those close to the mayor', mention: 'Those close to the mayor', cue: 'say' });
});

test('a clause-opening phrase with prepositional phrases after it (`The punching bag in tennis said`) is the source, whatever its head', () => {
  const r = run('The season ended in May. The punching bag in tennis said the rules were unfair. The loudest voice in the room at city hall said the vote was rigged.');
  expectQuote(r.quotes.find((q) => q.text.includes('rules were unfair'))!, { speaker: 'The punching bag in tennis', mention: 'The punching bag in tennis', cue: 'said' });
  expectQuote(r.quotes.find((q) => q.text.includes('vote was rigged'))!, { speaker: 'The loudest voice in the room at city hall', cue: 'said' });
});

test('a degree adverb before an adjective stays in the phrase (`The most popular coach in tennis finally said`)', () => {
  const r = run('The season ended in May. The most popular coach in tennis finally said "no more" to the critics.');
  expectQuote(r.quotes.find((q) => q.text.includes('no more'))!, { speaker: 'The most popular coach in tennis', mention: 'The most popular coach in tennis', cue: 'said' });
});

test('a role with a name and its affiliation in apposition (`Another pollster, Dana Ruiz of Wexham College, said`) rests on the name', () => {
  const r = run('The first poll showed the mayor losing support. Another pollster, Dana Ruiz of Wexham College, said her survey showed the lead unchanged.');
  expectQuote(r.quotes.find((q) => q.text.includes('lead unchanged'))!, { speaker: 'Dana Ruiz', mention: 'Dana Ruiz', cue: 'said' });
});

test('every noun of kinship names a person who can speak: `Okafor’s nephew, state Sen. Tomas Reyes, told`', () => {
  const r = run('“We finally have a library!” Okafor’s nephew, state Sen. Tomas Reyes (R-Dayton), told the crowd.');
  expectQuote(quote(r, '“We finally have a library!”'), { type: 'direct', mention: 'Okafor’s nephew', cue: 'told' });
});

test('a plural writing speaks as its singular does: `The studies, drawing on ten years of records, said`', () => {
  const r = run('The studies, drawing on ten years of hospital records, said the new drug was safe for children.');
  expectQuote(quote(r, 'the new drug was safe for children'), { type: 'indirect', mention: 'The studies', cue: 'said' });
});

test('`"..." -- Anders Holm, on the closure`: a dash typed as two hyphens, and a short description after the name, still close a quotation’s byline', () => {
  const text = 'The mill closed on Friday.\n\n"We did what we had to do" -- Orla Brennick, on the closure.\n\n"Nobody wanted this" — Orla Brennick, chief executive.';
  const r = run(text);
  expectQuote(quote(r, '"We did what we had to do"'), { type: 'direct', speaker: 'Orla Brennick', cue: null });
  expectQuote(quote(r, '"Nobody wanted this"'), { type: 'direct', speaker: 'Orla Brennick', cue: null });
});

test('`turned to the harbour police which reported “...”`: the cue of a relative clause with no cue before it rests on the clause’s host, not on the main subject', () => {
  let r = run('To settle the matter, they turned to the harbour police which reported “two hundred thefts” in the first half of the year.');
  expectQuote(quote(r, '“two hundred thefts” in the first half of the year'), { type: 'mixed', speaker: 'the harbour police', cue: 'reported' });
  r = run('Mayor Ann Lee met the farmers who said “the dam will ruin us all” at the meeting.');
  assert.notEqual(speakerOf(r, quote(r, '“the dam will ruin us all” at the meeting')).name, 'Ann Lee', summary(r));
  // (After another cue, a relative clause is as often part of that cue's report.)
  r = run('Mayor Ann Lee told a farmer who asked about the dam that “the water will be shared fairly.”');
  assert.equal(speakerOf(r, quote(r, '“the water will be shared fairly.”')).name, 'Ann Lee', summary(r));
});

test('a name and a description coordinated before the cue are one source (`Lena Brant and her deputy said`)', () => {
  const r = run('“We cannot keep paying for repairs,” Mayor Lena Brant and her deputy said on Monday. Police arrested the man and his lawyer said he was innocent.');
  expectQuote(quote(r, '“We cannot keep paying for repairs,”'), { mention: 'Mayor Lena Brant and her deputy', cue: 'said' });
  expectQuote(quote(r, 'he was innocent'), { type: 'indirect', mention: 'his lawyer', cue: 'said' });
});

test('a relative clause opened by `whom` between subject and cue is skipped: the source is the noun it hangs on', () => {
  const r = run('The engineer whom the city hired said the bridge was safe.');
  expectQuote(quote(r, 'the bridge was safe'), { type: 'indirect', mention: 'The engineer', cue: 'said' });
});

test('`many of whom said` after a comma: the group the clause hangs on is the source, and the report ends at the clause', () => {
  const r = run('Residents, many of whom said it was too late, rejected the plan.');
  const q = quote(r, 'it was too late');
  assert.equal(q.text, 'it was too late', summary(r));
  expectQuote(q, { type: 'indirect', speaker: 'Residents', cue: 'said' });
});

test('a possessive description (`its partners`) leaves the description in apposition that names who they are (`members of the Farmers League`)', () => {
  const r = run('The government does not hold a majority, but its partners, members of the Farmers League, have said they will back the budget.');
  expectQuote(quote(r, 'they will back the budget'), { speaker: 'members of the Farmers League', mention: 'members of the Farmers League', cue: 'said' });
  // (An apposition that names no one says no more: the possessive description stays.)
  const plain = run('The firm lost money. Its owners, two brothers from town, said the plan would work.');
  expectQuote(quote(plain, 'the plan would work'), { speaker: 'Its owners', mention: 'Its owners' });
});

test('a role in lower case before the name in apposition (`His colleague, climatologist Sara Kim, said`) leaves the name the subject', () => {
  const r = run('Ben Adeyemi is a hydrologist. His colleague, climatologist Sara Kim, said the data left little room for hope. One critic, former mayor Tom Reed, said the plan would fail.');
  expectQuote(quote(r, 'the data left little room for hope'), { type: 'indirect', speaker: 'Sara Kim', mention: 'Sara Kim', cue: 'said' });
  expectQuote(quote(r, 'the plan would fail'), { type: 'indirect', speaker: 'Tom Reed', mention: 'Tom Reed', cue: 'said' });
});

test('a surname the tagger reads as a verb is a name inside running text (`told a radio station that Dole was wrong`), not in a headline in capitals', () => {
  const r = run('Greg Hanley runs Westbury. Hanley told a radio station that Dole was wrong. Later he told the Harbour Herald that Dole “never met a fee he did not like.”');
  expectQuote(quote(r, 'that Dole was wrong'), { type: 'indirect', speaker: 'Greg Hanley', mention: 'Hanley', cue: 'told' });
  expectQuote(quote(r, 'that Dole “never met a fee he did not like.”'), { type: 'mixed', speaker: 'Greg Hanley', mention: 'he', cue: 'told' });
  const h = run('Mike Pence Calls for a Special Prosecutor.\n\nThe governor spoke on Monday.');
  assert.ok(!h.people.some((p) => p.name === 'Mike Pence Calls'), summary(h));
});
