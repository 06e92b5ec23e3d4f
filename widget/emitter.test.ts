import { describe, expect, it, vi } from 'vitest';
import { EVENTS, type WidgetEvent } from '../protocol';
import { HostEventEmitter } from './emitter';
import { loadStandaloneMode } from './standaloneModeLoader';

/** Until every redirect decided so far has run: they wait on the standalone chunk. */
const redirectsDecided = () => loadStandaloneMode();

const common = { session_identifier: 'ses_1', tracer_token: 'trc_1' };
const redirects = {
  success_redirect_url: 'https://app.example/ok',
  error_redirect_url: 'https://app.example/err',
};

describe('HostEventEmitter', () => {
  it('holds events raised before the exchange and sends them in order with the common fields', () => {
    const sent: WidgetEvent[] = [];
    const emitter = new HostEventEmitter({ mode: 'embedded', emit: (event) => sent.push(event) });
    emitter.emit({ event_name: EVENTS.PAGE_LOAD, page: 'loading' });
    expect(sent).toEqual([]);
    emitter.start(common);
    emitter.emit({ event_name: EVENTS.PAGE_LOAD, page: 'account_entry' });
    expect(sent).toEqual([
      { event_name: EVENTS.PAGE_LOAD, page: 'loading', ...common },
      { event_name: EVENTS.PAGE_LOAD, page: 'account_entry', ...common },
    ]);
  });

  it('never navigates when embedded', async () => {
    const navigate = vi.fn();
    const emitter = new HostEventEmitter({ mode: 'embedded', emit: () => {} }, navigate);
    emitter.start(common, redirects);
    emitter.emit({ event_name: EVENTS.FUNDING_CANCELED, funding_destination: 'debit' });
    await redirectsDecided();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('in standalone mode navigates to the error URL on cancel, with session and event in the query', async () => {
    const navigate = vi.fn();
    const emitter = new HostEventEmitter({ mode: 'standalone', emit: () => {} }, navigate);
    emitter.start(common, redirects);
    emitter.emit({ event_name: EVENTS.PAGE_LOAD, page: 'canceled' });
    await redirectsDecided();
    expect(navigate).not.toHaveBeenCalled();
    emitter.emit({ event_name: EVENTS.FUNDING_CANCELED, funding_destination: 'debit' });
    await redirectsDecided();
    expect(navigate).toHaveBeenCalledWith(
      'https://app.example/err?session_identifier=ses_1&event_name=tokenframe.funding_canceled',
    );
  });

  it('in standalone mode sends TERMINAL_FAILURE_ACKNOWLEDGED to the bridge, then navigates to the error URL', async () => {
    const order: string[] = [];
    const navigate = vi.fn(() => order.push('navigate'));
    const emitter = new HostEventEmitter(
      { mode: 'standalone', emit: (event) => order.push(event.event_name) },
      navigate,
    );
    emitter.start(common, redirects);
    emitter.emit({
      event_name: EVENTS.TERMINAL_FAILURE,
      funding_destination: 'ach',
      feature: 'account_verification',
      error: 'account_verification_failed',
    });
    await redirectsDecided();
    expect(navigate).not.toHaveBeenCalled();
    emitter.emit({
      event_name: EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED,
      funding_destination: 'ach',
      feature: 'account_verification',
    });
    await redirectsDecided();
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(
      'https://app.example/err?session_identifier=ses_1&event_name=tokenframe.terminal_failure_acknowledged',
    );
    expect(order).toEqual([
      EVENTS.TERMINAL_FAILURE,
      EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED,
      'navigate',
    ]);
  });

  it('stays put after TERMINAL_FAILURE_ACKNOWLEDGED without an error URL, with an unsafe one, or embedded', async () => {
    const acknowledged = {
      event_name: EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED,
      funding_destination: 'debit',
      feature: 'recipient_verification',
    } as const;
    const navigate = vi.fn();
    const standalone = { mode: 'standalone', emit: () => {} } as const;
    for (const urls of [{}, { error_redirect_url: 'javascript:alert(1)' }]) {
      const emitter = new HostEventEmitter(standalone, navigate);
      emitter.start(common, urls);
      emitter.emit(acknowledged);
    }
    const embedded = new HostEventEmitter({ mode: 'embedded', emit: () => {} }, navigate);
    embedded.start(common, redirects);
    embedded.emit(acknowledged);
    await redirectsDecided();
    expect(navigate).not.toHaveBeenCalled();
  });
});
