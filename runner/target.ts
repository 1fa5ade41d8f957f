/** The backend under test: the given base URL, or the embedded reference backend on a free loopback port. */
import { randomBytes } from 'node:crypto';
import type { Contract } from '../contracts/load.ts';
import { ApiClient } from '../http/api-client.ts';
import { ExchangeLog } from '../http/exchange-log.ts';
import { delayed } from '../backend/delay.ts';
import { serve } from '../backend/http-server.ts';
import { createReferenceBackend } from '../backend/reference-backend.ts';
import type { RunOptions } from './options.ts';
import { serveApp } from './serve-app.ts';

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
      stop: served.close,
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
  const server = await serve(delayed(backend.handler, options.embeddedDelayMs ?? 0), 0);
  return { kind: 'embedded', baseUrl: `${server.origin}/api/v1`, token, stop: () => server.close() };
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
