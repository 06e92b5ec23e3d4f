import { describe, expect, it } from 'vitest';
import { ENVELOPE } from '../../protocol';
import { waitUntil } from '../harness/browser';
import { steps, type WidgetStep } from './fixture/widgetSteps';
import { useSdkWorld } from './fixture/useSdkWorld';

const suite = useSdkWorld();
const hello = { ...ENVELOPE, type: 'widget_hello', session_identifier: 'ses_forged' };
const ids = { session_identifier: 'ses_1', tracer_token: 'tr_fixture_0001' };

describe('host SDK ignores messages that are not from its widget', () => {
  it('a hello from the host window itself, from a third-origin frame, or of the wrong shape changes nothing', async () => {
    const { world } = suite;
    const malformed: WidgetStep[] = [
      { namespace: 'somebody-else', version: 1, type: 'widget_hello', session_identifier: 's' },
      { ...hello, version: 2 },
      { ...hello, type: 'host_connect' },
      { ...hello, extra: 'field' },
      JSON.stringify(hello),
    ].map((data) => ({ kind: 'post_to_parent', data }));
    // The widget says malformed things, then shakes hands properly; its bundle is held until
    // the forged hellos below have been sent, so that the SDK meets them first.
    world.setScripts([...malformed, ...steps.ready()]);
    world.setFaults('held_bundle', 'none');
    const host = await suite.openHost();
    await host.create(true, { handshakeTimeoutMs: 30_000 });
    await host.page.evaluate(
      ([forged, strangerUrl]) => {
        // A frame of a third origin on the merchant page, saying hello to the page.
        const stranger = document.createElement('iframe');
        stranger.src = strangerUrl;
        document.body.append(stranger);
        window.harness.mount(forged.url, 'debit');
        // The host window posting a perfect hello to itself.
        window.postMessage(forged.hello, '*');
      },
      [{ url: world.mintUrl(), hello }, world.stranger.url('/stranger.html')] as const,
    );
    // Both before the release: a bundle requested after it would be held for good.
    await waitUntil(
      'the stranger to say hello and the widget bundle to be held',
      () => world.reports.includes('stranger said_hello') && world.bundlesHeld > 0,
    );
    world.releaseBundles();
    expect(await host.outcome()).toMatchObject({ ok: true });
    // Had any forged hello been taken, the port would have gone elsewhere and the real
    // handshake would have failed into a re-request.
    expect(world.backendCalls).toEqual([]);
    expect(await host.eventNames()).toEqual(['tokenframe.ready']);
    expect(world.reports.filter((r) => r.endsWith(' port'))).toEqual(['widget port']);
  });

  it('a third-origin page inside our iframe gets no port: a loaded frame without a valid hello is load_failed', async () => {
    const { world } = suite;
    world.setScripts([{ kind: 'navigate', url: '/stranger.html' }], steps.ready());
    const host = await suite.openHost();
    // Far beyond the grace after load, so the grace decides, not the deadline.
    await host.create(true, { handshakeTimeoutMs: 30_000 });
    await host.mount(world.mintUrl());
    // The stranger says hello from our iframe's window, at the wrong origin.
    await waitUntil('the stranger to say hello', () =>
      world.reports.includes('stranger said_hello'),
    );
    expect(await host.outcome()).toMatchObject({ ok: true });
    expect(world.reports).not.toContain('stranger port');
    const { events } = await host.snapshot();
    expect(events.map((e) => [e.event_name, e.reason])).toEqual([
      ['tokenframe.reauthorizing', 'load_failed'],
      ['tokenframe.ready', undefined],
    ]);
    expect(world.backendCalls).toEqual(['load_failed']);
  });

  it('drops invalid events and heights sent over the port, and keeps working', async () => {
    const { world } = suite;
    const junk: unknown[] = [
      { event_name: 'tokenframe.token_success', customer_account_token: 'cat_x' },
      { event_name: 'tokenframe.hacked', ...ids },
      { event_name: 'tokenframe.plugin_error', ...ids, code: 'spoof', message: 'spoof' },
      { event_name: 'tokenframe.ready', ...ids, tracer_token: '' },
      'tokenframe.ready',
      null,
    ];
    world.setScripts([
      { kind: 'connect_raw' },
      ...junk.map((event): WidgetStep => ({ kind: 'emit_raw', event })),
      ...[-5, 'tall', 1e9, 2.5, null].map((height): WidgetStep => ({ kind: 'resize', height })),
      {
        kind: 'emit_raw',
        event: { event_name: 'tokenframe.ready', ...ids, funding_destination: 'debit' },
      },
      { kind: 'resize', height: 600 },
      { kind: 'emit_raw', event: { event_name: 'tokenframe.page_load', ...ids, page: 'loading' } },
    ]);
    const host = await suite.openHost();
    await host.create(true);
    await host.mount(world.mintUrl());
    expect(await host.outcome()).toMatchObject({ ok: true });
    await host.waitForEvents('tokenframe.page_load');
    const { events, heights, state } = await host.snapshot();
    expect(events.map((e) => e.event_name)).toEqual(['tokenframe.ready', 'tokenframe.page_load']);
    expect(heights).toEqual(['120px', '600px']);
    expect(state).toBe('ready');
  });
});
