import type { MaskedAccount } from '../../protocol';
import { useWidget } from './WidgetContext';

/**
 * A masked account read the same in every direction: the digits are isolated left-to-right
 * (`<bdi dir="ltr">`) so `•••• 5556` never flips inside Arabic or Persian text.
 */
export function MaskedAccountText({ account }: { account: MaskedAccount }) {
  const { t } = useWidget();
  // A PayPal email (`j•••@example.com`) has no last four digits to announce; its display is
  // already the most a screen reader can say without revealing the address.
  if (!account.last4)
    return (
      <bdi class="masked-account" dir="ltr">
        {account.display}
      </bdi>
    );
  return (
    <span class="masked-account">
      <span class="visually-hidden">{t('account.masked_label', { last4: account.last4 })}</span>
      <bdi dir="ltr" aria-hidden="true">
        {account.display}
      </bdi>
    </span>
  );
}

/**
 * The brand (cards), bank name (ACH) or biller name (BillPay) of a masked account, translated
 * where generic; empty for PayPal, whose masked email or phone speaks for itself.
 */
export function accountInstitution(account: MaskedAccount, t: (key: string) => string): string {
  if (account.bank_name) return account.bank_name;
  return account.brand ? t(`brand.${account.brand}`) : '';
}
