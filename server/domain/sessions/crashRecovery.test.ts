import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { crashAndRecover } from '../../testing/crashStream';
import type { SpawnedService } from '../../testing/spawnService';

const started: SpawnedService[] = [];
afterAll(async () => {
  for (const service of started) await service.kill('SIGKILL');
  for (const service of started) rmSync(service.dataDir, { recursive: true, force: true });
});

describe('crash recovery on PGlite', () => {
  it('after SIGKILL mid-stream and a restart, every answered session exists once', async () => {
    const result = await crashAndRecover({}, (service) => started.push(service));
    expect(result.answered).toBeGreaterThanOrEqual(25);
  }, 120_000);
});
