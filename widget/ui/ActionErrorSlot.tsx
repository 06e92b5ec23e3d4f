import { useLaterPages } from '../pages/laterPagesLoader';
import { useActionState } from './ActionContext';

/**
 * Where a failed call's message with its retry (`ActionError`) appears. The message itself is
 * in the chunk that downloads right after READY, since no call can fail before READY.
 */
export function ActionErrorSlot() {
  const { failure } = useActionState();
  const later = useLaterPages();
  return failure && later ? <later.ActionError /> : null;
}
