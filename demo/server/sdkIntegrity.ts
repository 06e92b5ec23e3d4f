import { createHash } from 'node:crypto';

/**
 * The SRI value of the SDK exactly as the service serves it. Hashing the served bytes (not a
 * file on disk) means the `integrity` attribute can never disagree with what the browser
 * downloads, whichever build the service runs.
 */

/** `sha384-<base64>` of some bytes, the form `integrity="…"` takes. */
export function sriSha384(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** Fetches the SDK from the service and returns its URL and SRI hash, cached for `ttlMs`. */
export function sdkIntegrityFetcher(sdkUrl: string, ttlMs = 2_000) {
  let cached: { at: number; value: Promise<string> } | undefined;
  return async function sdkIntegrity(now = Date.now()): Promise<string> {
    if (!cached || now - cached.at > ttlMs) {
      const value = fetch(sdkUrl).then(async (response) => {
        if (!response.ok) throw new Error(`GET ${sdkUrl} answered ${response.status}`);
        return sriSha384(new Uint8Array(await response.arrayBuffer()));
      });
      cached = { at: now, value };
      // A failed fetch must not stick: the next page load tries again.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
