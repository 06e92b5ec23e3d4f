import { describe, expect, it } from 'vitest';
import { useSdkWorld } from './fixture/useSdkWorld';

const suite = useSdkWorld();

describe('host SDK mount and destroy lifecycle', () => {
  it('destroy() twice leaves no iframe and no message listener', async () => {
    const host = await suite.openHost();
    await host.create(true);
    await host.mount(suite.world.mintUrl());
    expect(await host.outcome()).toMatchObject({ ok: true });
    expect((await host.snapshot()).iframes).toHaveLength(1);
    const thrown = await host.page.evaluate(() => {
      const plugin = (window.harness as unknown as { plugin: { destroy(): void } }).plugin;
      try {
        plugin.destroy();
        plugin.destroy();
        return null;
      } catch (error) {
        return String(error);
      }
    });
    expect(thrown).toBeNull();
    const { iframes, listeners, state } = await host.snapshot();
    expect(iframes).toHaveLength(0);
    expect(listeners).toBe(0);
    expect(state).toBe('destroyed');
  });

  it('destroy() during the handshake rejects the mount, removes the listener, and a later mount is refused', async () => {
    // The bundle is held, so the handshake is still pending when destroy() comes.
    suite.world.setFaults('held_bundle');
    const host = await suite.openHost();
    await host.create(true);
    await host.mount(suite.world.mintUrl());
    await host.page.waitForFunction(() => document.querySelector('iframe'));
    expect((await host.snapshot()).listeners).toBe(1);
    await host.page.evaluate(() =>
      (window.harness as unknown as { plugin: { destroy(): void } }).plugin.destroy(),
    );
    expect(await host.outcome()).toMatchObject({ ok: false, code: 'destroyed' });
    const { iframes, listeners } = await host.snapshot();
    expect(iframes).toHaveLength(0);
    expect(listeners).toBe(0);
    await host.mount(suite.world.mintUrl());
    expect(await host.outcome()).toMatchObject({ ok: false, code: 'destroyed' });
  });

  it('a second mount replaces the first cleanly: one iframe, one listener, the first promise rejected', async () => {
    const { world } = suite;
    const host = await suite.openHost();
    await host.create(true);
    const [first, second] = [world.mintUrl(), world.mintUrl()];
    const outcomes = await host.page.evaluate(
      async ([a, b]) => {
        const plugin = (
          window.harness as unknown as {
            plugin: { mount(url: string, d: string): Promise<unknown> };
          }
        ).plugin;
        const settle = (p: Promise<unknown>) =>
          p.then(
            () => 'ready',
            (e: { code: string }) => e.code,
          );
        const one = settle(plugin.mount(a, 'debit'));
        const two = settle(plugin.mount(b, 'credit'));
        const frames = document.querySelectorAll('iframe').length;
        return { results: await Promise.all([one, two]), frames };
      },
      [first, second] as const,
    );
    expect(outcomes).toEqual({ results: ['mount_replaced', 'ready'], frames: 1 });
    const { iframes, listeners, events } = await host.snapshot();
    expect(iframes.map((f) => f.src)).toEqual([second]);
    expect(listeners).toBe(0);
    expect(events.map((e) => e.event_name)).toEqual(['tokenframe.ready']);
    expect(world.backendCalls).toEqual([]);
  });
});
