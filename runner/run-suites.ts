/**
 * Runs the suites through vitest's Node API in one worker: one vitest file (suites/conformance.suite.ts) that
 * declares every check, so the checks' schedule spans the whole run.
 */
/// <reference types="vitest/config" />
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVitest, type Vitest } from 'vitest/node';
import type { SuiteEnv } from '../suites/env.ts';
import { progressReporter, type Progress, type SuiteRunLog } from './progress.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Compiled (dist/, as installed from the package) or run from the TypeScript sources (this repository). */
const COMPILED = !import.meta.url.endsWith('.ts');

/**
 * vitest's on-disk cache of the suites' transformed modules (each run then starts faster), only where this install
 * can write it: vitest fails a module it cannot cache, and an install may be read-only. The folder is named, not
 * left to vitest, which would put it in an enclosing monorepo's node_modules.
 */
function moduleCache(): { fsModuleCache?: boolean; fsModuleCachePath?: string } {
  // Compiled suites need no transform worth caching, and an installed package is no place to write one.
  if (COMPILED) return {};
  const dir = join(ROOT, 'node_modules', '.experimental-vitest-cache');
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return { fsModuleCache: true, fsModuleCachePath: dir };
  } catch {
    return {};
  }
}

/**
 * Compiled, the worker imports the suites with Node's own `import` instead of vite's module runner: the runner's
 * thread then transforms nothing (vite's transform of every suite module held about 60 MB of native memory at the
 * peak of a default run) and the worker keeps one copy of each module instead of the source plus its transform.
 * The suites use neither `vi.mock` nor `import.meta.vitest`, so vitest's own loader is not needed either. From the
 * TypeScript sources (this repository) vite's runner stays: it is what compiles them.
 */
function nativeImport(): { viteModuleRunner?: boolean; nodeLoader?: boolean } {
  return COMPILED ? { viteModuleRunner: false, nodeLoader: false } : {};
}

let running: { vitest: Vitest; abortFile: string } | undefined;
let stopped = false;

/** Whether the suites were stopped by a signal: the signal handler, not the run, then decides the exit. */
export const wasStopped = (): boolean => stopped;

/** Stops the suites mid-run (on SIGINT/SIGTERM), so nothing writes to the fixtures while they are put back. */
export async function stopSuites(): Promise<void> {
  stopped = true;
  const current = running;
  running = undefined;
  if (!current) return;
  mkdirSync(dirname(current.abortFile), { recursive: true });
  writeFileSync(current.abortFile, 'interrupted\n');
  await current.vitest.close();
}

export async function runSuites(env: SuiteEnv, progress: Progress): Promise<SuiteRunLog> {
  const log: SuiteRunLog = { errors: [], failedTests: [], skipped: [] };
  const previousExitCode = process.exitCode;
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const ours = signals.map((signal) => process.listeners(signal));
  const vitest = await createVitest(
    'test',
    { config: false, watch: false, root: ROOT, reporters: [progressReporter(progress, log)] },
    {
      test: {
        include: [COMPILED ? 'suites/conformance.suite.js' : 'suites/conformance.suite.ts'],
        // Installed, the suites live inside node_modules, which vitest leaves out by default.
        exclude: [],
        provide: { conformance: env },
        // Threads, not forks: a worker thread ends with the runner, so an interrupted run stops writing at once.
        pool: 'threads',
        fileParallelism: false,
        maxWorkers: 1,
        isolate: false,
        testTimeout: 60 * 60 * 1000,
        hookTimeout: 60 * 1000,
        passWithNoTests: true,
        experimental: { ...moduleCache(), ...nativeImport() },
      },
    },
  );
  // vitest exits on SIGINT/SIGTERM by itself; the runner's handlers must put the fixtures back first.
  signals.forEach((signal, index) => {
    for (const listener of process.listeners(signal)) {
      if (!ours[index]?.includes(listener)) process.off(signal, listener);
    }
  });
  running = { vitest, abortFile: env.abortFile };
  try {
    await vitest.start();
  } finally {
    running = undefined;
  }
  await vitest.close();
  // vitest marks the process as failed when a test fails; the runner decides the exit code itself.
  process.exitCode = previousExitCode;
  return log;
}
