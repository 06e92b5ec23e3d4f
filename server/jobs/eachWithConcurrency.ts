/**
 * Runs `work` on every item with at most `limit` calls in flight, and resolves when all are
 * done. A call that rejects rejects the whole run after the calls in flight settle, as
 * `Promise.all` would; callers that must not stop catch inside `work`.
 */
export async function eachWithConcurrency<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane);
  await Promise.all(lanes);
}
