import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { render as renderWithPreact, type VNode } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENTS, type WidgetEvent } from '../protocol';
import { App } from './App';
import { WidgetApiClient } from './api';
import { createWidgetI18n } from './i18n';
import { preloadFlowPages } from './pages/flowPagesLoader';
import { defaultHost, fakeBridge, fakeFetch, fakeSession } from './testing/fakes';

afterEach(cleanup);

const URL_PARTS = { sessionIdentifier: 'ses_test', t: '1790000000000', h: 'sig' };
const account = { last4: '5556', display: '•••• 5556', brand: 'visa' } as const;
const attempts = {
  recipient_verification_remaining: 3,
  account_verification_remaining: 3,
  session_remaining: 5,
};

async function mount(
  routes: Parameters<typeof fakeFetch>[0],
  options: {
    host?: ReturnType<typeof defaultHost> | null;
    onContentChanged?: () => void;
    documentLocale?: string;
    /** testing-library's by default, which runs a render's effects at once. */
    renderer?: (ui: VNode) => unknown;
  } = {},
) {
  const { bridge, events } = fakeBridge(options.host === undefined ? defaultHost() : options.host);
  const { fetchImpl, calls } = fakeFetch({
    'POST /exchange': { body: { access_token: 'tok_secret', session: fakeSession() } },
    ...routes,
  });
  const navigate = vi.fn();
  const i18n = await createWidgetI18n();
  (options.renderer ?? render)(
    <App
      api={new WidgetApiClient(fetchImpl)}
      bridge={bridge}
      i18n={i18n}
      authorizedUrl={URL_PARTS}
      fallbackTracerToken="trc_fallback"
      navigate={navigate}
      onContentChanged={options.onContentChanged}
      documentLocale={options.documentLocale}
    />,
  );
  return { events, calls, navigate };
}

const names = (events: WidgetEvent[]) => events.map((event) => event.event_name);
const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

function fillDebit(number = '4000056655665556') {
  type('First name', 'Ada');
  type('Last name', 'Lovelace');
  type('Card number', number);
  type('Expiration date (MM/YY)', '12/39');
  type('Address line 1', '1 Main St');
  type('City', 'Boston');
  fireEvent.change(screen.getByLabelText('State'), { target: { value: 'MA' } });
  type('ZIP code', '02110');
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
}

