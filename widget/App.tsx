import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import {
  EVENTS,
  type AccountSubmission,
  type FundingDestination,
  type Locale,
  type SessionErrorCode,
  type WidgetSession,
} from '../protocol';
import { WidgetApiFailure, type WidgetApiClient } from './api';
import type { Bridge } from './bridge';
import { HostEventEmitter } from './emitter';
import type { AuthorizedUrlParts, PendingExchange } from './bootExchange';
import type { StoredMount } from './mountStore';
import { resumeOrExchange, type StartedMount } from './resumeOrExchange';
import { loadStandaloneMode } from './standaloneModeLoader';
import { FINAL_PAGES, type FlowState } from './flow/state';
import { INITIAL_STATE, transition } from './flow/transition';
import type { WidgetI18n } from './i18n';
import { languageChoice } from './languageChoice';
import { applyThemeVariant } from './theme';
import { ActionContext, type ActionFailure, type FlowAction } from './ui/ActionContext';
import { WidgetContext, type WidgetContextValue } from './ui/WidgetContext';
import { PageView } from './PageView';
import { loadedFlowPages, preloadFlowPages } from './pages/flowPagesLoader';
import { preloadLaterPages } from './pages/laterPagesLoader';

export type { AuthorizedUrlParts };

/** Props of {@link App}. */
export interface AppProps {
  api: WidgetApiClient;
  bridge: Bridge;
  i18n: WidgetI18n;
  /** `null` when the address bar did not hold a well-formed authorized_url. */
  authorizedUrl: AuthorizedUrlParts | null;
  /** The exchange `main.tsx` started at boot; started here when absent (tests). */
  exchange?: PendingExchange;
  /** Tracer for events sent before (or without) a successful exchange. */
  fallbackTracerToken: string;
  /** The session's language from the document's meta, applied before the exchange answers. */
  documentLocale?: string;
  /** Standalone redirects; defaults to `location.assign`. */
  navigate?: (url: string) => void;
  /**
   * Called after each page change and language change has reached the DOM, so auto height
   * measures then, even when the browser holds back resize observations (off-screen frames).
   */
  onContentChanged?: () => void;
}

/**
 * The widget: exchanges the URL once, waits for the host, emits READY, then drives the page
 * flow through the pure `transition` and the widget API, emitting each event of PRODUCT.md §3.
 */
