/**
 * "in 10 minutes" / "خلال 10 دقائق": how long until a rate-limited call may be sent again,
 * worded by the browser's own `Intl.RelativeTimeFormat` in the active locale, so no locale
 * file carries it. `null` when the browser has no wording for the locale (then the message
 * alone shows, rather than English in a translated page: PRODUCT.md §6).
 */
export function retryDelayText(locale: string, delayMs: number): string | null {
  if (Intl.RelativeTimeFormat.supportedLocalesOf(locale).length === 0) return null;
  const seconds = Math.max(1, Math.ceil(delayMs / 1000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  return seconds < 60
    ? format.format(seconds, 'second')
    : format.format(Math.ceil(seconds / 60), 'minute');
}
