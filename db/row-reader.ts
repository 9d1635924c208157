import { iterateRowBatches, type Db } from "./client";

/**
 * Rows of a built query, read a batch at a time: `take()` answers the next row of the batch in
 * hand without awaiting, and `refill()` awaits the next batch. A CSV stream writes thousands of
 * lines per pull, so it awaits once per batch rather than once per row.
 */
export class RowReader<Row extends unknown[] = unknown[]> {
  private batch: Row[] = [];
  private index = 0;
  private readonly batches: AsyncGenerator<unknown[][]>;

  constructor(db: Db, query: { sql: string; params: unknown[] }) {
    this.batches = iterateRowBatches(db, query);
  }

  /** The next row already read, or undefined when the batch in hand is used up (then `refill`). */
  take(): Row | undefined {
    return this.index < this.batch.length ? this.batch[this.index++] : undefined;
  }

  /** Reads the next batch; false when there are no more rows. */
  async refill(): Promise<boolean> {
    const next = await this.batches.next();
    if (next.done) return false;
    this.batch = next.value as Row[];
    this.index = 0;
    return this.batch.length > 0;
  }

  /** Stops reading early (the client went away): releases the statement or cursor. */
  async close(): Promise<void> {
    await this.batches.return(undefined);
  }
}
