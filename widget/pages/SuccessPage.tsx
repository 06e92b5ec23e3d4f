import type { MaskedAccount } from '../../protocol';
import { MaskedAccountText, accountInstitution } from '../ui/MaskedAccountText';
import { PageFrame } from '../ui/PageFrame';
import { useWidget } from '../ui/WidgetContext';

/** The account is tokenized; TOKEN_SUCCESS has been emitted. */
export function SuccessPage({
  account,
  focusHeading,
}: {
  account: MaskedAccount;
  focusHeading?: boolean;
}) {
  const { t } = useWidget();
  return (
    <PageFrame page="success" heading={t('success.heading')} focusHeading={focusHeading}>
      <p class="success-mark" aria-hidden="true">
        ✓
      </p>
      <p>
        {accountInstitution(account, t)} <MaskedAccountText account={account} />
      </p>
      <p>{t('common.close_hint')}</p>
    </PageFrame>
  );
}
