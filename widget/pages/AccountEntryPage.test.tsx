import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FlowState } from '../flow/state';
import { pageLoads, renderInWidget } from '../testing/renderInWidget';
import { AccountEntryPage, type AccountEntryPageProps } from './AccountEntryPage';
import { preloadLaterPages } from './laterPagesLoader';

afterEach(cleanup);
// The failure notice and the method picker are in the chunk the App downloads right after
// READY, before this page can show either.
beforeAll(() => preloadLaterPages());
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 23));
});

const attempts = {
  recipient_verification_remaining: 3,
  account_verification_remaining: 3,
  session_remaining: 5,
};

function entry(
  destination: 'debit' | 'credit' | 'ach',
  extra: Partial<Extract<FlowState, { page: 'account_entry' }>> = {},
) {
  return {
    page: 'account_entry' as const,
    destination,
    choosingDestination: false,
    failure: null,
    serverFieldErrors: {},
    attempts,
    ...extra,
  };
}

async function renderEntry(
  props: Partial<AccountEntryPageProps> & { state: AccountEntryPageProps['state'] },
) {
  const onSubmit = vi.fn();
  const harness = await renderInWidget(
    <AccountEntryPage
      destinations={['debit', 'credit', 'ach']}
      busy={false}
      onSubmit={onSubmit}
      onRequestDifferentMethod={() => {}}
      onChooseDestination={() => {}}
      onDismissPicker={() => {}}
      onCancel={() => {}}
      searchBillers={async () => []}
      {...props}
    />,
  );
  return { ...harness, onSubmit };
}

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

function fillAddress() {
  type('Address line 1', '1 Main St');
  type('City', 'Boston');
  fireEvent.change(screen.getByLabelText('State'), { target: { value: 'MA' } });
  type('ZIP code', '02110');
}

function fillCard(number: string) {
  type('First name', 'Ada');
  type('Last name', 'Lovelace');
  type('Card number', number);
  type('Expiration date (MM/YY)', '1229');
  fillAddress();
}

