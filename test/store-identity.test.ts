/**
 * One person across articles beyond the unique-surname rule (identity.ts): a surname-only person
 * joins the fuller-named person its evidence fits, name variants with and without a middle name
 * are one person, and people who only share a surname stay apart. On every backend.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAnalysis } from './helpers/analysis.js';
import { backends } from './helpers/backends.js';
import type { AddResult, ArticleInput, ArticleToStore, Store } from '../src/store/store.js';
import type { Analysis } from '../src/extract/types.js';
import { displayName, givenRelated, nameVariants, pickFullName, titlesOf, type Candidate } from '../src/store/identity.js';
import { normalizeName } from '../src/store/normalize.js';

interface Speaker {
  name: string;
  descriptors?: string[];
  gender?: 'm' | 'f';
}

/** An article in which one person, named twice, says one thing (or nothing, with quote null). */
function article(key: string, who: Speaker, quote: string | null): ArticleToStore {
  const title = who.descriptors?.[0] ? who.descriptors[0] + ' ' : '';
  const T = quote
    ? `${title}${who.name} spoke at the hall. "${quote}," ${who.name} said.`
    : `${title}${who.name} was at the hall and ${who.name} listened.`;
  const analysis = buildAnalysis(
    T,
    [{ id: 'p', name: who.name, mentions: [who.name, who.name], descriptors: who.descriptors ?? [], ...(who.gender ? { gender: who.gender } : {}) }],
    quote ? [{ quote: `"${quote},"`, speaker: who.name, entity: 'p', mention: who.name }] : [],
  );
  return { article: { source: key, canonicalUrl: `https://news.example/${key}`, published: '2025-06-01', text: T }, analysis };
}

function said(store: Store, key: string, who: Speaker, quote: string | null): Promise<AddResult> {
  const { article: a, analysis } = article(key, who, quote) as { article: ArticleInput; analysis: Analysis };
  return store.addArticle(a, analysis);
}

