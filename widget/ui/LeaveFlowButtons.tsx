import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLaterPages } from '../pages/laterPagesLoader';
import { ActionErrorSlot } from './ActionErrorSlot';
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
 * session for good, so it first asks (`LeaveConfirmStep`, PRODUCT.md §2).
 */
export function LeaveFlowButtons(props: LeaveFlowButtonsProps) {
  const { t } = useWidget();
  const { pending } = useActionState();
  const [confirmingLeave, setConfirmingLeave] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const later = useLaterPages();
  useEffect(() => {
    if (!confirmingLeave && asked.current) cancelRef.current?.focus();
  }, [confirmingLeave]);

  if (confirmingLeave) {
    return later ? (
      <later.LeaveConfirmStep
        onKeepGoing={() => {
          asked.current = true;
          setConfirmingLeave(false);
        }}
        onCancel={props.onCancel}
      />
    ) : (
      <div class="spinner" aria-hidden="true" />
    );
  }
  return (
    <>
      <ActionErrorSlot />
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
