import type { CDPSession } from 'playwright-core';

/** What crossed the wire from one origin while a tally was open. */
export interface WireTally {
  requests: number;
  /** Encoded bytes received, headers included (CDP `encodedDataLength`). */
  bytes: number;
  /** `path → content-encoding` of each response, for the report. */
  encodings: Map<string, string>;
}

/**
 * Counts requests to `origin` and the bytes their responses took on the wire, from the
 * DevTools protocol's network events. `start()` opens a tally, `stop()` closes it once every
 * request it counted has finished loading.
 */
export function tallyWire(cdp: CDPSession, origin: string) {
  let open: WireTally | null = null;
  const pending = new Map<string, string>();
  const counted = new Map<string, WireTally>();
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!open || !event.request.url.startsWith(origin)) return;
    open.requests += 1;
    pending.set(event.requestId, new URL(event.request.url).pathname);
    counted.set(event.requestId, open);
  });
  cdp.on('Network.responseReceived', (event) => {
    const tally = counted.get(event.requestId);
    const path = pending.get(event.requestId);
    if (!tally || !path) return;
    const headers = event.response.headers as Record<string, string>;
    const coding = Object.entries(headers).find(
      ([key]) => key.toLowerCase() === 'content-encoding',
    );
    tally.encodings.set(path, coding?.[1] ?? 'identity');
  });
  const finish = (requestId: string, bytes: number) => {
    const tally = counted.get(requestId);
    if (tally) tally.bytes += bytes;
    pending.delete(requestId);
  };
  cdp.on('Network.loadingFinished', (event) => finish(event.requestId, event.encodedDataLength));
  cdp.on('Network.loadingFailed', (event) => finish(event.requestId, 0));
  return {
    start() {
      open = { requests: 0, bytes: 0, encodings: new Map() };
    },
    async stop(): Promise<WireTally> {
      const tally = open!;
      open = null;
      const deadline = Date.now() + 30_000;
      while ([...pending.keys()].some((id) => counted.get(id) === tally) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      return tally;
    },
  };
}
