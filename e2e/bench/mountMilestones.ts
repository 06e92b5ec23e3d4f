import type { CDPSession } from 'playwright-core';

/**
 * When each input of READY arrived, in ms after `mount()` was called: where a mount's time
 * goes (PRODUCT.md §2, "Load"). `null` when that request was not made (e.g. an exchange the
 * document's inline script could not send).
 */
export interface MountMilestones {
  /** The widget document's request left the browser. */
  documentSent: number | null;
  /** Its last byte arrived. */
  documentIn: number | null;
  /** The exchange's answer arrived. */
  exchangeIn: number | null;
  /**
   * The last byte of the last file the document links (entry script, stylesheet, the form's
   * and the locale's chunks); what the widget's scripts fetch themselves is not counted.
   */
  bootFilesIn: number | null;
  /** The host heard READY. */
  ready: number;
}

/**
 * READY after the later of the last linked file and the exchange's answer: the widget's own
 * work once everything it waits on is in, the part of a throttled mount the network does not
 * set. Taken per mount, so its median is not the difference of two medians. `null` when
 * either input is missing.
 */
export function readyAfterInputs(milestones: MountMilestones): number | null {
  const { exchangeIn, bootFilesIn, ready } = milestones;
  return exchangeIn === null || bootFilesIn === null
    ? null
    : ready - Math.max(exchangeIn, bootFilesIn);
}

interface Request {
  path: string;
  /** Asked for by the HTML parser (a link or script tag), not by a script. */
  linked: boolean;
  /** Wall-clock ms (epoch), as the page's `performance.timeOrigin + performance.now()`. */
  sentAt: number;
  finishedAt: number | null;
}

/**
 * Watches the requests to `origin` while a mount runs, on the clock the page reports its
 * mount on. CDP stamps network events with a monotonic clock and gives the wall clock only
 * when a request is sent; that pair converts every other stamp.
 */
export function watchMilestones(cdp: CDPSession, origin: string) {
  const requests = new Map<string, Request>();
  let wallMinusMonotonic = 0;
  let watching = false;
  const at = (monotonicSeconds: number) => (monotonicSeconds + wallMinusMonotonic) * 1000;
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!watching || !event.request.url.startsWith(origin)) return;
    wallMinusMonotonic = event.wallTime - event.timestamp;
    requests.set(event.requestId, {
      path: new URL(event.request.url).pathname,
      linked: event.initiator.type === 'parser',
      sentAt: at(event.timestamp),
      finishedAt: null,
    });
  });
  const finish = (requestId: string, timestamp: number) => {
    const request = requests.get(requestId);
    if (request) request.finishedAt = at(timestamp);
  };
  cdp.on('Network.loadingFinished', (event) => finish(event.requestId, event.timestamp));
  cdp.on('Network.loadingFailed', (event) => finish(event.requestId, event.timestamp));
  return {
    start() {
      requests.clear();
      watching = true;
    },
    /** The milestones of a mount the page timed from `startedAt` to `readyAt` (wall ms). */
    stop(startedAt: number, readyAt: number): MountMilestones {
      watching = false;
      const all = [...requests.values()];
      const since = (time: number | null | undefined) =>
        time === null || time === undefined ? null : time - startedAt;
      const document = all.find((request) => request.path.startsWith('/session/'));
      const exchange = all.find((request) => request.path.endsWith('/exchange'));
      const bootFiles = all.filter(
        (request) =>
          request.linked && request.path.startsWith('/widget/') && request.finishedAt !== null,
      );
      return {
        documentSent: since(document?.sentAt),
        documentIn: since(document?.finishedAt),
        exchangeIn: since(exchange?.finishedAt),
        bootFilesIn: bootFiles.length
          ? since(Math.max(...bootFiles.map((request) => request.finishedAt!)))
          : null,
        ready: readyAt - startedAt,
      };
    },
  };
}
