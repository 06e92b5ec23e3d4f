// Phone layout: the widget sits below the controls, so Start brings it into view.

/**
 * Keeps the widget's top at the top of a phone screen while it loads and grows. Scrolling
 * once at Start is not enough: the frame is still short then, so the page cannot scroll far
 * enough and the widget ends up half in view once it grows (autoHeight). Chromium also pauses
 * animation frames in off-screen cross-origin frames, so the widget could not even report its
 * height until it is in view. Following stops once the frame has not grown for a while after
 * READY, or as soon as the tester scrolls or touches the page.
 * Only on one-column (phone) layouts; returns at once on wider screens. `isCurrent()` is false
 * once another Start replaced this mount.
 */
export function keepWidgetInView(capture, ready, isCurrent) {
  if (!matchMedia('(max-width: 899px)').matches) return;
  const scroll = () => capture.scrollIntoView({ block: 'start' });
  const userTookOver = ['wheel', 'touchstart', 'keydown'];
  let isReady = false;
  let settleTimer;
  const armStop = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(stop, 1500);
  };
  const observer = new ResizeObserver(() => {
    if (!isCurrent()) return stop();
    scroll();
    if (isReady) armStop();
  });
  function stop() {
    clearTimeout(settleTimer);
    observer.disconnect();
    for (const type of userTookOver) window.removeEventListener(type, stop);
  }
  for (const type of userTookOver) window.addEventListener(type, stop, { passive: true });
  observer.observe(capture);
  scroll();
  ready.then(() => {
    isReady = true;
    if (isCurrent()) scroll();
    armStop();
  }, stop);
}
