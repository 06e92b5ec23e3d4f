import type { MaskedAccount } from '../../protocol';
import { useWidget } from './WidgetContext';

/**
 * A masked account read the same in every direction: the digits are isolated left-to-right
 * (`<bdi dir="ltr">`) so `•••• 5556` never flips inside Arabic or Persian text.
 */
export function MaskedAccountText({ account }: { account: MaskedAccount }) {
  const { t } = useWidget();
  return (
    <span class="masked-account">
      <span class="visually-hidden">{t('account.masked_label', { last4: account.last4 })}</span>
      <bdi dir="ltr" aria-hidden="true">
        {account.display}
      </bdi>
    </span>
  );
}

/** The brand (cards) or bank name (ACH) of a masked account, translated where generic. */
export function accountInstitution(account: MaskedAccount, t: (key: string) => string): string {
  if (account.bank_name) return account.bank_name;
  return t(`brand.${account.brand ?? 'unknown'}`);
}
