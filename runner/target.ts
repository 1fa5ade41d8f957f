/** The backend under test: the given base URL, or the embedded reference backend on a free loopback port. */
import { randomBytes } from 'node:crypto';
import type { Contract } from '../contracts/load.ts';
import { ApiClient } from '../http/api-client.ts';
import { ExchangeLog } from '../http/exchange-log.ts';
import { delayed } from '../backend/delay.ts';
import { serve, type RunningServer } from '../backend/http-server.ts';
import { createReferenceBackend } from '../backend/reference-backend.ts';
import { withinTime } from './bounded.ts';
import type { RunOptions } from './options.ts';
import { serveApp } from './serve-app.ts';
import { TargetError } from './target-error.ts';

/** How long the embedded backend may take to start listening, and to close at the end. */
export const EMBEDDED_BOUNDS = { startMs: 10_000, stopMs: 3_000 };

export interface Target {
  kind: 'embedded' | 'remote' | 'app';
  baseUrl: string;
  token: string;
  stop(): Promise<void>;
}

export async function openTarget(options: RunOptions, contract: Contract): Promise<Target> {
  if (options.app !== undefined && options.token !== undefined) {
    const served = await serveApp(options.app);
    return {
      kind: 'app',
      baseUrl: `${served.origin}${options.basePath}`,
      token: options.token,
      // Bounded as the embedded backend's close is: an app holding a connection open must not hang the run's end.
      stop: () => withinTime(served.close(), EMBEDDED_BOUNDS.stopMs, () => undefined),
    };
  }
  if (options.baseUrl !== undefined && options.token !== undefined) {
    return { kind: 'remote', baseUrl: options.baseUrl, token: options.token, stop: async () => {} };
  }
  const token = options.token ?? randomBytes(24).toString('hex');
  const semantics = options.putSemantics ?? contract.tolerances.putSemantics;
  const backend = createReferenceBackend({
    contract,
    token,
    semantics: semantics === 'replace' ? 'replace' : 'merge',
    edgePolicy: options.embeddedStrict ? 'strict' : 'lenient',
  });
  const server = await boundedServer(
    serve(delayed(backend.handler, options.embeddedDelayMs ?? 0), 0),
    EMBEDDED_BOUNDS,
  );
  return { kind: 'embedded', baseUrl: `${server.origin}/api/v1`, token, stop: server.stop };
}

/**
 * The embedded backend as it starts, bounded: one that fails to start, or does not listen within
 * `bounds.startMs`, is a TargetError (exit 2, one line); its stop resolves within `bounds.stopMs` even when the
 * server's close never completes, so the run still ends with its verdict.
 */
export async function boundedServer(
  starting: Promise<RunningServer>,
  bounds: { startMs: number; stopMs: number },
): Promise<{ origin: string; stop: () => Promise<void> }> {
  const hint = 'pass --base-url to run against a backend of your own';
  const failed = starting.catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    throw new TargetError(`the embedded reference backend could not start (${why}); ${hint}`);
  });
  const server = await withinTime(failed, bounds.startMs, () => {
    throw new TargetError(
      `the embedded reference backend did not start listening within ${bounds.startMs / 1000} s; ${hint}`,
    );
  });
  return { origin: server.origin, stop: () => withinTime(server.close(), bounds.stopMs, () => undefined) };
}

/** The client for a target, with no fixtures yet; `logPath` undefined numbers exchanges without writing them. */
export function clientFor(
  target: Target,
  options: RunOptions,
  contract: Contract,
  logPath?: string,
): ApiClient {
  return new ApiClient({
    baseUrl: target.baseUrl,
    token: target.token,
    contract,
    timeoutMs: options.timeoutMs,
    concurrency: options.concurrency,
    fixtures: {},
    log: new ExchangeLog(logPath),
  });
}
