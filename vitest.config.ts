// The project's own tests (npm test). The conformance suites in suites/ are run by the runner, not by this config.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // vitest's default (cores - 1) runs files one at a time on 2 cores: the other files would then wait for the
    // kill matrix, which spends much of its time waiting on its own command-line processes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
