import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

/**
 * Test projects:
 * - `dom`: logic and components of the browser parts, in happy-dom.
 * - `node`: the service, the demo backend, the build tooling and the Chromium resolver, in Node.
 * - `browser`: real Chromium across two origins against real processes (`e2e/`).
 * - `postgres`: the storage and idempotency suites against a real PostgreSQL
 *   (`TOKENFRAME_TEST_DATABASE_URL`).
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          setupFiles: ['widget/testing/domTestSetup.ts'],
          include: ['{protocol,host-sdk,widget,locales}/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['{server,demo,tooling,chromium,packages}/**/*.test.ts'],
          exclude: ['**/*.pg.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['e2e/**/*.e2e.ts'],
          // Unpacks the browser and the fonts once and names them, before any file runs.
          globalSetup: ['e2e/harness/announceChromium.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'postgres',
          environment: 'node',
          include: ['server/**/*.pg.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
