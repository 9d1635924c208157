import { sql } from "drizzle-orm";
import { engineOf, type Db } from "../client";

/** Values for a statement's `sql.placeholder(name)`s, by name. */
export type StatementParams = Record<string, unknown>;

type Executable<R> = { execute(params?: StatementParams): Promise<R> };
type Preparable<R> = { prepare(): Executable<R> };

/** Shorthand for a named value a prepared statement takes at each run. */
export const param = (name: string) => sql.placeholder(name);

/**
 * A query built once per SQLite handle and run many times with new values. drizzle builds the
 * SQL text again on every call of a query builder, and that building was about a third of the
 * CPU of an Import Order on SQLite (docs/PERFORMANCE.md). `build` gets the handle and must use
 * `param(name)` for everything that varies, never a closed-over value.
 *
 * SQLite has one root handle and one transaction handle per connection, both living as long as
 * the connection, so each keeps its prepared copy. On PostgreSQL every transaction has a handle
 * of its own and statements must run on the transaction's client, so the query is built on the
 * handle at each run (as before); PostgreSQL parses and plans on the server either way.
 *
 * Placeholders are sent as they are to the driver where drizzle cannot tell the column (in
 * `where`): pass numbers and text there, not booleans or dates.
 */
export function preparedStatement<R>(build: (db: Db) => Preparable<R>): (db: Db, params?: StatementParams) => Promise<R> {
  const prepared = new WeakMap<Db, Executable<R>>();
  return (db, params = {}) => {
    const cached = prepared.get(db);
    if (cached) return cached.execute(params);
    const query = build(db);
    if (engineOf(db) === "postgres") return (query as unknown as Executable<R>).execute(params);
    const statement = query.prepare();
    prepared.set(db, statement);
    return statement.execute(params);
  };
}

/** `{ key: param(key) }` for each key: the values of a prepared insert, given at each run under the same names. */
export function paramsFor<T>(keys: readonly (keyof T & string)[]): T {
  return Object.fromEntries(keys.map((key) => [key, param(key)])) as T;
}
