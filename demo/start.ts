import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/config';
import { startService } from '../server/main';
import { demoEndpointsFromEnv, type DemoEndpoints } from './demoEndpoints';
import { buildDemoSite } from './server/demoSite';

/**
 * `npm start`: the Tokenframe service (PORT, default 8080) on the embedded store and the demo
 * merchant site (DEMO_PORT, default 3000) in one process, wired together: the sandbox
 * program allows the demo's origin and sends its webhooks to the demo backend.
 *
 * Environment: PORT, DEMO_PORT, TOKENFRAME_DATA_DIR (default ./.data), DATABASE_URL, and every
 * other service variable (see README). TOKENFRAME_WEBHOOK_URL/SECRET are set by this script.
 */

let endpoints: DemoEndpoints;
try {
  endpoints = demoEndpointsFromEnv(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const { servicePort, demoPort, serviceUrl } = endpoints;
const demoOrigins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`];
// A fresh secret per run: only this process's demo backend needs to know it.
const webhookSecret = randomBytes(24).toString('base64url');

if (!existsSync(join(REPO_ROOT, 'dist', 'sdk', 'tokenframe.js'))) {
  console.warn(
    'dist/sdk/tokenframe.js is missing: run `npm run build` (npm start does it for you).',
  );
}

const site = await buildDemoSite({
  serviceUrl,
  credentials: {
    username: process.env.DEMO_USERNAME || 'demo',
    secret: process.env.DEMO_SECRET || 'demo-secret',
  },
  webhookSecret,
  port: demoPort,
});
try {
  await site.listen({ port: demoPort, host: process.env.DEMO_HOST || 'localhost' });
} catch (error) {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(
    inUse
      ? `Port ${demoPort} is already in use: stop the other process or set DEMO_PORT.`
      : `The demo site did not start: ${(error as Error).message}`,
  );
  process.exit(1);
}

// Request logs would bury the ready line; the demo page shows the traffic instead.
process.env.LOG_LEVEL ??= 'warn';

const extraHosts = [process.env.TOKENFRAME_EXTRA_HOSTS, ...demoOrigins].filter(Boolean).join(',');
let service: Awaited<ReturnType<typeof startService>>;
try {
  service = await startService({
    ...process.env,
    PORT: String(servicePort),
    TOKENFRAME_EXTRA_HOSTS: extraHosts,
    TOKENFRAME_WEBHOOK_URL: `http://127.0.0.1:${demoPort}/webhooks`,
    TOKENFRAME_WEBHOOK_SECRET: webhookSecret,
  });
} catch (error) {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(
    inUse
      ? `Port ${servicePort} is already in use: stop the other process or set PORT.`
      : `The Tokenframe service did not start: ${(error as Error).message}`,
  );
  await site.close();
  process.exit(1);
}

console.log(`Tokenframe demo: open http://localhost:${demoPort} (service on ${serviceUrl})`);

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    // A second Ctrl-C means "now": do not wait for graceful close.
    process.exit(130);
  }
  stopping = true;
  console.log(`${signal}: stopping the demo and the service…`);
  const results = await Promise.allSettled([site.close(), service.close()]);
  const failed = results.filter((result) => result.status === 'rejected');
  for (const failure of failed) console.error((failure as PromiseRejectedResult).reason);
  process.exit(failed.length > 0 ? 1 : 0);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
