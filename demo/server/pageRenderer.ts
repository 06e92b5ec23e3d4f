import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Renders the demo's HTML files: `{{NAME}}` placeholders are replaced with escaped values.
 * Pages carry no inline script, so they run under the strict CSP that {@link demoPageCsp}
 * builds, which is also the snippet the README gives merchants.
 */

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Replaces every `{{NAME}}` with its escaped value; an unknown name is a bug, so it throws. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    return escapeHtml(value);
  });
}

/** Reads and fills one page of `publicDir`. */
export async function renderPage(
  publicDir: string,
  fileName: string,
  values: Record<string, string>,
): Promise<string> {
  return fillTemplate(await readFile(join(publicDir, fileName), 'utf8'), values);
}

/**
 * The merchant CSP for a page that embeds Tokenframe: the SDK script and the widget frame
 * come from the service origin; everything else stays on the page's own origin.
 */
export function demoPageCsp(serviceOrigin: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${serviceOrigin}`,
    `frame-src ${serviceOrigin}`,
    "connect-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
