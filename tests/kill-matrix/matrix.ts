/**
 * The kill matrix: the suite as a user runs it (the command line's code, with its arguments and environment),
 * against the reference backend in each mode, the conforming variants, and every broken variant, a few at a time.
 * A broken variant is first run focused on its rule (--only RULE --bail); only when that does not show its rule
 * does the whole suite decide, so a variant is never missed for the shortcut's sake.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FailureFile } from '../../core/failure-file.ts';
import type { RuleId } from '../../core/rules.ts';
import type { Variant } from '../../backend/variants/catalogue.ts';
import type { EdgePolicy, StoreSemantics } from '../../backend/types.ts';
import type { ReportJson } from '../../reporting/report-json.ts';
import { runCli, type CliResult } from '../support/run-cli.ts';
import { serveBackend, TEST_TOKEN } from '../support/serve-backend.ts';

export interface MatrixRow {
  name: string;
  expectedRule?: RuleId;
  /** 'focused': --only its rule --bail; 'whole': every check, to the end (references, conforming, fallbacks). */
  run: 'focused' | 'whole';
  cli: CliResult;
  /** Rules named by the saved failures. */
  failedRules: RuleId[];
  failures: FailureFile[];
  /** report.json's coverage (what the run reached); null when no report was written. */
  coverage: ReportJson['coverage'];
}

export const MATRIX_SEED = 20261126;

/** How the command line is run: a new process (runCli, the default) or a long-lived host (CommandHosts.run). */
export type CommandRunner = (args: string[], env: Record<string, string>) => Promise<CliResult>;

export async function runAgainst(
  name: string,
  build: Variant['build'] | undefined,
  semantics: StoreSemantics,
  edgePolicy: EdgePolicy,
  extraArgs: string[] = [],
  command: CommandRunner = runCli,
): Promise<MatrixRow> {
  const served = await serveBackend(build, semantics, edgePolicy);
  const reportDir = mkdtempSync(join(tmpdir(), `matrix-${name}-`));
  try {
    const cli = await command(
      ['--base-url', served.baseUrl, '--seed', String(MATRIX_SEED), '--report-dir', reportDir, ...extraArgs],
      { API_TOKEN: TEST_TOKEN },
    );
    const dir = join(reportDir, 'failures');
    const failures = readdirSync(reportDir).includes('failures')
      ? readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FailureFile)
      : [];
    const failedRules = [...new Set(failures.flatMap((f) => f.violations.map((v) => v.rule)))].sort();
    const reportFile = join(reportDir, 'report.json');
    const coverage = readdirSync(reportDir).includes('report.json')
      ? (JSON.parse(readFileSync(reportFile, 'utf8')) as ReportJson).coverage
      : null;
    const run = extraArgs.includes('--bail') ? ('focused' as const) : ('whole' as const);
    return { name, run, cli, failedRules, failures, coverage };
  } finally {
    await served.server.close();
    rmSync(reportDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

/** Caught as the matrix requires: a verdict (exit 1) that names the variant's rule. */
export const caughtBy = (row: MatrixRow, rule: RuleId): boolean =>
  row.cli.code === 1 && row.failedRules.includes(rule);

/**
 * A broken variant: the checks written for its rule, stopping at the first violation (what a check of that rule
 * catches is proof enough, at a fraction of a whole run); when that run does not name its rule (another rule's
 * violation came first, or its rule is caught only by a check written for another), the whole suite, to the end.
 * Neither replays the saved regressions (regressions/): a variant must be caught by the generated checks, not by
 * a failure file someone saved from an earlier bug of the same kind.
 */
export async function runBroken(
  variant: Pick<Variant, 'id' | 'rule' | 'build'>,
  extraArgs: string[],
  command: CommandRunner,
): Promise<MatrixRow> {
  const none = mkdtempSync(join(tmpdir(), 'no-regressions-'));
  try {
    const args = [...extraArgs, '--regressions-dir', none];
    const focused = await runAgainst(
      variant.id,
      variant.build,
      'merge',
      'lenient',
      [...args, '--only', variant.rule, '--bail'],
      command,
    );
    if (caughtBy(focused, variant.rule)) return focused;
    return await runAgainst(variant.id, variant.build, 'merge', 'lenient', args, command);
  } finally {
    rmSync(none, { recursive: true, force: true });
  }
}

/** Runs tasks with at most `limit` at once, keeping their order in the result. */
export async function pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
