/**
 * Resolves once every promise has settled (fulfilled or rejected: whoever awaits it handles
 * the outcome), or once `ms` have passed, whichever comes first. Never rejects.
 */
export function settledOrAfter(
  promises: readonly (Promise<unknown> | undefined)[],
  ms: number,
): Promise<unknown> {
  return Promise.race([
    Promise.allSettled(promises),
    new Promise((resolve) => setTimeout(resolve, ms)),
  ]);
}
