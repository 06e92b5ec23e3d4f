import { EVENTS, type EventKey, type EventName } from '../protocol/constants';
import type { TokenframeEvent } from '../protocol/events';
import { TokenframeError } from './TokenframeError';

/**
 * A listener name: an `event_name` (the value of `Tokenframe.EVENTS.X`, e.g.
 * `'tokenframe.token_success'`) or, as a shorthand, the key itself (`'TOKEN_SUCCESS'`).
 */
export type EventNameOrKey = EventName | EventKey;

/** The payload a listener for `N` receives. */
export type EventPayload<N extends EventNameOrKey> = Extract<
  TokenframeEvent,
  { event_name: N extends EventKey ? (typeof EVENTS)[N] : N }
>;

/** A merchant's event listener. */
export type Listener<N extends EventNameOrKey = EventNameOrKey> = (event: EventPayload<N>) => void;

const NAMES = Object.values(EVENTS) as string[];

/** Maps a key or an event_name to the event_name; throws `unknown_event` for anything else. */
export function resolveEventName(name: unknown): EventName {
  if (typeof name === 'string') {
    if (NAMES.includes(name)) return name as EventName;
    if (Object.keys(EVENTS).includes(name)) return EVENTS[name as EventKey];
  }
  throw new TokenframeError(
    'unknown_event',
    `unknown event ${JSON.stringify(name)}, see Tokenframe.EVENTS.`,
  );
}

/** Listener registry keyed by event_name. */
export interface Emitter {
  add(name: unknown, listener: unknown): () => void;
  remove(name: unknown, listener: unknown): void;
  /** Calls every listener of the event; a throwing listener is reported, the rest still run. */
  emit(event: TokenframeEvent): void;
  clear(): void;
}

/** Creates an {@link Emitter}. Adding the same listener twice registers it once (as the DOM does). */
export function createEmitter(): Emitter {
  const listeners = new Map<EventName, Set<(event: TokenframeEvent) => void>>();
  const remove = (name: unknown, listener: unknown) => {
    listeners.get(resolveEventName(name))?.delete(listener as (event: TokenframeEvent) => void);
  };
  return {
    add(name, listener) {
      const eventName = resolveEventName(name);
      if (typeof listener !== 'function') {
        throw new TokenframeError('invalid_listener', `${eventName} listener must be a function.`);
      }
      const set = listeners.get(eventName) ?? new Set();
      set.add(listener as (event: TokenframeEvent) => void);
      listeners.set(eventName, set);
      return () => remove(eventName, listener);
    },
    remove,
    emit(event) {
      for (const listener of [...(listeners.get(event.event_name) ?? [])]) {
        try {
          listener(event);
        } catch (error) {
          // Surface the merchant's bug without letting it stop the other listeners.
          (globalThis.reportError ?? console.error)(error);
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
