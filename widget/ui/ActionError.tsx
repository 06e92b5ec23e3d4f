import { useEffect, useRef } from 'preact/hooks';
import { useActionState } from './ActionContext';
import { useWidget } from './WidgetContext';

/**
 * `leaving`: inside the "Leave without adding an account?" step.
 *
 * The visible message of a failed call (network, server, rate limit) with a Try again button,
 * placed next to the page's actions (PRODUCT.md §2). `role="alert"` announces it; focus moves
 * to it so a keyboard user lands on the retry and the browser scrolls it into view.
 */
export function ActionError({ leaving = false }: { leaving?: boolean }) {
  const { t } = useWidget();
  const state = useActionState();
  const { pending, retry } = state;
  // The leave step shows only a failed cancel; the page's row shows every other failure.
  const failure = (state.failure?.action === 'cancel') === leaving ? state.failure : null;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!failure) return;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);
  if (!failure) return null;
  return (
    <div class="action-error" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <span class="field-error-icon" aria-hidden="true">
          !
        </span>
        {t(failure.messageKey)}
      </p>
      <button type="button" class="button secondary" disabled={pending !== null} onClick={retry}>
        {t('action_error.retry')}
      </button>
    </div>
  );
}
