import { useEffect, useState } from 'preact/hooks';
import { preloadFlowPages } from './flowPagesLoader';

type LaterPages = typeof import('./laterPages');

let loaded: LaterPages | null = null;
let inFlight: Promise<LaterPages> | null = null;

/**
 * Downloads the pages after account entry. `App` calls it right after READY, so the chunk is
 * there long before a recipient has typed an account; it is not part of what READY waits on.
 * Single-flight; a failed download clears the promise so the next call retries.
 */
export function preloadLaterPages(): Promise<LaterPages> {
  inFlight ??= preloadFlowPages()
    .then((flowPages) => flowPages.importLaterPages())
    .then(
      (module) => (loaded = module),
      (error: unknown) => {
        inFlight = null;
        throw error;
      },
    );
  return inFlight;
}

/** First retry of a failed download; doubled each time, up to {@link MAX_RETRY_MS}. */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 8000;

/**
 * The later pages for a component that must show one: at once when the post-READY download
 * has finished, else `null` until it has (retrying a failed download with backoff, since the
 * session is live and the page is only a download away).
 */
export function useLaterPages(): LaterPages | null {
  const [pages, setPages] = useState(loaded);
  useEffect(() => {
    if (pages) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (delay: number) => {
      preloadLaterPages().then(
        (module) => !stopped && setPages(module),
        () => {
          if (!stopped) timer = setTimeout(() => attempt(Math.min(delay * 2, MAX_RETRY_MS)), delay);
        },
      );
    };
    attempt(FIRST_RETRY_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pages]);
  return pages;
}
