/**
 * The article row's people (rows.ts `articlePeopleJson`), as the SQLite writer builds them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Person } from '../src/extract/types.js';
import { articlePeopleJson } from '../src/store/rows.js';

const span = (start: number, end: number, text: string) => ({ start, end, text });

test("an article's people: each entity with the record id asked for by its local id, the later entry of an id given twice, null when linked to no one", () => {
  const people: Person[] = [
    { id: 'p1', name: 'Mara Quill', kind: 'person', gender: 'f', descriptors: ['the harbour master'], mentions: [span(0, 10, 'Mara Quill')] },
    { id: 'p2', name: 'a spokesman', kind: 'description', descriptors: [], mentions: [span(20, 31, 'a spokesman')] },
    { id: 'p1', name: 'Mara Quill', kind: 'person', descriptors: [], mentions: [span(40, 45, 'Quill')] },
  ];
  const asked: string[] = [];
  const ids = new Map<string, number | null>([['p1', 7], ['p2', null]]);
  const rows = JSON.parse(articlePeopleJson(people, (local) => (asked.push(local), ids.get(local) ?? null))) as Record<string, unknown>[];
  assert.deepEqual(rows, [
    { id: 'p2', person: null, name: 'a spokesman', kind: 'description', gender: null, descriptors: [], mentions: [[20, 31]] },
    { id: 'p1', person: 7, name: 'Mara Quill', kind: 'person', gender: null, descriptors: [], mentions: [[40, 45]] },
  ]);
  // Asked once for each entry kept, not for the one an entry given later replaced.
  assert.deepEqual(asked, ['p2', 'p1']);
});
