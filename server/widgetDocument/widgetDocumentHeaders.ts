/**
 * Security headers of the widget document (PRODUCT.md §4: the widget talks only to its host). `frame-ancestors`
 * names the session's host origin only, so another site cannot frame a recipient's session
 * (clickjacking); with no session, no site may frame the page. No inline style is allowed, and
 * no inline script but the one the build made, pinned by the hash of its bytes
 * (`inlineScriptSource`, `'sha256-…'`): markup injected into the page could not run code.
 */
export function widgetDocumentHeaders(
  hostOrigin: string | null,
  inlineScriptSource?: string,
): Record<string, string> {
  const frameAncestors = hostOrigin ?? "'none'";
  return {
    'content-security-policy': [
      "default-src 'none'",
      inlineScriptSource ? `script-src 'self' ${inlineScriptSource}` : "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      `frame-ancestors ${frameAncestors}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'content-type': 'text/html; charset=utf-8',
  };
}

const HTML_ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
};

/** Any per-session meta tag already in the build (the widget ships placeholders). */
const SESSION_META =
  /[ \t]*<meta\s+name=["']tokenframe-(?:host-origin|tracer-token|locale)["'][^>]*>[ \t]*\r?\n?/gi;

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>']/g, (c) => HTML_ATTRIBUTE_ESCAPES[c] ?? c);
}

/** What the widget document tells the widget about its session before the exchange. */
export interface SessionMeta {
  /** The session's host origin: the one origin the widget may post its hello to. */
  hostOrigin: string | null;
  /** The session's tracer token, so events of a failed exchange still correlate. */
  tracerToken?: string | null;
  /** The session's language, so even the session error page of a failed exchange is localized. */
  locale?: string | null;
  /** The session's theme_variant, so the document links (and starts in) the dark palette. */
  themeVariant?: string | null;
}

/**
 * Puts exactly one `<meta name="tokenframe-host-origin">` right after `<head>` (replacing the
 * build's placeholder), so the widget knows the one origin it may post its hello to, even
 * when the exchange later fails. With it go `<meta name="tokenframe-tracer-token">`, so the
 * SESSION_ERROR of a failed exchange still carries the session's real tracer token (the
 * merchant correlates events by it), and `<meta name="tokenframe-locale">`, so that error page
 * speaks the recipient's language. Without a session no tag remains and the widget shows
 * `invalid_url`.
 */
export function injectSessionMeta(html: string, session: SessionMeta): string {
  const withoutPlaceholder = html.replace(SESSION_META, '');
  if (!session.hostOrigin) return withoutPlaceholder;
  const metas = [
    `<meta name="tokenframe-host-origin" content="${escapeAttribute(session.hostOrigin)}">`,
  ];
  if (session.tracerToken)
    metas.push(
      `<meta name="tokenframe-tracer-token" content="${escapeAttribute(session.tracerToken)}">`,
    );
  if (session.locale)
    metas.push(`<meta name="tokenframe-locale" content="${escapeAttribute(session.locale)}">`);
  const head = /<head[^>]*>/i.exec(withoutPlaceholder);
  if (!head) return metas.join('') + withoutPlaceholder;
  const at = head.index + head[0].length;
  const tags = metas.map((meta) => `\n    ${meta}`).join('');
  return `${withoutPlaceholder.slice(0, at)}${tags}${withoutPlaceholder.slice(at)}`;
}
