/**
 * The suite's overhead over the network itself. The suite runs with --base-url against a reference backend
 * served by this process (timed per request); its exchanges.ndjson is then replayed, request for request, by a
 * bare loop against a fresh reference backend (same fixtures, hence the same ids), in a child process too.
 * Both are timed at the backend over the same requests: from the first request of the suites to the last one
 * (preflight, fixture creation and clean-up excluded), so start-up and reports do not count.
 */
import { join } from 'node:path';
import { runMeasured } from './child.ts';
import { cliRun, dispose, type RunFigures } from './cli-run.ts';
import { readLogged, suiteRange } from './exchange-file.ts';
import { startTimedBackend, type Mark } from './timed-backend.ts';

export const REPLAY_MODES = ['keepalive', 'close', 'suite-client'] as const;
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

const span = (marks: Mark[], first: number, last: number): number =>
  (marks[last]?.end ?? NaN) - (marks[first]?.start ?? NaN);

export async function overheadRep(runs: number, seed: number): Promise<OverheadRep> {
  const notes: string[] = [];
  const backend = await startTimedBackend();
  const cpuBefore = process.cpuUsage();
  let suite: RunFigures;
  try {
    suite = await cliRun(['--base-url', backend.baseUrl, '--seed', String(seed), '--runs', String(runs)], {
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
    const marks = backend.marks;
    const replays: Replay[] = [];
    for (const mode of REPLAY_MODES) {
      const fresh = await startTimedBackend();
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
          spanMs: span(fresh.marks, first, last),
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
      seed,
      suite,
      requests: log.length,
      suiteRequests: last - first + 1,
      startupMs: (marks[first]?.start ?? NaN) - suite.measured.started,
      spanMs: span(marks, first, last),
      windDownMs: suite.measured.ended - (marks[last]?.end ?? NaN),
      backendCpuS: (cpu.user + cpu.system) / 1e6,
      replays,
      notes,
    };
  } finally {
    dispose(suite);
  }
}
