import { useWidget } from './WidgetContext';

/** Props of {@link LeaveFlowButtons}. */
export interface LeaveFlowButtonsProps {
  /** Whose strings to use: each page words the two actions in its own keys. */
  page: 'account_entry' | 'confirmation';
  busy: boolean;
  /** More than one destination is enabled. */
  canChangeMethod: boolean;
  onUseDifferentMethod(): void;
  onCancel(): void;
}

/**
 * "Use a different method" (only when there is another) and "Cancel": the two ways out of
 * account entry and confirmation, disabled together while a request is in flight.
 */
export function LeaveFlowButtons(props: LeaveFlowButtonsProps) {
  const { t } = useWidget();
  return (
    <>
      {props.canChangeMethod ? (
        <button
          type="button"
          class="button secondary"
          disabled={props.busy}
          onClick={props.onUseDifferentMethod}
        >
          {t(`${props.page}.use_different_method`)}
        </button>
      ) : null}
      <button type="button" class="button secondary" disabled={props.busy} onClick={props.onCancel}>
        {t(`${props.page}.cancel`)}
      </button>
    </>
  );
}
