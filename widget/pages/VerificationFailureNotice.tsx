import type { RefObject } from 'preact';
import type { Attempts } from '../../protocol';
import type { VerificationFailure } from '../flow/state';
import { useWidget } from '../ui/WidgetContext';

/** i18n key of the message for a failed attempt, by feature and sandbox code. */
export function failureMessageKey(failure: VerificationFailure): string {
  if (failure.feature === 'recipient_verification')
    return 'account_entry.verification.recipient_mismatch';
  if (failure.code === '700') return 'account_entry.verification.account_not_available';
  if (failure.code === '777') return 'account_entry.verification.name_address_not_verified';
  return 'account_entry.verification.generic';
}

/** The last failed attempt, the fields to check, and how many attempts remain. */
export function VerificationFailureNotice({
  failure,
  attempts,
  noticeRef,
}: {
  failure: VerificationFailure;
  attempts: Attempts;
  /** Focused after each failed attempt, so the result is where the keyboard is. */
  noticeRef?: RefObject<HTMLDivElement>;
}) {
  const { t } = useWidget();
  const featureRemaining =
    failure.feature === 'recipient_verification'
      ? attempts.recipient_verification_remaining
      : attempts.account_verification_remaining;
  const remaining = Math.max(0, Math.min(featureRemaining, attempts.session_remaining));
  const labels = failure.mismatchedFields.map((field) =>
    t(`fields.${field.replace(/^address\./, '')}.label`),
  );
  return (
    <div class="failure-notice" role="alert" tabIndex={-1} ref={noticeRef}>
      <p>
        <span class="field-error-icon" aria-hidden="true">
          !
        </span>
        {t(failureMessageKey(failure))}
      </p>
      {labels.length > 0 ? (
        <p>
          {t('account_entry.verification.mismatched_fields', {
            fields: labels,
          })}
        </p>
      ) : null}
      <p>{t('account_entry.attempts_remaining', { count: remaining })}</p>
    </div>
  );
}
