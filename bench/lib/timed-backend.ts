/**
 * The reference backend (or one broken variant of it) served in this process on a free loopback port, with the
 * time each request reached the handler and the time its answer was ready: the benchmark's view of a run from
 * the network side, on the same clock as the child-process timings.
 */
import { loadContract } from '../../contracts/load.ts';
import { serve, type RunningServer } from '../../backend/http-server.ts';
import { delayed } from '../../backend/delay.ts';
import { createReferenceBackend } from '../../backend/reference-backend.ts';
import { findVariant } from '../../backend/variants/catalogue.ts';
import type { Handler } from '../../backend/types.ts';
import { now } from './stats.ts';

export const BENCH_TOKEN = 'bench-token-5d1c0e9a7b';

export interface Mark {
  method: string;
  path: string;
  /** When the handler got the request (its body read). */
  start: number;
  /** When the answer was ready to be written. */
  end: number;
  status: number;
}

export interface TimedBackend {
  baseUrl: string;
  token: string;
  marks: Mark[];
  close(): Promise<void>;
}

/** `delayMs`: every answer that much late, like a backend across a network (timed from arrival to answer). */
export async function startTimedBackend(variantId?: string, delayMs = 0): Promise<TimedBackend> {
  const options = {
    contract: loadContract(),
    token: BENCH_TOKEN,
    semantics: 'merge',
    edgePolicy: 'lenient',
  } as const;
  let inner: Handler;
  if (variantId === undefined) {
    inner = createReferenceBackend(options).handler;
  } else {
    const variant = findVariant(variantId);
    if (!variant) throw new Error(`no variant "${variantId}" in backend/variants/catalogue.ts`);
    inner = variant.build(options);
  }
  inner = delayed(inner, delayMs);
  const marks: Mark[] = [];
  const handler: Handler = async (request) => {
    const start = now();
    const response = await inner(request);
    marks.push({ method: request.method, path: request.path, start, end: now(), status: response.status });
    return response;
  };
  const server: RunningServer = await serve(handler, 0);
  return { baseUrl: `${server.origin}/api/v1`, token: BENCH_TOKEN, marks, close: () => server.close() };
}
