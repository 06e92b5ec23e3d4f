import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { createWidgetI18n, type WidgetI18n } from '../i18n';
import { WidgetContext, type FlowEventPayload, type WidgetContextValue } from '../ui/WidgetContext';

/** What {@link renderInWidget} returns besides testing-library's helpers. */
export interface WidgetHarness {
  /** Every event the rendered tree emitted, in order. */
  emitted: FlowEventPayload[];
  /** Every live-region announcement. */
  announced: string[];
  i18n: WidgetI18n;
}

/** Renders `ui` inside a real en-US i18n and a recording widget context. */
export async function renderInWidget(ui: ComponentChildren, locale = 'en-US') {
  const i18n = await createWidgetI18n();
  await i18n.setLocale(locale);
  const harness: WidgetHarness = { emitted: [], announced: [], i18n };
  const context: WidgetContextValue = {
    t: i18n.t,
    locale: i18n.locale(),
    formatNumber: i18n.formatNumber,
    emit: (event) => harness.emitted.push(event),
    announce: (message) => harness.announced.push(message),
  };
  const result = render(<WidgetContext.Provider value={context}>{ui}</WidgetContext.Provider>);
  return { ...result, ...harness };
}

/** Emitted PAGE_LOAD pages, in order. */
export function pageLoads(emitted: FlowEventPayload[]): string[] {
  return emitted.flatMap((event) =>
    event.event_name === 'tokenframe.page_load' ? [event.page] : [],
  );
}