async function peopleOf(store: Store): Promise<[string, number, number][]> {
  return (await store.listPeople({ all: true, limit: 100 })).items
    .map((p): [string, number, number] => [p.name, p.quotes, p.articles])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

async function counted(store: Store, name: string): Promise<{ aliases: Record<string, number>; descriptors: Record<string, number> }> {
  const d = (await store.person(name))!;
  assert.ok(d, name);
  return {
    aliases: Object.fromEntries(d.aliases.map((a) => [a.value, a.count])),
    descriptors: Object.fromEntries(d.descriptors.map((a) => [a.value, a.count])),
  };
}

for (const backend of backends) {
  test(`[${backend.name}] a surname-only person joins the fuller-named person of that surname its article's title or gender fits`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await said(store, 'a1', { name: 'Ana Vidal', descriptors: ['Sen.'], gender: 'f' }, 'The bridge budget is short by a third');
      await said(store, 'a2', { name: 'Rafael Vidal', descriptors: ['Gov.'], gender: 'm' }, 'We will sign the bill on Monday');
      await said(store, 'a3', { name: 'Vidal', descriptors: ['Sen.'] }, 'Nobody asked the towns first');
      await said(store, 'a4', { name: 'Vidal', gender: 'm' }, 'The veto stands as written');
      // A title neither has: someone else named Vidal.
      await said(store, 'a5', { name: 'Vidal', descriptors: ['Dean'] }, 'Tuition will not rise this year');
      // A title one of them has, and one neither has: the one sharing a title.
      await said(store, 'a6', { name: 'Vidal', descriptors: ['Sen.', 'Dean'] }, 'The campus bill is dead');
      assert.deepEqual(await peopleOf(store), [['Ana Vidal', 3, 3], ['Rafael Vidal', 2, 2], ['Vidal', 1, 1]]);
      const ana = await counted(store, 'Ana Vidal');
      assert.deepEqual(ana.descriptors, { 'Sen.': 3, Dean: 1 });
      assert.deepEqual(ana.aliases, { 'Ana Vidal': 2, Vidal: 4 });
      assert.deepEqual((await counted(store, 'Rafael Vidal')).aliases, { 'Rafael Vidal': 2, Vidal: 2 });
      assert.equal((await store.search({ speaker: 'Ana Vidal' })).length, 3);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] two senators sharing a surname stay apart, and a surname-only senator of that surname joins neither`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await said(store, 'b1', { name: 'Tom Brandt', descriptors: ['Sen.'], gender: 'm' }, 'The farm bill needs another month');
      await said(store, 'b2', { name: 'Paul Brandt', descriptors: ['Sen.'], gender: 'm' }, 'We have the votes for the farm bill');
      await said(store, 'b3', { name: 'Brandt', descriptors: ['Sen.'], gender: 'm' }, 'I will not hold up the vote');
      await said(store, 'b4', { name: 'Brandt', descriptors: ['Sen.'] }, 'The committee meets again in June');
      assert.deepEqual(await peopleOf(store), [['Brandt', 2, 2], ['Paul Brandt', 1, 1], ['Tom Brandt', 1, 1]]);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a surname-only person recorded first joins the full name its record fits, not a relative who arrived before`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      const first = await said(store, 'c1', { name: 'Marlow', descriptors: ['Mr.'], gender: 'm' }, 'The mill will stay open through winter');
      await said(store, 'c2', { name: 'Marlow', descriptors: ['Mr.'], gender: 'm' }, 'Orders are up since the spring');
      await said(store, 'c3', { name: 'Celia Marlow', descriptors: ['wife'], gender: 'f' }, 'We never thought of selling');
      assert.deepEqual(await peopleOf(store), [['Celia Marlow', 1, 1], ['Marlow', 2, 2]]);
      await said(store, 'c4', { name: 'Victor Marlow', descriptors: ['Mr.'], gender: 'm' }, 'The workers made this possible');
      assert.deepEqual(await peopleOf(store), [['Celia Marlow', 1, 1], ['Victor Marlow', 3, 3]]);
      const victor = await counted(store, 'Victor Marlow');
      assert.deepEqual(victor.aliases, { Marlow: 4, 'Victor Marlow': 2 });
      assert.deepEqual(victor.descriptors, { 'Mr.': 3 });
      const id = (await store.person('Victor Marlow'))!.id;
      assert.deepEqual((await store.getArticle(first.articleId))!.people.map((p) => p.personId), [id]);
      assert.deepEqual((await store.getArticle(first.articleId))!.quotes.map((q) => q.personId), [id]);
      assert.equal((await store.search({ speaker: 'Victor Marlow' })).length, 3);
      assert.equal((await store.search({ text: 'mill winter', speaker: 'Victor Marlow' })).length, 1);
      // Later articles naming him by surname go to him.
      await said(store, 'c5', { name: 'Marlow', descriptors: ['Mr.'], gender: 'm' }, 'The second shift starts in May');
      assert.deepEqual(await peopleOf(store), [['Celia Marlow', 1, 1], ['Victor Marlow', 4, 4]]);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a surname-only person kept apart from a relative joins the full name that arrives later and fits; one of the other gender joins the relative`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await said(store, 'd1', { name: 'Grace Okoro', descriptors: ['Mrs.'], gender: 'f' }, null);
      await said(store, 'd2', { name: 'Okoro', descriptors: ['President'], gender: 'm' }, 'The port reopens next week');
      assert.deepEqual(await peopleOf(store), [['Grace Okoro', 0, 1], ['Okoro', 1, 1]]);
      await said(store, 'd3', { name: 'Daniel Okoro', descriptors: ['President'], gender: 'm' }, 'Trade is our first concern');
      // The full name arriving takes in the surname-only record it fits.
      assert.deepEqual(await peopleOf(store), [['Daniel Okoro', 2, 2], ['Grace Okoro', 0, 1]]);
      await said(store, 'd4', { name: 'Okoro', descriptors: ['Mrs.'], gender: 'f' }, 'The school will be finished by autumn');
      assert.deepEqual(await peopleOf(store), [['Daniel Okoro', 2, 2], ['Grace Okoro', 1, 2]]);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a surname-only person with nothing to tell joins the one person of its surname quoted far more, and no one when quotes are close`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      for (const [i, q] of ['Rents rose again', 'The board meets on Friday', 'We expect a vote soon'].entries()) {
        await said(store, `k${i}`, { name: 'Dana Kessler' }, q);
      }
      await said(store, 'k9', { name: 'Lee Kessler' }, null);
      await said(store, 'k10', { name: 'Kessler' }, 'The tenants deserve an answer');
      await said(store, 'h1', { name: 'Mia Hale' }, 'The clinic needs two more nurses');
      await said(store, 'h2', { name: 'Jon Hale' }, 'The clinic is fully staffed');
      await said(store, 'h3', { name: 'Hale' }, 'Staffing is a matter of budget');
      assert.deepEqual(await peopleOf(store), [
        ['Dana Kessler', 4, 4],
        ['Hale', 1, 1],
        ['Jon Hale', 1, 1],
        ['Lee Kessler', 0, 1],
        ['Mia Hale', 1, 1],
      ]);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a surname-only record kept apart joins the full name that has come to dominate, when a later article names it so`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await said(store, 'p1', { name: 'Ian Pryce' }, 'The harbour needs dredging');
      await said(store, 'p2', { name: 'Ella Pryce' }, 'The fishing season was poor');
      const first = await said(store, 'p3', { name: 'Pryce' }, 'Nobody told the council');
      for (let i = 0; i < 9; i++) await said(store, `p-${i}`, { name: 'Ian Pryce' }, `The harbour plan, part ${i + 1}, is ready`);
      assert.deepEqual(await peopleOf(store), [['Ella Pryce', 1, 1], ['Ian Pryce', 10, 10], ['Pryce', 1, 1]]);
      await said(store, 'p4', { name: 'Pryce' }, 'The dredging starts in March');
      assert.deepEqual(await peopleOf(store), [['Ella Pryce', 1, 1], ['Ian Pryce', 12, 12]]);
      const ian = (await store.person('Ian Pryce'))!;
      assert.deepEqual((await store.getArticle(first.articleId))!.people.map((p) => p.personId), [ian.id]);
      assert.deepEqual((await counted(store, 'Ian Pryce')).aliases, { 'Ian Pryce': 20, Pryce: 4 });
      assert.equal((await store.search({ text: 'council', speaker: 'Ian Pryce' })).length, 1);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a full name with and without a middle initial or name is one person unless ambiguous or of the other gender`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await said(store, 'v1', { name: 'Ruth A. Kemble' }, 'The library stays open late');
      await said(store, 'v2', { name: 'Ruth Kemble' }, 'Funding is secure for a year');
      await said(store, 'v3', { name: 'Ruth Anne Kemble' }, 'Volunteers run the night desk');
      await said(store, 'g1', { name: 'George W. Tolley' }, 'The dam is safe');
      await said(store, 'g2', { name: 'George H. W. Tolley' }, 'The dam was built well');
      await said(store, 'g3', { name: 'George Tolley' }, 'Inspections continue');
      // Short name first: the first variant joins it, the other is someone else.
      await said(store, 'f1', { name: 'Frank Ainsley' }, 'The ferry runs twice a day');
      await said(store, 'f2', { name: 'Frank T. Ainsley' }, 'The ferry needs a new engine');
      await said(store, 'f3', { name: 'Frank R. T. Ainsley' }, 'The ferry was my father\'s');
      await said(store, 'x1', { name: 'Sam J. Ortiz', gender: 'm' }, 'The team plays at home');
      await said(store, 'x2', { name: 'Sam Ortiz', gender: 'f' }, 'The team trains at dawn');
      await said(store, 'o1', { name: "Omar Haddad's" }, 'The shop opens on Sunday');
      // (Each shown by its fuller form, used as often as the other.)
      assert.deepEqual(await peopleOf(store), [
        ['Frank R. T. Ainsley', 1, 1],
        ['Frank T. Ainsley', 2, 2],
        ['George H. W. Tolley', 1, 1],
        ['George Tolley', 1, 1],
        ['George W. Tolley', 1, 1],
        ['Omar Haddad', 1, 1],
        ['Ruth Anne Kemble', 3, 3],
        ['Sam J. Ortiz', 1, 1],
        ['Sam Ortiz', 1, 1],
      ]);
      const ruth = await counted(store, 'Ruth A. Kemble');
      assert.deepEqual(ruth.aliases, { 'Ruth A. Kemble': 2, 'Ruth Kemble': 2, 'Ruth Anne Kemble': 2 });
      assert.equal((await store.person('Ruth A. Kemble'))?.name, 'Ruth Anne Kemble');
      assert.equal((await store.search({ speaker: 'Ruth Kemble' })).length, 3);
    } finally {
      await done();
    }
  });
}