export function App(props: AppProps) {
  const { api, bridge, i18n } = props;
  const [state, dispatch] = useReducer(transition, INITIAL_STATE);
  const [session, setSession] = useState<WidgetSession | null>(null);
  const [locale, setLocaleState] = useState<Locale>(i18n.locale());
  const [pending, setPending] = useState<FlowAction | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  // Synchronous guard: two presses within one frame both see the old `pending` state.
  const inFlight = useRef(false);
  const lastCall = useRef<() => void>(() => {});
  const [status, setStatus] = useState('');
  const emitter = useMemo(
    () => new HostEventEmitter(bridge, props.navigate),
    [bridge, props.navigate],
  );
  const previousPage = useRef<FlowState['page'] | null>(null);

  const context = useMemo<WidgetContextValue>(
    () => ({
      t: i18n.t,
      locale,
      formatNumber: i18n.formatNumber,
      emit: (payload) => emitter.emit(payload),
      announce: setStatus,
      mode: bridge.mode,
    }),
    // `locale` changes the translations behind `t`, so consumers must re-render.
    [i18n, locale, emitter, bridge],
  );
  const { t } = context;

  const applyLocale = async (requested: string) => {
    const active = await i18n.setLocale(requested);
    document.documentElement.lang = active;
    document.documentElement.dir = i18n.direction();
    document.title = i18n.t('app.document_title');
    setLocaleState(active);
    return active;
  };

  const failSession = (error: SessionErrorCode) => {
    emitter.emit({ event_name: EVENTS.SESSION_ERROR, error });
    dispatch({ type: 'session_failed', error });
    setStatus('');
  };

  // A layout effect, so the start does not wait for the loading page's first paint and the
  // frame after it: on a slow phone that frame is READY's last wait (PRODUCT.md §2, "Load").
  useLayoutEffect(() => {
    void start();
    // Once per document: the exchange is single use.
  }, []);

  async function start() {
    const url = props.authorizedUrl;
    const standalone = bridge.mode === 'standalone';
    document.title = t('app.document_title');
    // Embedded, a URL without `t`/`h` is not valid; standalone it is a reload to resume.
    if (!url && !standalone) {
      dispatch({ type: 'session_failed', error: 'invalid_url' });
      return;
    }
    // The document names the session's language, so its chunk downloads beside the exchange
    // and even the error page of a failed exchange is in the recipient's language.
    const documentLocale = props.documentLocale ? applyLocale(props.documentLocale) : null;
    const flowPages = preloadFlowPages();
    let started: StartedMount;
    try {
      started = await resumeOrExchange({
        api,
        authorizedUrl: url,
        exchange: props.exchange,
        standalone,
        onRateLimited: () => setStatus(t('status.rate_limited')),
      });
    } catch (error) {
      await documentLocale;
      // A reload that could not resume still knows its session (`mountNotResumable.ts`).
      const known = (error as { session?: WidgetSession | null }).session ?? null;
      emitter.start(
        {
          session_identifier: known?.session_identifier ?? url?.sessionIdentifier ?? 'unknown',
          tracer_token: known?.tracer_token ?? props.fallbackTracerToken,
        },
        known ?? {},
      );
      failSession(
        error instanceof WidgetApiFailure && error.sessionError
          ? error.sessionError
          : 'invalid_url',
      );
      return;
    }
    const exchanged = started.session;
    emitter.start(
      { session_identifier: exchanged.session_identifier, tracer_token: exchanged.tracer_token },
      exchanged,
    );
    applyThemeVariant(exchanged.theme_variant);
    await documentLocale;
    const active = await applyLocale(
      languageChoice.get(exchanged.session_identifier) ?? exchanged.language_locale_code,
    );
    const host = await bridge.connected;
    try {
      await flowPages;
      // Its own chunk, fetched only when the merchant set an appearance: most mounts never pay
      // for the value-by-value check and the contrast maths.
      if (host?.appearance)
        (await import('./appearance/applyAppearance')).applyAppearance(host.appearance);
    } catch {
      // The form's chunk did not download: a load failure, which the SDK answers with a new URL.
      failSession('invalid_url');
      return;
    }
    const enabled = exchanged.funding_destinations;
    const destination =
      host && enabled.includes(host.funding_destination)
        ? host.funding_destination
        : started.destination && enabled.includes(started.destination)
          ? started.destination
          : enabled[0];
    // State only after the last `await`: a state change before it renders the loading page
    // again, and that render runs the page's effects, PAGE_LOAD among them, although a mount
    // whose inputs are all in replaces the page within this task, before it is ever shown.
    setSession(exchanged);
    if (!destination) {
      failSession('session_terminated');
      return;
    }
    emitter.emit({
      event_name: EVENTS.READY,
      funding_destination: destination,
      language_locale_code: active,
    });
    dispatch({ type: 'session_started', destination, attempts: exchanged.attempts });
    setStatus('');
    // Not on READY's path: the pages after account entry download while the recipient types.
    // A task of its own, so the chunk's preload links are not added before the host hears READY.
    setTimeout(() => void preloadLaterPages().catch(() => undefined), 0);
  }

  /**
   * Runs one API call, one at a time, marking its button in flight and announcing it; maps
   * failures to the flow. A network, server or rate-limit failure becomes a visible message
   * with a retry next to the action (PRODUCT.md §2), and the form keeps what was typed.
   */
  async function run(action: FlowAction, statusKey: string, call: () => Promise<void>) {
    if (inFlight.current) return;
    inFlight.current = true;
    lastCall.current = () => void run(action, statusKey, call);
    setPending(action);
    setFailure(null);
    setStatus(t(statusKey));
    const fail = (messageKey: string) => {
      setFailure({ action, messageKey });
      // The visible message is an alert; the status region must not say it twice.
      setStatus('');
    };
    try {
      await call();
      setStatus('');
    } catch (error) {
      if (!(error instanceof WidgetApiFailure)) throw error;
      if (error.sessionError) failSession(error.sessionError);
      else if (error.code === 'invalid_request' && error.fields) {
        const later = await preloadLaterPages().catch(() => null);
        if (!later) return fail('status.network_error');
        const { serverFieldErrors } = later;
        dispatch({
          type: 'account_rejected',
          fieldErrors: serverFieldErrors(error.fields, (key) => i18n.instance.exists(key)),
        });
        setStatus('');
      } else if (error.code === 'rate_limited') fail('status.rate_limited');
      else if (error.code === 'network') fail('status.network_error');
      else fail('status.server_error');
    } finally {
      inFlight.current = false;
      setPending(null);
    }
  }

  const destinationOf = (): FundingDestination =>
    state.page === 'account_entry' ||
    state.page === 'confirmation' ||
    state.page === 'terminal_failure'
      ? state.destination
      : 'debit';

  const submitAccount = (submission: AccountSubmission) =>
    run('submit', 'status.submitting', async () => {
      // Sending the account and handling its outcome are in the chunk after READY (downloaded
      // right after it); a failed download reads as a network failure, with its retry.
      const later = await preloadLaterPages().catch(() =>
        Promise.reject(new WidgetApiFailure('network')),
      );
      const outcome = await later.sendAccount(api, submission);
      later.followAccountOutcome(outcome, submission, {
        emitter,
        dispatch,
        announce: (key) => setStatus(t(key)),
        hasMessage: (key) => i18n.instance.exists(key),
      });
    });

  const confirm = () =>
    run('confirm', 'status.confirming', async () => {
      const result = await api.confirm();
      emitter.emit({
        event_name: EVENTS.TOKEN_SUCCESS,
        customer_account_token: result.customer_account_token,
        funding_destination: result.funding_destination,
        account: result.account,
      });
      dispatch({ type: 'tokenized', account: result.account });
    });

  const cancel = () =>
    run('cancel', 'status.canceling', async () => {
      const fundingDestination = destinationOf();
      await api.cancel();
      emitter.emit({
        event_name: EVENTS.FUNDING_CANCELED,
        funding_destination: fundingDestination,
      });
      dispatch({ type: 'canceled' });
    });

  /** Standalone only: the mount kept for a reload follows the flow (PRODUCT.md §5). */
  const updateStoredMount = (change: (mount: StoredMount) => StoredMount) => {
    if (!session || bridge.mode !== 'standalone') return;
    const sessionIdentifier = session.session_identifier;
    loadStandaloneMode().then(
      ({ updateMount }) => updateMount(sessionIdentifier, change),
      () => undefined,
    );
  };

  const chooseDestination = (destination: FundingDestination) =>
    run('change_destination', 'status.changing_destination', async () => {
      await api.changeDestination(destination);
      updateStoredMount((mount) => ({ ...mount, destination }));
      dispatch({ type: 'destination_changed', destination });
    });

  const acknowledge = () => {
    if (state.page !== 'terminal_failure' || state.acknowledged) return;
    emitter.emit({
      event_name: EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED,
      funding_destination: state.destination,
      feature: state.feature,
    });
    dispatch({ type: 'terminal_failure_acknowledged' });
  };

  const changeLanguage = async (requested: Locale, languageName: string) => {
    const active = await applyLocale(requested);
    if (session) languageChoice.set(session.session_identifier, active);
    setStatus(i18n.t('status.language_changed', { language: languageName }));
  };

  // Focus follows page changes, but the first page after loading must not pull focus into
  // the iframe (it would scroll the merchant's page and steal the keyboard).
  const focusHeading = previousPage.current !== null && previousPage.current !== 'loading';
  useEffect(() => {
    previousPage.current = state.page;
  }, [state.page]);
  // A mount that reached its end cannot be resumed by a reload (PRODUCT.md §5).
  useEffect(() => {
    if (FINAL_PAGES.includes(state.page))
      updateStoredMount((mount) => ({ session: mount.session }));
  }, [state.page, session]);
  // A failed call's message belongs to the page (or picker) it was made from.
  const pickerOpen = state.page === 'account_entry' && state.choosingDestination;
  useEffect(() => setFailure(null), [state.page, pickerOpen]);
  // Layout effect: runs right after the DOM update, not on the next frame, which an off-screen
  // cross-origin frame may not get. Not for the loading page: measuring forces a layout, and
  // a fast mount replaces that page within the same task; one still shown when the frame is
  // painted reaches the host through auto height's ResizeObserver.
  const { onContentChanged } = props;
  useLayoutEffect(() => {
    if (state.page !== 'loading') onContentChanged?.();
  }, [state.page, locale, onContentChanged]);

  const LanguageSwitcher = loadedFlowPages()?.LanguageSwitcher;
  return (
    <WidgetContext.Provider value={context}>
      <ActionContext.Provider value={{ pending, failure, retry: () => lastCall.current() }}>
        <div class="widget">
          {state.page !== 'loading' && session && LanguageSwitcher ? (
            <header class="widget-header">
              <LanguageSwitcher onChange={(code, name) => void changeLanguage(code, name)} />
            </header>
          ) : null}
          <main>
            <PageView
              key={state.page}
              state={state}
              destinations={session?.funding_destinations ?? []}
              busy={pending !== null}
              focusHeading={focusHeading}
              api={api}
              onSubmit={submitAccount}
              onConfirm={confirm}
              onCancel={cancel}
              onRequestDifferentMethod={() => dispatch({ type: 'different_method_requested' })}
              onDismissPicker={() => dispatch({ type: 'different_method_dismissed' })}
              onChooseDestination={chooseDestination}
              onAcknowledge={acknowledge}
            />
          </main>
          <footer class="widget-footer">
            <p>{t('app.secure_notice')}</p>
          </footer>
          <p class="visually-hidden" role="status" aria-live="polite">
            {status}
          </p>
        </div>
      </ActionContext.Provider>
    </WidgetContext.Provider>
  );
}
