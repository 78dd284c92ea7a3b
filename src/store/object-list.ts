/**
 * An empty array that V8 holds as an array of objects from the start.
 *
 * An empty `[]` (or a mapping of no elements) is an array of small integers to V8, and becomes
 * one of objects at its first push: another hidden class. Code compiled while its arrays were of
 * one kind is thrown away when one of the other comes ("not a Smi"), and the writer's functions
 * that inline such a push are large: `resolvePerson` (through `FullNames.created`) and ingest's
 * write path (a group's articles and results) were compiled again for it (session 24).
 */
export function objectList<T extends object>(): T[] {
  const list = [PLACEHOLDER] as unknown as T[];
  list.length = 0;
  return list;
}

const PLACEHOLDER = {};
