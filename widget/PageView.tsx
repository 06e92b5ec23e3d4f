import { useCallback } from 'preact/hooks';
import type { AccountSubmission, FundingDestination } from '../protocol';
import type { WidgetApiClient } from './api';
import type { FlowState } from './flow/state';
import { loadedFlowPages } from './pages/flowPagesLoader';
import { useLaterPages } from './pages/laterPagesLoader';
import { LoadingPage } from './pages/LoadingPage';
import { SessionErrorPage } from './pages/SessionErrorPage';

/** Props of {@link PageView}: the flow state and every action a page can take. */
export interface PageViewProps {
  state: FlowState;
  destinations: readonly FundingDestination[];
  busy: boolean;
  focusHeading: boolean;
  api: Pick<WidgetApiClient, 'searchBillers'>;
  onSubmit(submission: AccountSubmission): void;
  onConfirm(): void;
  onCancel(): void;
  onRequestDifferentMethod(): void;
  onDismissPicker(): void;
  onChooseDestination(destination: FundingDestination): void;
  onAcknowledge(): void;
}

/** Picks the page component for the flow state: one page of protocol `PAGES` each. */
export function PageView(props: PageViewProps) {
  const { state, focusHeading, api } = props;
  const searchBillers = useCallback(
    (query: string, signal: AbortSignal) => api.searchBillers(query, signal),
    [api],
  );
  switch (state.page) {
    case 'loading':
      return <LoadingPage />;
    case 'session_error':
      return <SessionErrorPage error={state.error} focusHeading={focusHeading} />;
    default:
      break;
  }
  // Loaded before the flow leaves the loading page (App awaits preloadFlowPages).
  const pages = loadedFlowPages();
  if (!pages) return <LoadingPage />;
  if (state.page !== 'account_entry') return <LaterPage {...props} />;
  return (
    <pages.AccountEntryPage
      state={state}
      destinations={props.destinations}
      busy={props.busy}
      focusHeading={focusHeading}
      onSubmit={props.onSubmit}
      onRequestDifferentMethod={props.onRequestDifferentMethod}
      onChooseDestination={props.onChooseDestination}
      onDismissPicker={props.onDismissPicker}
      onCancel={props.onCancel}
      searchBillers={searchBillers}
    />
  );
}

/**
 * A page after account entry. Its chunk downloads right after READY; in the rare case it has
 * not arrived yet, the spinner stands in, and the page (with its PAGE_LOAD) follows.
 */
function LaterPage(props: PageViewProps) {
  const later = useLaterPages();
  return later ? <later.LaterPageView {...props} /> : <div class="spinner" aria-hidden="true" />;
}
