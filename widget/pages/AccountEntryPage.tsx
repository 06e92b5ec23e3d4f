import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AccountSubmission, FundingDestination } from '../../protocol';
import type { Biller } from '../api';
import { AccountNumberField } from '../fields/AccountNumberField';
import { AccountTypeField } from '../fields/AccountTypeField';
import { AddressFields } from '../fields/AddressFields';
import { BillerSearchField } from '../fields/BillerSearchField';
import { CardNumberField } from '../fields/CardNumberField';
import { ExpiryField } from '../fields/ExpiryField';
import { NameFields } from '../fields/NameFields';
import { PayPalFields } from '../fields/PayPalFields';
import { FieldsReadOnly } from '../fields/readOnly';
import { RoutingNumberField } from '../fields/RoutingNumberField';
import {
  EMPTY_FORM,
  type AccountField,
  type AccountFormValues,
  type FieldErrors,
} from '../fields/types';
import { fieldProblem, fieldsOf, validateAccountForm } from '../flow/accountForm';
import type { FlowState, VerificationFailure } from '../flow/state';
import { ActionButton } from '../ui/ActionButton';
import { LeaveFlowButtons } from '../ui/LeaveFlowButtons';
import { PageFrame } from '../ui/PageFrame';
import { useWidget } from '../ui/WidgetContext';
import { preloadLaterPages, useLaterPages } from './laterPagesLoader';

/** Props of {@link AccountEntryPage}. */
export interface AccountEntryPageProps {
  state: Extract<FlowState, { page: 'account_entry' }>;
  /** The program's enabled destinations, for "use a different method". */
  destinations: readonly FundingDestination[];
  busy: boolean;
  onSubmit(submission: AccountSubmission): void;
  onRequestDifferentMethod(): void;
  onChooseDestination(destination: FundingDestination): void;
  onDismissPicker(): void;
  onCancel(): void;
  searchBillers(query: string, signal: AbortSignal): Promise<Biller[]>;
  focusHeading?: boolean;
}

/**
 * No field edited since the service's answer. One shared set, never changed (an edit makes a
 * new one): the effect that resets it also runs as the form appears, and setting the same set
 * again renders nothing, where a new empty set would render the whole form twice before READY.
 */
const NOTHING_EDITED: ReadonlySet<AccountField> = new Set();

/**
 * Account entry for the session's destination (PRODUCT.md §2 step 2). Every field is checked
 * in the browser; nothing is sent while any is invalid. On a failed submit the error summary
 * is announced and focus goes to the first invalid field.
 */
