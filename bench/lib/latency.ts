/**
 * A default run against the embedded backend answering each request `delayMs` late (--embedded-delay): what a
 * remote backend's latency costs, against the floor the latency itself sets.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Exchange } from '../../core/exchange.ts';
import { cliRun, dispose, type RunFigures } from './cli-run.ts';

/**
 * Requests that must follow one another whatever the lanes: the preflight, a lane's set-up (create A, create B,
 * read both), the semantics probe (baseline, update, read), the longest case (read the other, baseline, update,
 * read back, read the other), the end-of-run read and the put-back (two PUTs).
 */
export const CHAIN = 1 + 4 + 3 + 5 + 1 + 2;

export const CONCURRENCY = 16;

export interface LatencyRun {
  delayMs: number;
  lanes: number | undefined;
  run: RunFigures;
  /** Sum of every request's time, over the wall time: requests in flight on average. */
  inFlight: number;
  /** Lines of its exchanges.ndjson. */
  requests: number;
}

async function summedDurationMs(path: string): Promise<number> {
  let total = 0;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) total += (JSON.parse(line) as Exchange).durationMs;
  return total;
}

export async function latencyRun(seed: number, delayMs: number, lanes?: number): Promise<LatencyRun> {
  const args = ['--seed', String(seed), '--embedded-delay', String(delayMs)];
  if (lanes !== undefined) args.push('--lanes', String(lanes));
  const run = await cliRun(args, { keep: true, timeoutMs: 20 * 60_000 });
  try {
    const busy = await summedDurationMs(join(run.reportDir, 'exchanges.ndjson')).catch(() => NaN);
    return { delayMs, lanes, run, inFlight: busy / run.wallMs, requests: run.requests };
  } finally {
    dispose(run);
  }
}

/** Start-up (spawn → first suite line, measured with no delay) + the network's share, or the chain if longer. */
export function floorMs(startupMs: number, requests: number, delayMs: number): number {
  return startupMs + Math.max((requests * delayMs) / CONCURRENCY, CHAIN * delayMs);
}
