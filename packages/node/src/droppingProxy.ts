import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy for tests that drops the first `dropFirst` connections at the worst moment for
 * a client: after the service has received the whole request and answered, before a byte of
 * the answer reaches the client (the seed's "network error on session create" scenario).
 */
export async function startDroppingProxy(target: { host: string; port: number }, dropFirst = 1) {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    connections += 1;
    const drop = connections <= dropFirst;
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (drop) {
        client.destroy();
        upstream.destroy();
      } else {
        client.write(chunk);
      }
    });
    upstream.on('end', () => client.end());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Connections accepted so far. */
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
