/** One page of a cursor-paginated list: its items and the cursor of the next page. */
export interface ListPage<Item> {
  /** The page's items. */
  items: Item[];
  /** The next page's cursor; `null` on the last page. */
  nextCursor: string | null;
}

/**
 * What a list call returns, in Stripe's vocabulary: `await` it for the first page, or page
 * through every item with `for await (const item of list)`, `autoPagingEach` or
 * `autoPagingToArray`. Each next page is fetched only when the one before is used up.
 */
export interface AutoPagingList<Page, Item> extends Promise<Page>, AsyncIterable<Item> {
  /**
   * Calls `handler` for each item of every page, in order; stops early when it returns (or
   * resolves to) `false`. Resolves when done.
   */
  autoPagingEach(handler: (item: Item) => void | boolean | Promise<void | boolean>): Promise<void>;
  /** Collects items of every page, up to `limit` (required: a listing can be long). */
  autoPagingToArray(options: { limit: number }): Promise<Item[]>;
}

/**
 * Starts the first page's request now (as a plain list call would) and returns it with the
 * iteration methods; later pages use `fetchPage(cursor)`.
 */
export function autoPagingList<Page, Item>(
  fetchPage: (cursor: string | undefined) => Promise<Page>,
  pageOf: (page: Page) => ListPage<Item>,
  firstCursor?: string,
): AutoPagingList<Page, Item> {
  const first = fetchPage(firstCursor);
  async function* items(): AsyncGenerator<Item> {
    let page = pageOf(await first);
    for (;;) {
      yield* page.items;
      if (page.nextCursor === null || page.items.length === 0) return;
      page = pageOf(await fetchPage(page.nextCursor));
    }
  }
  const autoPagingEach: AutoPagingList<Page, Item>['autoPagingEach'] = async (handler) => {
    for await (const item of items()) {
      if ((await handler(item)) === false) return;
    }
  };
  const autoPagingToArray: AutoPagingList<Page, Item>['autoPagingToArray'] = async ({ limit }) => {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new TypeError(
        `autoPagingToArray({ limit }): expected a positive integer, got ${limit}`,
      );
    }
    const collected: Item[] = [];
    for await (const item of items()) {
      collected.push(item);
      if (collected.length >= limit) break;
    }
    return collected;
  };
  return Object.assign(first, {
    [Symbol.asyncIterator]: items,
    autoPagingEach,
    autoPagingToArray,
  });
}
