/**
 * A small record for the web app's tests: invented articles with hand-built extraction results
 * (so page assertions do not depend on the extractor), one of them hostile.
 */
import type { Store } from '../../src/store/store.js';
import { buildAnalysis } from './analysis.js';
import { sqliteBackend, type Backend } from './backends.js';

export const HARBOUR_TEXT = `Council backs harbour dredging

Mayor Jane Doe defended the dredging plan on Monday. “We will dredge the harbour this year, and the ferries will run on time,” Doe said.
"It is a waste of public money," said Tom Reyes, a councillor for the east ward.
Doe later added that the first berth would open in spring.`;

export const FERRY_TEXT = `Ferry fares frozen for islanders

The mayor, Jane Doe, announced the freeze on Wednesday. "Nobody should pay more to cross the bay," she said.
Doe added: "The ferry is a lifeline for the islands."`;

/** Markup and script in title, outlet, text, quote and speaker: none of it may become markup. */
export const HOSTILE_TITLE = '<script>window.__pwned = 1</script>Hostile <b>title</b>';
export const HOSTILE_TEXT = `A hostile page <img src=x onerror="window.__pwned=2">

"<script>window.__pwned=3</script> is what I <i>said</i>," said Eve <Evil> Hacker.
A link: <a href="javascript:window.__pwned=4">click</a>.`;

export interface WebRecord {
  store: Store;
  /** SQLite file or postgres:// URL. */
  location: string;
  harbourId: number;
  ferryId: number;
  hostileId: number;
  janeId: number;
  tomId: number;
  eveId: number;
  done: () => Promise<void>;
}

export async function webRecord(backend: Backend = sqliteBackend): Promise<WebRecord> {
  const { store, location, done } = await backend.open();
  const harbour = await store.addArticle(
    {
      source: 'harbour',
      title: 'Council backs harbour dredging',
      outlet: 'The Harbour Herald',
      byline: 'Ann Writer',
      url: 'https://herald.example/harbour-dredging',
      canonicalUrl: 'https://herald.example/harbour-dredging',
      published: '2024-03-04T09:00:00.000Z',
      text: HARBOUR_TEXT,
    },
    buildAnalysis(
      HARBOUR_TEXT,
      [
        { id: 'p1', name: 'Jane Doe', mentions: ['Mayor Jane Doe', 'Doe'], descriptors: ['mayor'] },
        { id: 'p2', name: 'Tom Reyes', mentions: ['Tom Reyes'], descriptors: ['a councillor for the east ward'] },
      ],
      [
        { quote: '“We will dredge the harbour this year, and the ferries will run on time,”', speaker: 'Jane Doe', entity: 'p1', mention: 'Doe', cue: 'said' },
        { quote: '"It is a waste of public money,"', speaker: 'Tom Reyes', entity: 'p2', mention: 'Tom Reyes', cue: 'said' },
        { quote: 'that the first berth would open in spring', speaker: 'Jane Doe', entity: 'p1', mention: 'Doe', cue: 'added', type: 'indirect' },
      ],
    ),
  );
  const ferry = await store.addArticle(
    {
      source: 'ferry',
      title: 'Ferry fares frozen for islanders',
      outlet: 'Coastal Daily',
      url: 'https://coastal.example/ferry-fares',
      canonicalUrl: 'https://coastal.example/ferry-fares',
      published: '2024-03-20T18:00:00.000Z',
      text: FERRY_TEXT,
    },
    buildAnalysis(
      FERRY_TEXT,
      [{ id: 'e1', name: 'Jane Doe', mentions: ['Jane Doe', 'Doe'], descriptors: ['The mayor'] }],
      [
        { quote: '"Nobody should pay more to cross the bay,"', speaker: 'Jane Doe', entity: 'e1', mention: 'she', cue: 'said' },
        { quote: '"The ferry is a lifeline for the islands."', speaker: 'Jane Doe', entity: 'e1', mention: 'Doe', cue: 'added' },
      ],
    ),
  );
  const hostile = await store.addArticle(
    {
      source: 'hostile',
      title: HOSTILE_TITLE,
      outlet: '<i>Evil</i> Outlet',
      url: 'javascript:window.__pwned=5',
      canonicalUrl: 'javascript:window.__pwned=5',
      published: '2024-02-01',
      text: HOSTILE_TEXT,
    },
    buildAnalysis(
      HOSTILE_TEXT,
      [{ id: 'h1', name: 'Eve <Evil> Hacker', mentions: ['Eve <Evil> Hacker'], descriptors: ['<img src=x onerror=alert(1)>'] }],
      [{ quote: '"<script>window.__pwned=3</script> is what I <i>said</i>,"', speaker: 'Eve <Evil> Hacker', entity: 'h1', mention: 'Eve <Evil> Hacker', cue: 'said' }],
    ),
  );
  const people = await store.listPeople({ limit: 100 });
  const idOf = (name: string) => {
    const p = people.items.find((x) => x.name === name);
    if (!p) throw new Error(`fixture: ${name} not in the record`);
    return p.id;
  };
  return {
    store,
    location,
    harbourId: harbour.articleId,
    ferryId: ferry.articleId,
    hostileId: hostile.articleId,
    janeId: idOf('Jane Doe'),
    tomId: idOf('Tom Reyes'),
    eveId: idOf('Eve <Evil> Hacker'),
    done,
  };
}
