import type { Db } from "./client.ts";

/**
 * `make(db)` made once per database handle and kept as long as the handle lives: the prepared
 * statements that belong to one connection pool.
 */
export function perDatabase<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let found = made.get(db);
    if (found === undefined) {
      found = make(db);
      made.set(db, found);
    }
    return found;
  };
}
