import { useEffect, useRef, useState } from 'preact/hooks';
import { useActionState } from './ActionContext';
import { retryDelayText } from './retryDelayText';
import { useWidget } from './WidgetContext';

/**
 * `leaving`: inside the "Leave without adding an account?" step.
 *
 * The visible message of a failed call (network, server, rate limit) with a Try again button,
 * placed next to the page's actions (PRODUCT.md §2). `role="alert"` announces it; focus moves
 * to it so a keyboard user lands on the retry and the browser scrolls it into view. After a
 * rate limit the button waits for the service's Retry-After (saying how long where the browser
 * can word it), since an earlier retry would only be refused again.
 */
export function ActionError({ leaving = false }: { leaving?: boolean }) {
  const { t, locale } = useWidget();
  const state = useActionState();
  const { pending, retry } = state;
  // The leave step shows only a failed cancel; the page's row shows every other failure.
  const failure = (state.failure?.action === 'cancel') === leaving ? state.failure : null;
  const ref = useRef<HTMLDivElement>(null);
  const [now, setNow] = useState(Date.now);
  const retryAt = failure?.retryAt ?? 0;
  useEffect(() => {
    if (!failure) return;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'nearest' });
    setNow(Date.now());
  }, [failure]);
  useEffect(() => {
    const wait = retryAt - Date.now();
    if (wait <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), wait);
    return () => clearTimeout(timer);
  }, [retryAt]);
  if (!failure) return null;
  const waiting = now < retryAt;
  const delay = waiting ? retryDelayText(locale, retryAt - now) : null;
  return (
    <div class="action-error" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <span class="field-error-icon" aria-hidden="true">
          !
        </span>
        {t(failure.messageKey)}
      </p>
      <span class="action-error-retry">
        <button
          type="button"
          class="button secondary"
          disabled={pending !== null || waiting}
          onClick={retry}
        >
          {t('action_error.retry')}
        </button>
        {delay && <span class="action-error-wait">{delay}</span>}
      </span>
    </div>
  );
}
