/**
 * The store's browsing reads (articles, one article, people, one person, a person's quotes and
 * their days, paged search) on hand-built extraction results.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../src/store/store.js';
import { buildAnalysis } from './helpers/analysis.js';
import { backends, type Backend } from './helpers/backends.js';

const HARBOUR = `Harbour plan approved

Mayor Jane Doe defended the plan on Monday. “We will build the harbour this decade,” Doe said.
"It is a waste of public money," said Tom Reyes, a councillor for the east ward.`;

const FERRY = `Ferry fares frozen

The mayor, Jane Doe, announced the freeze. "Nobody should pay more to cross the bay," she said.
Doe added: "The ferry is a lifeline for the islands."`;

const LIBRARY = `Library opens

Tom Reyes cut the ribbon. "Reading rooms are the harbour of the mind," Reyes said.`;

async function withRecord(backend: Backend, fn: (store: Store) => Promise<void>): Promise<void> {
  const { store, done } = await backend.open();
  try {
    await store.addArticle(
      { source: 'harbour', title: 'Harbour plan approved', outlet: 'The Harbour Herald', published: '2024-03-04T09:00:00Z', text: HARBOUR, byline: 'Ann Writer' },
      buildAnalysis(
        HARBOUR,
        [
          { id: 'p1', name: 'Jane Doe', mentions: ['Mayor Jane Doe', 'Doe'], descriptors: ['mayor'] },
          { id: 'p2', name: 'Tom Reyes', mentions: ['Tom Reyes'], descriptors: ['a councillor for the east ward'] },
        ],
        [
          { quote: '“We will build the harbour this decade,”', speaker: 'Jane Doe', entity: 'p1', mention: 'Doe', cue: 'said' },
          { quote: '"It is a waste of public money,"', speaker: 'Tom Reyes', entity: 'p2', mention: 'Tom Reyes', cue: 'said' },
        ],
      ),
    );
    await store.addArticle(
      { source: 'ferry', title: 'Ferry fares frozen', outlet: 'Coastal Daily', published: '2024-03-06T18:00:00Z', text: FERRY },
      buildAnalysis(
        FERRY,
        [{ id: 'e1', name: 'Jane Doe', mentions: ['Jane Doe', 'Doe'], descriptors: ['The mayor'] }],
        [
          { quote: '"Nobody should pay more to cross the bay,"', speaker: 'Jane Doe', entity: 'e1', mention: 'she', cue: 'said' },
          { quote: '"The ferry is a lifeline for the islands."', speaker: 'Jane Doe', entity: 'e1', mention: 'Doe', cue: 'added' },
        ],
      ),
    );
    // Undated: lists put it last.
    await store.addArticle(
      { source: 'library', title: 'Library opens', outlet: 'Lakeshore Ledger', text: LIBRARY },
      buildAnalysis(
        LIBRARY,
        [{ id: 'x', name: 'Tom Reyes', mentions: ['Tom Reyes', 'Reyes'] }],
        [{ quote: '"Reading rooms are the harbour of the mind,"', speaker: 'Tom Reyes', entity: 'x', mention: 'Reyes', cue: 'said' }],
      ),
    );
    await fn(store);
  } finally {
    await done();
  }
}

// The same reads on every backend.
for (const backend of backends) {
  test(`[${backend.name}] listArticles: newest first, undated last, paged with next offsets, outlet filter`, { skip: backend.skip }, async () => {
    await withRecord(backend, async (store) => {
      const all = await store.listArticles();
      assert.deepEqual(all.items.map((a) => a.title), ['Ferry fares frozen', 'Harbour plan approved', 'Library opens']);
      assert.equal(all.next, null);
      assert.deepEqual(all.items.map((a) => a.quoteCount), [2, 2, 1]);
      assert.equal(all.items[1]!.byline, 'Ann Writer');

      const first = await store.listArticles({ limit: 2 });
      assert.equal(first.items.length, 2);
      assert.equal(first.next, 2);
      const second = await store.listArticles({ limit: 2, offset: first.next! });
      assert.deepEqual(second.items.map((a) => a.title), ['Library opens']);
      assert.equal(second.next, null);

      const coastal = await store.listArticles({ outlet: 'coastal' });
      assert.deepEqual(coastal.items.map((a) => a.outlet), ['Coastal Daily']);
      // LIKE wildcards in the filter are literal characters.
      assert.equal((await store.listArticles({ outlet: '%' })).items.length, 0);
    });
  });

  test(`[${backend.name}] getArticle: text, quotes in text order with offsets, speakers linked to people, people with descriptors`, { skip: backend.skip }, async () => {
    await withRecord(backend, async (store) => {
      const id = (await store.listArticles()).items.find((a) => a.title === 'Harbour plan approved')!.id;
      const a = await store.getArticle(id);
      assert.ok(a);
      assert.equal(a.text, HARBOUR);
      assert.equal(a.quoteCount, 2);
      assert.equal(a.quotes.length, 2);
      for (const q of a.quotes) assert.equal(a.text.slice(q.start, q.end), q.text);
      assert.ok(a.quotes[0]!.start < a.quotes[1]!.start);
      const [doeQuote, reyesQuote] = a.quotes;
      assert.equal(doeQuote!.speakerLabel, 'Jane Doe');
      assert.equal(doeQuote!.cue?.text, 'said');
      assert.equal(a.text.slice(doeQuote!.speaker.mention!.start, doeQuote!.speaker.mention!.end), 'Doe');
      assert.equal(reyesQuote!.speakerLabel, 'Tom Reyes');
      assert.notEqual(doeQuote!.personId, reyesQuote!.personId);
      assert.deepEqual(a.people.map((p) => [p.name, p.descriptors]), [
        ['Jane Doe', ['mayor']],
        ['Tom Reyes', ['a councillor for the east ward']],
      ]);
      assert.equal(a.people[0]!.personId, doeQuote!.personId);
      assert.equal(await store.getArticle(999_999), null);
    });
  });

  test(`[${backend.name}] listPeople, getPerson, personQuotes and personQuotesPerDay`, { skip: backend.skip }, async () => {
    await withRecord(backend, async (store) => {
      const people = await store.listPeople();
      assert.deepEqual(people.items.map((p) => [p.name, p.quotes]), [['Jane Doe', 3], ['Tom Reyes', 2]]);
      const onePerPage = await store.listPeople({ limit: 1 });
      assert.equal(onePerPage.next, 1);
      assert.deepEqual((await store.listPeople({ limit: 1, offset: 1 })).items.map((p) => p.name), ['Tom Reyes']);

      const doeId = people.items[0]!.id;
      const doe = await store.getPerson(doeId);
      assert.ok(doe);
      assert.equal(doe.name, 'Jane Doe');
      assert.deepEqual(doe.descriptors.map((d) => d.value).sort(), ['The mayor', 'mayor']);
      assert.deepEqual(doe.outlets.map((o) => [o.value, o.count]), [['Coastal Daily', 2], ['The Harbour Herald', 1]]);
      assert.ok(doe.aliases.some((a) => a.value === 'Doe'));
      assert.equal(await store.getPerson(999_999), null);

      const quotes = await store.personQuotes(doeId);
      assert.equal(quotes.items.length, 3);
      assert.equal(quotes.next, null);
      assert.deepEqual(quotes.items.map((q) => q.outlet), ['Coastal Daily', 'Coastal Daily', 'The Harbour Herald']);
      assert.equal(quotes.items[2]!.title, 'Harbour plan approved');
      assert.match(quotes.items[2]!.text, /build the harbour/);
      const firstTwo = await store.personQuotes(doeId, { limit: 2 });
      assert.equal(firstTwo.next, 2);
      assert.equal((await store.personQuotes(doeId, { limit: 2, offset: 2 })).items[0]!.quoteId, quotes.items[2]!.quoteId);

      assert.deepEqual(await store.personQuotesPerDay(doeId), [
        { day: '2024-03-04', count: 1 },
        { day: '2024-03-06', count: 2 },
      ]);
      const reyesId = people.items[1]!.id;
      // The undated library quote is Reyes's but has no day to count.
      assert.deepEqual(await store.personQuotesPerDay(reyesId), [{ day: '2024-03-04', count: 1 }]);
      assert.deepEqual(await store.personQuotes(999_999), { items: [], next: null });
    // Undated quotes come after the dated ones, across pages too.
    const reyesFirst = await store.personQuotes(reyesId, { limit: 1 });
    assert.deepEqual([reyesFirst.items.map((q) => q.published?.slice(0, 10)), reyesFirst.next], [['2024-03-04'], 1]);
    const reyesSecond = await store.personQuotes(reyesId, { limit: 1, offset: 1 });
    assert.deepEqual([reyesSecond.items.map((q) => q.title), reyesSecond.next], [['Library opens'], null]);
    assert.deepEqual((await store.personQuotes(reyesId, { limit: 5, offset: 2 })).items, []);
    });
  });

  test(`[${backend.name}] searchPage: pages partition the hits of one search, in order, with filters kept`, { skip: backend.skip }, async () => {
    await withRecord(backend, async (store) => {
      const everything = await store.search({ limit: 100 });
      assert.equal(everything.length, 5);
      const seen: number[] = [];
      let offset: number | null = 0;
      let pages = 0;
      while (offset !== null) {
        const page = await store.searchPage({}, { limit: 2, offset });
        seen.push(...page.items.map((h) => h.quotationId));
        offset = page.next;
        pages++;
      }
      assert.equal(pages, 3);
      assert.deepEqual(seen, everything.map((h) => h.quotationId));
      // Without words: newest appearance first, undated last.
      assert.deepEqual(
        everything.map((h) => h.first.published?.slice(0, 10) ?? null),
        ['2024-03-06', '2024-03-06', '2024-03-04', '2024-03-04', null],
      );

      const harbour = await store.searchPage({ text: 'harbour' }, { limit: 1 });
      assert.equal(harbour.items.length, 1);
      assert.equal(harbour.next, 1);
      const rest = await store.searchPage({ text: 'harbour' }, { limit: 1, offset: 1 });
      assert.equal(rest.next, null);
      assert.deepEqual(
        [harbour.items[0]!.text, rest.items[0]!.text].sort(),
        ['"Reading rooms are the harbour of the mind,"', '“We will build the harbour this decade,”'],
      );

      const bySpeaker = await store.searchPage({ speaker: 'Doe', outlet: 'Coastal' });
      assert.equal(bySpeaker.items.length, 2);
      assert.ok(bySpeaker.items.every((h) => h.speaker === 'Jane Doe' && h.first.outlet === 'Coastal Daily'));
      // A speaker without words is a filter: newest first, as without it, undated last.
      const doe = await store.searchPage({ speaker: 'Doe' });
      assert.deepEqual(doe.items.map((h) => h.first.published?.slice(0, 10)), ['2024-03-06', '2024-03-06', '2024-03-04']);
      assert.deepEqual(doe.items.map((h) => h.quotationId), everything.filter((h) => h.speaker === 'Jane Doe').map((h) => h.quotationId));
      const reyes = await store.searchPage({ speaker: 'Tom Reyes' }, { limit: 1 });
      assert.equal(reyes.items[0]!.first.published?.slice(0, 10), '2024-03-04');
      const undated = await store.searchPage({ speaker: 'Tom Reyes' }, { limit: 1, offset: 1 });
      assert.deepEqual([undated.items[0]!.first.published, undated.next], [null, null]);
    });
  });
}
