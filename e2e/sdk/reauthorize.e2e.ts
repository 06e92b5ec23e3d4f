import { describe, expect, it } from 'vitest';
import { steps, type WidgetStep } from './fixture/widgetSteps';
import { useSdkWorld } from './fixture/useSdkWorld';

const suite = useSdkWorld();
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('host SDK re-requests (the 30 s rule)', () => {
  it('mounts without a URL in hand: fetchAuthorizedUrl with reason initial, then READY', async () => {
    const { world } = suite;
    const host = await suite.openHost();
    await host.create(true);
    await host.mount(null);
    expect(await host.outcome()).toMatchObject({ ok: true });
    expect(world.backendCalls).toEqual(['initial']);
    expect(world.sessionLoads).toHaveLength(1);
    const { events, iframes } = await host.snapshot();
    expect(events.map((e) => [e.event_name, e.reason])).toEqual([
      ['tokenframe.reauthorizing', 'initial'],
      ['tokenframe.ready', undefined],
    ]);
    expect(iframes).toHaveLength(1);
  });

  it("mounts the session API's { authorized_url, authorized_url_expiration_utc } object as is", async () => {
    const { world } = suite;
    const host = await suite.openHost();
    await host.create(true);
    const url = world.mintUrl();
    const expiresAt = Number(new URL(url).searchParams.get('t'));
    await host.mount({
      authorized_url: url,
      authorized_url_expiration_utc: new Date(expiresAt).toISOString(),
    } as { authorized_url: string });
    expect(await host.outcome()).toMatchObject({ ok: true });
    expect(world.backendCalls).toEqual([]);
  });

  it('rejects a mount without a URL when there is no fetchAuthorizedUrl to ask', async () => {
    const host = await suite.openHost();
    await host.create(false);
    await host.mount(null);
    expect(await host.outcome()).toMatchObject({ ok: false, code: 'fetch_authorized_url_missing' });
  });

  it('never loads an authorized_url past its expiry: fetchAuthorizedUrl first, then the mount succeeds', async () => {
    const { world } = suite;
    const host = await suite.openHost();
    await host.create(true);
    const expired = world.mintUrl(-5_000);
    await host.mount(expired);
    expect(await host.outcome()).toMatchObject({ ok: true });
    expect(world.backendCalls).toEqual(['url_expired']);
    expect(world.sessionLoads).toHaveLength(1);
    expect(world.sessionLoads[0]).not.toBe(new URL(expired).pathname + new URL(expired).search);
    const { events } = await host.snapshot();
    expect(events.map((e) => [e.event_name, e.reason, e.attempt])).toEqual([
      ['tokenframe.reauthorizing', 'url_expired', 1],
      ['tokenframe.ready', undefined, undefined],
    ]);
  });

  it('TERMINAL_FAILURE_ACKNOWLEDGED causes exactly one re-request and a remount', async () => {
    const { world } = suite;
    world.setScripts([...steps.ready(), ...steps.terminalFailureAcknowledged()], steps.ready());
    const host = await suite.openHost();
    await host.create(true);
    const first = world.mintUrl();
    await host.mount(first);
    expect(await host.outcome()).toMatchObject({ ok: true });
    await host.waitForEvents('tokenframe.ready', 2);
    await settle(500);
    expect(world.backendCalls).toEqual(['terminal_failure_acknowledged']);
    expect(world.sessionLoads).toHaveLength(2);
    const { events, iframes, state } = await host.snapshot();
    expect(events.map((e) => e.event_name)).toEqual([
      'tokenframe.ready',
      'tokenframe.terminal_failure',
      'tokenframe.terminal_failure_acknowledged',
      'tokenframe.reauthorizing',
      'tokenframe.ready',
    ]);
    expect(iframes).toHaveLength(1);
    // The remount uses the backend's fresh URL, in the same single iframe.
    expect(iframes[0]!.src).not.toBe(first);
    expect(iframes[0]!.src).toBe(world.widget.url(world.sessionLoads[1]!));
    expect(state).toBe('ready');
  });

  const terminal: Array<[string, WidgetStep[], boolean]> = [
    ['TOKEN_SUCCESS', [...steps.ready(), steps.tokenSuccess()], true],
    [
      'FUNDING_CANCELED',
      [
        ...steps.ready(),
        {
          kind: 'emit',
          event: { event_name: 'tokenframe.funding_canceled', funding_destination: 'debit' },
        },
      ],
      true,
    ],
    [
      'MAX_VERIFICATION_ATTEMPTS_EXCEEDED',
      [
        ...steps.ready(),
        { kind: 'emit', event: { event_name: 'tokenframe.max_verification_attempts_exceeded' } },
      ],
      true,
    ],
    ['SESSION_ERROR session_completed', steps.sessionError('session_completed'), false],
    ['SESSION_ERROR session_terminated', steps.sessionError('session_terminated'), false],
  ];

  it.each(terminal)(
    '%s causes no re-request, even past the handshake timeout',
    async (_, script, resolves) => {
      const { world } = suite;
      world.setScripts(script);
      const host = await suite.openHost();
      await host.create(true, { handshakeTimeoutMs: 2_000 });
      await host.mount(world.mintUrl());
      const outcome = await host.outcome();
      expect(outcome.ok).toBe(resolves);
      if (!outcome.ok)
        expect(outcome).toMatchObject({ code: 'session_ended', isTokenframeError: true });
      await settle(2_500);
      expect(world.backendCalls).toEqual([]);
      expect(world.sessionLoads).toHaveLength(1);
      const { events, iframes, state } = await host.snapshot();
      expect(events.map((e) => e.event_name)).not.toContain('tokenframe.reauthorizing');
      expect(iframes).toHaveLength(1);
      expect(state).toBe('finished');
    },
  );

  it('a frame the browser refuses each time (frame-ancestors) is re-requested as load_failed, then ends in PLUGIN_ERROR at the limit', async () => {
    const { world } = suite;
    world.setFaults('refuse_framing');
    const host = await suite.openHost();
    // Far beyond the grace after load: the frames are called blocked, not slow.
    await host.create(true, { handshakeTimeoutMs: 30_000, maxReauthorizations: 2 });
    await host.mount(world.mintUrl());
    const outcome = await host.outcome();
    expect(outcome).toMatchObject({
      ok: false,
      isTokenframeError: true,
      code: 'reauthorization_failed',
    });
    expect(world.backendCalls).toEqual(['load_failed', 'load_failed']);
    expect(world.sessionLoads).toHaveLength(3);
    const { events, iframes, state, listeners } = await host.snapshot();
    expect(events.map((e) => [e.event_name, e.reason ?? e.code, e.attempt])).toEqual([
      ['tokenframe.reauthorizing', 'load_failed', 1],
      ['tokenframe.reauthorizing', 'load_failed', 2],
      ['tokenframe.plugin_error', 'reauthorization_failed', undefined],
    ]);
    expect(iframes).toHaveLength(0);
    expect(listeners).toBe(0);
    expect(state).toBe('failed');
  });

  it('a used authorized_url (SESSION_ERROR url_used) is re-requested and remounted', async () => {
    const { world } = suite;
    const host = await suite.openHost();
    await host.create(true);
    const url = world.mintUrl();
    await host.mount(url);
    expect(await host.outcome()).toMatchObject({ ok: true });
    await host.mount(url);
    expect(await host.outcome()).toMatchObject({ ok: true });
    const { events, iframes } = await host.snapshot();
    expect(events.map((e) => [e.event_name, e.error ?? e.reason])).toEqual([
      ['tokenframe.ready', undefined],
      ['tokenframe.session_error', 'url_used'],
      ['tokenframe.reauthorizing', 'url_used'],
      ['tokenframe.ready', undefined],
    ]);
    expect(world.backendCalls).toEqual(['url_used']);
    expect(iframes).toHaveLength(1);
  });

  it('without fetchAuthorizedUrl, an expired URL ends in PLUGIN_ERROR telling the developer to pass it', async () => {
    const { world } = suite;
    const host = await suite.openHost();
    await host.create(false);
    await host.mount(world.mintUrl(-5_000));
    const outcome = await host.outcome();
    expect(outcome).toMatchObject({ ok: false, code: 'fetch_authorized_url_missing' });
    expect(!outcome.ok && outcome.message).toMatch(/fetchAuthorizedUrl/);
    expect(world.sessionLoads).toEqual([]);
    const { events } = await host.snapshot();
    expect(events.map((e) => [e.event_name, e.code])).toEqual([
      ['tokenframe.plugin_error', 'fetch_authorized_url_missing'],
    ]);
  });

  it('a failing merchant backend is retried with backoff up to the limit', async () => {
    const { world } = suite;
    world.backendMode = 'error';
    const host = await suite.openHost();
    await host.create(true, { maxReauthorizations: 3 });
    await host.mount(world.mintUrl(-5_000));
    expect(await host.outcome()).toMatchObject({ ok: false, code: 'reauthorization_failed' });
    expect(world.backendCalls).toEqual(['url_expired', 'url_expired', 'url_expired']);
    expect(world.sessionLoads).toEqual([]);
  });
});
