/** Progress while the suites run: which check, how many cases, failures so far. Written to stderr. */
import type { Reporter, TestCase, TestSuite } from 'vitest/node';

export interface Progress {
  write(line: string): void;
}

/** What the suites' own run says, beside the checks' results: failed tests and errors of the suite itself. */
export interface SuiteRunLog {
  errors: string[];
  failedTests: { name: string; message: string }[];
  /** Checks skipped: after an interruption, an outage, or the first failing check under --bail. */
  skipped: string[];
}

export function progressReporter(progress: Progress, log: SuiteRunLog): Reporter {
  let failing = 0;
  return {
    // A group of checks (a describe block of suites/conformance.suite.ts) begins.
    onTestSuiteReady(suite: TestSuite) {
      progress.write(`suite ${suite.name}`);
    },
    onTestCaseResult(testCase: TestCase) {
      const result = testCase.result();
      const failed = result.state === 'failed';
      if (result.state === 'skipped') {
        log.skipped.push(testCase.name);
        progress.write(`  skip ${testCase.name}`);
        return;
      }
      if (failed) {
        failing++;
        log.failedTests.push({ name: testCase.name, message: result.errors?.[0]?.message ?? 'failed' });
      }
      const ms = Math.round(testCase.diagnostic()?.duration ?? 0);
      const cases = testCase.meta().cases;
      const counted = cases === undefined ? '' : `${cases} case${cases === 1 ? '' : 's'}, `;
      const note = testCase.meta().note;
      progress.write(
        `  ${failed ? 'FAIL' : 'ok  '} ${testCase.name} (${counted}${ms} ms)${note ? `: ${note}` : ''}${failing ? `  [${failing} failing so far]` : ''}`,
      );
    },
    onTestRunEnd(modules, unhandledErrors) {
      for (const error of unhandledErrors) log.errors.push(String(error.message ?? error));
      for (const module of modules) {
        for (const error of module.errors()) log.errors.push(`${module.moduleId}: ${error.message}`);
      }
    },
  };
}
