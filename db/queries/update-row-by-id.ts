import { eq } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import { param, preparedStatement, type StatementParams } from "./prepared-statement";

type TableWithId = SQLiteTable & { id: SQLiteColumn; $inferInsert: Record<string, unknown> };

/**
 * `update <table> set <changes> where id = ?`, prepared once per set of changed columns: the
 * domain code changes a few fixed groups of columns (a status, the buyer's columns, Amazon's ids),
 * so there are few shapes and each is built once. Keys whose value is undefined are left alone,
 * as drizzle's `set` does; null writes NULL.
 */
export function updateRowById<T extends TableWithId>(table: T) {
  const byColumns = new Map<string, (db: Db, params: StatementParams) => Promise<unknown>>();
  return async (db: Db, id: number, changes: Partial<T["$inferInsert"]>): Promise<void> => {
    const columns = Object.keys(changes)
      .filter((key) => changes[key] !== undefined)
      .sort();
    if (columns.length === 0) return;
    const signature = columns.join(",");
    let statement = byColumns.get(signature);
    if (!statement) {
      const set = Object.fromEntries(columns.map((column) => [column, param(column)]));
      statement = preparedStatement((handle) =>
        handle
          .update(table as unknown as SQLiteTable)
          .set(set)
          .where(eq(table.id, param("__rowId"))),
      );
      byColumns.set(signature, statement);
    }
    await statement(db, { ...changes, __rowId: id });
  };
}