describe('AccountEntryPage (debit)', () => {
  it('keeps the error summary in step with the fields and removes it once none is wrong', async () => {
    await renderEntry({ state: entry('debit') });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('alert').textContent).toContain('There are 8 problems');
    type('First name', 'Ada');
    expect(screen.getByRole('alert').textContent).toContain('There are 7 problems');
    fillCard('4000056655665556');
    expect(document.querySelector('.error-summary')).toBeNull();
  });

  it('makes the inputs read-only (and selects disabled) while the answer is awaited', async () => {
    await renderEntry({ state: entry('debit'), busy: true });
    expect((screen.getByLabelText('Card number') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText('First name') as HTMLInputElement).dir).toBe('auto');
    expect((screen.getByLabelText('State') as HTMLSelectElement).disabled).toBe(true);
  });

  it('opens the method picker as its own page (PAGE_LOAD destination_picker) with a way back', async () => {
    const onDismissPicker = vi.fn();
    const { emitted } = await renderEntry({
      state: entry('debit', { choosingDestination: true }),
      onDismissPicker,
    });
    expect(pageLoads(emitted)).toEqual(['destination_picker']);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onDismissPicker).toHaveBeenCalledTimes(1);
  });

  it('shows every card field by its visible label and emits PAGE_LOAD account_entry', async () => {
    const { emitted } = await renderEntry({ state: entry('debit') });
    expect(screen.getByRole('heading', { name: 'Add your debit card' })).toBeTruthy();
    for (const label of [
      'First name',
      'Last name',
      'Card number',
      'Expiration date (MM/YY)',
      'Address line 1',
      'Address line 2 (optional)',
      'City',
      'State',
      'ZIP code',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(pageLoads(emitted)).toEqual(['account_entry']);
  });

  it('renders once as it appears: its first effects leave its state as it is', async () => {
    const previous = options.diffed;
    let renders = 0;
    options.diffed = (vnode: VNode) => {
      if (vnode.type === AccountEntryPage) renders += 1;
      previous?.(vnode);
    };
    try {
      // testing-library's render runs the effects, and any render they cause, before it returns.
      const { emitted } = await renderEntry({ state: entry('debit') });
      expect(pageLoads(emitted)).toEqual(['account_entry']);
    } finally {
      options.diffed = previous;
    }
    expect(renders).toBe(1);
  });

  it('sends digits only, with month and four-digit year, when everything is valid', async () => {
    const { onSubmit } = await renderEntry({ state: entry('debit') });
    fillCard('4000 0566 5566 5556');
    fireEvent.submit(screen.getByRole('button', { name: 'Continue' }).closest('form')!);
    await vi.waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        funding_destination: 'debit',
        first_name: 'Ada',
        last_name: 'Lovelace',
        card_number: '4000056655665556',
        expiration_month: 12,
        expiration_year: 2029,
        address: { address_line1: '1 Main St', city: 'Boston', state: 'MA', zip_code: '02110' },
      }),
    );
  });

  it('shows the Luhn error inline, tied by aria-describedby, and sends nothing', async () => {
    const { onSubmit } = await renderEntry({ state: entry('debit') });
    fillCard('4000 0566 5566 5557');
    fireEvent.submit(screen.getByRole('button', { name: 'Continue' }).closest('form')!);
    expect(onSubmit).not.toHaveBeenCalled();
    const input = screen.getByLabelText('Card number');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(
      input.getAttribute('aria-describedby')!.split(' ').pop()!,
    );
    expect(error?.textContent).toContain('This card number is not valid');
    expect(screen.getByRole('alert').textContent).toContain('There is 1 problem');
    expect(document.activeElement).toBe(input);
  });

  it('lists every empty required field at once', async () => {
    const { onSubmit } = await renderEntry({ state: entry('debit') });
    fireEvent.submit(screen.getByRole('button', { name: 'Continue' }).closest('form')!);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('There are 8 problems');
    expect(screen.getByText('Enter your first name.')).toBeTruthy();
    expect(screen.getByText('Select your state.')).toBeTruthy();
  });

  it('shows a service field error (a credit card on debit) next to the card number', async () => {
    await renderEntry({
      state: entry('debit', {
        serverFieldErrors: { card_number: 'fields.card_number.not_debit_card' },
      }),
    });
    expect(screen.getByText('This is a credit card. Enter a debit card instead.')).toBeTruthy();
  });

  it("puts focus on the field the service flagged, and drops the service's error once it is edited", async () => {
    await renderEntry({
      state: entry('debit', {
        serverFieldErrors: { card_number: 'fields.card_number.not_debit_card' },
      }),
    });
    const cardNumber = screen.getByLabelText('Card number');
    expect(document.activeElement).toBe(cardNumber);
    expect(cardNumber.getAttribute('aria-invalid')).toBe('true');
    type('Card number', '4000056655665556');
    expect(screen.queryByText('This is a credit card. Enter a debit card instead.')).toBeNull();
    expect(cardNumber.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('after a failed attempt, says what to check and how many attempts are left', async () => {
    await renderEntry({
      state: entry('debit', {
        failure: {
          feature: 'recipient_verification',
          code: '1105',
          mismatchedFields: ['last_name', 'address.zip_code'],
        },
        attempts: { ...attempts, recipient_verification_remaining: 1 },
      }),
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('does not match our records');
    expect(alert.textContent).toContain('Last name and ZIP code');
    expect(alert.textContent).toContain('You have 1 attempt left.');
    expect(document.activeElement).toBe(alert);
    expect(screen.getByLabelText('Last name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('ZIP code').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('First name').getAttribute('aria-invalid')).not.toBe('true');
  });
});

describe('AccountEntryPage (ach)', () => {
  function fillAch(account: string, confirm: string) {
    type('First name', 'Ada');
    type('Last name', 'Lovelace');
    type('Routing number', '011000015');
    type('Account number', account);
    type('Confirm account number', confirm);
    fireEvent.click(screen.getByLabelText('Checking'));
    fillAddress();
  }

  it('shows the bank name once the routing number passes its checksum', async () => {
    await renderEntry({ state: entry('ach') });
    type('Routing number', '011000015');
    expect(await screen.findByText('Bank: Federal Reserve Bank of Boston')).toBeTruthy();
  });

  it('refuses account numbers that do not match, sending nothing', async () => {
    const { onSubmit } = await renderEntry({ state: entry('ach') });
    fillAch('000123456789', '000123456780');
    fireEvent.submit(screen.getByRole('button', { name: 'Continue' }).closest('form')!);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('The account numbers do not match.')).toBeTruthy();
  });

  it('sends the ACH account with its type when valid', async () => {
    const { onSubmit } = await renderEntry({ state: entry('ach') });
    fillAch('000123456789', '000123456789');
    fireEvent.submit(screen.getByRole('button', { name: 'Continue' }).closest('form')!);
    await vi.waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith(
        expect.objectContaining({
          funding_destination: 'ach',
          routing_number: '011000015',
          account_number: '000123456789',
          account_type: 'checking',
        }),
      ),
    );
  });
});

describe('AccountEntryPage (picker)', () => {
  it('offers the enabled destinations and reports the chosen one', async () => {
    const onChooseDestination = vi.fn();
    await renderEntry({
      state: entry('debit', { choosingDestination: true }),
      onChooseDestination,
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'How would you like to get paid?',
    );
    fireEvent.click(screen.getByLabelText('Bank account'));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onChooseDestination).toHaveBeenCalledWith('ach');
  });
});
