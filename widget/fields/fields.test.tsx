import { cleanup, fireEvent, screen } from '@testing-library/preact';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInWidget } from '../testing/renderInWidget';
import { AccountNumberField } from './AccountNumberField';
import { AccountTypeField } from './AccountTypeField';
import { AddressFields } from './AddressFields';
import { BillerSearchField } from './BillerSearchField';
import { CardNumberField } from './CardNumberField';
import { ExpiryField } from './ExpiryField';
import { NameFields } from './NameFields';
import { PayPalFields } from './PayPalFields';
import { RoutingNumberField } from './RoutingNumberField';
import { EMPTY_FORM, type AccountField, type FieldErrors, type FieldGroupProps } from './types';

afterEach(cleanup);

/** Renders a field group with real form state, so typing updates what is shown. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each group adds its own props via `extra`
type AnyGroup = (props: any) => JSX.Element;

function Harness({
  Group,
  errors = {},
  extra = {},
}: {
  Group: AnyGroup;
  errors?: FieldErrors;
  extra?: Record<string, unknown>;
}) {
  const [values, setValues] = useState(EMPTY_FORM);
  const onChange = (field: AccountField, value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const props: FieldGroupProps = { values, errors, onChange, onBlur: () => {} };
  return <Group {...props} {...extra} />;
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(input(label), { target: { value } });

describe('CardNumberField', () => {
  it('spaces the number as typed and shows the brand', async () => {
    await renderInWidget(<Harness Group={CardNumberField} />);
    type('Card number', '4000056655665556');
    expect(input('Card number').value).toBe('4000 0566 5566 5556');
    expect(screen.getByText('Card brand: Visa')).toBeTruthy();
  });
  it('accepts Arabic-Indic digits and keeps ASCII', async () => {
    await renderInWidget(<Harness Group={CardNumberField} />);
    type('Card number', '٥٢٠٠٨٢٨٢');
    expect(input('Card number').value).toBe('5200 8282');
    expect(screen.getByText('Card brand: Mastercard')).toBeTruthy();
  });
  it('keeps the caret after the digit typed in the middle when the spaces move', async () => {
    await renderInWidget(<Harness Group={CardNumberField} />);
    const field = input('Card number');
    type('Card number', '400005665566555');
    expect(field.value).toBe('4000 0566 5566 555');
    field.focus();
    // Caret after "4000 05", then a 9 typed: the browser puts it after the 9.
    field.value = '4000 059566 5566 555';
    field.setSelectionRange(8, 8);
    fireEvent.input(field);
    await Promise.resolve();
    expect(field.value).toBe('4000 0595 6655 6655 5');
    expect([field.selectionStart, field.selectionEnd]).toEqual([8, 8]);
    // Backspace on the digit before a space pulls the next digits left; the caret stays.
    field.value = '4000 059 6655 6655 5';
    field.setSelectionRange(8, 8);
    fireEvent.input(field);
    await Promise.resolve();
    expect(field.value).toBe('4000 0596 6556 6555');
    expect(field.selectionStart).toBe(8);
  });
  it('is a numeric, left-to-right cc-number input', async () => {
    await renderInWidget(<Harness Group={CardNumberField} />);
    const field = input('Card number');
    expect(field.getAttribute('autocomplete')).toBe('cc-number');
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect(field.getAttribute('dir')).toBe('ltr');
  });
  it('ties its error with aria-describedby and aria-invalid', async () => {
    await renderInWidget(
      <Harness Group={CardNumberField} errors={{ card_number: 'fields.card_number.invalid' }} />,
    );
    const field = input('Card number');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = field
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(described).toContain('This card number is not valid');
    expect(described.replace(/[\u2068\u2069]/g, '')).toContain(
      'Accepted cards: Visa, Mastercard, American Express, and Discover',
    );
  });

  it('moves focus on to the expiry once a complete, valid number is typed at its end', async () => {
    await renderInWidget(
      <>
        <Harness Group={CardNumberField} />
        <Harness Group={ExpiryField} />
      </>,
    );
    const field = input('Card number');
    field.focus();
    type('Card number', '400005665566555');
    expect(document.activeElement).toBe(field);
    type('Card number', '4000056655665556');
    expect(document.activeElement).toBe(input('Expiration date (MM/YY)'));
  });
});

describe('ExpiryField', () => {
  it('inserts the slash and uses cc-exp', async () => {
    await renderInWidget(<Harness Group={ExpiryField} />);
    type('Expiration date (MM/YY)', '1229');
    expect(input('Expiration date (MM/YY)').value).toBe('12 / 29');
    expect(input('Expiration date (MM/YY)').getAttribute('autocomplete')).toBe('cc-exp');
  });
});

describe('NameFields', () => {
  it('uses cardholder autocomplete tokens for cards and personal ones for ACH', async () => {
    const { unmount } = await renderInWidget(
      <Harness Group={NameFields} extra={{ card: true, legend: 'Name' }} />,
    );
    expect(input('First name').getAttribute('autocomplete')).toBe('cc-given-name');
    expect(input('Last name').getAttribute('autocomplete')).toBe('cc-family-name');
    unmount();
    await renderInWidget(<Harness Group={NameFields} extra={{ card: false, legend: 'Name' }} />);
    expect(input('First name').getAttribute('autocomplete')).toBe('given-name');
  });
});

describe('RoutingNumberField', () => {
  it('shows the bank name only once the checksum passes', async () => {
    await renderInWidget(<Harness Group={RoutingNumberField} />);
    type('Routing number', '۰۱۱۰۰۰۰۱۵');
    expect(input('Routing number').value).toBe('011000015');
    // The directory is a chunk of its own, fetched at the first digit.
    expect(await screen.findByText('Bank: Federal Reserve Bank of Boston')).toBeTruthy();
    type('Routing number', '011000016');
    expect(screen.queryByText(/^Bank:/)).toBeNull();
  });
});

describe('AccountNumberField', () => {
  it('has two labelled numeric inputs', async () => {
    await renderInWidget(<Harness Group={AccountNumberField} />);
    type('Account number', '000123456789');
    type('Confirm account number', '000123456789');
    expect(input('Account number').value).toBe('000123456789');
    expect(input('Confirm account number').getAttribute('inputmode')).toBe('numeric');
  });
});

describe('AccountTypeField', () => {
  it('offers Checking and Savings as radios in a labelled group', async () => {
    await renderInWidget(<Harness Group={AccountTypeField} />);
    expect(screen.getByRole('group', { name: 'Account type' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Savings'));
    expect((screen.getByLabelText('Savings') as HTMLInputElement).checked).toBe(true);
  });
});

describe('AddressFields', () => {
  it('lists US states, DC and territories and uses billing autocomplete tokens', async () => {
    await renderInWidget(<Harness Group={AddressFields} />);
    const state = screen.getByLabelText('State') as HTMLSelectElement;
    const codes = Array.from(state.options, (option) => option.value);
    expect(codes).toEqual(expect.arrayContaining(['CA', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP']));
    expect(codes).toHaveLength(57 + 1);
    expect(input('Address line 1').getAttribute('autocomplete')).toBe('billing address-line1');
    expect(input('ZIP code').getAttribute('autocomplete')).toBe('billing postal-code');
    expect(screen.getByLabelText('Address line 2 (optional)')).toBeTruthy();
  });

  it('formats ZIP+4 typed as nine digits on a keypad without a hyphen, and drops stray characters', async () => {
    await renderInWidget(<Harness Group={AddressFields} />);
    type('ZIP code', '123456789');
    expect(input('ZIP code').value).toBe('12345-6789');
    type('ZIP code', '02110');
    type('ZIP code', '02110a');
    expect(input('ZIP code').value).toBe('02110');
  });
});

describe('PayPalFields', () => {
  it('offers email or mobile number under one legend saying one is required, neither marked optional', async () => {
    await renderInWidget(<Harness Group={PayPalFields} />);
    expect(
      screen.getByRole('group', { name: 'Email or mobile number (one is required)' }),
    ).toBeTruthy();
    expect(input('PayPal email address').getAttribute('type')).toBe('email');
    expect(input('PayPal email address').getAttribute('dir')).toBe('auto');
    expect(input('PayPal mobile number').getAttribute('type')).toBe('tel');
    expect(screen.queryByText('(optional)')).toBeNull();
  });
});

describe('BillerSearchField', () => {
  it('searches after two letters and lets the recipient pick a biller', async () => {
    vi.useFakeTimers();
    try {
      const searchBillers = vi.fn(async () => [
        { id: 'verizon_wireless', name: 'Verizon Wireless' },
      ]);
      await renderInWidget(<Harness Group={BillerSearchField} extra={{ searchBillers }} />);
      type('Search for your biller', 've');
      await vi.advanceTimersByTimeAsync(300);
      expect(searchBillers).toHaveBeenCalledWith('ve', expect.any(AbortSignal));
      vi.useRealTimers();
      fireEvent.click(await screen.findByLabelText('Verizon Wireless'));
      expect(screen.getByText('Selected biller: Verizon Wireless')).toBeTruthy();
      expect(screen.getByText('1 biller found.')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
