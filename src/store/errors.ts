/** The store could not be opened: a missing record, a bad location, no database server. */
export class StoreOpenError extends Error {}
