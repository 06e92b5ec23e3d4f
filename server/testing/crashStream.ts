import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { SignedClient, sampleSessionRequest } from './signedClient';
import { spawnService, type SpawnedService } from './spawnService';

/**
 * Streams creates (each with its own key, some repeated) at a child service, SIGKILLs it in
 * the middle, restarts it on the same data folder and checks what the answers promised.
 */
export async function crashAndRecover(
  env: Record<string, string>,
  track: (service: SpawnedService) => void,
): Promise<{ answered: number; attempted: number }> {
  let service = await spawnService({ env });
  track(service);
  const dataDir = service.dataDir;
  const port = service.port;
  const client = new SignedClient({
    baseUrl: service.url,
    username: 'demo',
    secret: 'demo-secret',
  });
  const run = randomUUID().slice(0, 8); // participants unique per run: a shared database keeps old rows
  const answered = new Map<number, string>();
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (!killed) {
      const i = next++;
      const n = i % 3 === 2 ? i - 1 : i; // every third request repeats the previous key
      try {
        const res = await client.createSession(
          sampleSessionRequest({ participant_unique_id1: `crash-${run}-${n}` }),
          `key-${n}`,
        );
        if (res.body.status === 100 || res.body.status === 101) {
          const known = answered.get(n);
          if (known) expect(res.body.data.session_identifier).toBe(known);
          answered.set(n, res.body.data.session_identifier);
        }
      } catch {
        // connection cut by the kill: this create was never answered
      }
    }
  };
  const workers = Array.from({ length: 4 }, worker);
  while (answered.size < 25) await new Promise((r) => setTimeout(r, 5));
  await service.kill('SIGKILL');
  killed = true;
  await Promise.all(workers);

  service = await spawnService({ env, dataDir, port });
  track(service);
  const after = new SignedClient({ baseUrl: service.url, username: 'demo', secret: 'demo-secret' });
  await Promise.all(
    [...answered].map(async ([n, id]) => {
      const detail = await after.send('GET', `/api/v1/sessions/${id}`);
      expect(detail.body.status, `session of key-${n}`).toBe(100);
      const replay = await after.createSession(
        sampleSessionRequest({ participant_unique_id1: `crash-${run}-${n}` }),
        `key-${n}`,
      );
      expect(replay.body).toMatchObject({ status: 101, data: { session_identifier: id } });
    }),
  );
  // No duplicates: every participant (one key each) has at most one session.
  const all = await after.send<{ data: { sessions: { participant_unique_id1: string }[] } }>(
    'GET',
    '/api/v1/sessions?limit=200',
  );
  const ours = all.body.data.sessions
    .map((s) => s.participant_unique_id1)
    .filter((p) => p.startsWith(`crash-${run}-`));
  expect(new Set(ours).size).toBe(ours.length);
  return { answered: answered.size, attempted: next };
}