test('identity rules: titles, gender, dominance and name variants', () => {
  assert.deepEqual([...titlesOf(['Texas Sen.', 'Senator', 'Mr.', 'Republican presidential candidate'])], ['senator']);
  const c = (id: number, quotes: number, male: number, female: number, titles: string[] = []): Candidate => ({ id, quotes, male, female, titles: new Set(titles) });
  const none = { male: 0, female: 0, titles: new Set<string>() };
  // Gender only from coreference never picks a minor person over one who dominates.
  assert.equal(pickFullName({ ...none, female: 1 }, [c(1, 90, 5, 0), c(2, 0, 0, 1)]), null);
  assert.equal(pickFullName({ ...none, female: 1, named: true }, [c(1, 90, 5, 0), c(2, 0, 0, 1)])?.id, 2);
  // Evidence of both genders joins no one.
  assert.equal(pickFullName({ ...none, male: 1, female: 1 }, [c(1, 90, 5, 0)]), null);
  assert.equal(pickFullName(none, [c(1, 30, 0, 0), c(2, 3, 0, 0)])?.id, 1);
  assert.equal(pickFullName(none, [c(1, 29, 0, 0), c(2, 3, 0, 0)]), null);
  assert.equal(pickFullName(none, [c(1, 2, 0, 0), c(2, 0, 0, 0)]), null);
  // A title none of several candidates has is someone else; a sole candidate without titles is still it.
  assert.equal(pickFullName({ ...none, titles: new Set(['dean']) }, [c(1, 90, 0, 0), c(2, 1, 0, 0, ['governor'])]), null);
  assert.equal(pickFullName({ ...none, titles: new Set(['dean']) }, [c(1, 90, 0, 0)])?.id, 1);
  // Of those sharing a title, the ones sharing the most.
  assert.equal(pickFullName({ ...none, titles: new Set(['president', 'minister']), named: true }, [c(1, 2, 0, 0, ['president']), c(2, 40, 0, 0, ['governor'])])?.id, 1);
  assert.equal(pickFullName({ ...none, titles: new Set(['president', 'dean']), named: true }, [c(1, 2, 0, 0, ['president']), c(2, 2, 0, 0, ['president', 'dean'])])?.id, 2);
  assert.equal(nameVariants(['john', 'f', 'kennedy'], ['john', 'fitzgerald', 'kennedy']), true);
  assert.equal(nameVariants(['john', 'kennedy'], ['john', 'fitzgerald', 'kennedy']), true);
  assert.equal(nameVariants(['george', 'w', 'bush'], ['george', 'h', 'w', 'bush']), false);
  assert.equal(nameVariants(['john', 'kennedy'], ['jane', 'kennedy']), false);
});

