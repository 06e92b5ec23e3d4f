import { describe, expect, it } from 'vitest';
import type { WidgetEvent } from '../protocol';
import { standaloneRedirect } from './standaloneRedirect';

const ids = { session_identifier: 'ses_1', tracer_token: 'tr_1' };
const canceled: WidgetEvent = {
  event_name: 'tokenframe.funding_canceled',
  ...ids,
  funding_destination: 'ach',
};
const urls = {
  success_redirect_url: 'https://app.example/done?from=tf',
  error_redirect_url: 'https://app.example/failed',
};

describe('standaloneRedirect', () => {
  it('sends TOKEN_SUCCESS to the success URL with session and event in the query', () => {
    const success = {
      event_name: 'tokenframe.token_success',
      ...ids,
      customer_account_token: 'cat_0123456789abcdef',
      funding_destination: 'debit',
      account: { last4: '5556', display: '•••• 5556' },
    } as WidgetEvent;
    const target = new URL(standaloneRedirect(success, urls)!);
    expect(target.origin + target.pathname).toBe('https://app.example/done');
    expect(target.searchParams.get('from')).toBe('tf');
    expect(target.searchParams.get('session_identifier')).toBe('ses_1');
    expect(target.searchParams.get('event_name')).toBe('tokenframe.token_success');
    // The token goes to the app through the native bridge, never into a URL.
    expect(target.search).not.toContain('cat_');
  });

  it('sends cancel and Continue after a terminal failure to the error URL, and stays put for other events or unsafe URLs', () => {
    expect(standaloneRedirect(canceled, urls)).toMatch(/^https:\/\/app\.example\/failed\?/);
    const acknowledged = {
      event_name: 'tokenframe.terminal_failure_acknowledged',
      ...ids,
    } as WidgetEvent;
    expect(standaloneRedirect(acknowledged, urls)).toMatch(/^https:\/\/app\.example\/failed\?/);
    const page = { event_name: 'tokenframe.page_load', ...ids, page: 'confirmation' } as const;
    expect(standaloneRedirect(page, urls)).toBeNull();
    expect(standaloneRedirect(canceled, { error_redirect_url: 'javascript:alert(1)' })).toBeNull();
    expect(standaloneRedirect(canceled, {})).toBeNull();
  });
});
