/** Reads a run's exchanges.ndjson as a stream (it can be hundreds of MB): counts, roles, and what replays need. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Exchange, RequestSpec, SentRequest } from '../../core/exchange.ts';

/** What the benchmark keeps of one exchange. */
export interface Logged {
  seq: number;
  role: string;
  spec: RequestSpec;
  request: SentRequest;
  status: number | undefined;
  /** The lane that sent it (the suites' requests); absent for set-up and clean-up. */
  lane?: number;
}

export async function countLines(path: string): Promise<{ lines: number; bytes: number }> {
  let lines = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) lines++;
  }
  return { lines, bytes };
}

/** Every exchange, lightly: the response text and JSON are dropped (only the status is kept). */
export async function readLogged(path: string): Promise<Logged[]> {
  const out: Logged[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const e = JSON.parse(line) as Exchange;
    out.push({
      seq: e.seq,
      role: e.role,
      spec: e.spec,
      request: e.request,
      status: e.response?.status,
      ...(e.lane !== undefined ? { lane: e.lane } : {}),
    });
  }
  return out;
}

/** Requests the runner sends around the suites: before (preflight, fixtures) and after (putting them back). */
export const isSetup = (role: string): boolean =>
  role === 'preflight' || /^fixture-(create|read)-/.test(role);
export const isCleanup = (role: string): boolean => /^fixture-(delete|restore|reset)-/.test(role);

/** Index range [first, last] of the suites' own requests in the log (setup and cleanup excluded). */
export function suiteRange(log: { role: string }[]): { first: number; last: number } {
  let first = 0;
  while (first < log.length && isSetup(log[first]?.role ?? '')) first++;
  let last = log.length - 1;
  while (last >= 0 && isCleanup(log[last]?.role ?? '')) last--;
  return { first, last };
}

/** Steps as they were sent: consecutive 'burst' entries were one concurrent group, everything else one by one. */
export function steps<T extends { role: string }>(log: T[]): T[][] {
  const groups: T[][] = [];
  for (const entry of log) {
    const previous = groups[groups.length - 1];
    if (entry.role === 'burst' && previous?.[0]?.role === 'burst') previous.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

/**
 * Splits the suites' requests into scenarios (one generated or fixed case each): a scenario starts at
 * 'other-before', at a 'baseline' not preceded by 'other-before', or at an 'update' not preceded by either.
 * Returns, per scenario, the index of its first and last exchange in the log.
 */
export function scenarios(log: { role: string }[]): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  const { first, last } = suiteRange(log);
  for (let i = first; i <= last; i++) {
    const role = log[i]?.role ?? '';
    const previous = i > first ? (log[i - 1]?.role ?? '') : '';
    const starts =
      role === 'other-before' ||
      (role === 'baseline' && previous !== 'other-before') ||
      (role === 'update' && previous !== 'baseline' && previous !== 'other-before');
    const current = out[out.length - 1];
    if (starts || !current) out.push({ first: i, last: i });
    else current.last = i;
  }
  return out;
}
