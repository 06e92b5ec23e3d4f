import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWidgetApiHarness, type WidgetApiHarness } from '../testing/widgetApiHarness';
import { injectSessionMeta, widgetDocumentHeaders } from './widgetDocumentHeaders';
import { signAuthorizedUrl } from '../domain/sessions/authorizedUrl';

const FIXTURE_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/widget/assets/index-abc123.js"></script></head><body><div id="app"></div></body></html>';

let distDir: string;
let api: WidgetApiHarness;

beforeAll(async () => {
  // A stand-in for `vite build` output, so this suite does not depend on the widget build.
  distDir = mkdtempSync(join(tmpdir(), 'tokenframe-dist-'));
  mkdirSync(join(distDir, 'widget', 'assets'), { recursive: true });
  writeFileSync(join(distDir, 'widget', 'index.html'), FIXTURE_HTML);
  writeFileSync(join(distDir, 'widget', 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(
    join(distDir, 'widget', 'favicon.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  api = await startWidgetApiHarness({ distDir });
}, 60_000);
afterAll(async () => {
  await api.close();
  rmSync(distDir, { recursive: true, force: true });
});

/** The path of a genuine authorized_url of `sessionId` (expiry in the future). */
function signedPath(sessionId: string): string {
  const t = String(Date.now() + 30_000);
  return `/session/${sessionId}?t=${t}&h=${signAuthorizedUrl(api.config.urlSecret, sessionId, t)}`;
}

describe('GET /session/:id', () => {
  it('serves the widget with a CSP whose frame-ancestors is the session host origin only', async () => {
    const sessionId = await api.createSession();
    const response = await api.app.inject({ method: 'GET', url: signedPath(sessionId) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors https://shop.example; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(response.headers).toMatchObject({
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(response.headers['content-type']).toMatch(/^text\/html/);
  });

  it('injects the host origin meta tag into the head, once', async () => {
    const sessionId = await api.createSession();
    const body = (await api.app.inject({ method: 'GET', url: signedPath(sessionId) })).body;
    expect(
      body.match(/<meta name="tokenframe-host-origin" content="https:\/\/shop.example">/g),
    ).toHaveLength(1);
    expect(body.indexOf('tokenframe-host-origin')).toBeLessThan(body.indexOf('<script'));
  });

  it("injects the session's tracer token meta beside the host origin, so a failed exchange still reports it", async () => {
    const sessionId = await api.createSession();
    const rows = await api.store.query<{ tracer_token: string }>(
      'SELECT tracer_token FROM sessions WHERE id = $1',
      [sessionId],
    );
    const tracerToken = rows[0]!.tracer_token;
    expect(tracerToken).toBeTruthy();
    const body = (await api.app.inject({ method: 'GET', url: signedPath(sessionId) })).body;
    const tags = body.match(/<meta name="tokenframe-tracer-token" content="([^"]*)">/g);
    expect(tags).toEqual([`<meta name="tokenframe-tracer-token" content="${tracerToken}">`]);
    expect(body.indexOf('tokenframe-tracer-token')).toBeLessThan(body.indexOf('<script'));
  });

  it("injects the session's language, so a failed exchange still shows its error page in it", async () => {
    const sessionId = await api.createSession();
    const rows = await api.store.query<{ language_locale_code: string }>(
      'SELECT language_locale_code FROM sessions WHERE id = $1',
      [sessionId],
    );
    const body = (await api.app.inject({ method: 'GET', url: signedPath(sessionId) })).body;
    expect(body.match(/<meta name="tokenframe-locale" content="([^"]*)">/g)).toEqual([
      `<meta name="tokenframe-locale" content="${rows[0]!.language_locale_code}">`,
    ]);
  });

  it('reveals nothing about the session without a valid t/h: no host origin, tracer or language', async () => {
    const sessionId = await api.createSession();
    const [row] = await api.store.query<{ tracer_token: string; host_origin: string }>(
      'SELECT tracer_token, host_origin FROM sessions WHERE id = $1',
      [sessionId],
    );
    const t = String(Date.now() + 30_000);
    for (const query of [
      '',
      '?t=1&h=x',
      `?t=${t}&h=${signAuthorizedUrl(api.config.urlSecret, 'other', t)}`,
      `?t=${t}`,
    ]) {
      const response = await api.app.inject({
        method: 'GET',
        url: `/session/${sessionId}${query}`,
      });
      expect(response.statusCode, query).toBe(200);
      expect(response.headers['content-security-policy'], query).toContain(
        "frame-ancestors 'none'",
      );
      for (const secret of [row!.tracer_token, row!.host_origin, 'tokenframe-locale'])
        expect(`${JSON.stringify(response.headers)}${response.body}`, query).not.toContain(secret);
    }
  });

  it('serves an unknown session with frame-ancestors none and no host origin, so the widget shows invalid_url', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/session/does-not-exist' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.body).not.toContain('tokenframe-host-origin');
    expect(response.body).not.toContain('tokenframe-tracer-token');
  });

  it('answers 503 with the same headers when the widget is not built', async () => {
    const unbuilt = await startWidgetApiHarness({ distDir: join(distDir, 'missing') });
    try {
      const response = await unbuilt.app.inject({ method: 'GET', url: '/session/x' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    } finally {
      await unbuilt.close();
    }
  }, 60_000);
});

describe('/widget/ static files', () => {
  it('caches hashed assets immutably', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/widget/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('revalidates files outside assets/, whose names carry no hash', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/widget/favicon.svg' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  });

  it('never serves index.html from /widget/, where it would lack its per-session CSP', async () => {
    for (const url of ['/widget/index.html', '/widget/']) {
      const response = await api.app.inject({ method: 'GET', url });
      expect([403, 404]).toContain(response.statusCode);
      expect(response.body).not.toContain('id="app"');
    }
  });
});

describe('injectSessionMeta', () => {
  it('escapes the origin as an HTML attribute', () => {
    expect(
      injectSessionMeta('<head></head>', { hostOrigin: 'https://a.example/"><script>' }),
    ).toContain('content="https://a.example/&quot;&gt;&lt;script&gt;"');
  });
  it('escapes the tracer token as an HTML attribute', () => {
    expect(
      injectSessionMeta('<head></head>', {
        hostOrigin: 'https://a.example',
        tracerToken: 'trc_"><script>',
      }),
    ).toContain('<meta name="tokenframe-tracer-token" content="trc_&quot;&gt;&lt;script&gt;">');
  });
  it('drops a tracer token placeholder and adds none without a session', () => {
    const built = '<head>\n<meta name="tokenframe-tracer-token" content="" />\n</head>';
    expect(injectSessionMeta(built, { hostOrigin: null, tracerToken: null })).not.toContain(
      'tokenframe-tracer-token',
    );
  });
  it("tells the widget the session's language, escaped", () => {
    const served = injectSessionMeta('<head></head>', {
      hostOrigin: 'https://a.example',
      locale: 'ar-SA"><x',
    });
    expect(served).toContain('<meta name="tokenframe-locale" content="ar-SA&quot;&gt;&lt;x">');
  });
  it('leaves the document alone without a host origin', () => {
    expect(injectSessionMeta('<head></head>', { hostOrigin: null })).toBe('<head></head>');
  });
  it("replaces the build's placeholder tag instead of adding a second one", () => {
    const built =
      '<head>\n<meta name="tokenframe-host-origin" content="" />\n<title>x</title></head>';
    const served = injectSessionMeta(built, { hostOrigin: 'https://a.example' });
    expect(served.match(/tokenframe-host-origin/g)).toHaveLength(1);
    expect(served).toContain('content="https://a.example"');
    expect(injectSessionMeta(built, { hostOrigin: null })).not.toContain('tokenframe-host-origin');
  });
});

describe('widgetDocumentHeaders', () => {
  it('allows no inline script or style', () => {
    const csp = widgetDocumentHeaders('https://a.example')['content-security-policy'];
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('allows the build’s inline script by its hash only', () => {
    const csp = widgetDocumentHeaders('https://a.example', "'sha256-abc='")[
      'content-security-policy'
    ];
    expect(csp).toContain("script-src 'self' 'sha256-abc=';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
  });
});
