import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale, WidgetEvent } from '../../protocol';
import type { Translate } from '../i18n';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as pages raise it: the session's common fields are added by the emitter. */
export type FlowEventPayload = DistributiveOmit<WidgetEvent, 'session_identifier' | 'tracer_token'>;

/** What every page and field needs from the app around it. */
export interface WidgetContextValue {
  t: Translate;
  locale: Locale;
  /** Formats an integer for the active locale. */
  formatNumber(value: number): string;
  /** Sends an event to the host (validated and buffered by the bridge). */
  emit(event: FlowEventPayload): void;
  /** Announces a status message in the polite live region. */
  announce(message: string): void;
  /**
   * Inside the merchant's iframe, or top-level in an app's webview (PRODUCT.md §5): copy
   * that says what happens next differs. Embedded when absent.
   */
  mode?: 'embedded' | 'standalone';
}

/** Provided by `App`; tests provide their own. */
export const WidgetContext = createContext<WidgetContextValue | null>(null);

/** The surrounding {@link WidgetContextValue}; throws when rendered outside the app. */
export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('useWidget outside WidgetContext');
  return value;
}
