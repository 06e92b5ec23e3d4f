type StandaloneMode = typeof import('./standaloneMode');

let loading: Promise<StandaloneMode> | undefined;

/**
 * The standalone page's chunk (`standaloneMode.ts`), requested once: every caller chains on
 * the one promise, so the events delivered through it keep the order they were emitted in.
 */
export function loadStandaloneMode(): Promise<StandaloneMode> {
  loading ??= import('./standaloneMode');
  return loading;
}
