import { describe, expect, it } from 'vitest';
import { LOAD_TO_HELLO_GRACE_MS } from '../../protocol/widgetHello';
import { useSdkWorld } from './fixture/useSdkWorld';

/**
 * PRODUCT.md §3: a load failure and a handshake failure are both re-requested, under
 * different reasons. A frame the browser refused (the widget document's `frame-ancestors`,
 * the merchant page's own `frame-src`) fires `load` on an error page and never says hello:
 * `load_failed`, which points the merchant at an allowlist or CSP mistake. A widget that is
 * merely slow has not loaded by the deadline: `handshake_timeout`.
 */

const suite = useSdkWorld();
// Far beyond the grace: the blocked cases must be decided by the grace, never by the deadline.
const LONG_DEADLINE_MS = 30_000;

describe('host SDK tells a blocked frame from a slow one', () => {
  it('a widget document whose frame-ancestors leaves out the merchant page is re-requested as load_failed, then mounts', async () => {
    const { world } = suite;
    world.setFaults('refuse_framing', 'none');
    const host = await suite.openHost();
    await host.create(true, { handshakeTimeoutMs: LONG_DEADLINE_MS });
    await host.mount(world.mintUrl());
    expect(await host.outcome()).toMatchObject({ ok: true });
    // Chromium really refused the first frame, and the SDK said so.
    expect(host.tracked.consoleMessages.join('\n')).toMatch(/frame-ancestors/);
    expect(world.backendCalls).toEqual(['load_failed']);
    const { events, iframes } = await host.snapshot();
    expect(events.map((e) => [e.event_name, e.reason, e.attempt])).toEqual([
      ['tokenframe.reauthorizing', 'load_failed', 1],
      ['tokenframe.ready', undefined, undefined],
    ]);
    expect(world.sessionLoads).toHaveLength(2);
    expect(world.reports.filter((r) => r.endsWith(' port'))).toEqual(['widget port']);
    expect(iframes).toHaveLength(1);
  });

  it('a merchant page whose own frame-src leaves out the widget gets load_failed, then PLUGIN_ERROR naming it', async () => {
    const { world } = suite;
    const host = await suite.openHost({ csp: "frame-src 'self'" });
    await host.create(true, { handshakeTimeoutMs: LONG_DEADLINE_MS, maxReauthorizations: 1 });
    await host.mount(world.mintUrl());
    const outcome = await host.outcome();
    expect(outcome).toMatchObject({ ok: false, code: 'reauthorization_failed' });
    expect(!outcome.ok && outcome.message).toMatch(/load_failed/);
    // The browser blocked the frame before asking the widget's server for anything.
    expect(world.sessionLoads).toEqual([]);
    expect(world.backendCalls).toEqual(['load_failed']);
    const { events, iframes, listeners } = await host.snapshot();
    expect(events.map((e) => [e.event_name, e.reason ?? e.code])).toEqual([
      ['tokenframe.reauthorizing', 'load_failed'],
      ['tokenframe.plugin_error', 'reauthorization_failed'],
    ]);
    expect(iframes).toHaveLength(0);
    expect(listeners).toBe(0);
  });

  it('a slow widget (its bundle held past the deadline) is re-requested as handshake_timeout, then mounts', async () => {
    const { world } = suite;
    world.setFaults('held_bundle', 'none');
    const host = await suite.openHost();
    // Longer than the grace, so a frame that had loaded without a hello would be called blocked.
    await host.create(true, { handshakeTimeoutMs: LOAD_TO_HELLO_GRACE_MS + 3_000 });
    await host.mount(world.mintUrl());
    expect(await host.outcome()).toMatchObject({ ok: true });
    expect(world.backendCalls).toEqual(['handshake_timeout']);
    const { events } = await host.snapshot();
    expect(events.map((e) => [e.event_name, e.reason])).toEqual([
      ['tokenframe.reauthorizing', 'handshake_timeout'],
      ['tokenframe.ready', undefined],
    ]);
    expect(world.sessionLoads).toHaveLength(2);
  });
});
