import { afterAll } from "vitest";
import { closeTestDatabases } from "./test-database";

// Each test file's databases are closed (and on PostgreSQL dropped) when the file is done.
afterAll(closeTestDatabases);
