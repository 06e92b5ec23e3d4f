import { cleanup, fireEvent } from '@testing-library/preact';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInWidget } from '../testing/renderInWidget';
import { AccountNumberField } from './AccountNumberField';
import { AddressFields } from './AddressFields';
import { BillerSearchField } from './BillerSearchField';
import { CardNumberField } from './CardNumberField';
import { ExpiryField } from './ExpiryField';
import { PayPalFields } from './PayPalFields';
import { RoutingNumberField } from './RoutingNumberField';
import { EMPTY_FORM, type AccountField, type FieldGroupProps } from './types';

afterEach(cleanup);

/**
 * ar-SA and fa-IR keyboards type Arabic-Indic (٠١٢…) and Persian (۰۱۲…) digits. The service
 * takes ASCII digits only, so every numeric field folds them as they are typed (PRODUCT.md
 * §6): one case per field and locale, with what the field shows afterwards.
 */

function Harness({ Group }: { Group: (props: FieldGroupProps) => JSX.Element }) {
  const [values, setValues] = useState(EMPTY_FORM);
  const onChange = (field: AccountField, value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  return (
    <Group
      values={values}
      errors={{}}
      onChange={onChange}
      onBlur={() => {}}
      // BillerSearchField only: no search runs in these cases.
      {...{ searchBillers: async () => [] }}
    />
  );
}

const NUMERIC_FIELDS: {
  id: AccountField;
  Group: (props: FieldGroupProps) => JSX.Element;
  typed: string;
  shown: string;
}[] = [
  {
    id: 'card_number',
    Group: CardNumberField,
    typed: '4000056655665556',
    shown: '4000 0566 5566 5556',
  },
  { id: 'expiration', Group: ExpiryField, typed: '1230', shown: '12 / 30' },
  { id: 'zip_code', Group: AddressFields, typed: '123456789', shown: '12345-6789' },
  { id: 'routing_number', Group: RoutingNumberField, typed: '011000015', shown: '011000015' },
  { id: 'account_number', Group: AccountNumberField, typed: '000123456789', shown: '000123456789' },
  {
    id: 'account_number_confirm',
    Group: AccountNumberField,
    typed: '000123456789',
    shown: '000123456789',
  },
  { id: 'paypal_phone', Group: PayPalFields, typed: '4155550123', shown: '4155550123' },
  {
    id: 'biller_account_number',
    Group: BillerSearchField as unknown as (props: FieldGroupProps) => JSX.Element,
    typed: '12345678901',
    shown: '12345678901',
  },
];

const SCRIPTS = [
  { locale: 'ar-SA', zero: 0x0660, name: 'Arabic-Indic' },
  { locale: 'fa-IR', zero: 0x06f0, name: 'Persian' },
] as const;

function inDigitsOf(zero: number, digits: string): string {
  return digits.replace(/\d/g, (digit) => String.fromCharCode(zero + Number(digit)));
}

describe('numeric fields fold native digits to ASCII', () => {
  for (const { locale, zero, name } of SCRIPTS) {
    it.each(NUMERIC_FIELDS)(
      `${locale}: $id takes ${name} digits`,
      async ({ id, Group, typed, shown }) => {
        await renderInWidget(<Harness Group={Group} />, locale);
        const field = document.getElementById(id) as HTMLInputElement;
        fireEvent.input(field, { target: { value: inDigitsOf(zero, typed) } });
        expect(field.value).toBe(shown);
      },
    );
  }
});
