import { describe, expect, it } from 'vitest';
import { MAX_FRAME_HEIGHT, MIN_FRAME_HEIGHT } from '../protocol/constants';
import { applyFrameHeight } from './autoHeight';

const frame = (height: string) => {
  const iframe = document.createElement('iframe');
  iframe.style.height = height;
  return iframe;
};

describe('applyFrameHeight', () => {
  it('sets the reported height, rounded up so no 1 px scrollbar appears', () => {
    const iframe = frame(`${MIN_FRAME_HEIGHT}px`);
    expect(applyFrameHeight(iframe, 480.2)).toBe(481);
    expect(iframe.style.height).toBe('481px');
  });

  it('ignores changes of 1 px or less, so rounding cannot start a resize loop', () => {
    const iframe = frame('400px');
    expect(applyFrameHeight(iframe, 401)).toBeNull();
    expect(applyFrameHeight(iframe, 399)).toBeNull();
    expect(iframe.style.height).toBe('400px');
    expect(applyFrameHeight(iframe, 402)).toBe(402);
  });

  it('clamps to the protocol bounds', () => {
    const iframe = frame('400px');
    applyFrameHeight(iframe, 3);
    expect(iframe.style.height).toBe(`${MIN_FRAME_HEIGHT}px`);
    applyFrameHeight(iframe, 1e9);
    expect(iframe.style.height).toBe(`${MAX_FRAME_HEIGHT}px`);
  });

  it.each([[-5], [Number.NaN], [Infinity], ['600'], [null], [{}]])(
    'drops the invalid height %s',
    (height) => {
      const iframe = frame('400px');
      expect(applyFrameHeight(iframe, height)).toBeNull();
      expect(iframe.style.height).toBe('400px');
    },
  );
});
