import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ActionButton } from './ActionButton';
import { ActionError } from './ActionError';
import { useActionState } from './ActionContext';
import { useWidget } from './WidgetContext';

/** Props of {@link LeaveFlowButtons}. */
export interface LeaveFlowButtonsProps {
  /** Whose strings to use: each page words the two actions in its own keys. */
  page: 'account_entry' | 'confirmation';
  /** More than one destination is enabled. */
  canChangeMethod: boolean;
  onUseDifferentMethod(): void;
  onCancel(): void;
  /** The page's primary action, first in the row. */
  children: ComponentChildren;
}

/**
 * The page's action row: its primary action, "Use a different method" (only when there is
 * another) and Cancel, with a failed call's message and retry above them. Cancel ends the
 * session for good, so it first asks "Leave without adding an account?" with *Keep going*
 * focused as the default (PRODUCT.md §2); only Leave cancels.
 */
export function LeaveFlowButtons(props: LeaveFlowButtonsProps) {
  const { t } = useWidget();
  const { pending } = useActionState();
  const [confirmingLeave, setConfirmingLeave] = useState(false);
  const keepGoingRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirmingLeave) keepGoingRef.current?.focus();
    else if (asked.current) cancelRef.current?.focus();
  }, [confirmingLeave]);

  if (confirmingLeave) {
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
            onClick={() => {
              asked.current = true;
              setConfirmingLeave(false);
            }}
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
  return (
    <>
      <ActionError />
      <div class="actions">
        {props.children}
        {props.canChangeMethod ? (
          <button
            type="button"
            class="button secondary"
            disabled={pending !== null}
            onClick={props.onUseDifferentMethod}
          >
            {t(`${props.page}.use_different_method`)}
          </button>
        ) : null}
        <button
          type="button"
          class="button secondary cancel-link"
          ref={cancelRef}
          disabled={pending !== null}
          onClick={() => setConfirmingLeave(true)}
        >
          {t(`${props.page}.cancel`)}
        </button>
      </div>
    </>
  );
}
