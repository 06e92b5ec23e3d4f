import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageLoads, renderInWidget } from '../testing/renderInWidget';
import { TerminalFailurePage } from './TerminalFailurePage';

afterEach(cleanup);

describe('TerminalFailurePage', () => {
  it('explains the failed feature and calls onContinue from the Continue button', async () => {
    const onContinue = vi.fn();
    const { emitted } = await renderInWidget(
      <TerminalFailurePage
        feature="recipient_verification"
        acknowledged={false}
        onContinue={onContinue}
      />,
    );
    expect(screen.getByText(/did not match our records/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onContinue).toHaveBeenCalledTimes(1);
    expect(pageLoads(emitted)).toEqual(['terminal_failure']);
  });
  it('disables Continue once acknowledged so the host is not asked twice', async () => {
    await renderInWidget(
      <TerminalFailurePage feature="account_verification" acknowledged onContinue={() => {}} />,
    );
    expect((screen.getByRole('button', { name: 'Continue' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});
