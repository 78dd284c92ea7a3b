/**
 * One person across articles beyond the unique-surname rule (identity.ts): a surname-only person
 * joins the fuller-named person its evidence fits, name variants with and without a middle name
 * are one person, and people who only share a surname stay apart. On every backend.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAnalysis } from './helpers/analysis.js';
import Database from 'better-sqlite3';
import pg from 'pg';
import { backends, type Backend } from './helpers/backends.js';
import type { AddResult, ArticleInput, ArticleToStore, Store } from '../src/store/store.js';
import type { Analysis } from '../src/extract/types.js';
import { descriptorWords, displayName, givenRelated, nameVariants, pickFullName, pickVariant, titlesOf, type Candidate } from '../src/store/identity.js';
import { normalizeName } from '../src/store/normalize.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** The speaker labels the record's quote rows hold, in the order written (read past the store). */
async function storedLabels(backend: Backend, location: string): Promise<(string | null)[]> {
  const sql = 'SELECT speaker_label FROM quotes ORDER BY id';
  if (backend.name === 'sqlite') {
    const db = new Database(location, { readonly: true });
    try {
      return (db.prepare(sql).pluck().all() as (string | null)[]);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    return (await client.query<{ speaker_label: string | null }>(sql)).rows.map((r) => r.speaker_label);
  } finally {
    await client.end();
  }
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
  test(`[${backend.name}] a full name and its short first-name form are one person when described alike, unless another person fits too, the gender differs or the person is known by a conflicting form`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await said(store, 'n1', { name: 'Joe Varga', descriptors: ['canal engineer'] }, 'The canal will be dredged');
      await said(store, 'n2', { name: 'Joseph Varga', descriptors: ['chief engineer'] }, 'The canal budget is set');
      // A title is one word however written (`Sen.`, `senator`).
      await said(store, 'n3', { name: 'William Tennant', descriptors: ['Sen.'], gender: 'm' }, 'Taxes stay flat');
      await said(store, 'n4', { name: 'Bill Tennant', descriptors: ['senator'], gender: 'm' }, 'Taxes will not rise');
      await said(store, 'n5', { name: 'Bob T. Ames', descriptors: ['mill owner'] }, 'The mill reopens');
      await said(store, 'n6', { name: 'Robert Ames', descriptors: ['owner of the mill'] }, 'The mill hires in May');
      // Two people a short form may be: neither.
      await said(store, 'a1', { name: 'Christopher Evers', descriptors: ['clerk'] }, 'The vote is close');
      await said(store, 'a2', { name: 'Christina Evers', descriptors: ['clerk'] }, 'The vote was fair');
      await said(store, 'a3', { name: 'Chris Evers', descriptors: ['clerk'] }, 'The vote will be counted again');
      // Known by a full name the new one conflicts with: not joined.
      await said(store, 'c1', { name: 'Chris Lund', descriptors: ['harbour master'] }, 'Harbour fees rise');
      await said(store, 'c2', { name: 'Christopher Lund', descriptors: ['harbour master'] }, 'Harbour fees rose');
      await said(store, 'c3', { name: 'Christina Lund', descriptors: ['harbour master'] }, 'Harbour fees are fair');
      // The other gender: not joined.
      await said(store, 'g1', { name: 'Samuel Pruitt', descriptors: ['teacher'], gender: 'm' }, 'The school is full');
      await said(store, 'g2', { name: 'Sam Pruitt', descriptors: ['teacher'], gender: 'f' }, 'The school needs teachers');
      // Two short forms of one name are not one first name.
      await said(store, 's1', { name: 'Joey Marsh', descriptors: ['rink manager'] }, 'The rink opens');
      await said(store, 's2', { name: 'Joe Marsh', descriptors: ['rink manager'] }, 'The rink closes');
      // Described differently, or not at all, or only by what many are (`former`, a party, `Mr.`):
      // a surname and a first-name form are not enough, with a middle initial (that the other
      // name lacks) or without.
      await said(store, 'd1', { name: 'Rob Mason', descriptors: ['retired letter carrier'] }, 'The route was long');
      await said(store, 'd2', { name: 'Robert Mason', descriptors: ['university professor'] }, 'The facts matter');
      await said(store, 'd3', { name: 'Steve Cole', descriptors: ['Rep.'] }, 'The bill passes');
      await said(store, 'd4', { name: 'Stephen S. Cole', descriptors: ['economist'] }, 'Growth slows');
      await said(store, 'd5', { name: 'Matt Orbison' }, 'The union agrees');
      await said(store, 'd6', { name: 'Matthew Orbison' }, 'The play closes');
      await said(store, 'd7', { name: 'Tom Ruhl', descriptors: ['former Republican', 'Mr.'] }, 'The levy is wrong');
      await said(store, 'd8', { name: 'Thomas Ruhl', descriptors: ['Republican', 'Mr.'] }, 'The levy is right');
      // The same first name comes before a short form: `Charles E. Varn` is the `Charles Varn`
      // the record has, though the `Chuck Varn` kept apart (nothing in common then) is described alike.
      await said(store, 'v1', { name: 'Charles Varn' }, 'The dam holds');
      await said(store, 'v2', { name: 'Chuck Varn', descriptors: ['senator'] }, 'The dam leaks');
      await said(store, 'v3', { name: 'Charles E. Varn', descriptors: ['Sen.'] }, 'The dam is sound');
      assert.deepEqual((await peopleOf(store)).map((p) => p[0] + ' ' + p[1]), [
        'Bob T. Ames 2',
        'Charles E. Varn 2',
        'Chris Evers 1',
        'Christina Evers 1',
        'Christina Lund 1',
        'Christopher Evers 1',
        'Christopher Lund 2',
        'Chuck Varn 1',
        'Joe Marsh 1',
        'Joey Marsh 1',
        'Joseph Varga 2',
        'Matt Orbison 1',
        'Matthew Orbison 1',
        'Rob Mason 1',
        'Robert Mason 1',
        'Sam Pruitt 1',
        'Samuel Pruitt 1',
        'Stephen S. Cole 1',
        'Steve Cole 1',
        'Thomas Ruhl 1',
        'Tom Ruhl 1',
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

  test(`[${backend.name}] a full name and its short first-name form recorded apart are joined when a later article of either describes it as the other is described`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      // The short form first; the full form kept apart, then described as the short one is.
      await said(store, 'h1', { name: 'Joe Halvorsen', descriptors: ['dock foreman'] }, 'The cranes are idle');
      await said(store, 'h2', { name: 'Joseph R. Halvorsen', descriptors: ['economist'] }, 'Freight rates will fall');
      assert.deepEqual((await peopleOf(store)).map((p) => p[0] + ' ' + p[1]), ['Joe Halvorsen 1', 'Joseph R. Halvorsen 1']);
      await said(store, 'h3', { name: 'Joseph R. Halvorsen', descriptors: ['foreman at the docks'] }, 'The cranes run again');
      // The full form first; the short form kept apart, then described as the full one is.
      await said(store, 'k1', { name: 'Margaret Kessel', descriptors: ['school principal'] }, 'Classes resume Monday');
      await said(store, 'k2', { name: 'Peggy Kessel' }, 'The gym floods every spring');
      await said(store, 'k3', { name: 'Peggy Kessel', descriptors: ['principal'] }, 'The roof is being repaired');
      // Kept apart: described otherwise, or of the other gender.
      await said(store, 'w1', { name: 'Tom Wexley', descriptors: ['ferry pilot'], gender: 'm' }, 'The tide is late');
      await said(store, 'w2', { name: 'Thomas Wexley', descriptors: ['banker'], gender: 'm' }, 'Rates hold');
      await said(store, 'w3', { name: 'Thomas Wexley', descriptors: ['bank director'], gender: 'm' }, 'Loans are up');
      await said(store, 'f1', { name: 'Sam Fenwick', descriptors: ['nurse'], gender: 'f' }, 'The ward is full');
      await said(store, 'f2', { name: 'Samuel Fenwick', descriptors: ['surgeon'], gender: 'm' }, 'The theatre is booked');
      await said(store, 'f3', { name: 'Samuel Fenwick', descriptors: ['hospital nurse'], gender: 'm' }, 'Surgery resumes');
      assert.deepEqual((await peopleOf(store)).map((p) => p[0] + ' ' + p[1]), [
        'Joseph R. Halvorsen 3',
        'Peggy Kessel 3',
        'Sam Fenwick 1',
        'Samuel Fenwick 2',
        'Thomas Wexley 2',
        'Tom Wexley 1',
      ]);
      // Every name finds the joined person, and a later article of the joined name needs no evidence.
      for (const name of ['Joe Halvorsen', 'Joseph R. Halvorsen', 'Peggy Kessel', 'Margaret Kessel']) {
        assert.equal((await store.search({ speaker: name })).length, 3, name);
      }
      await said(store, 'h4', { name: 'Joseph R. Halvorsen' }, 'The strike is over');
      await said(store, 'k4', { name: 'Peggy Kessel' }, 'Exams start in June');
      assert.deepEqual((await peopleOf(store)).map((p) => p[0] + ' ' + p[1]).slice(0, 2), ['Joseph R. Halvorsen 4', 'Peggy Kessel 4']);
      assert.equal((await store.person('Joe Halvorsen'))?.quotes, 4);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a person is shown by its most used full form as counts change, its quotes labelled so, and found by every name`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      const chair: Speaker = { name: 'Bernie Aldous', descriptors: ['ferry board chair'] };
      await said(store, 'd1', chair, 'The ferry fare is too high');
      await said(store, 'd2', { name: 'Aldous' }, 'Nobody rides at that price');
      await said(store, 'd3', { ...chair, name: 'Bernard Aldous' }, 'The ferry needs a subsidy');
      // A tie: the fuller form (more words, longer).
      assert.deepEqual((await peopleOf(store)).map((p) => p[0]), ['Bernard Aldous']);
      await said(store, 'd4', chair, 'The fare was cut');
      assert.deepEqual(await peopleOf(store), [['Bernie Aldous', 4, 4]]);
      await said(store, 'd5', { ...chair, name: 'Bernard Aldous' }, 'The fare cut holds');
      await said(store, 'd6', { ...chair, name: 'Bernard Aldous' }, 'The fare cut is paid for');
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

  test(`[${backend.name}] a renamed person's quotes are not rewritten: read and searched, they show its name as it is now`, { skip: backend.skip }, async () => {
    const { store, location, done } = await backend.open();
    try {
      const pilot: Speaker = { name: 'Mick Tarrant', descriptors: ['river pilot'] };
      const first = await said(store, 'r1', pilot, 'The river is low this year');
      await said(store, 'r2', { ...pilot, name: 'Michael Tarrant' }, 'Barges wait at the lock');
      await said(store, 'r3', { ...pilot, name: 'Michael Tarrant' }, 'The lock opens at dawn');
      assert.deepEqual(await peopleOf(store), [['Michael Tarrant', 3, 3]]);
      // The first quote keeps the label it was written with: a rename costs one row, not one a quote.
      assert.equal((await storedLabels(backend, location))[0], 'Mick Tarrant');
      assert.equal((await store.getArticle(first.articleId))?.quotes[0]?.speakerLabel, 'Michael Tarrant');
      for (const speaker of ['Mick Tarrant', 'Michael Tarrant', 'Tarrant']) {
        const hits = await store.search({ speaker });
        assert.equal(hits.length, 3, speaker);
        assert.deepEqual([...new Set(hits.flatMap((h) => h.appearances.map((a) => a.speaker)))], ['Michael Tarrant'], speaker);
      }
      assert.equal((await store.search({ text: 'river low', speaker: 'Michael Tarrant' })).length, 1);
      assert.equal((await store.search({ text: 'river low', speaker: 'Mick' })).length, 1);
      assert.equal((await store.search({ text: 'river low', speaker: 'Michael Oduya' })).length, 0);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a text search finds a renamed person's quotes by any of its names, the name shown included, alone or with words of the quote`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      const keeper: Speaker = { name: 'Jim Quarrender', descriptors: ['lighthouse keeper'] };
      await said(store, 'k1', keeper, 'The lamp needs a new lens');
      await said(store, 'k2', { ...keeper, name: 'James Quarrender' }, 'Fog horns sound all night');
      await said(store, 'k3', { ...keeper, name: 'James Quarrender' }, 'The tower stairs are worn');
      // Another speaker, quoted about the same lens.
      await said(store, 'k4', { name: 'Harbour Trust' }, 'The lens was ordered');
      assert.deepEqual((await peopleOf(store)).map((p) => p[0]), ['Harbour Trust', 'James Quarrender']);
      const texts = async (text: string, speaker?: string) =>
        (await store.search({ text, ...(speaker ? { speaker } : {}) })).map((h) => h.text.replace(/^"|,"$/g, '')).sort();
      const all = ['Fog horns sound all night', 'The lamp needs a new lens', 'The tower stairs are worn'];
      // The name shown, the one the first quote was written with, a first name, the surname.
      for (const text of ['James Quarrender', '"James Quarrender"', 'Jim Quarrender', 'James', 'Jim', 'Quarrender']) {
        assert.deepEqual(await texts(text), all, text);
      }
      // Words of the quote with the surname, or with a name, together.
      assert.deepEqual(await texts('Quarrender lens'), ['The lamp needs a new lens']);
      assert.deepEqual(await texts('James lens'), ['The lamp needs a new lens']);
      assert.deepEqual(await texts('Jim fog'), ['Fog horns sound all night']);
      assert.deepEqual(await texts('"James Quarrender" stairs'), ['The tower stairs are worn']);
      assert.deepEqual(await texts('lens'), ['The lamp needs a new lens', 'The lens was ordered']);
      assert.deepEqual(await texts('lens', 'James'), ['The lamp needs a new lens']);
      assert.deepEqual(await texts('James', 'Quarrender'), all);
      // A name that is not one of its names finds nothing; the other speaker is found by its own.
      assert.deepEqual(await texts('Jim Ormsby'), []);
      assert.deepEqual(await texts('Harbour Trust'), ['The lens was ordered']);
      // The index's word for a person (its id) is not one a user's words reach.
      assert.deepEqual(await texts('p1'), []);
      assert.deepEqual(await texts('p2 OR p1'), []);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a person whose name is written with and without its diacritics as often is shown with them`, { skip: backend.skip }, async () => {
    for (const names of [['José Ortega', 'Jose Ortega'], ['Jose Ortega', 'José Ortega']]) {
      const { store, done } = await backend.open();
      try {
        await said(store, 'j1', { name: names[0]!, descriptors: ['ferry captain'] }, 'The crossing is calm');
        await said(store, 'j2', { name: names[1]!, descriptors: ['ferry captain'] }, 'The crossing was rough');
        assert.deepEqual(await peopleOf(store), [['José Ortega', 2, 2]], names.join(', '));
      } finally {
        await done();
      }
    }
  });

  test(`[${backend.name}] short first-name forms and the shown name come out the same whatever order the articles arrive in, one by one or in a large batch`, { skip: backend.skip }, async () => {
    const list: [Speaker, number][] = [
      [{ name: 'Tom Whitlow', descriptors: ['harbour pilot'], gender: 'm' }, 3],
      [{ name: 'Thomas Whitlow', descriptors: ['harbour pilot'], gender: 'm' }, 2],
      [{ name: 'Thomas R. Whitlow', descriptors: ['pilot'], gender: 'm' }, 1],
      [{ name: 'Kate Whitlow', descriptors: ['harbour pilot'], gender: 'f' }, 1],
      [{ name: 'Whitlow', descriptors: ['Mr.'], gender: 'm' }, 1],
      [{ name: 'Liz Brennan', descriptors: ['nurse'] }, 1],
      [{ name: 'Elizabeth Brennan', descriptors: ['head nurse'] }, 2],
      [{ name: 'Rick Oduya', descriptors: ['coach'] }, 2],
      [{ name: 'Richard Oduya', descriptors: ['Coach'] }, 2],
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
  // Descriptor words: titles as the title they mean, common words (and short ones) left out.
  assert.deepEqual([...descriptorWords(['Texas Sen.', 'the former Democratic senator', 'Mr.', 'CEO of a firm'])].sort(), ['ceo', 'firm', 'senator', 'texas']);
  // Across first-name forms the descriptors must share a word; the same first name needs none.
  const person = (id: number, norm: string) => ({ id, quotes: 1, male: 0, female: 0, titles: new Set<string>(), tokens: norm.split(' ') });
  const words = new Map<number, Set<string>>([[1, descriptorWords(['Rep.'])], [2, descriptorWords([])]]);
  const described = (mine: string[]) => ({ words: descriptorWords(mine), wordsOf: (c: { id: number }) => words.get(c.id)! });
  const pick = (norm: string, mine: string[], c: ReturnType<typeof person>) => pickVariant(norm.split(' '), null, [c], () => [], described(mine))?.id ?? null;
  assert.equal(pick('stephen s cole', ['economist'], person(1, 'steve cole')), null);
  assert.equal(pick('stephen s cole', ['congressman'], person(1, 'steve cole')), 1);
  assert.equal(pick('stephen s cole', [], person(2, 'stephen cole')), 2);
  assert.equal(pick('steve cole', ['representative'], person(2, 'stephen cole')), null);
  const a = (alias: string, count: number): [string, string, number] => [alias, normalizeName(alias), count];
  assert.equal(displayName([a('Doe', 9), a('Kate Doe', 2), a('Katherine Doe', 2), a('Kate Doe\'s', 1)], 'kate', 'doe'), 'Katherine Doe');
  assert.equal(displayName([a('Doe', 9), a('Kate Doe', 3), a('Katherine Doe', 2)], 'katherine', 'doe'), 'Kate Doe');
  assert.equal(displayName([a('Doe', 9), a('Mayor Kate Doe', 3), a('Katherine Doe', 1)], 'kate', 'doe'), 'Katherine Doe');
  assert.equal(displayName([a('Doe', 9)], 'kate', 'doe'), null);
  // Not a headline's capitals, nor the end of the name alone, nor another first name; spaces plain.
  assert.equal(displayName([a('JOSEPH LEE', 5), a('Joe\u00a0 Lee', 1)], 'joe', 'lee'), 'Joe Lee');
  // Counted alike, the form with diacritics (the more careful spelling), whatever its order.
  assert.equal(displayName([a('Jose Ruiz', 2), a('José Ruiz', 2)], 'jose', 'ruiz'), 'José Ruiz');
  assert.equal(displayName([a('José Ruiz', 2), a('Jose Ruiz', 2)], 'jose', 'ruiz'), 'José Ruiz');
  assert.equal(displayName([a('Jose Ruiz', 3), a('José Ruiz', 2)], 'jose', 'ruiz'), 'Jose Ruiz');
  assert.equal(displayName([a('Zoe Lecka', 1), a('Zoë Lécka', 1), a('Zoë Lecka', 1)], 'zoe', 'lecka'), 'Zoë Lécka');
  assert.equal(displayName([a('Bill de Brun', 1), a('de Brun', 4), a('Anna de Brun', 2)], 'bill', 'brun'), 'Bill de Brun');
});

test('[sqlite] written in group commits, a person is shown by its most used full form as the counts of every group add up', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-names-'));
  const store = openSqliteStore(join(dir, 'test.db'));
  try {
    const group = (items: ArticleToStore[]) => {
      const g = store.openGroup();
      for (const item of items) g.add(item);
      g.commit();
    };
    const chair: Speaker = { name: 'Bernie Aldous', descriptors: ['ferry board chair'] };
    const bernard: Speaker = { ...chair, name: 'Bernard Aldous' };
    group([article('g1', chair, 'The ferry fare is too high'), article('g2', { name: 'Aldous' }, 'Nobody rides at that price'), article('g3', bernard, 'The ferry needs a subsidy')]);
    assert.deepEqual((await peopleOf(store)).map((p) => p[0]), ['Bernard Aldous']); // a tie: the fuller form
    group([article('g4', chair, 'The fare was cut')]);
    assert.deepEqual(await peopleOf(store), [['Bernie Aldous', 4, 4]]);
    group([article('g5', bernard, 'The fare cut holds')]);
    assert.deepEqual(await peopleOf(store), [['Bernard Aldous', 5, 5]]);
    group([article('g6', bernard, 'The fare cut is paid for'), article('g7', chair, 'We will see')]);
    assert.deepEqual(await peopleOf(store), [['Bernard Aldous', 7, 7]]);
    group([article('g8', chair, 'The board agrees'), article('g9', chair, 'The fare stays low')]);
    assert.deepEqual(await peopleOf(store), [['Bernie Aldous', 9, 9]]);
    for (const name of ['Bernie Aldous', 'Bernard Aldous', 'Aldous']) assert.equal((await store.person(name))?.name, 'Bernie Aldous', name);
  } finally {
    store.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
});
