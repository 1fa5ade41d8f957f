/** Runs the vitest files of suites/ through vitest's Node API, one after another in one worker, in name order. */
import { fileURLToPath } from 'node:url';
import { BaseSequencer, startVitest, type TestSpecification } from 'vitest/node';
import type { SuiteEnv } from '../suites/env.ts';
import { progressReporter, type Progress, type SuiteRunLog } from './progress.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Name order, so the same seed sends the same requests in the same order (regressions first). */
class NameOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
  override async shard(files: TestSpecification[]): Promise<TestSpecification[]> {
    return files;
  }
}

export async function runSuites(env: SuiteEnv, progress: Progress): Promise<SuiteRunLog> {
  const log: SuiteRunLog = { errors: [], failedTests: [] };
  const previousExitCode = process.exitCode;
  const vitest = await startVitest(
    'test',
    [],
    { config: false, watch: false, root: ROOT, reporters: [progressReporter(progress, log)] },
    {
      test: {
        include: ['suites/**/*.suite.ts'],
        provide: { conformance: env },
        fileParallelism: false,
        maxWorkers: 1,
        isolate: false,
        testTimeout: 60 * 60 * 1000,
        hookTimeout: 60 * 1000,
        sequence: { sequencer: NameOrder },
        passWithNoTests: true,
      },
    },
  );
  await vitest.close();
  // vitest marks the process as failed when a test fails; the runner decides the exit code itself.
  process.exitCode = previousExitCode;
  return log;
}
