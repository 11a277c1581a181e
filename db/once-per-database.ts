import type { Db } from "./client";

/**
 * Statements with a fixed shape, built once per database handle and reused: building them anew on
 * every request cost more than running most of them (see lib/cases/queries.ts).
 */
export function oncePerDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) built.set(db, (value = build(db)));
    return value;
  };
}
