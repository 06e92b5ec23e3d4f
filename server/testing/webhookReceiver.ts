import { createServer, type Server } from 'node:http';

/** One delivery as the receiver saw it. */
export interface ReceivedWebhook {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  answered: number;
}

/**
 * A real local HTTP receiver for webhook tests. `respond` decides the status of each delivery
 * (default 200), so tests can fail the first attempts.
 */
export async function startWebhookReceiver(
  respond: (attempt: number, body: string) => number = () => 200,
) {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answered = respond(received.length + 1, body);
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
