/**
 * Reports the document's content height whenever it changes (auto height, PRODUCT.md §3),
 * at most once per animation frame. Returns a function that stops observing.
 */
export function observeContentHeight(
  report: (height: number) => void,
  root: HTMLElement = document.documentElement,
): () => void {
  let frame = 0;
  const measure = () => {
    frame = 0;
    report(root.scrollHeight);
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(measure);
  };
  const observer = new ResizeObserver(schedule);
  // The body's box changes with content; the root's with the viewport. Watch both.
  observer.observe(root);
  if (document.body) observer.observe(document.body);
  schedule();
  return () => {
    observer.disconnect();
    if (frame !== 0) cancelAnimationFrame(frame);
  };
}
