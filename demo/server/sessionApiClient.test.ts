import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSha512 } from './hmacSigner';
import { CREATE_SESSION_PATH, SessionApiClient } from './sessionApiClient';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

let server: Server | undefined;

async function recordingServer(answer: { status: number; body: string }) {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.writeHead(answer.status, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen };
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const credentials = { username: 'demo', secret: 'demo-secret' };

describe('SessionApiClient', () => {
  it('sends exactly the signed body bytes, with its digest, length and the idempotency key', async () => {
    const { url, seen } = await recordingServer({ status: 200, body: '{"status":100,"data":{}}' });
    const answer = await new SessionApiClient(url, credentials).createSession(
      { participant_unique_id1: 'p1', recipient_information: { city: 'Zürich' } },
      'key-1',
    );
    expect(answer).toMatchObject({ httpStatus: 200, envelope: { status: 100 } });
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(CREATE_SESSION_PATH);
    expect(request?.headers['idempotency-key']).toBe('key-1');
    expect(request?.headers['content-length']).toBe(String(request?.body.byteLength));
    expect(request?.headers['content-sha512']).toBe(contentSha512(request!.body));
    expect(request?.headers.authorization).toMatch(
      /^hmac username="demo", algorithm="hmac-sha512"/,
    );
  });

  it('signs GETs with content-length 0 and keeps the query in the path', async () => {
    const { url, seen } = await recordingServer({ status: 200, body: '{"status":0,"data":[]}' });
    await new SessionApiClient(url, credentials).listSessions({ participant_unique_id1: 'p 1' });
    expect(seen[0]?.url).toBe('/api/v1/sessions?participant_unique_id1=p+1');
    expect(seen[0]?.headers['content-length']).toBe('0');
    expect(seen[0]?.headers['content-sha512']).toBe(contentSha512(''));
  });

  it('passes an error envelope and Retry-After through untouched', async () => {
    const { url } = await recordingServer({
      status: 429,
      body: '{"status":13429,"client_message":"Too many requests","data":null,"time":0}',
    });
    const answer = await new SessionApiClient(url, credentials).getSession('sess_1');
    expect(answer).toMatchObject({ httpStatus: 429, envelope: { status: 13429 }, retryAfter: '1' });
  });
});
