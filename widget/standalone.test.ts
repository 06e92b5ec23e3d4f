import { describe, expect, it, vi } from 'vitest';
import type { WidgetEvent } from '../protocol';
import { deliverToNativeBridges, finalOutcomeRedirect } from './standalone';

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

describe('deliverToNativeBridges', () => {
  it('gives iOS the object and React Native / Android a JSON string', () => {
    const ios = vi.fn();
    const reactNative = vi.fn();
    const android = vi.fn();
    const target = {
      webkit: { messageHandlers: { tokenframe: { postMessage: ios } } },
      ReactNativeWebView: { postMessage: reactNative },
      TokenframeAndroid: { postMessage: android },
    };
    expect(deliverToNativeBridges(canceled, target)).toBe(3);
    expect(ios).toHaveBeenCalledWith(canceled);
    expect(reactNative).toHaveBeenCalledWith(JSON.stringify(canceled));
    expect(android).toHaveBeenCalledWith(JSON.stringify(canceled));
  });

  it('keeps delivering when one bridge throws, and reports 0 when none exists', () => {
    const android = vi.fn();
    const target = {
      ReactNativeWebView: {
        postMessage: () => {
          throw new Error('bridge down');
        },
      },
      TokenframeAndroid: { postMessage: android },
    };
    expect(deliverToNativeBridges(canceled, target)).toBe(1);
    expect(android).toHaveBeenCalledTimes(1);
    expect(deliverToNativeBridges(canceled, {})).toBe(0);
  });
});

describe('finalOutcomeRedirect', () => {
  it('sends TOKEN_SUCCESS to the success URL with session and event in the query', () => {
    const success = {
      event_name: 'tokenframe.token_success',
      ...ids,
      customer_account_token: 'cat_0123456789abcdef',
      funding_destination: 'debit',
      account: { last4: '5556', display: '•••• 5556' },
    } as WidgetEvent;
    const target = new URL(finalOutcomeRedirect(success, urls)!);
    expect(target.origin + target.pathname).toBe('https://app.example/done');
    expect(target.searchParams.get('from')).toBe('tf');
    expect(target.searchParams.get('session_identifier')).toBe('ses_1');
    expect(target.searchParams.get('event_name')).toBe('tokenframe.token_success');
    // The token goes to the app through the native bridge, never into a URL.
    expect(target.search).not.toContain('cat_');
  });

  it('sends cancel to the error URL and stays put for non-final events or unsafe URLs', () => {
    expect(finalOutcomeRedirect(canceled, urls)).toMatch(/^https:\/\/app\.example\/failed\?/);
    const page = { event_name: 'tokenframe.page_load', ...ids, page: 'confirmation' } as const;
    expect(finalOutcomeRedirect(page, urls)).toBeNull();
    expect(
      finalOutcomeRedirect(canceled, { error_redirect_url: 'javascript:alert(1)' }),
    ).toBeNull();
    expect(finalOutcomeRedirect(canceled, {})).toBeNull();
  });
});
