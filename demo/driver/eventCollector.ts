import type { EventFeed, ReceivedEvent } from './playScenario';

/**
 * An {@link EventFeed} over events pushed in as they arrive (from a native bridge, say):
 * `waitForEvent` resolves as soon as enough events of that name are in, or rejects after
 * `timeoutMs` naming what did arrive.
 */
export class EventCollector implements EventFeed {
  readonly received: ReceivedEvent[] = [];
  readonly #waiters = new Set<() => void>();

  constructor(private readonly timeoutMs = 60_000) {}

  /** Records one event and wakes whoever waits for it. */
  push(event: ReceivedEvent): void {
    this.received.push(event);
    for (const wake of [...this.#waiters]) wake();
  }

  /** Resolves with the `count`-th event named `eventName`. */
  waitForEvent(eventName: string, count = 1): Promise<ReceivedEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const matching = this.received.filter((event) => event.event_name === eventName);
        if (matching.length < count) return false;
        this.#waiters.delete(check);
        clearTimeout(timer);
        resolve(matching[count - 1]!);
        return true;
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        const seen = this.received.map((event) => event.event_name).join(', ') || 'none';
        reject(
          new Error(`no ${count}× ${eventName} within ${this.timeoutMs} ms (received: ${seen})`),
        );
      }, this.timeoutMs);
      if (!check()) this.#waiters.add(check);
    });
  }
}
