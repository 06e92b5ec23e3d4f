import { describe, expect, it } from 'vitest';
import { HANDSHAKE_TIMEOUT_MS } from '../protocol/widgetHello';
import { resolveOptions } from './options';

describe('resolveOptions', () => {
  it('applies the documented defaults', () => {
    expect(resolveOptions(undefined)).toEqual({
      fetchAuthorizedUrl: undefined,
      title: 'Add a payout account',
      autoHeight: true,
      appearance: undefined,
      maxReauthorizations: 3,
      handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
      debug: false,
    });
  });

  it('keeps valid values, including allowlisted appearance variables', () => {
    const fetchAuthorizedUrl = async () => 'https://w.example/session/s';
    const appearance = { variables: { colorPrimary: '#0a7', borderRadius: '8px' } };
    expect(
      resolveOptions({ fetchAuthorizedUrl, title: 'Card', maxReauthorizations: 0, appearance }),
    ).toMatchObject({ fetchAuthorizedUrl, title: 'Card', maxReauthorizations: 0, appearance });
  });

  it('leaves appearance values to the widget, which checks them against appearanceSchema', () => {
    const appearance = { variables: { colorPrimary: 'url(//evil)' } } as never;
    expect(resolveOptions({ appearance }).appearance).toBe(appearance);
  });

  it.each([
    [{ fetchAuthorizedUrl: 'https://backend' }, 'options.fetchAuthorizedUrl'],
    [{ title: '  ' }, 'options.title'],
    [{ autoHeight: 'yes' }, 'options.autoHeight'],
    [{ maxReauthorizations: -1 }, 'options.maxReauthorizations'],
    [{ maxReauthorizations: 1.5 }, 'options.maxReauthorizations'],
    [{ handshakeTimeoutMs: 0 }, 'options.handshakeTimeoutMs'],
    [{ debug: 1 }, 'options.debug'],
    [{ appearance: null }, 'options.appearance'],
    [{ appearance: [] }, 'options.appearance'],
    [{ appearance: 'dark' }, 'options.appearance'],
    [{ onSuccess: () => {} }, 'options.onSuccess'],
    ['debug', 'options.'],
  ])('rejects %j naming %s', (input, where) => {
    expect(() => resolveOptions(input)).toThrowError(
      expect.objectContaining({ code: 'invalid_options', message: expect.stringContaining(where) }),
    );
  });
});
