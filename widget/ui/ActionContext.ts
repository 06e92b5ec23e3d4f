import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The widget API calls a recipient can start from a page. */
export type FlowAction = 'submit' | 'confirm' | 'cancel' | 'change_destination';

/** A call that failed for a reason the recipient can retry (network, 5xx, 429). */
export interface ActionFailure {
  action: FlowAction;
  /** i18n key of the visible message. */
  messageKey: string;
}

/** What pages need to show a call in flight and a failed call with its retry. */
export interface ActionState {
  /** The call in flight, or `null`. One at a time: nothing is sent twice. */
  pending: FlowAction | null;
  /** The last call's retryable failure, or `null`. */
  failure: ActionFailure | null;
  /** Sends the failed call again, with what was typed. */
  retry(): void;
}

/** Provided by `App`; pages rendered alone (tests) see nothing in flight. */
export const ActionContext = createContext<ActionState>({
  pending: null,
  failure: null,
  retry: () => {},
});

/** The surrounding {@link ActionState}. */
export function useActionState(): ActionState {
  return useContext(ActionContext);
}
