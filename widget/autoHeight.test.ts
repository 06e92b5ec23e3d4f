import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeContentHeight } from './autoHeight';

afterEach(() => vi.unstubAllGlobals());

/** A ResizeObserver stand-in whose callback the test fires by hand. */
function stubResizeObserver() {
  const observer = { fire: () => {}, observed: [] as Element[], disconnected: false };
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        observer.fire = callback;
      }
      observe(element: Element) {
        observer.observed.push(element);
      }
      disconnect() {
        observer.disconnected = true;
      }
    },
  );
  return observer;
}

/** An element whose scrollHeight the test sets. */
function contentOf(height: { value: number }) {
  const content = document.createElement('div');
  Object.defineProperty(content, 'scrollHeight', { get: () => height.value });
  return content;
}

describe('observeContentHeight', () => {
  it('measures inside the ResizeObserver callback, never waiting for an animation frame', () => {
    const observer = stubResizeObserver();
    // Off-screen cross-origin frames get no animation frames in Chromium: model that.
    const requestFrame = vi.fn();
    vi.stubGlobal('requestAnimationFrame', requestFrame);
    const height = { value: 640 };
    const report = vi.fn();
    const heights = observeContentHeight(report, contentOf(height));
    expect(report).toHaveBeenLastCalledWith(640);
    height.value = 812;
    observer.fire();
    expect(report).toHaveBeenLastCalledWith(812);
    expect(requestFrame).not.toHaveBeenCalled();
    heights.stop();
    expect(observer.disconnected).toBe(true);
  });

  it('reports a height once however many observations repeat it', () => {
    const observer = stubResizeObserver();
    const height = { value: 500 };
    const report = vi.fn();
    observeContentHeight(report, contentOf(height));
    observer.fire();
    observer.fire();
    height.value = 520;
    observer.fire();
    observer.fire();
    expect(report.mock.calls).toEqual([[500], [520]]);
  });

  it('measures on demand (page changes) without any observation, and follows the content down', () => {
    stubResizeObserver();
    const height = { value: 900 };
    const report = vi.fn();
    const heights = observeContentHeight(report, contentOf(height));
    height.value = 300;
    heights.measure();
    heights.measure();
    expect(report.mock.calls).toEqual([[900], [300]]);
  });

  it('watches the content and the root, whose width rewraps the text', () => {
    const observer = stubResizeObserver();
    const content = contentOf({ value: 1 });
    observeContentHeight(() => {}, content);
    expect(observer.observed).toEqual([content, document.documentElement]);
  });
});
