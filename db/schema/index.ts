/*
 * The tables every query names, for the engine this process runs on. The domain code is written
 * once against these names and typed with the SQLite tree (db/sqlite/schema); on PostgreSQL the
 * same names are db/pg/schema's tables, whose columns map to the same JavaScript values (numbers,
 * booleans, strings). The whole test suite runs on both engines, which is what keeps the one set
 * of types honest for the other tree (docs/ARCHITECTURE.md, "Two schemas, one truth").
 */
import * as sqliteTables from "../sqlite/schema";
import * as pgTables from "../pg/schema";
import { selectsPostgres } from "../target";

const tables = (selectsPostgres() ? pgTables : sqliteTables) as unknown as typeof sqliteTables;

export const {
  users,
  signInFailures,
  mids,
  midMonthlyUsage,
  auditLog,
  jobLeases,
  campaigns,
  campaignProducts,
  campaignMids,
  apiUsers,
  customers,
  orders,
  orderItems,
  transactions,
  gatewayCalls,
  subscriptions,
  declineRules,
  ipnEvents,
  transactionHourlyTotals,
  transactionAmountTotals,
} = tables;
