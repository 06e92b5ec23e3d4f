import { afterEach, describe, expect, it, vi } from 'vitest';
import { WidgetApiFailure, WidgetApiClient } from './api';
import { readMount } from './mountStore';
import { resumeOrExchange } from './resumeOrExchange';
import { fakeFetch, fakeSession } from './testing/fakes';

afterEach(() => sessionStorage.clear());

const URL_PARTS = { sessionIdentifier: 'ses_test', t: '1790000000000', h: 'sig' };
const exchange = {
  'POST /exchange': { body: { access_token: 'tok_live', session: fakeSession() } },
};

function start(
  routes: Parameters<typeof fakeFetch>[0],
  options: { standalone: boolean; url: typeof URL_PARTS | null },
) {
  const { fetchImpl, calls } = fakeFetch(routes);
  const api = new WidgetApiClient(fetchImpl);
  const started = resumeOrExchange({
    api,
    authorizedUrl: options.url,
    standalone: options.standalone,
    onRateLimited: vi.fn(),
    pathname: '/session/ses_test',
  });
  return { started, calls };
}

describe('resumeOrExchange', () => {
  it('stores the mount only in standalone mode', async () => {
    await start(exchange, { standalone: false, url: URL_PARTS }).started;
    expect(readMount('ses_test')).toBeNull();
    await start(exchange, { standalone: true, url: URL_PARTS }).started;
    expect(readMount('ses_test')?.access_token).toBe('tok_live');
  });

  it('resumes a stored mount after a standalone reload when the service still takes its token', async () => {
    await start(exchange, { standalone: true, url: URL_PARTS }).started;
    const { started, calls } = start(
      { 'GET /billers': { body: [] } },
      { standalone: true, url: null },
    );
    await expect(started).resolves.toMatchObject({ resumed: true, session: fakeSession() });
    expect(calls[0]?.headers.authorization).toBe('Bearer tok_live');
  });

  it('says url_used, keeps the redirect URLs and forgets the token when the mount has ended', async () => {
    await start(exchange, { standalone: true, url: URL_PARTS }).started;
    const { started } = start(
      { 'GET /billers': { status: 401, body: { error: 'unauthorized' } } },
      { standalone: true, url: null },
    );
    const failure = await started.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WidgetApiFailure);
    expect(failure).toMatchObject({ sessionError: 'url_used', session: fakeSession() });
    expect(readMount('ses_test')).toEqual({ session: fakeSession() });
  });

  it('treats a URL without t and h as invalid when embedded', async () => {
    await expect(start({}, { standalone: false, url: null }).started).rejects.toMatchObject({
      sessionError: 'invalid_url',
    });
  });
});