export function AccountEntryPage(props: AccountEntryPageProps) {
  const { state } = props;
  const { t } = useWidget();
  const [values, setValues] = useState<AccountFormValues>(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  // The summary appears after a submit and then always counts the fields' current errors.
  const [submitted, setSubmitted] = useState(false);
  const [editedSinceResponse, setEditedSinceResponse] = useState(NOTHING_EDITED);
  const formRef = useRef<HTMLFormElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // The failure notice and the method picker are in the chunk that downloads right after
  // READY: the form is what READY shows (`session_started` opens no picker), and a failed
  // attempt or a press on "Use a different method" comes later.
  const later = useLaterPages();
  const { destination } = state;
  const responseErrors = useMemo(
    () => errorsFromResponse(state.serverFieldErrors, state.failure),
    [state.serverFieldErrors, state.failure],
  );
  const shownErrors: FieldErrors = { ...errors };
  for (const [field, key] of Object.entries(responseErrors) as [AccountField, string][])
    if (!editedSinceResponse.has(field)) shownErrors[field] = key;

  // The service answered: its errors are fresh, and focus (lost while the buttons were
  // disabled) goes to the first field it flagged, or to the failure notice.
  useEffect(() => {
    setEditedSinceResponse(NOTHING_EDITED);
    const flagged = fieldsOf(destination).find((field) => responseErrors[field]);
    if (flagged && !state.failure) focusField(formRef.current, flagged);
    else if (state.failure) failureRef.current?.focus();
  }, [responseErrors]);

  // Opening or closing the method picker changes what the page is for: its heading takes focus.
  const pickerToggled = useRef(false);
  const pickerShown = useRef(state.choosingDestination);
  if (pickerShown.current !== state.choosingDestination) {
    pickerShown.current = state.choosingDestination;
    pickerToggled.current = true;
  }

  // What was typed, current even between an input and its re-render: a field that moves focus
  // on when complete fires its blur before this component renders the new value.
  const latest = useRef(values);
  latest.current = values;
  const onChange = (field: AccountField, value: string) => {
    const next = { ...latest.current, [field]: value };
    latest.current = next;
    // Functional update: BillerSearchField sets id and name in one event; both must stick.
    setValues((current) => ({ ...current, [field]: value }));
    // Clear a shown error as soon as the value is fixed; new errors wait for blur or submit.
    if (!fieldProblem(field, next))
      setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
    // The service's verdict was about the old value.
    if (responseErrors[field] && !editedSinceResponse.has(field))
      setEditedSinceResponse((edited) => new Set(edited).add(field));
  };
  const onBlur = (field: AccountField) => {
    const typed = latest.current;
    if (typed[field] === '') return;
    setErrors((current) => ({ ...current, [field]: fieldProblem(field, typed) }));
  };
  const group = { values, errors: shownErrors, onChange, onBlur };

  const submit = (event: Event) => {
    event.preventDefault();
    if (props.busy) return;
    const found = validateAccountForm(destination, values);
    setErrors(found);
    setSubmitted(true);
    const invalid = fieldsOf(destination).filter((field) => found[field]);
    if (invalid[0]) {
      focusField(formRef.current, invalid[0]);
      return;
    }
    // The body is built in the chunk after READY, there since just after READY.
    void preloadLaterPages().then(
      (loaded) => props.onSubmit(loaded.toAccountSubmission(destination, values)),
      () => undefined,
    );
  };

  // The browser's own checks only: the service's verdicts have their notice or field message.
  const summaryCount = submitted
    ? fieldsOf(destination).filter((field) => errors[field]).length
    : 0;
  const card = destination === 'debit' || destination === 'credit';
  const canChange = props.destinations.length > 1;
  if (state.choosingDestination)
    return (
      <PageFrame
        key="picker"
        page="destination_picker"
        heading={t('destination.picker_heading')}
        focusHeading
      >
        {later ? (
          <later.DestinationPicker
            destinations={props.destinations}
            current={destination}
            onChoose={props.onChooseDestination}
            onDismiss={props.onDismissPicker}
          />
        ) : (
          <div class="spinner" aria-hidden="true" />
        )}
      </PageFrame>
    );
  return (
    <PageFrame
      key="form"
      page="account_entry"
      heading={t(`account_entry.heading_${destination}`)}
      focusHeading={props.focusHeading || pickerToggled.current}
    >
      <form
        ref={formRef}
        class="account-form"
        noValidate
        onSubmit={submit}
        aria-busy={props.busy ? 'true' : 'false'}
      >
        <FieldsReadOnly.Provider value={props.busy}>
          <p class="notice">{t('app.required_notice')}</p>
          {state.failure && later ? (
            <later.VerificationFailureNotice
              failure={state.failure}
              attempts={state.attempts}
              noticeRef={failureRef}
            />
          ) : null}
          {summaryCount > 0 ? (
            <p class="error-summary" role="alert">
              {t('account_entry.error_summary', { count: summaryCount })}
            </p>
          ) : null}
          {card || destination === 'ach' ? (
            <NameFields
              {...group}
              card={card}
              legend={t(card ? 'account_entry.name_legend_card' : 'account_entry.name_legend_ach')}
            />
          ) : null}
          {card ? (
            <fieldset class="field-group">
              <legend>{t('account_entry.card_legend')}</legend>
              <CardNumberField {...group} />
              <ExpiryField {...group} />
            </fieldset>
          ) : null}
          {destination === 'ach' ? (
            <fieldset class="field-group">
              <legend>{t('account_entry.bank_legend')}</legend>
              <RoutingNumberField {...group} />
              <AccountNumberField {...group} />
              <AccountTypeField {...group} />
            </fieldset>
          ) : null}
          {card || destination === 'ach' ? <AddressFields {...group} /> : null}
          {destination === 'paypal' ? <PayPalFields {...group} /> : null}
          {destination === 'billpay' ? (
            <BillerSearchField {...group} searchBillers={props.searchBillers} />
          ) : null}
        </FieldsReadOnly.Provider>
        <LeaveFlowButtons
          page="account_entry"
          canChangeMethod={canChange}
          onUseDifferentMethod={props.onRequestDifferentMethod}
          onCancel={props.onCancel}
        >
          <ActionButton action="submit" variant="primary" type="submit">
            {t('account_entry.submit')}
          </ActionButton>
        </LeaveFlowButtons>
      </form>
    </PageFrame>
  );
}

function focusField(form: HTMLFormElement | null, field: AccountField) {
  // A biller not chosen yet has no radio to focus before a search: the search box then.
  const target =
    form?.querySelector<HTMLElement>(`[name="${field}"]`) ??
    (field === 'biller_id' ? form?.querySelector<HTMLElement>('#biller_search') : null);
  target?.focus();
}

/**
 * The service's field errors, plus the fields a recipient verification found mismatched,
 * so each is marked and described on the field itself rather than only in the notice.
 */
function errorsFromResponse(
  serverFieldErrors: Record<string, string>,
  failure: VerificationFailure | null,
): FieldErrors {
  const errors: FieldErrors = { ...serverFieldErrors };
  for (const field of failure?.mismatchedFields ?? [])
    errors[field.replace(/^address\./, '') as AccountField] = 'fields.generic.recipient_mismatch';
  return errors;
}
