/**
 * An app in process (the `app` option), served on a free loopback port for one run, as supertest serves
 * `request(app)`: a request listener gets its own http.Server; an http.Server that is not listening is started and
 * closed after the run; one already listening is used where it listens and left open.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppUnderTest } from './options.ts';

export interface ServedApp {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  close(): Promise<void>;
}

export async function serveApp(app: AppUnderTest): Promise<ServedApp> {
  const server: Server = typeof app === 'function' ? createServer(app) : app;
  if (server.listening) return { origin: originOf(server), close: async () => {} };
  await new Promise<void>((resolveListen, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', failed);
      resolveListen();
    });
  });
  return {
    origin: originOf(server),
    close: () =>
      new Promise<void>((resolveClose) => {
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

function originOf(server: Server): string {
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
}
