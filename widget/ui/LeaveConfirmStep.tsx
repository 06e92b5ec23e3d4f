import { useEffect, useRef } from 'preact/hooks';
import { ActionButton } from './ActionButton';
import { ActionError } from './ActionError';
import { useActionState } from './ActionContext';
import { useWidget } from './WidgetContext';

/**
 * "Leave without adding an account?" in place of the action row until answered, with *Keep
 * going* focused as the default (PRODUCT.md §2); only Leave cancels. Part of the chunk that
 * downloads after READY: nobody can press Cancel before READY.
 */
export function LeaveConfirmStep(props: { onKeepGoing(): void; onCancel(): void }) {
  const { t } = useWidget();
  const { pending } = useActionState();
  const keepGoingRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepGoingRef.current?.focus(), []);
  return (
    <div class="leave-confirm" role="group" aria-labelledby="leave-question">
      <p id="leave-question" class="leave-question">
        {t('leave.question')}
      </p>
      <p class="leave-body">{t('leave.body')}</p>
      <ActionError leaving />
      <div class="actions">
        <button
          type="button"
          class="button primary"
          ref={keepGoingRef}
          disabled={pending !== null}
          onClick={props.onKeepGoing}
        >
          {t('leave.keep_going')}
        </button>
        <ActionButton
          action="cancel"
          variant="secondary"
          class="leave-confirm-button"
          onClick={props.onCancel}
        >
          {t('leave.confirm')}
        </ActionButton>
      </div>
    </div>
  );
}
