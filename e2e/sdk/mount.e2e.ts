import { describe, expect, it } from 'vitest';
import { MAX_FRAME_HEIGHT, MIN_FRAME_HEIGHT } from '../../protocol';
import { steps } from './fixture/widgetSteps';
import { useSdkWorld } from './fixture/useSdkWorld';

const suite = useSdkWorld();

describe('host SDK mount (two origins, real Chromium)', () => {
  it('resolves on READY and delivers the widget events with their payloads', async () => {
    const { world } = suite;
    world.setScripts([...steps.ready(), steps.pageLoad('account_entry'), steps.tokenSuccess()]);
    const host = await suite.openHost();
    await host.create(true);
    await host.mount(world.mintUrl());
    const outcome = await host.outcome();
    expect(outcome).toMatchObject({
      ok: true,
      ready: { event_name: 'tokenframe.ready', session_identifier: 'ses_1' },
    });
    await host.waitForEvents('tokenframe.token_success');
    const { events } = await host.snapshot();
    expect(events.map((e) => e.event_name)).toEqual([
      'tokenframe.ready',
      'tokenframe.page_load',
      'tokenframe.token_success',
    ]);
    expect(events[2]).toMatchObject({
      customer_account_token: 'cat_fixture_0123456789abcdef',
      funding_destination: 'debit',
      account: { display: '•••• 5556' },
      tracer_token: 'tr_fixture_0001',
    });
    // The port really came over the handshake to the widget origin.
    expect(world.reports).toContain('widget port');
  });

  it('gives the iframe a title, no delegated features, a sandbox without top navigation and an origin-only referrer', async () => {
    const host = await suite.openHost();
    await host.create(true, { title: 'Add your debit card' });
    await host.mount(suite.world.mintUrl());
    await host.outcome();
    const { iframes } = await host.snapshot();
    expect(iframes).toHaveLength(1);
    expect(iframes[0]).toMatchObject({
      title: 'Add your debit card',
      allow: '',
      referrerPolicy: 'strict-origin',
    });
    expect(iframes[0]!.sandbox).toContain('allow-scripts');
    expect(iframes[0]!.sandbox).not.toContain('allow-top-navigation');
  });

  it('defaults the iframe title to "Add a payout account"', async () => {
    const host = await suite.openHost();
    await host.create(true);
    await host.mount(suite.world.mintUrl());
    await host.outcome();
    expect((await host.snapshot()).iframes[0]!.title).toBe('Add a payout account');
  });

  it('follows the widget height, clamped, ignoring changes of 1 px or less', async () => {
    // Port messages keep their order, so each PAGE_LOAD sees the height set just before it.
    const resizeThenMark = (height: number, page: string) => [
      { kind: 'resize' as const, height },
      steps.pageLoad(page),
    ];
    suite.world.setScripts([
      ...steps.ready(),
      ...resizeThenMark(300, 'loading'),
      ...resizeThenMark(301, 'account_entry'),
      ...resizeThenMark(10, 'confirmation'),
      ...resizeThenMark(99_999, 'success'),
    ]);
    const host = await suite.openHost();
    await host.create(true);
    await host.mount(suite.world.mintUrl());
    await host.waitForEvents('tokenframe.page_load', 4);
    const { events, heights } = await host.snapshot();
    const atPageLoads = heights.filter((_, i) => events[i]!.event_name === 'tokenframe.page_load');
    expect(atPageLoads).toEqual([
      '300px',
      '300px', // 301 is within 1 px: ignored
      `${MIN_FRAME_HEIGHT}px`,
      `${MAX_FRAME_HEIGHT}px`,
    ]);
  });

  it('calls every listener even when one throws, by key or by event_name', async () => {
    const host = await suite.openHost();
    await host.create(true);
    const calls = await host.page.evaluate(async (url) => {
      const seen: string[] = [];
      const plugin = window.harness as unknown as { plugin: TokenframePluginLike };
      plugin.plugin.on('READY', () => {
        throw new Error('merchant bug');
      });
      plugin.plugin.addEventListener('READY', () => seen.push('key'));
      const off = plugin.plugin.on('tokenframe.ready', () => seen.push('removed'));
      off();
      plugin.plugin.on('tokenframe.ready', () => seen.push('value'));
      await plugin.plugin.mount(url, 'debit');
      return seen;
    }, suite.world.mintUrl());
    expect(calls).toEqual(['key', 'value']);
    expect(host.tracked.pageErrors.join()).toContain('merchant bug');
  });

  it('rejects misuse with a TokenframeError and a message that says what was expected', async () => {
    const host = await suite.openHost();
    const errors = await host.page.evaluate(() => {
      const codeOf = (fn: () => unknown) => {
        try {
          fn();
          return null;
        } catch (error) {
          const e = error as { name: string; code: string; message: string };
          return `${e.name}:${e.code}:${e.message}`;
        }
      };
      const T = (window as unknown as { Tokenframe: TokenframeLike }).Tokenframe;
      const plugin = T.create('#capture', {});
      return [
        codeOf(() => plugin.on('TOKEN_SUCESS', () => {})),
        codeOf(() => plugin.on('READY', 'not a function')),
        codeOf(() => T.create('#capture', { appearance: 'dark' as never })),
        codeOf(() => T.create('#capture', { fetchAuthorizedUrl: 'https://example.com' })),
        codeOf(() => T.create('#capture', { titel: 'typo' })),
      ];
    });
    expect(errors[0]).toMatch(/^TokenframeError:unknown_event:.*TOKEN_SUCESS.*Tokenframe\.EVENTS/);
    expect(errors[1]).toMatch(/^TokenframeError:invalid_listener:/);
    expect(errors[2]).toMatch(/^TokenframeError:invalid_options:.*appearance/);
    expect(errors[3]).toMatch(/^TokenframeError:invalid_options:.*fetchAuthorizedUrl/);
    expect(errors[4]).toMatch(/^TokenframeError:invalid_options:.*titel/);

    await host.create(true);
    await host.mount('javascript:alert(1)');
    expect(await host.outcome()).toMatchObject({ ok: false, code: 'invalid_authorized_url' });
    await host.mount(suite.world.mintUrl(), 'bitcoin');
    expect(await host.outcome()).toMatchObject({
      ok: false,
      isTokenframeError: true,
      code: 'invalid_funding_destination',
    });
    expect((await host.snapshot()).iframes).toHaveLength(0);
  });
});

interface TokenframePluginLike {
  on(name: string, listener: unknown): () => void;
  addEventListener(name: string, listener: unknown): void;
  mount(url: string, destination: string): Promise<unknown>;
}
interface TokenframeLike {
  create(container: string, options: Record<string, unknown>): TokenframePluginLike;
}
