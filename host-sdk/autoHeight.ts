import { MAX_FRAME_HEIGHT, MIN_FRAME_HEIGHT } from '../protocol/constants';

/**
 * Sizes the iframe from the widget's reported content height. Anything but a finite,
 * non-negative number is dropped (returns null). The result is clamped, so a bug cannot
 * collapse the frame or grow the page forever, and changes of 1 px or less are ignored:
 * sub-pixel rounding on either side would otherwise resize back and forth without end.
 * Returns the applied height, or null when nothing changed.
 *
 * Checked by hand rather than with `resizeArgumentSchema`: the clamp already bounds the
 * value, and that schema's number format costs ~0.8 KB of the SDK's size budget.
 */
export function applyFrameHeight(iframe: HTMLIFrameElement, reported: unknown): number | null {
  if (!(Number.isFinite(reported) && (reported as number) >= 0)) return null;
  const height = Math.min(
    MAX_FRAME_HEIGHT,
    Math.max(MIN_FRAME_HEIGHT, Math.ceil(reported as number)),
  );
  const current = parseFloat(iframe.style.height);
  if (Math.abs(height - current) <= 1) return null;
  iframe.style.height = `${height}px`;
  return height;
}
