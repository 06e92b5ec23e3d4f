/** Wraps `fn` so that only its first call runs (penpal's `destroy = once(...)`). */
export function once<Args extends unknown[]>(fn: (...args: Args) => void): (...args: Args) => void {
  let called = false;
  return (...args) => {
    if (called) return;
    called = true;
    fn(...args);
  };
}
