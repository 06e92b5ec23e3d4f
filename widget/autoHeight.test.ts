import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeContentHeight } from './autoHeight';

afterEach(() => vi.unstubAllGlobals());

describe('observeContentHeight', () => {
  it('reports the root scrollHeight once per animation frame however many resizes arrive', () => {
    let observed: (() => void) | null = null;
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          observed = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      frames.push(callback),
    );
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const root = document.createElement('div');
    Object.defineProperty(root, 'scrollHeight', { value: 640 });
    const report = vi.fn();
    const stop = observeContentHeight(report, root);
    observed!();
    observed!();
    expect(frames).toHaveLength(1);
    frames.shift()!(0);
    expect(report).toHaveBeenCalledWith(640);
    expect(report).toHaveBeenCalledTimes(1);
    stop();
  });
});
