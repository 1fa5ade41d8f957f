/** Serves a Handler over node:http on loopback; port 0 picks a free port. */
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handler } from './types.ts';

/**
 * Thrown by a handler to stand for a backend process that dies: every connection is dropped and the port
 * stops listening, as when the process exits.
 */
export class BackendExit extends Error {}

export interface RunningServer {
  /** Origin, e.g. http://127.0.0.1:40123 (no path). */
  origin: string;
  port: number;
  close(): Promise<void>;
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function headerMap(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * A Handler as a node:http request listener. A BackendExit drops the connection and calls `onExit` (serve() stops
 * listening, as a dead process would).
 */
// Stryker disable next-line all: the default onExit, for callers other than serve(): the reference never exits
export function requestListener(handler: Handler, onExit: () => void = () => {}): RequestListener {
  return (request, response) => {
    void (async () => {
      try {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const result = await handler({
          method: request.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: headerMap(request),
          body: await readText(request),
        });
        response.writeHead(result.status, result.headers);
        response.end(result.body);
      } catch (error) {
        // Stryker disable all: the reference handler never throws (bad JSON and bad percent-encoding are answered); this path serves the broken variants that crash or exit
        if (error instanceof BackendExit) {
          onExit();
          request.socket.destroy();
          return;
        }
        // A crash in a handler is an answer too (rule R2 catches it): a bare 500, as a real server would give.
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('internal server error');
      }
    })();
  };
}

// Stryker restore all
export async function serve(handler: Handler, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const server: Server = createServer(
    // Stryker disable next-line all: what a BackendExit does, which the reference never throws
    requestListener(handler, () => {
      server.close();
      server.closeAllConnections();
    }),
  );
  // Stryker disable next-line all: how long an idle connection is kept is not part of the contract
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolveListen, reject) => {
    // Stryker disable next-line all: a port that cannot be listened on is the runner's exit 2, before any request
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${address.port}`,
    port: address.port,
    // Stryker disable all: shutdown, after the last request of a run
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
    // Stryker restore all
  };
}
