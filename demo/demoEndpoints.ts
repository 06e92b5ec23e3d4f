/**
 * Where `npm start` puts the service and the demo site, from the same environment variables
 * everywhere: `demo/start.ts` listens there and the stand-in native app
 * (`demo/webview/nativeShell.ts`) connects there, so one `PORT=… DEMO_PORT=…` serves both
 * (PRODUCT.md §8: ports come from the environment).
 */

/** The demo's two ports and the URLs a browser reaches them at. */
export interface DemoEndpoints {
  servicePort: number;
  demoPort: number;
  /** The service origin, as written into every authorized_url. */
  serviceUrl: string;
  demoUrl: string;
}

/** A variable holds something other than a port number. */
export class DemoEndpointError extends Error {}

function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new DemoEndpointError(`${name} must be a port number 1–65535, got "${raw}"`);
  return port;
}

/**
 * Reads PORT (service, default 8080), DEMO_PORT (demo site, default 3000) and
 * TOKENFRAME_PUBLIC_URL (the service's public origin, default `http://localhost:PORT`).
 */
export function demoEndpointsFromEnv(env: NodeJS.ProcessEnv): DemoEndpoints {
  const servicePort = portFrom(env, 'PORT', 8080);
  const demoPort = portFrom(env, 'DEMO_PORT', 3000);
  const serviceUrl = (env.TOKENFRAME_PUBLIC_URL || `http://localhost:${servicePort}`).replace(
    /\/$/,
    '',
  );
  return { servicePort, demoPort, serviceUrl, demoUrl: `http://localhost:${demoPort}` };
}
