import type { ComponentChildren } from 'preact';
import type { FlowAction } from './ActionContext';
import { useActionState } from './ActionContext';
import { useWidget } from './WidgetContext';

/** The in-flight label of each action (PRODUCT.md §2: the recipient sees what is happening). */
const PENDING_LABEL_KEYS: Record<FlowAction, string> = {
  submit: 'status.submitting',
  confirm: 'status.confirming',
  cancel: 'status.canceling',
  change_destination: 'status.changing_destination',
};

/** Props of {@link ActionButton}. */
export interface ActionButtonProps {
  action: FlowAction;
  variant: 'primary' | 'secondary';
  type?: 'submit' | 'button';
  onClick?(): void;
  /** Extra class names (layout). */
  class?: string;
  children: ComponentChildren;
}

/**
 * A button that starts a widget API call. While its call is in flight it shows a spinner and
 * the call's label; while any call is in flight every action button is disabled, so a second
 * press cannot send twice.
 */
export function ActionButton(props: ActionButtonProps) {
  const { t } = useWidget();
  const { pending } = useActionState();
  const mine = pending === props.action;
  const classes = ['button', props.variant, props.class].filter(Boolean).join(' ');
  return (
    <button
      type={props.type ?? 'button'}
      class={classes}
      disabled={pending !== null}
      aria-busy={mine ? 'true' : undefined}
      onClick={props.onClick}
    >
      {mine ? (
        <>
          <span class="button-spinner" aria-hidden="true" />
          {t(PENDING_LABEL_KEYS[props.action])}
        </>
      ) : (
        props.children
      )}
    </button>
  );
}
