import type { FundingDestination, MaskedAccount } from '../../protocol';
import { MaskedAccountText, accountInstitution } from '../ui/MaskedAccountText';
import { MethodIcon } from '../ui/MethodIcon';
import { PageFrame } from '../ui/PageFrame';
import { useWidget } from '../ui/WidgetContext';

/**
 * The account is tokenized; TOKEN_SUCCESS has been emitted. A check mark, the account as it
 * will be paid, and the next step in the words of the mode: embedded, the merchant's page
 * takes over; in a webview the recipient goes back to the app (PRODUCT.md §5).
 */
export function SuccessPage({
  account,
  destination,
  focusHeading,
}: {
  account: MaskedAccount;
  destination?: FundingDestination;
  focusHeading?: boolean;
}) {
  const { t, mode } = useWidget();
  return (
    <PageFrame page="success" heading={t('success.heading')} focusHeading={focusHeading}>
      <svg class="success-mark" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <circle cx="24" cy="24" r="22" />
        <path d="M14 25l7 7 13-15" />
      </svg>
      <div class="success-account">
        {destination ? <MethodIcon destination={destination} /> : null}
        <span>
          {accountInstitution(account, t)} <MaskedAccountText account={account} />
        </span>
      </div>
      <p>{t('success.next_step')}</p>
      {mode === 'standalone' ? <p>{t('common.close_hint')}</p> : null}
    </PageFrame>
  );
}
