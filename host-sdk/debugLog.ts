/** A logger that prints only when the merchant opted in with `debug: true`. */
export type DebugLog = (message: string, detail?: unknown) => void;

/**
 * Creates the opt-in debug log. Callers pass event names, reasons and origins, never
 * payloads or full URLs: those carry tokens and signatures.
 */
export function createDebugLog(enabled: boolean): DebugLog {
  // `bind` rather than a wrapper: the same output, fewer bytes of the size budget.
  return enabled ? console.debug.bind(console, '[tokenframe]') : () => {};
}
