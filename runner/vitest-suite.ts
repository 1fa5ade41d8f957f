/**
 * `import { conformanceSuite } from 'unified-customer-conformance/vitest'`: the conformance run as a describe block
 * in a backend's own vitest suite, one test per rule. The run happens once, before the block's tests; a rule with
 * a violation fails its test with the violation's summary, diagnosis and how to replay it; a rule the run did not
 * judge (`only`, `bail`) is skipped; a run with no verdict fails every test with the reason.
 */
import { relative } from 'node:path';
import { beforeAll, describe, test } from 'vitest';
import { RULE_IDS, RULES, type RuleId } from '../core/rules.ts';
import type { ConformanceOptions } from './options.ts';
import { runConformance, type ConformanceResult, type ConformanceViolation } from './run-conformance.ts';

export interface ConformanceSuiteOptions extends ConformanceOptions {
  /** The describe block's name (default "Unified Customer API conformance"). */
  name?: string;
  /** Longest the whole run may take, in ms (default 600000). `timeout` is per request. */
  suiteTimeout?: number;
  /** Progress lines of the run (the seed, each check as it ends); default: silent. */
  onProgress?: (line: string) => void;
}

export function conformanceSuite(options: ConformanceSuiteOptions = {}): void {
  const { name = 'Unified Customer API conformance', suiteTimeout = 600_000, onProgress, ...run } = options;
  // CONFORMANCE_SEED re-runs the same cases, as the failing test's message says.
  const seedText = process.env['CONFORMANCE_SEED'];
  const seed = run.seed ?? (seedText ? Number(seedText) : undefined);
  describe(name, () => {
    let result: ConformanceResult | undefined;
    beforeAll(async () => {
      result = await runConformance(
        { ...run, ...(seed !== undefined ? { seed } : {}) },
        { ...(onProgress ? { onProgress } : {}) },
      );
      if (result.noVerdictReason !== undefined) throw new Error(`no verdict: ${result.noVerdictReason}`);
    }, suiteTimeout);
    for (const rule of RULE_IDS) {
      test(`${rule} ${RULES[rule]}`, (context) => {
        if (result === undefined) throw new Error('the conformance run did not end');
        const summary = result.rules.find((r) => r.rule === rule);
        if (summary === undefined || summary.status === 'not-run') {
          context.skip(`${rule} was not judged in this run`);
          return;
        }
        const violations = result.violations.filter((v) => v.rule === rule);
        if (violations.length > 0)
          throw new RuleFailed(
            failureMessage(rule, violations, result, relative(process.cwd(), context.task.file.filepath)),
          );
      });
    }
  });
}

class RuleFailed extends Error {
  override name = 'RuleFailed';
  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`; // where in the suite it was thrown says nothing to the reader
  }
}

/** The violations of one rule: what was wrong, the diagnosis, and the commands that bring it back. */
export function failureMessage(
  rule: RuleId,
  violations: ConformanceViolation[],
  result: ConformanceResult,
  testFile: string | undefined,
): string {
  const lines = [
    `${rule} ${RULES[rule]}: ${violations.length === 1 ? '1 violation' : `${violations.length} violations`}`,
  ];
  for (const v of violations) {
    lines.push(
      '',
      `- ${v.title} (check ${v.checkId}/${v.check})`,
      `  Received: ${v.received}`,
      `  Expected: ${v.expected}`,
    );
    if (v.diagnosis !== undefined) lines.push(`  Diagnosis: ${v.diagnosis}`);
    if (v.failureFile !== undefined) lines.push(`  Failure file: ${v.failureFile}`);
    if (v.replayCommand !== undefined)
      lines.push(`  Replay against a running server: ${v.replayCommand} --base-url URL`);
  }
  const rerun = `CONFORMANCE_SEED=${result.seed} npx vitest run${testFile ? ` ${testFile}` : ''}`;
  lines.push(
    '',
    `Re-run the same cases: ${rerun}`,
    `Full report: ${result.reportPaths.find((p) => p.endsWith('.html')) ?? result.reportDir}`,
  );
  return lines.join('\n');
}
