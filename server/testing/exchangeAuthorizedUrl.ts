/**
 * Sends the widget's exchange for `authorizedUrl` to the service at `serviceUrl`, as the
 * widget does at boot (PRODUCT.md §2, "Load"): the session id from the URL's path, `t` and
 * `h` from its query. Resolves with the raw response, so a test can check any answer.
 */
export function exchangeAuthorizedUrl(
  serviceUrl: string,
  authorizedUrl: string,
): Promise<Response> {
  const url = new URL(authorizedUrl);
  return fetch(`${serviceUrl}/api/widget/v1/exchange`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      session_identifier: decodeURIComponent(url.pathname.split('/').pop() ?? ''),
      t: url.searchParams.get('t'),
      h: url.searchParams.get('h'),
    }),
  });
}
