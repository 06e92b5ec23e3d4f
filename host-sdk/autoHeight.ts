import { MAX_FRAME_HEIGHT, MIN_FRAME_HEIGHT } from '../protocol/rpc';

/**
 * Sizes the iframe from the widget's reported content height. Clamped, so a bug cannot
 * collapse the frame or grow the page forever, and changes of 1 px or less are ignored:
 * sub-pixel rounding on either side would otherwise resize back and forth without end.
 * Returns the applied height, or null when nothing changed.
 */
export function applyFrameHeight(iframe: HTMLIFrameElement, reported: number): number | null {
  const height = Math.min(MAX_FRAME_HEIGHT, Math.max(MIN_FRAME_HEIGHT, Math.ceil(reported)));
  const current = parseFloat(iframe.style.height);
  if (!Number.isNaN(current) && Math.abs(height - current) <= 1) return null;
  iframe.style.height = `${height}px`;
  return height;
}
