/**
 * To whom and when a quotation was said: `addressee` (the object of a verb of telling, `to`
 * after a cue, a name addressed inside the quotation) and `when` (a time expression in the
 * attribution, resolved against the publication date). Every text is invented.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { run, quote, summary } from './helpers/extract.js';

// 2025-03-13 is a Thursday.
const PUBLISHED = '2025-03-13';

test('the object of a verb of telling is the addressee; a weekday resolves to the last one before publication', () => {
  const r = run('Mayor Ana Ruiz told reporters on Tuesday that the bridge would reopen in May.', { published: PUBLISHED });
  const q = quote(r, 'that the bridge would reopen in May');
  assert.deepEqual(q.addressee && { name: q.addressee.name, entity: q.addressee.entity, text: q.addressee.mention.text }, { name: 'reporters', entity: null, text: 'reporters' });
  assert.deepEqual(q.when && { text: q.when.text, resolved: q.when.resolved }, { text: 'on Tuesday', resolved: '2025-03-11' });
});

test('after a quotation: `told` a named outlet, `late on Sunday`', () => {
  const r = run('“We will rebuild the pier,” Ruiz told Harbour Radio late on Sunday.', { published: PUBLISHED });
  const q = quote(r, '“We will rebuild the pier,”');
  assert.equal(q.addressee?.mention.text, 'Harbour Radio', summary(r));
  assert.deepEqual(q.when && { text: q.when.text, resolved: q.when.resolved }, { text: 'late on Sunday', resolved: '2025-03-09' });
});

test('a person of the article addressed by name inside the quotation is the addressee, as that entity', () => {
  const text = 'Dev Okafor chairs the finance committee.\n\n“So, Mr. Okafor, you know the numbers as well as I do,” Ruiz said.';
  const r = run(text, { published: PUBLISHED });
  const q = quote(r, '“So, Mr. Okafor, you know the numbers as well as I do,”');
  assert.ok(q.addressee?.entity, summary(r));
  assert.equal(q.addressee!.name, 'Dev Okafor');
  assert.equal(q.addressee!.mention.text, 'Okafor');
  assert.ok(r.people.some((p) => p.id === q.addressee!.entity));
});

test('no addressee: `said to be`, a pronoun, a name that is the quotation\'s subject', () => {
  const a = run('Ruiz said the council is said to be divided.');
  assert.ok(a.quotes.every((q) => !q.addressee), summary(a));
  const b = run('“We are not done,” Ruiz told him.');
  assert.equal(quote(b, '“We are not done,”').addressee, undefined);
  const c = run('Dev Okafor chairs the committee.\n\n“Okafor, as everyone knows, wrote the budget,” Ruiz said.');
  assert.equal(quote(c, '“Okafor, as everyone knows, wrote the budget,”').addressee, undefined);
});

test('`to` after a cue names the addressee; `according to` does not', () => {
  const r = run('Ruiz said to the crowd that the pier would be rebuilt. According to Okafor, the money is there.');
  assert.equal(quote(r, 'that the pier would be rebuilt').addressee?.name, 'the crowd', summary(r));
  assert.ok(r.quotes.filter((q) => q.cue?.text === 'According to').every((q) => !q.addressee), summary(r));
});

test('a date inside what was said, or in another clause of the sentence, is not when it was said', () => {
  const a = run('Ruiz said the vote on Friday would be close.', { published: PUBLISHED });
  assert.equal(quote(a, 'the vote on Friday would be close').when, undefined);
  const b = run('After the council met on Monday, Ruiz said that the plan was dead.', { published: PUBLISHED });
  assert.equal(quote(b, 'that the plan was dead').when, undefined, summary(b));
  const c = run('“The budget is fair,” Ruiz said of Friday’s vote.', { published: PUBLISHED });
  assert.equal(quote(c, '“The budget is fair,”').when, undefined);
});

test('weeks, months and years at their own precision; a fronted adjunct counts', () => {
  const a = run('In an interview with Harbour Radio last week, Ruiz said that the pier would be rebuilt.', { published: PUBLISHED });
  assert.equal(quote(a, 'that the pier would be rebuilt').when?.resolved, '2025-03-03/2025-03-09');
  const b = run('Ruiz said earlier this month that the pier would be rebuilt.', { published: PUBLISHED });
  assert.deepEqual(b.quotes[0]?.when && { text: b.quotes[0].when.text, resolved: b.quotes[0].when.resolved }, { text: 'earlier this month', resolved: '2025-03' }, summary(b));
  const c = run('Okafor said in 2019 that the pier was safe.', { published: PUBLISHED });
  assert.equal(quote(c, 'that the pier was safe').when?.resolved, '2019', summary(c));
  const d = run('Ruiz told the council on 3 April that the pier would be rebuilt.', { published: PUBLISHED });
  assert.equal(d.quotes[0]?.when?.resolved, '2024-04-03', 'a day and month ahead of the publication date are last year\'s');
});

test('without a publication date a relative time keeps its words and resolves to null; a full date still resolves', () => {
  const a = run('Ruiz said on Tuesday that the bridge would reopen.');
  assert.deepEqual(a.quotes[0]?.when && { text: a.quotes[0].when.text, resolved: a.quotes[0].when.resolved }, { text: 'on Tuesday', resolved: null }, summary(a));
  const b = run('On March 4, 2025, Ruiz said that the bridge would reopen.');
  assert.equal(b.quotes[0]?.when?.resolved, '2025-03-04', summary(b));
});

test('no addressee: the source after an inverted cue, the subject of the reported clause; a time after the addressee is the time', () => {
  const a = run('“The pier is a loose cannon,” warned Ruiz.');
  assert.equal(quote(a, '“The pier is a loose cannon,”').addressee, undefined, summary(a));
  const b = run('Ruiz promised her entire harbour program would be paid for by the province.');
  assert.ok(b.quotes.every((q) => !q.addressee), summary(b));
  const c = run('Ruiz told harbour workers Saturday night that the pier would reopen.', { published: PUBLISHED });
  const q = quote(c, 'that the pier would reopen');
  assert.equal(q.addressee?.name, 'harbour workers');
  assert.deepEqual(q.when && { text: q.when.text, resolved: q.when.resolved }, { text: 'Saturday night', resolved: '2025-03-08' });
});

test('a capitalised time word inside a name is no time: `told Harbour Radio’s This Week`', () => {
  const r = run('“The pier will reopen,” Ruiz told Harbour Radio’s This Week.', { published: PUBLISHED });
  assert.equal(quote(r, '“The pier will reopen,”').when, undefined, summary(r));
  const s = run('Last week, Ruiz said that the pier was safe.', { published: PUBLISHED });
  assert.equal(quote(s, 'that the pier was safe').when?.text, 'Last week', 'a sentence may open with one');
});

test('a message `to` someone, or what the speaker would tell someone, names the addressee; a letter in another sentence does not', () => {
  const a = run('In a letter to supporters, Ruiz wrote that the pier would reopen.');
  assert.equal(quote(a, 'that the pier would reopen').addressee?.name, 'supporters', summary(a));
  const b = run('Dev Okafor chairs the committee.\n\nAsked what she would tell Okafor, Ruiz said: “The money is there.”');
  const q = quote(b, '“The money is there.”');
  assert.equal(q.addressee?.name, 'Dev Okafor', summary(b));
  assert.ok(q.addressee?.entity);
  const c = run('Ruiz wrote a letter to the editor. She said that the pier would reopen.');
  assert.equal(quote(c, 'that the pier would reopen').addressee, undefined);
});

test('a name called in the second part of an interrupted quotation is that part\'s addressee, not the whole\'s', () => {
  const text = 'Dev Okafor chairs the committee.\n\n“We are done with this,” Ruiz said. “Mr. Okafor, you know why.”';
  const r = run(text);
  const parts = r.quotes.filter((q) => q.text.includes('Mr. Okafor'));
  const whole = parts.find((q) => q.text.startsWith('“We are done'));
  const second = parts.find((q) => q.text === '“Mr. Okafor, you know why.”');
  assert.ok(whole && second, summary(r));
  assert.equal(second!.addressee?.name, 'Dev Okafor', summary(r));
  assert.equal(whole!.addressee, undefined);
});

test('two attributions with the same words around their cues each get their time, at their own offsets', () => {
  // (The stretch `on Tuesday.` is read once for the article: its offsets are the stretch's own.)
  const text = '“The ferry will run again,” Ines Varga said on Tuesday.\n\n“The engines are not ready,” Piet Sorensen said on Tuesday.';
  const r = run(text, { published: PUBLISHED });
  const whens = r.quotes.map((q) => q.when && { text: q.when.text, start: q.when.start, resolved: q.when.resolved });
  const second = text.lastIndexOf('on Tuesday');
  assert.deepEqual(whens, [
    { text: 'on Tuesday', start: text.indexOf('on Tuesday'), resolved: '2025-03-11' },
    { text: 'on Tuesday', start: second, resolved: '2025-03-11' },
  ]);
});
