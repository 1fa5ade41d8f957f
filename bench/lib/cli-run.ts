/**
 * One conformance run (runner/cli.ts in a child process) and what the benchmark reads off it: the measured
 * process, the request count and size of its exchanges.ndjson, and its phases told by the time each progress
 * line reached stderr.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult } from '../../core/result.ts';
import { hwmAt, rssAt, runCliMeasured, type Measured } from './child.ts';
import { countLines } from './exchange-file.ts';

/**
 * start-up   spawn → "seed" line: node + tsx, loading the modules, the contract, target, preflight, fixtures
 * vitest     "seed" line → first "suite" line: vitest starting its worker and collecting the first file
 * checks     first "suite" line → last check's line: the checks (generation, requests, judging, shrinking)
 * wind-down  last check's line → exit: vitest closing, results, fixtures put back, reports written
 */
export interface Phases {
  startupMs: number;
  vitestMs: number;
  checksMs: number;
  windDownMs: number;
  checksStart: number;
  checksEnd: number;
}

export function phasesOf(m: Measured): Phases | undefined {
  const seed = m.stderr.find((l) => l.text.startsWith('customer-conformance: seed'));
  const suite = m.stderr.find((l) => l.text.startsWith('suite '));
  const checks = m.stderr.filter((l) => /^ {2}(ok {2}|FAIL) /.test(l.text));
  const last = checks[checks.length - 1];
  if (!seed || !suite || !last) return undefined;
  return {
    startupMs: seed.t - m.started,
    vitestMs: suite.t - seed.t,
    checksMs: last.t - suite.t,
    windDownMs: m.ended - last.t,
    checksStart: suite.t,
    checksEnd: last.t,
  };
}

export interface RunFigures {
  args: string[];
  code: number | null;
  wallMs: number;
  cpuS: number;
  maxRssKb: number;
  source: Measured['source'];
  requests: number;
  logBytes: number;
  phases: Phases | undefined;
  /** Peak RSS up to the end of the checks (before the wind-down), and RSS at the middle of the checks. */
  hwmChecksEndKb: number;
  rssMidChecksKb: number;
  checks: CheckResult[];
  /** Last lines of output, kept when the run did not end with a verdict (exit 0 or 1). */
  tail?: string;
  measured: Measured;
  reportDir: string;
}

export interface CliRunOptions {
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Keep the report directory (the caller removes it with dispose()). */
  keep?: boolean;
  /** Another checkout's runner/cli.ts to run (its node_modules present): the code before a change. */
  root?: string;
}

export async function cliRun(args: string[], options: CliRunOptions = {}): Promise<RunFigures> {
  const reportDir = mkdtempSync(join(tmpdir(), 'bench-run-'));
  const measured = await runCliMeasured(
    [...args, '--report-dir', reportDir],
    options.env,
    options.timeoutMs,
    options.root,
  );
  const log = join(reportDir, 'exchanges.ndjson');
  const { lines, bytes } = existsSync(log) ? await countLines(log) : { lines: NaN, bytes: NaN };
  const phases = phasesOf(measured);
  const resultsDir = join(reportDir, 'results');
  const checks = existsSync(resultsDir)
    ? readdirSync(resultsDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as CheckResult)
    : [];
  const figures: RunFigures = {
    args,
    code: measured.code,
    wallMs: measured.wallMs,
    cpuS: measured.userS + measured.sysS,
    maxRssKb: measured.maxRssKb,
    source: measured.source,
    requests: lines,
    logBytes: bytes,
    phases,
    hwmChecksEndKb: phases ? hwmAt(measured.rss, phases.checksEnd) : NaN,
    rssMidChecksKb: phases ? rssAt(measured.rss, (phases.checksStart + phases.checksEnd) / 2) : NaN,
    checks,
    measured,
    reportDir,
  };
  if (measured.code !== 0 && measured.code !== 1) {
    const out = [...measured.stdout.trim().split('\n'), ...measured.stderr.map((l) => l.text)];
    figures.tail = out.slice(-4).join(' / ');
  }
  if (!options.keep) rmSync(reportDir, { recursive: true, force: true });
  return figures;
}

export const dispose = (run: RunFigures): void => rmSync(run.reportDir, { recursive: true, force: true });
