/**
 * The suite's overhead over the network itself. The suite runs with --base-url against a reference backend
 * served by this process (timed per request, answering `delayMs` late); its exchanges.ndjson is then replayed,
 * request for request, by a bare loop against a fresh reference backend with the same delay (same fixtures, hence
 * the same ids), in a child process too. The like-for-like loop ('laned') sends with the suite's concurrency: its
 * lanes at once, at most CONCURRENCY in flight; the others send one request at a time (a burst at once), to split
 * the suite's cost into client, connection and the rest. Both are timed at the backend over the same requests:
 * from the first request of the suites to the last one (preflight, fixture creation and clean-up excluded), so
 * start-up and reports do not count.
 */
import { join } from 'node:path';
import { runMeasured } from './child.ts';
import { cliRun, dispose, type RunFigures } from './cli-run.ts';
import { readLogged, suiteRange } from './exchange-file.ts';
import { startTimedBackend, type Mark } from './timed-backend.ts';

export const REPLAY_MODES = ['laned', 'keepalive', 'close', 'suite-client'] as const;
/** The suite's --concurrency, given to the suite and to the laned loop alike. */
export const CONCURRENCY = 16;
export type ReplayMode = (typeof REPLAY_MODES)[number];

export interface Replay {
  mode: ReplayMode;
  /** The replay loop's own time for every request (its process start-up excluded). */
  loopMs: number;
  /** At the backend, first to last request of the suites' range. */
  spanMs: number;
  wallMs: number;
  /** CPU time (user + system) of the replay process, start-up included. */
  cpuS: number;
  mismatches: number;
  note?: string;
}

export interface OverheadRep {
  runs: number;
  delayMs: number;
  seed: number;
  suite: RunFigures;
  requests: number;
  suiteRequests: number;
  /** At the backend: spawn → first suite request; suites' first → last request; last → exit. */
  startupMs: number;
  spanMs: number;
  windDownMs: number;
  /** CPU time of this process (the backend) while the suite ran. */
  backendCpuS: number;
  replays: Replay[];
  notes: string[];
}

/**
 * The suites' requests at the backend: the marks after the set-up's `before` and before the clean-up's `after`
 * (both sent alone, so theirs are the first and last marks; in between, lanes interleave). Their first start and
 * last end bound the request phase.
 */
function suitePhase(marks: Mark[], before: number, after: number): { start: number; end: number } {
  const suites = marks.slice(before, marks.length - after);
  if (suites.length === 0) return { start: NaN, end: NaN };
  return suites.reduce(
    (phase, m) => ({ start: Math.min(phase.start, m.start), end: Math.max(phase.end, m.end) }),
    { start: Infinity, end: -Infinity },
  );
}
const span = (marks: Mark[], before: number, after: number): number => {
  const { start, end } = suitePhase(marks, before, after);
  return end - start;
};

export async function overheadRep(
  runs: number,
  seed: number,
  delayMs = 0,
  modes: readonly ReplayMode[] = REPLAY_MODES,
): Promise<OverheadRep> {
  const notes: string[] = [];
  const backend = await startTimedBackend(undefined, delayMs);
  const cpuBefore = process.cpuUsage();
  let suite: RunFigures;
  try {
    const args = ['--seed', String(seed), '--runs', String(runs), '--concurrency', String(CONCURRENCY)];
    suite = await cliRun(['--base-url', backend.baseUrl, ...args], {
      env: { API_TOKEN: backend.token },
      keep: true,
      timeoutMs: 20 * 60_000,
    });
  } finally {
    await backend.close();
  }
  const cpu = process.cpuUsage(cpuBefore);
  try {
    if (suite.code !== 0) notes.push(`suite run exited ${suite.code}: ${suite.tail ?? 'violations'}`);
    const logPath = join(suite.reportDir, 'exchanges.ndjson');
    const log = await readLogged(logPath);
    if (backend.marks.length !== log.length) {
      notes.push(`backend saw ${backend.marks.length} requests, the log has ${log.length}`);
    }
    const { first, last } = suiteRange(log);
    const after = log.length - 1 - last;
    const phase = suitePhase(backend.marks, first, after);
    const replays: Replay[] = [];
    for (const mode of modes) {
      const fresh = await startTimedBackend(undefined, delayMs);
      try {
        const m = await runMeasured({
          nodeArgs: [
            '--import',
            'tsx',
            'bench/replay.ts',
            '--log',
            logPath,
            '--base-url',
            fresh.baseUrl,
            '--mode',
            mode,
            '--concurrency',
            String(CONCURRENCY),
          ],
          env: { API_TOKEN: fresh.token },
          timeoutMs: 20 * 60_000,
        });
        const out = JSON.parse(m.stdout.trim().split('\n').pop() ?? '{}') as {
          loopMs?: number;
          mismatches?: number;
          firstMismatch?: string;
        };
        replays.push({
          mode,
          loopMs: out.loopMs ?? NaN,
          spanMs: span(fresh.marks, first, after),
          wallMs: m.wallMs,
          cpuS: m.userS + m.sysS,
          mismatches: out.mismatches ?? NaN,
          ...(out.firstMismatch ? { note: out.firstMismatch } : {}),
        });
        if (m.code !== 0) notes.push(`replay ${mode} exited ${m.code}`);
      } finally {
        await fresh.close();
      }
    }
    return {
      runs,
      delayMs,
      seed,
      suite,
      requests: log.length,
      suiteRequests: last - first + 1,
      startupMs: phase.start - suite.measured.started,
      spanMs: phase.end - phase.start,
      windDownMs: suite.measured.ended - phase.end,
      backendCpuS: (cpu.user + cpu.system) / 1e6,
      replays,
      notes,
    };
  } finally {
    dispose(suite);
  }
}
