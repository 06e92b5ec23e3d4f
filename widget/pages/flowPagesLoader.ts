type FlowPages = typeof import('./flowPages');

let loaded: FlowPages | null = null;
let inFlight: Promise<FlowPages> | null = null;

/**
 * The account form READY shows is a chunk of its own, requested at boot in parallel with the
 * URL exchange (the pages after it are another, downloaded after READY: `laterPagesLoader.ts`).
 * The first paint (the loading page) does not wait for it, and it is there by the time the
 * session is. `App` awaits this before it leaves the loading page, so
 * {@link loadedFlowPages} is never null after that. Single-flight; a failed download clears
 * the promise so the next call retries.
 */
export function preloadFlowPages(): Promise<FlowPages> {
  inFlight ??= import('./flowPages').then(
    (module) => (loaded = module),
    (error: unknown) => {
      inFlight = null;
      throw error;
    },
  );
  return inFlight;
}

/** The flow's pages once {@link preloadFlowPages} has resolved, else `null`. */
export function loadedFlowPages(): FlowPages | null {
  return loaded;
}