/** Invented first-name forms said in order, each a quote of its own, one article each. */
function articles(prefix: string, list: [Speaker, number][]): ArticleToStore[] {
  const out: ArticleToStore[] = [];
  for (const [who, n] of list) {
    for (let i = 0; i < n; i++) out.push(article(`${prefix}-${who.name}-${i}`, who, `${who.name.split(' ')[0]} said part ${i} of the plan for the river`));
  }
  return out;
}

/** Each person of the record: its name, quotes, articles and names, sorted. */
async function peopleWithNames(store: Store): Promise<string[]> {
  const out: string[] = [];
  for (const p of (await store.listPeople({ all: true, limit: 100 })).items) {
    const d = (await store.person(p.name))!;
    out.push(`${p.name} ${p.quotes}/${p.articles}: ${d.aliases.map((a) => `${a.value}=${a.count}`).sort().join(', ')}`);
  }
  return out.sort();
}

for (const backend of backends) {
  test(`[${backend.name}] a full name and its short first-name form are one person, unless another person fits too, the gender differs or the person is known by a conflicting form`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await said(store, 'n1', { name: 'Joe Varga' }, 'The canal will be dredged');
      await said(store, 'n2', { name: 'Joseph Varga' }, 'The canal budget is set');
      await said(store, 'n3', { name: 'William Tennant', gender: 'm' }, 'Taxes stay flat');
      await said(store, 'n4', { name: 'Bill Tennant', gender: 'm' }, 'Taxes will not rise');
      await said(store, 'n5', { name: 'Bob T. Ames' }, 'The mill reopens');
      await said(store, 'n6', { name: 'Robert Ames' }, 'The mill hires in May');
      // Two people a short form may be: neither.
      await said(store, 'a1', { name: 'Christopher Evers' }, 'The vote is close');
      await said(store, 'a2', { name: 'Christina Evers' }, 'The vote was fair');
      await said(store, 'a3', { name: 'Chris Evers' }, 'The vote will be counted again');
      // Known by a full name the new one conflicts with: not joined.
      await said(store, 'c1', { name: 'Chris Lund' }, 'Harbour fees rise');
      await said(store, 'c2', { name: 'Christopher Lund' }, 'Harbour fees rose');
      await said(store, 'c3', { name: 'Christina Lund' }, 'Harbour fees are fair');
      // The other gender: not joined.
      await said(store, 'g1', { name: 'Samuel Pruitt', gender: 'm' }, 'The school is full');
      await said(store, 'g2', { name: 'Sam Pruitt', gender: 'f' }, 'The school needs teachers');
      // Two short forms of one name are not one first name.
      await said(store, 's1', { name: 'Joey Marsh' }, 'The rink opens');
      await said(store, 's2', { name: 'Joe Marsh' }, 'The rink closes');
      assert.deepEqual((await peopleOf(store)).map((p) => p[0] + ' ' + p[1]), [
        'Bob T. Ames 2',
        'Chris Evers 1',
        'Christina Evers 1',
        'Christina Lund 1',
        'Christopher Evers 1',
        'Christopher Lund 2',
        'Joe Marsh 1',
        'Joey Marsh 1',
        'Joseph Varga 2',
        'Sam Pruitt 1',
        'Samuel Pruitt 1',
        'William Tennant 2',
      ]);
      // Every name finds the person, by name and by speaker (shown by the fuller of two forms used as often).
      for (const name of ['Joseph Varga', 'Joe Varga']) {
        assert.equal((await store.person(name))?.name, 'Joseph Varga', name);
        assert.equal((await store.search({ speaker: name })).length, 2, name);
      }
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a person is shown by its most used full form as counts change, its quotes labelled so, and found by every name`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await said(store, 'd1', { name: 'Bernie Aldous' }, 'The ferry fare is too high');
      await said(store, 'd2', { name: 'Aldous' }, 'Nobody rides at that price');
      await said(store, 'd3', { name: 'Bernard Aldous' }, 'The ferry needs a subsidy');
      // A tie: the fuller form (more words, longer).
      assert.deepEqual((await peopleOf(store)).map((p) => p[0]), ['Bernard Aldous']);
      await said(store, 'd4', { name: 'Bernie Aldous' }, 'The fare was cut');
      assert.deepEqual(await peopleOf(store), [['Bernie Aldous', 4, 4]]);
      await said(store, 'd5', { name: 'Bernard Aldous' }, 'The fare cut holds');
      await said(store, 'd6', { name: 'Bernard Aldous' }, 'The fare cut is paid for');
      assert.deepEqual(await peopleOf(store), [['Bernard Aldous', 6, 6]]);
      for (const name of ['Bernie Aldous', 'Bernard Aldous', 'Aldous']) {
        assert.equal((await store.person(name))?.name, 'Bernard Aldous', name);
        assert.equal((await store.search({ speaker: name })).length, 6, name);
      }
      // Every appearance is labelled with the name shown.
      const hits = await store.search({ speaker: 'Bernard Aldous' });
      assert.deepEqual([...new Set(hits.flatMap((h) => h.appearances.map((a) => a.speaker)))], ['Bernard Aldous']);
      assert.equal((await store.search({ text: 'ferry subsidy', speaker: 'Bernie Aldous' })).length, 1);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] short first-name forms and the shown name come out the same whatever order the articles arrive in, one by one or in a large batch`, { skip: backend.skip }, async () => {
    const list: [Speaker, number][] = [
      [{ name: 'Tom Whitlow', gender: 'm' }, 3],
      [{ name: 'Thomas Whitlow', gender: 'm' }, 2],
      [{ name: 'Thomas R. Whitlow', gender: 'm' }, 1],
      [{ name: 'Kate Whitlow', gender: 'f' }, 1],
      [{ name: 'Whitlow', descriptors: ['Mr.'], gender: 'm' }, 1],
      [{ name: 'Liz Brennan' }, 1],
      [{ name: 'Elizabeth Brennan' }, 2],
      [{ name: 'Rick Oduya' }, 2],
      [{ name: 'Richard Oduya' }, 2],
    ];
    // Many others in between, so that a batch is large enough for the writer's filters.
    const others: [Speaker, number][] = Array.from({ length: 70 }, (_, i): [Speaker, number] => [{ name: `Ann Other${String.fromCharCode(97 + (i % 26))}${i}` }, 1]);
    const forward = [...articles('x', list), ...articles('o', others)];
    const orders = [forward, [...forward].reverse(), forward.filter((_, i) => i % 2 === 0).concat(forward.filter((_, i) => i % 2 === 1))];
    const results: string[][] = [];
    for (const [n, order] of orders.entries()) {
      for (const batch of [false, true]) {
        const { store, done } = await backend.open();
        try {
          if (batch) assert.ok((await store.addArticles(order)).every((r) => !(r instanceof Error)));
          else for (const item of order) await store.addArticle(item.article, (item as { analysis: Analysis }).analysis);
          results.push((await peopleWithNames(store)).filter((p) => !p.startsWith('Ann ')));
        } finally {
          await done();
        }
        assert.deepEqual(results[results.length - 1], results[0], `order ${n}${batch ? ' in a batch' : ''}`);
      }
    }
    assert.deepEqual(results[0]!.map((p) => p.slice(0, p.indexOf(':'))), [
      'Elizabeth Brennan 3/3',
      'Kate Whitlow 1/1',
      'Richard Oduya 4/4',
      'Tom Whitlow 7/7',
    ]);
  });
}

