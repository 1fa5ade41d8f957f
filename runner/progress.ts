/** Progress while the suites run: which check, how many cases, failures so far. Written to stderr. */
import type { Reporter, TestCase, TestModule } from 'vitest/node';

export interface Progress {
  write(line: string): void;
}

export const stderrProgress: Progress = { write: (line) => process.stderr.write(`${line}\n`) };

export function progressReporter(progress: Progress, errors: string[]): Reporter {
  let failing = 0;
  return {
    onTestModuleStart(module: TestModule) {
      progress.write(`suite ${module.moduleId.replace(/^.*\/suites\//, '').replace(/\.suite\.ts$/, '')}`);
    },
    onTestCaseResult(testCase: TestCase) {
      const result = testCase.result();
      const failed = result.state === 'failed';
      if (failed) failing++;
      const ms = Math.round(testCase.diagnostic()?.duration ?? 0);
      progress.write(
        `  ${failed ? 'FAIL' : 'ok  '} ${testCase.name} (${ms} ms)${failing ? `  [${failing} failing so far]` : ''}`,
      );
    },
    onTestRunEnd(modules, unhandledErrors) {
      for (const error of unhandledErrors) errors.push(String(error.message ?? error));
      for (const module of modules) {
        for (const error of module.errors()) errors.push(`${module.moduleId}: ${error.message}`);
      }
    },
  };
}
