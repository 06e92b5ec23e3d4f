import type { PageViewProps } from '../PageView';
export { ActionError } from '../ui/ActionError';
export { DestinationPicker } from '../fields/DestinationPicker';
export { followAccountOutcome } from '../flow/followAccountOutcome';
export { toAccountSubmission } from '../flow/accountSubmission';
export { serverFieldErrors } from '../flow/serverFieldErrors';
export { LeaveConfirmStep } from '../ui/LeaveConfirmStep';
import { CanceledPage } from './CanceledPage';
import { ConfirmationPage } from './ConfirmationPage';
import { MaxAttemptsExceededPage } from './MaxAttemptsExceededPage';
import { SuccessPage } from './SuccessPage';
import { TerminalFailurePage } from './TerminalFailurePage';
import './laterPages.css';
export { VerificationFailureNotice } from './VerificationFailureNotice';

/**
 * The pages after account entry, as a chunk of their own (see `laterPagesLoader.ts`): READY
 * shows the account form, so confirmation, success and the ends of the flow download after
 * it instead of before (PRODUCT.md §6, a short critical path).
 */
export function LaterPageView(props: PageViewProps) {
  const { state, focusHeading } = props;
  switch (state.page) {
    case 'confirmation':
      return (
        <ConfirmationPage
          destination={state.destination}
          account={state.account}
          canChangeMethod={props.destinations.length > 1}
          focusHeading={focusHeading}
          onConfirm={props.onConfirm}
          onCancel={props.onCancel}
          onUseDifferentMethod={props.onRequestDifferentMethod}
        />
      );
    case 'success':
      return (
        <SuccessPage
          account={state.account}
          destination={state.destination}
          focusHeading={focusHeading}
        />
      );
    case 'terminal_failure':
      return (
        <TerminalFailurePage
          feature={state.feature}
          acknowledged={state.acknowledged}
          focusHeading={focusHeading}
          onContinue={props.onAcknowledge}
        />
      );
    case 'max_attempts_exceeded':
      return <MaxAttemptsExceededPage focusHeading={focusHeading} />;
    case 'canceled':
      return <CanceledPage focusHeading={focusHeading} />;
    default:
      return null;
  }
}
