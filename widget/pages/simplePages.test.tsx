import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_ERROR_CODES } from '../../protocol';
import { pageLoads, renderInWidget } from '../testing/renderInWidget';
import { CanceledPage } from './CanceledPage';
import { LoadingPage } from './LoadingPage';
import { MaxAttemptsExceededPage } from './MaxAttemptsExceededPage';
import { SessionErrorPage } from './SessionErrorPage';
import { SuccessPage } from './SuccessPage';
import { TerminalFailurePage } from './TerminalFailurePage';

afterEach(cleanup);

describe('LoadingPage', () => {
  it('shows a heading and emits PAGE_LOAD loading', async () => {
    const { emitted } = await renderInWidget(<LoadingPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Loading' })).toBeTruthy();
    expect(pageLoads(emitted)).toEqual(['loading']);
  });
});

describe('SessionErrorPage', () => {
  it.each(SESSION_ERROR_CODES)(
    'explains %s in words and emits PAGE_LOAD session_error',
    async (code) => {
      const { emitted, i18n } = await renderInWidget(<SessionErrorPage error={code} />);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
        i18n.t(`session_error.${code}.heading`),
      );
      expect(screen.getByText(i18n.t(`session_error.${code}.body`))).toBeTruthy();
      expect(pageLoads(emitted)).toEqual(['session_error']);
    },
  );
});

describe('SuccessPage', () => {
  it('shows the masked account isolated left-to-right with its brand', async () => {
    const { emitted, container } = await renderInWidget(
      <SuccessPage account={{ last4: '5556', display: '•••• 5556', brand: 'visa' }} />,
    );
    expect(screen.getByRole('heading', { name: 'Your account has been added' })).toBeTruthy();
    const bdi = container.querySelector('bdi');
    expect(bdi?.getAttribute('dir')).toBe('ltr');
    expect(bdi?.textContent).toBe('•••• 5556');
    expect(container.textContent).toContain('Visa');
    expect(screen.getByText('Account ending in 5556')).toBeTruthy();
    expect(pageLoads(emitted)).toEqual(['success']);
  });
});

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
    expect(screen.getByText(/did not match our records too many times/)).toBeTruthy();
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

describe('MaxAttemptsExceededPage', () => {
  it('says the request ended and emits PAGE_LOAD max_attempts_exceeded', async () => {
    const { emitted } = await renderInWidget(<MaxAttemptsExceededPage />);
    expect(screen.getByRole('heading', { name: 'Too many attempts' })).toBeTruthy();
    expect(pageLoads(emitted)).toEqual(['max_attempts_exceeded']);
  });
});

describe('CanceledPage', () => {
  it('says nothing was added and emits PAGE_LOAD canceled', async () => {
    const { emitted } = await renderInWidget(<CanceledPage />);
    expect(screen.getByRole('heading', { name: 'You canceled' })).toBeTruthy();
    expect(pageLoads(emitted)).toEqual(['canceled']);
  });
});

describe('page heading focus', () => {
  it('moves focus to the heading when asked (page changes after the first)', async () => {
    await renderInWidget(<CanceledPage focusHeading />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'You canceled' }));
  });
  it('leaves focus alone on the first page so the merchant page keeps the keyboard', async () => {
    await renderInWidget(<CanceledPage />);
    expect(document.activeElement).not.toBe(screen.getByRole('heading', { name: 'You canceled' }));
  });
});