describe('App', () => {
  it('exchanges once, then emits READY with the host destination and shows the form', async () => {
    const { events, calls } = await mount({});
    await screen.findByRole('heading', { name: 'Add your debit card' });
    expect(calls.filter((call) => call.path === '/exchange')).toHaveLength(1);
    expect(calls[0]?.body).toEqual({
      session_identifier: 'ses_test',
      t: '1790000000000',
      h: 'sig',
    });
    const ready = events.find((event) => event.event_name === EVENTS.READY);
    expect(ready).toEqual({
      event_name: EVENTS.READY,
      session_identifier: 'ses_test',
      tracer_token: 'trc_test',
      funding_destination: 'debit',
      language_locale_code: 'en-US',
    });
    await waitFor(
      () => expect(names(events)).toEqual([EVENTS.PAGE_LOAD, EVENTS.READY, EVENTS.PAGE_LOAD]),
      // The first test of the file also loads the flow chunk: slow on a busy machine.
      { timeout: 5_000 },
    );
    expect(events.map((event) => ('page' in event ? event.page : null))).toEqual([
      'loading',
      null,
      'account_entry',
    ]);
  });

  it('sends no PAGE_LOAD for the loading page when the form replaces it before it is shown', async () => {
    // Every input READY needs is in before the first render, as on a mount whose files and
    // exchange arrived together: the form chunk loaded, the host connected, the exchange answered.
    await preloadFlowPages();
    const root = document.body.appendChild(document.createElement('div'));
    // Preact's own render: testing-library's runs a render's effects at once, as if the loading
    // page had been painted.
    const { events } = await mount({}, { renderer: (ui) => renderWithPreact(ui, root) });
    try {
      await waitFor(() =>
        expect(events.map((event) => ('page' in event ? event.page : event.event_name))).toEqual([
          EVENTS.READY,
          'account_entry',
        ]),
      );
    } finally {
      renderWithPreact(null, root);
      root.remove();
    }
  });

  it('walks debit to TOKEN_SUCCESS with the bearer token on every call after the exchange', async () => {
    const { events, calls } = await mount({
      'POST /account': { body: { result: 'verified', account, attempts } },
      'POST /confirm': {
        body: {
          customer_account_token: 'cat_0123456789abcdefXYZ',
          funding_destination: 'debit',
          account,
        },
      },
    });
    await screen.findByLabelText('Card number');
    fillDebit();
    await screen.findByRole('heading', { name: 'Confirm your payout details' });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('heading', { name: 'Your payout method has been added' });
    const success = events.find((event) => event.event_name === EVENTS.TOKEN_SUCCESS);
    expect(success).toMatchObject({
      customer_account_token: 'cat_0123456789abcdefXYZ',
      funding_destination: 'debit',
      account,
    });
    for (const call of calls.slice(1)) expect(call.headers.authorization).toBe('Bearer tok_secret');
    expect(JSON.stringify(events)).not.toContain('4000056655665556');
    expect(JSON.stringify(events)).not.toContain('tok_secret');
  });

  it('shows a session error and emits SESSION_ERROR url_used when the exchange says so', async () => {
    const { events } = await mount({
      'POST /exchange': { status: 409, body: { error: 'wrong_state', session_error: 'url_used' } },
    });
    await screen.findByRole('heading', { name: 'This link was already used' });
    expect(events.find((event) => event.event_name === EVENTS.SESSION_ERROR)).toEqual({
      event_name: EVENTS.SESSION_ERROR,
      session_identifier: 'ses_test',
      tracer_token: 'trc_fallback',
      error: 'url_used',
    });
    expect(names(events)).not.toContain(EVENTS.READY);
  });

  it("shows a failed exchange's session error in the language the document names", async () => {
    const german = (await import('../locales/de-DE.json')).default;
    await mount(
      {
        'POST /exchange': {
          status: 409,
          body: { error: 'wrong_state', session_error: 'url_used' },
        },
      },
      { documentLocale: 'de-DE' },
    );
    await screen.findByRole('heading', { name: german.session_error.url_used.heading });
    expect(document.documentElement.lang).toBe('de-DE');
  });

  it('keeps the form and marks the card field when the service says it is not a debit card', async () => {
    const { events } = await mount({
      'POST /account': { body: { result: 'invalid', fields: { card_number: 'not_debit_card' } } },
    });
    await screen.findByLabelText('Card number');
    fillDebit('4111111111111111');
    await screen.findByText('This is a credit card. Enter a debit card instead.');
    expect(names(events)).not.toContain(EVENTS.ACCOUNT_COULD_NOT_BE_VERIFIED);
  });

  it('emits ACCOUNT_COULD_NOT_BE_VERIFIED, then TERMINAL_FAILURE and TERMINAL_FAILURE_ACKNOWLEDGED on Continue', async () => {
    const failed = (terminal: boolean, remaining: number) => ({
      body: {
        result: 'verification_failed',
        feature: 'recipient_verification',
        code: '1105',
        terminal,
        attempts: {
          ...attempts,
          recipient_verification_remaining: remaining,
          session_remaining: remaining + 2,
        },
        mismatched_fields: ['last_name'],
      },
    });
    const { events } = await mount({ 'POST /account': [failed(false, 2), failed(true, 0)] });
    await screen.findByLabelText('Card number');
    fillDebit();
    await screen.findByText('You have 2 attempts left.');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'We could not verify your details' });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(names(events)).toContain(EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED));
    const failures = events.filter(
      (event) => event.event_name === EVENTS.ACCOUNT_COULD_NOT_BE_VERIFIED,
    );
    expect(
      failures.map((event) => 'attempts_remaining' in event && event.attempts_remaining),
    ).toEqual([2, 0]);
    expect(events.find((event) => event.event_name === EVENTS.TERMINAL_FAILURE)).toMatchObject({
      feature: 'recipient_verification',
      funding_destination: 'debit',
    });
  });

  it('emits MAX_VERIFICATION_ATTEMPTS_EXCEEDED when the session limit is reached', async () => {
    const { events } = await mount({
      'POST /account': { body: { result: 'max_attempts_exceeded' } },
    });
    await screen.findByLabelText('Card number');
    fillDebit('4000000000000002');
    await screen.findByRole('heading', { name: 'Too many attempts' });
    expect(names(events)).toContain(EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED);
  });

  it('cancels from the confirmation page and emits FUNDING_CANCELED', async () => {
    const { events } = await mount({
      'POST /account': { body: { result: 'verified', account, attempts } },
      'POST /cancel': { body: { status: 'canceled' } },
    });
    await screen.findByLabelText('Card number');
    fillDebit();
    await screen.findByRole('heading', { name: 'Confirm your payout details' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(names(events)).not.toContain(EVENTS.FUNDING_CANCELED);
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await screen.findByRole('heading', { name: 'You canceled this request' });
    expect(events.find((event) => event.event_name === EVENTS.FUNDING_CANCELED)).toMatchObject({
      funding_destination: 'debit',
    });
  });

  it('in standalone mode uses the first enabled destination and redirects on success', async () => {
    const { events, navigate } = await mount(
      {
        'POST /account': { body: { result: 'verified', account, attempts } },
        'POST /confirm': {
          body: {
            customer_account_token: 'cat_0123456789abcdefXYZ',
            funding_destination: 'debit',
            account,
          },
        },
      },
      { host: null },
    );
    await screen.findByLabelText('Card number');
    expect(events.find((event) => event.event_name === EVENTS.READY)).toMatchObject({
      funding_destination: 'debit',
    });
    fillDebit();
    await screen.findByRole('button', { name: 'Confirm' });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const target = new URL(navigate.mock.calls[0]![0] as string);
    expect(target.origin + target.pathname).toBe('https://merchant.example/done');
    expect(target.searchParams.get('session_identifier')).toBe('ses_test');
    expect(target.searchParams.get('event_name')).toBe(EVENTS.TOKEN_SUCCESS);
  });

  it('shows a failed call as a visible alert with a retry that resends what was typed', async () => {
    const { calls } = await mount({
      'POST /account': [
        { status: 503, body: { error: 'internal' } },
        { body: { result: 'verified', account, attempts } },
      ],
    });
    await screen.findByLabelText('Card number');
    fillDebit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong on our side. Try again in a moment.');
    expect((screen.getByLabelText('Card number') as HTMLInputElement).value).toBe(
      '4000 0566 5566 5556',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Confirm your payout details' });
    const submissions = calls.filter((call) => call.path === '/account');
    expect(submissions).toHaveLength(2);
    expect(submissions[1]!.body).toEqual(submissions[0]!.body);
  });

  it('after a rate limit, Try again sends nothing until Retry-After has passed, then goes through', async () => {
    let limitedAt = 0;
    let retriedAt = 0;
    const { calls } = await mount({
      'POST /account': [
        () => {
          limitedAt = Date.now();
          return { status: 429, body: { error: 'rate_limited' }, headers: { 'retry-after': '2' } };
        },
        () => {
          retriedAt = Date.now();
          return { body: { result: 'verified', account, attempts } };
        },
      ],
    });
    await screen.findByLabelText('Card number');
    fillDebit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many requests. Wait a moment, then try again.');
    // Pressed again and again: each early press shows the message again and sends nothing.
    await waitFor(
      () => {
        const retry = screen.queryByRole('button', { name: 'Try again' });
        if (retry) fireEvent.click(retry);
        expect(retriedAt).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(retriedAt - limitedAt).toBeGreaterThanOrEqual(1_900);
    await screen.findByRole('heading', { name: 'Confirm your payout details' });
    expect(calls.filter((call) => call.path === '/account')).toHaveLength(2);
  }, 30_000);

  it('sends one submission however fast Continue is pressed twice', async () => {
    const { calls } = await mount({
      'POST /account': { body: { result: 'verified', account, attempts } },
    });
    await screen.findByLabelText('Card number');
    fillDebit();
    fireEvent.click(screen.getByRole('button', { name: /Continue|Checking/ }));
    await screen.findByRole('heading', { name: 'Confirm your payout details' });
    expect(calls.filter((call) => call.path === '/account')).toHaveLength(1);
  });

  it('switches language from the switcher and sets dir=rtl for Arabic', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await mount({});
    await screen.findByLabelText('Card number');
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ar-SA' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar-SA');
    fireEvent.change(document.getElementById('tf-language')!, { target: { value: 'en-US' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
  });

  it('in standalone mode goes to the error URL when the recipient continues after a terminal failure', async () => {
    const terminal = {
      body: {
        result: 'verification_failed',
        feature: 'account_verification',
        code: '700',
        terminal: true,
        attempts: { ...attempts, account_verification_remaining: 0 },
      },
    };
    const { events, navigate } = await mount({ 'POST /account': terminal }, { host: null });
    await screen.findByLabelText('Card number');
    fillDebit('4000000000000002');
    await screen.findByRole('heading', { name: 'We could not verify your details' });
    expect(navigate).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledTimes(1));
    const target = new URL(navigate.mock.calls[0]![0] as string);
    expect(target.origin + target.pathname).toBe('https://merchant.example/failed');
    expect(target.searchParams.get('session_identifier')).toBe('ses_test');
    expect(target.searchParams.get('event_name')).toBe(EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED);
    expect(names(events)).toContain(EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED);
  });

  it('uses the session tracer token from the exchange for a session error after it', async () => {
    const { events } = await mount({
      'POST /account': {
        status: 410,
        body: { error: 'session_final', session_error: 'session_terminated' },
      },
    });
    await screen.findByLabelText('Card number');
    fillDebit();
    await waitFor(() => expect(names(events)).toContain(EVENTS.SESSION_ERROR));
    const tracers = new Set(events.map((event) => event.tracer_token));
    expect([...tracers]).toEqual(['trc_test']);
  });

  it('asks auto height to measure after each page change, once it is in the DOM', async () => {
    const headings: (string | null | undefined)[] = [];
    const onContentChanged = vi.fn(() => headings.push(document.querySelector('h1')?.textContent));
    await mount(
      { 'POST /account': { body: { result: 'verified', account, attempts } } },
      { onContentChanged },
    );
    await screen.findByLabelText('Card number');
    fillDebit();
    await screen.findByRole('heading', { name: 'Confirm your payout details' });
    expect(headings).toContain('Add your debit card');
    expect(headings.at(-1)).toBe('Confirm your payout details');
  });

  it('does not measure the loading page: its height is left to the ResizeObserver', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { fetchImpl } = fakeFetch({
      'POST /exchange': { body: { access_token: 'tok_secret', session: fakeSession() } },
    });
    const heldFetch: typeof fetch = async (input, init) => {
      await held;
      return fetchImpl(input, init);
    };
    const onContentChanged = vi.fn();
    render(
      <App
        api={new WidgetApiClient(heldFetch)}
        bridge={fakeBridge().bridge}
        i18n={await createWidgetI18n()}
        authorizedUrl={URL_PARTS}
        fallbackTracerToken="trc_fallback"
        onContentChanged={onContentChanged}
      />,
    );
    await screen.findByRole('heading', { name: 'Loading' });
    expect(onContentChanged).not.toHaveBeenCalled();
    release();
    await screen.findByLabelText('Card number');
    expect(onContentChanged).toHaveBeenCalled();
  });
});
