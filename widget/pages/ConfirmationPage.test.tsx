import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageLoads, renderInWidget } from '../testing/renderInWidget';
import { ActionContext } from '../ui/ActionContext';
import { ConfirmationPage } from './ConfirmationPage';

afterEach(cleanup);

function props(overrides = {}) {
  return {
    destination: 'debit' as const,
    account: { last4: '5556', display: '•••• 5556', brand: 'visa' as const },
    canChangeMethod: true,
    onConfirm: vi.fn(),
    onCancel: vi.fn(),
    onUseDifferentMethod: vi.fn(),
    ...overrides,
  };
}

describe('ConfirmationPage', () => {
  it('shows the masked card with its brand, isolated left-to-right, and emits PAGE_LOAD confirmation', async () => {
    const { emitted, container } = await renderInWidget(<ConfirmationPage {...props()} />);
    expect(screen.getByRole('heading', { name: 'Confirm your payout details' })).toBeTruthy();
    expect(container.textContent).toContain('Visa');
    expect(container.querySelector('bdi[dir="ltr"]')?.textContent).toBe('•••• 5556');
    expect(container.textContent).toContain('Debit card');
    expect(pageLoads(emitted)).toEqual(['confirmation']);
  });

  it('shows the bank name and account type for ACH', async () => {
    const account = {
      last4: '6789',
      display: '•••• 6789',
      bank_name: 'Federal Reserve Bank of Boston',
      account_type: 'checking' as const,
    };
    const { container } = await renderInWidget(
      <ConfirmationPage {...props({ destination: 'ach', account })} />,
    );
    expect(container.textContent).toContain('Federal Reserve Bank of Boston');
    expect(container.textContent).toContain('Checking');
  });

  it('shows a PayPal email masked, with no "ending in" label it could not fill', async () => {
    const account = { display: 'j•••@example.com' };
    const { container } = await renderInWidget(
      <ConfirmationPage {...props({ destination: 'paypal', account })} />,
    );
    expect(container.querySelector('bdi[dir="ltr"]')?.textContent).toBe('j•••@example.com');
    expect(container.textContent).not.toMatch(/ending in/i);
    expect(container.textContent).not.toContain('Card');
  });

  it('wires Confirm and Use a different method; Cancel asks first and only Leave cancels', async () => {
    const handlers = props();
    await renderInWidget(<ConfirmationPage {...handlers} />);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    fireEvent.click(screen.getByRole('button', { name: 'Use a different method' }));
    expect(handlers.onConfirm).toHaveBeenCalledTimes(1);
    expect(handlers.onUseDifferentMethod).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(handlers.onCancel).not.toHaveBeenCalled();
    // The step is in the chunk that downloads after READY: found once it has arrived.
    expect(
      await screen.findByRole('group', { name: 'Leave without adding an account?' }),
    ).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep going' })),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Keep going' }));
    expect(screen.queryByRole('group', { name: 'Leave without adding an account?' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    expect(handlers.onCancel).toHaveBeenCalledTimes(1);
  });

  it('hides "use a different method" when only one destination is enabled, and disables buttons while a call is in flight', async () => {
    await renderInWidget(
      <ActionContext.Provider value={{ pending: 'confirm', failure: null, retry: () => {} }}>
        <ConfirmationPage {...props({ canChangeMethod: false })} />
      </ActionContext.Provider>,
    );
    expect(screen.queryByRole('button', { name: 'Use a different method' })).toBeNull();
    const pressed = screen.getByRole('button', { name: 'Saving your payout details…' });
    expect((pressed as HTMLButtonElement).disabled).toBe(true);
    expect(pressed.querySelector('.button-spinner')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});
