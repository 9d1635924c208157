import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getTableName, is, SQL, type Column } from "drizzle-orm";
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig as getPgTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as sqliteSchema from "./sqlite/schema";
import * as pgSchema from "./pg/schema";

/*
 * db/schema (SQLite) and db/pg/schema (PostgreSQL) describe one database. Everything that
 * decides what the app can store or look up must match: tables, columns, nullability, defaults,
 * keys, indexes and foreign keys. Column types are compared by family (integer, boolean, text),
 * since their widths differ on purpose (db/pg/schema/index.ts says which and why).
 */

type AnyTable = SQLiteTable | PgTable;
type Config = ReturnType<typeof getSqliteTableConfig> | ReturnType<typeof getPgTableConfig>;

const TYPE_FAMILY: Record<string, string> = {
  SQLiteInteger: "integer",
  SQLiteBoolean: "boolean",
  SQLiteText: "text",
  PgInteger: "integer",
  PgBigInt53: "integer",
  PgBoolean: "boolean",
  PgText: "text",
};

// PostgreSQL cuts longer identifiers down without an error, so two long names could become one.
const PG_MAX_IDENTIFIER = 63;

const byName = <T extends { name?: string }>(items: T[]) => [...items].sort((a, b) => (a.name ?? "").localeCompare(b.name ?? ""));
const columnName = (c: unknown) => (is(c, SQL) ? "<expression>" : (c as { name: string }).name);

function describeColumn(column: Column) {
  return {
    type: TYPE_FAMILY[column.columnType] ?? `unmapped ${column.columnType}`,
    notNull: column.notNull,
    hasDefault: column.hasDefault,
    default: column.default,
    enumValues: column.enumValues ?? null,
    primary: column.primary,
    unique: column.isUnique ? (column.uniqueName ?? null) : null,
  };
}

/** What both engines must agree on, in a form `toEqual` can diff. */
function describeTable(config: Config) {
  const columns = config.columns as Column[];
  return {
    name: config.name,
    columns: Object.fromEntries(columns.map((c) => [c.name, describeColumn(c)])),
    // Composite keys only: a PostgreSQL name may differ (the 63-character limit), the columns may not.
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    indexes: byName(
      config.indexes.map((index) => ({
        name: index.config.name,
        columns: index.config.columns.map(columnName),
        unique: index.config.unique,
        partial: index.config.where !== undefined,
      })),
    ),
    uniqueConstraints: byName(config.uniqueConstraints.map((u) => ({ name: u.getName(), columns: u.columns.map((c) => c.name) }))),
    foreignKeys: byName(
      config.foreignKeys.map((fk) => {
        const reference = fk.reference();
        // Unset means "no action" on both engines; pg-core spells it out, sqlite-core leaves it undefined.
        return {
          name: fk.getName(),
          columns: reference.columns.map((c) => c.name),
          foreignTable: getTableName(reference.foreignTable),
          foreignColumns: reference.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? "no action",
          onUpdate: fk.onUpdate ?? "no action",
        };
      }),
    ),
    checks: byName(config.checks.map((c) => ({ name: c.name }))),
  };
}

function tablesOf(schema: Record<string, unknown>): Record<string, AnyTable> {
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => is(value, SQLiteTable) || is(value, PgTable))) as Record<string, AnyTable>;
}

const sqliteTables = tablesOf(sqliteSchema);
const pgTables = tablesOf(pgSchema);

describe("the PostgreSQL schema twin", () => {
  it("exports the same tables under the same names", () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(0);
  });

  it.each(Object.keys(sqliteTables))("matches SQLite's %s", (exportName) => {
    const sqliteTable = sqliteTables[exportName] as SQLiteTable;
    const pgTable = pgTables[exportName] as PgTable | undefined;
    expect(pgTable, `db/pg/schema exports no ${exportName}`).toBeDefined();
    expect(describeTable(getPgTableConfig(pgTable!))).toEqual(describeTable(getSqliteTableConfig(sqliteTable)));
  });

  it("keeps every identifier within PostgreSQL's 63 characters", () => {
    const tooLong = Object.values(pgTables).flatMap((table) => {
      const config = getPgTableConfig(table as PgTable);
      const names = [
        config.name,
        ...config.columns.map((c) => c.name),
        ...config.columns.flatMap((c) => (c.isUnique && c.uniqueName ? [c.uniqueName] : [])),
        ...config.primaryKeys.map((pk) => pk.getName()),
        ...config.indexes.map((i) => i.config.name ?? ""),
        ...config.uniqueConstraints.map((u) => u.getName()),
        ...config.foreignKeys.map((fk) => fk.getName()),
      ];
      return names.filter((n) => n !== undefined && n.length > PG_MAX_IDENTIFIER).map((n) => `${config.name}: ${n}`);
    });
    expect(tooLong).toEqual([]);
  });

  // An epoch in milliseconds (~1.8e12) or a large sum overflows PostgreSQL's 4-byte integer.
  it("stores times, money and counts as bigint", () => {
    const narrow = Object.values(pgTables).flatMap((table) => {
      const config = getPgTableConfig(table as PgTable);
      return config.columns
        .filter((c) => /(^|_)(at|minor)$|^(count|hour)$/.test(c.name) && c.columnType !== "PgBigInt53")
        .map((c) => `${config.name}.${c.name} is ${c.getSQLType()}`);
    });
    expect(narrow).toEqual([]);
  });
});

// A schema edited without `drizzle-kit generate` would deploy tables the code does not expect.
describe.each([
  { dialect: "sqlite", schema: "./db/sqlite/schema", migrations: "db/migrations", generate: "npx drizzle-kit generate" },
  { dialect: "postgresql", schema: "./db/pg/schema", migrations: "db/pg/migrations", generate: "npx drizzle-kit generate --config drizzle.config.pg.ts" },
])("the $dialect migrations", ({ dialect, schema, migrations, generate }) => {
  it("are generated from the current schema", () => {
    // drizzle-kit writes any missing migration into the folder it checks, so it checks a copy
    // (named relative to the project: drizzle-kit reads `--out` as a relative path).
    const copy = path.relative(process.cwd(), fs.mkdtempSync(path.join(os.tmpdir(), "migrations-")));
    try {
      fs.cpSync(migrations, copy, { recursive: true });
      const output = execFileSync(path.join("node_modules", ".bin", "drizzle-kit"), ["generate", "--dialect", dialect, "--schema", schema, "--out", copy], {
        encoding: "utf8",
        input: "",
        timeout: 60_000,
      });
      expect(output, `the schema has changes no migration makes: run \`${generate}\``).toContain("No schema changes");
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
