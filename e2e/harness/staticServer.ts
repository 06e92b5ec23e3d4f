import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

/** One request, with its body already read. */
export interface RouteRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a route answers. `type` defaults to `text/html; charset=utf-8`. */
export interface RouteResponse {
  status?: number;
  type?: string;
  headers?: Record<string, string>;
  body: string | Uint8Array;
}

/** Answers one request; return null to fall through (to the folder, then 404). */
export type RouteHandler = (
  request: RouteRequest,
) => RouteResponse | null | Promise<RouteResponse | null>;

/** How a {@link startStaticServer} behaves. */
export interface StaticServerOptions {
  /**
   * Host name in the origin. Both bind 127.0.0.1; use one of each for two origins that are
   * also two different sites (as a merchant page and the widget are in production).
   */
  hostname?: '127.0.0.1' | 'localhost';
  /** Folder served for GET requests no route answered. */
  root?: string;
  /**
   * Routes by pathname: `'/host.html'` matches exactly, `'/session/*'` matches the prefix.
   * Exact matches win over prefixes.
   */
  routes?: Record<string, RouteHandler>;
  /** Headers added to every response (e.g. a Content-Security-Policy under test). */
  headers?: Record<string, string>;
}

/** A running server. */
export interface StaticServer {
  /** `http://<hostname>:<port>` */
  origin: string;
  port: number;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Requests received so far, in order, as `METHOD /path?query`. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Starts an HTTP server on 127.0.0.1 at a free port (port 0), serving routes and a folder. */
export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const routes = options.routes ?? {};
  const root = options.root ? resolve(options.root) : null;
  const requests: string[] = [];

  const findRoute = (pathname: string): RouteHandler | undefined => {
    if (routes[pathname]) return routes[pathname];
    const prefix = Object.keys(routes)
      .filter((key) => key.endsWith('*') && pathname.startsWith(key.slice(0, -1)))
      .sort((a, b) => b.length - a.length)[0];
    return prefix ? routes[prefix] : undefined;
  };

  const serveFile = async (pathname: string): Promise<RouteResponse | null> => {
    if (!root) return null;
    const file = normalize(join(root, decodeURIComponent(pathname)));
    // Never serve outside the folder, whatever `..` the path holds.
    if (file !== root && !file.startsWith(root + sep)) return null;
    const target = (await stat(file).catch(() => null))?.isDirectory()
      ? join(file, 'index.html')
      : file;
    const body = await readFile(target).catch(() => null);
    if (!body) return null;
    return { body, type: TYPES[extname(target)] ?? 'application/octet-stream' };
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${hostname}`);
      const method = req.method ?? 'GET';
      requests.push(`${method} ${url.pathname}${url.search}`);
      const request: RouteRequest = {
        method,
        url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      void (async () => {
        const route = findRoute(url.pathname);
        const answer =
          (route ? await route(request) : null) ??
          (method === 'GET' || method === 'HEAD' ? await serveFile(url.pathname) : null);
        const response = answer ?? { status: 404, type: 'text/plain', body: 'not found' };
        res.writeHead(response.status ?? 200, {
          'content-type': response.type ?? 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          ...options.headers,
          ...response.headers,
        });
        res.end(response.body);
      })().catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
  });

  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${hostname}:${port}`;
  return {
    origin,
    port,
    url: (path) => new URL(path, origin).toString(),
    requests,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