test('identity rules: short first-name forms and the name shown', () => {
  assert.equal(nameVariants(['bill', 'clinton'], ['william', 'clinton']), true);
  assert.equal(nameVariants(['joe', 'r', 'biden'], ['joseph', 'robinette', 'biden']), true);
  assert.equal(nameVariants(['joe', 'biden'], ['joey', 'biden']), false);
  assert.equal(nameVariants(['joe', 'biden'], ['jill', 'biden']), false);
  assert.equal(givenRelated('joe', 'joey'), true);
  assert.equal(givenRelated('christina', 'christopher'), false);
  const a = (alias: string, count: number): [string, string, number] => [alias, normalizeName(alias), count];
  assert.equal(displayName([a('Doe', 9), a('Kate Doe', 2), a('Katherine Doe', 2), a('Kate Doe\'s', 1)], 'kate', 'doe'), 'Katherine Doe');
  assert.equal(displayName([a('Doe', 9), a('Kate Doe', 3), a('Katherine Doe', 2)], 'katherine', 'doe'), 'Kate Doe');
  assert.equal(displayName([a('Doe', 9), a('Mayor Kate Doe', 3), a('Katherine Doe', 1)], 'kate', 'doe'), 'Katherine Doe');
  assert.equal(displayName([a('Doe', 9)], 'kate', 'doe'), null);
  // Not a headline's capitals, nor the end of the name alone, nor another first name; spaces plain.
  assert.equal(displayName([a('JOSEPH LEE', 5), a('Joe\u00a0 Lee', 1)], 'joe', 'lee'), 'Joe Lee');
  assert.equal(displayName([a('Bill de Brun', 1), a('de Brun', 4), a('Anna de Brun', 2)], 'bill', 'brun'), 'Bill de Brun');
});
