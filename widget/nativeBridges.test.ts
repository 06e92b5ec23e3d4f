import { describe, expect, it, vi } from 'vitest';
import type { WidgetEvent } from '../protocol';
import { deliverToNativeBridges } from './nativeBridges';

const ids = { session_identifier: 'ses_1', tracer_token: 'tr_1' };
const canceled: WidgetEvent = {
  event_name: 'tokenframe.funding_canceled',
  ...ids,
  funding_destination: 'ach',
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
