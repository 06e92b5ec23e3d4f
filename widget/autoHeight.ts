/** A running content-height observer (auto height, PRODUCT.md §3). */
export interface ContentHeightObserver {
  /** Measures now and reports the height if it changed (page changes, language changes). */
  measure(): void;
  /** Stops observing. */
  stop(): void;
}

/**
 * Reports the document's content height whenever it changes, measured right inside the
 * ResizeObserver callback and on every {@link ContentHeightObserver.measure} call.
 *
 * No requestAnimationFrame: Chromium pauses rAF in cross-origin iframes that are off screen,
 * so a widget below the fold would keep its first height until scrolled into view. A
 * ResizeObserver callback already runs after layout, so reading the height there is cheap.
 * A height equal to the last one reported is not reported again, which also ends the loop
 * "report → the host resizes the frame → the observer fires" after one round.
 *
 * The height is the body's, not the root's: the root's scrollHeight never drops below the
 * frame's own height, so a frame sized by it could grow but never shrink.
 */
export function observeContentHeight(
  report: (height: number) => void,
  content: HTMLElement = document.body,
): ContentHeightObserver {
  let lastReported: number | null = null;
  const measure = () => {
    // scrollHeight rounds a fractional layout height down; the frame must be the ceiling or
    // the document overflows it by a pixel and shows a 1 px scrollbar.
    const height = Math.max(
      content.scrollHeight,
      Math.ceil(content.getBoundingClientRect().height),
    );
    if (height === lastReported) return;
    lastReported = height;
    report(height);
  };
  const observer = new ResizeObserver(measure);
  // The body's box changes with the content; the root's with the frame (a new width rewraps text).
  observer.observe(content);
  if (content !== document.documentElement) observer.observe(document.documentElement);
  measure();
  return { measure, stop: () => observer.disconnect() };
}
