/**
 * Everything the flow shows after the loading page, as one lazily loaded chunk (see
 * `flowPagesLoader.ts`): the account form with its fields, validation and state list, the
 * later pages and the language switcher.
 */
export { AccountEntryPage } from './AccountEntryPage';
export { ConfirmationPage } from './ConfirmationPage';
export { SuccessPage } from './SuccessPage';
export { TerminalFailurePage } from './TerminalFailurePage';
export { MaxAttemptsExceededPage } from './MaxAttemptsExceededPage';
export { CanceledPage } from './CanceledPage';
export { LanguageSwitcher } from '../ui/LanguageSwitcher';
