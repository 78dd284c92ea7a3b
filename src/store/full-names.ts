/**
 * The fuller-named people of each surname as the SQLite writer reads them when a surname-only
 * person is resolved (identity.ts): read once per surname, then kept in step with every write
 * the writer makes to them. A surname's list is held only when it is complete (no more people
 * than the candidate query's limit), so that which people it gives never depends on the order
 * of the query; the rules that read it do not depend on the order of the list either.
 */
import { objectList } from './object-list.js';

/** A fuller-named person as the record has it: its counts as written (pending ones apart). */
export interface FullName {
  readonly id: number;
  quotes: number;
  male: number;
  female: number;
  /** Its normalised name's words (shared: never changed by readers). */
  readonly tokens: readonly string[];
}

export class FullNames {
  /** Every fuller-named person of a surname (at most `limit` of them). */
  private readonly bySurname = new Map<string, FullName[]>();
  /** The people of those lists, by id, to keep their counts current. */
  private readonly byId = new Map<number, FullName>();
  /** Surnames known to have more than `limit` fuller-named people: read by the ordered query. */
  private readonly crowded = new Set<string>();

  constructor(
    readonly limit: number,
    private readonly max: number,
  ) {}

  /** The surname's people when held; null when it has too many to hold; undefined when not read yet. */
  get(surname: string): readonly FullName[] | null | undefined {
    return this.crowded.has(surname) ? null : this.bySurname.get(surname);
  }

  /** A surname's people as read from the record: held when they are all of them (`limit` or fewer). */
  read(surname: string, people: FullName[]): void {
    if (this.bySurname.size + this.crowded.size >= this.max) this.clear();
    if (people.length > this.limit) {
      this.crowded.add(surname);
      return;
    }
    const list = objectList<FullName>(); // (see object-list.ts)
    for (const p of people) {
      list.push(p);
      this.byId.set(p.id, p);
    }
    this.bySurname.set(surname, list);
  }

  /** A fuller-named person written to the record. */
  created(surname: string, person: FullName): void {
    const list = this.bySurname.get(surname);
    if (!list) return;
    if (list.length < this.limit) {
      list.push(person);
      this.byId.set(person.id, person);
    } else {
      this.drop(surname);
      this.crowded.add(surname);
    }
  }

  /** Counts added to a person's row (any person: most are not held). */
  counted(id: number, quotes: number, male: number, female: number): void {
    const p = this.byId.get(id);
    if (!p) return;
    p.quotes += quotes;
    p.male += male;
    p.female += female;
  }

  /** A person deleted from the record (merged into another): its surname is read again. */
  removed(surname: string): void {
    this.drop(surname);
    this.crowded.delete(surname);
  }

  /** Forgets everything (a rollback, another connection's commit). */
  clear(): void {
    this.bySurname.clear();
    this.byId.clear();
    this.crowded.clear();
  }

  private drop(surname: string): void {
    const list = this.bySurname.get(surname);
    if (!list) return;
    for (const p of list) this.byId.delete(p.id);
    this.bySurname.delete(surname);
  }
}
