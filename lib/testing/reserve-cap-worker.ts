/**
 * Test helper process: tries `attempts` reservations of `amount` on one MID in its own
 * connection to the database its environment names (DATABASE_PATH or DATABASE_URL), printing how
 * many fitted. Used by the cap race test.
 */
import { closeDatabase, openDatabase, runTransaction } from "@/db/client";
import { resolveDatabaseTarget } from "@/db/target";
import { CapExceededError, reserveCap } from "@/lib/mids/cap-ledger";

const [midId, amount, attempts] = process.argv.slice(2);
const db = openDatabase(resolveDatabaseTarget());
let reserved = 0;
for (let i = 0; i < Number(attempts); i++) {
  try {
    await runTransaction(db, async (tx) => reserveCap(tx, Number(midId), "2026-11", Number(amount)));
    reserved += 1;
  } catch (error) {
    if (!(error instanceof CapExceededError)) throw error;
  }
}
await closeDatabase(db);
process.stdout.write(String(reserved));
