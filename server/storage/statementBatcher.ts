/**
 * Group commit for one kind of write: requests that arrive while earlier statements of the
 * same kind are in flight wait, and the next free slot writes all of them (up to `maxBatch`)
 * in ONE statement. An idle service writes each request at once (a batch of one); a busy one
 * pays for one statement, one plan and one commit per batch instead of per request, which is
 * most of a create's cost on the embedded store (PGlite runs one statement at a time anyway).
 */
export interface StatementBatcher<Item, Result> {
  /** Queues one item; resolves with its own result once its batch has committed. */
  submit(item: Item): Promise<Result>;
}

/** How a batcher writes and groups its items. */
export interface BatcherOptions<Item, Result> {
  /** Writes `items` in one statement; returns one result per item, in order. */
  write(items: readonly Item[]): Promise<Result[]>;
  /** Statements of this kind in flight at once (1 on PGlite, a few of the pool on PostgreSQL). */
  maxInFlight: number;
  /** Items per statement at most. */
  maxBatch: number;
  /**
   * Items with the same non-null key never share a statement (an `INSERT … ON CONFLICT DO
   * UPDATE` may not touch one row twice): the later one waits for the next batch.
   */
  conflictKey?(item: Item): string | null;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Creates a {@link StatementBatcher}. When a statement of several items fails, each item is
 * written again on its own, so one bad item fails alone and the others are unaffected: a
 * failed statement wrote nothing, so no item is ever written twice.
 */
export function statementBatcher<Item, Result>(
  options: BatcherOptions<Item, Result>,
): StatementBatcher<Item, Result> {
  const waiting: Waiting<Item, Result>[] = [];
  let inFlight = 0;
  let scheduled = false;

  function takeBatch(): Waiting<Item, Result>[] {
    const batch: Waiting<Item, Result>[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < waiting.length && batch.length < options.maxBatch;) {
      const key = options.conflictKey?.(waiting[i]!.item) ?? null;
      if (key !== null && keys.has(key)) {
        i++;
        continue;
      }
      if (key !== null) keys.add(key);
      batch.push(waiting.splice(i, 1)[0]!);
    }
    return batch;
  }

  async function writeEach(batch: readonly Waiting<Item, Result>[]): Promise<void> {
    for (const one of batch)
      await options.write([one.item]).then(
        ([result]) => one.resolve(result!),
        (error: unknown) => one.reject(error),
      );
  }

  async function run(batch: Waiting<Item, Result>[]): Promise<void> {
    try {
      const results = await options.write(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else await writeEach(batch);
    }
  }

  function pump(): void {
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const batch = takeBatch();
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return {
    submit: (item) =>
      new Promise<Result>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        // Requests read in one turn of the event loop reach this point together: waiting for
        // the turn to end lets them share the statement instead of the first going alone.
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          pump();
        });
      }),
  };
}
