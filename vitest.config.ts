// The project's own tests (npm test). The conformance suites in suites/ are run by the runner, not by this config.
import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** The kill matrix first, also on a fresh clone (vitest would order unknown files by size): it is the longest. */
class KillMatrixFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (spec: TestSpecification) => spec.moduleId.includes('/tests/kill-matrix/');
    return [...sorted.filter(first), ...sorted.filter((spec) => !first(spec))];
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // vitest's default (cores - 1) runs one file at a time on 2 cores: every other file would wait for the kill
    // matrix, which runs two command lines at once in its own processes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // One module graph per worker, not one per file: the files share no mutable state (each test builds its own
    // backends, hosts and temporary folders), and loading faker, fast-check and the contract once per worker
    // instead of once per file took a quarter of the project's CPU time.
    pool: 'threads',
    isolate: false,
    sequence: { sequencer: KillMatrixFirst },
  },
});
