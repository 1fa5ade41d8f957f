/**
 * A default run against the embedded backend answering each request `delayMs` late (--embedded-delay): what a
 * remote backend's latency costs, against the floor the latency itself sets.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Exchange } from '../../core/exchange.ts';
import { cliRun, dispose, type RunFigures } from './cli-run.ts';
import { inFlight, type InFlight, type Interval } from './in-flight.ts';

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
  /** Requests in flight over time, from the first request sent to the last answered. */
  profile: InFlight | undefined;
  /** Lines of its exchanges.ndjson. */
  requests: number;
}

async function intervals(path: string): Promise<Interval[]> {
  const all: Interval[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const { sentAt, durationMs } = JSON.parse(line) as Exchange;
    if (sentAt !== undefined) all.push({ sentAt, durationMs });
  }
  return all;
}

export async function latencyRun(
  seed: number,
  delayMs: number,
  lanes?: number,
  /** Another checkout to run instead of this one (the code before a change, measured in the same minute). */
  root?: string,
): Promise<LatencyRun> {
  const args = ['--seed', String(seed), '--embedded-delay', String(delayMs)];
  if (lanes !== undefined) args.push('--lanes', String(lanes));
  const run = await cliRun(args, { keep: true, timeoutMs: 20 * 60_000, ...(root ? { root } : {}) });
  try {
    const sent = await intervals(join(run.reportDir, 'exchanges.ndjson')).catch((): Interval[] => []);
    const busy = sent.reduce((sum, i) => sum + i.durationMs, 0);
    return {
      delayMs,
      lanes,
      run,
      inFlight: sent.length > 0 ? busy / run.wallMs : NaN,
      profile: sent.length > 0 ? inFlight(sent, CONCURRENCY) : undefined,
      requests: run.requests,
    };
  } finally {
    dispose(run);
  }
}

/** Start-up (spawn → first suite line, measured with no delay) + the network's share, or the chain if longer. */
export function floorMs(startupMs: number, requests: number, delayMs: number): number {
  return startupMs + Math.max((requests * delayMs) / CONCURRENCY, CHAIN * delayMs);
}
