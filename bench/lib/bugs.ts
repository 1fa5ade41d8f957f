/**
 * Bugs found per second: the suite (--only valid-updates) against a planted bug served by this process, timed
 * at the backend. The first failing case is the numRuns-th generated case of the check's first round (fast-check
 * counts the failing run in numRuns); its last request's answer is the time of the first failure. Shrinking
 * ends where the property starts its next round (which sends the first case's requests again, same seed) or, when there
 * is none, at the check's last request. Times are from the spawn of the command line.
 */
import { join } from 'node:path';
import { cliRun, dispose } from './cli-run.ts';
import { readLogged, scenarios, suiteRange, type Logged } from './exchange-file.ts';
import { startTimedBackend } from './timed-backend.ts';

export const PLANTED = [
  { id: 'trims-names', what: 'a trimmed name' },
  { id: 'ignores-null-optional', what: 'an ignored null' },
  { id: 'replaces-astral-chars', what: 'astral characters replaced' },
] as const;

export interface BugRun {
  variant: string;
  seed: number;
  code: number | null;
  rules: string[];
  /** Generated cases up to and including the first failing one. */
  numRuns: number;
  numShrinks: number;
  /** Cases played while shrinking (at most the suite's bound of shrink attempts). */
  shrinkPlays: number;
  requests: number;
  firstFailureMs: number;
  /** First failure, counted from the check's first request (start-up excluded). */
  firstFailureInCheckMs: number;
  shrunkMs: number;
  exitMs: number;
  notes: string[];
}

/** A case's requests as sent: the next round's first case repeats the first case's exactly; shrinks differ. */
const requestsOf = (log: Logged[], c: { first: number; last: number }): string =>
  log
    .slice(c.first, c.last + 1)
    .map((e) => `${e.request.method} ${e.request.path} ${e.request.body ?? ''}`)
    .join('\n');

export async function bugRun(variant: string, seed: number): Promise<BugRun> {
  const notes: string[] = [];
  const backend = await startTimedBackend(variant);
  const run = await cliRun(
    ['--base-url', backend.baseUrl, '--seed', String(seed), '--only', 'valid-updates'],
    {
      env: { API_TOKEN: backend.token },
      keep: true,
    },
  ).finally(() => backend.close());
  try {
    const log = await readLogged(join(run.reportDir, 'exchanges.ndjson'));
    const marks = backend.marks;
    if (marks.length !== log.length)
      notes.push(`backend saw ${marks.length} requests, the log has ${log.length}`);
    const check = run.checks.find((c) => c.id === 'valid-updates');
    const failures = check?.failures ?? [];
    const first = failures[0];
    // The check's own cases: those reading the other fixture first (the semantics probe before them does not).
    const cases = scenarios(log).filter((c) => log[c.first]?.role === 'other-before');
    const at = (index: number | undefined) => (index === undefined ? NaN : (marks[index]?.end ?? NaN));
    let firstFailureMs = NaN;
    let firstFailureInCheckMs = NaN;
    let shrunkMs = NaN;
    let shrinkPlays = NaN;
    if (first && cases.length > 0) {
      const k = first.numRuns - 1;
      const failing = cases[k];
      firstFailureMs = at(failing?.last) - run.measured.started;
      firstFailureInCheckMs = at(failing?.last) - (marks[cases[0]?.first ?? 0]?.start ?? NaN);
      const opening = requestsOf(log, cases[0] as { first: number; last: number });
      let restart = cases.findIndex((c, j) => j > k && requestsOf(log, c) === opening);
      if (restart === -1) restart = cases.length;
      shrinkPlays = restart - k - 1;
      const end = restart < cases.length ? cases[restart - 1]?.last : suiteRange(log).last;
      shrunkMs = at(end) - run.measured.started;
    } else {
      notes.push(`not caught (exit ${run.code})`);
    }
    return {
      variant,
      seed,
      code: run.code,
      rules: [...new Set(failures.flatMap((f) => f.violations.map((v) => v.rule)))].sort(),
      numRuns: first?.numRuns ?? NaN,
      numShrinks: first?.numShrinks ?? NaN,
      shrinkPlays,
      requests: log.length,
      firstFailureMs,
      firstFailureInCheckMs,
      shrunkMs,
      exitMs: run.wallMs,
      notes,
    };
  } finally {
    dispose(run);
  }
}
