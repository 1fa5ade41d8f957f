/**
 * The command line through a TypeScript loader (`node --import tsx runner/cli.ts`, what `npm start` runs in this
 * repository) against the compiled package (`node dist/runner/cli.js`, what the bin runs once installed), taken in
 * turns so both see the same machine in the same minutes. Per run of each: a default run against the embedded
 * backend (wall, CPU, peak RSS), and a run against a backend served by the bench, which times the first request it
 * gets: spawn → first request is the start-up a user waits through.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runMeasured, type Measured } from './child.ts';
import { startTimedBackend } from './timed-backend.ts';

export const ENTRIES = {
  loader: ['--import', 'tsx', 'runner/cli.ts'],
  compiled: ['dist/runner/cli.js'],
} as const;
export type Entry = keyof typeof ENTRIES;

export interface CompiledRep {
  entry: Entry;
  /** The default run against the embedded backend. */
  run: Measured;
  /** spawn → the first request a served backend got (the preflight). */
  firstRequestMs: number;
}

export const compiledAvailable = (): boolean => existsSync(join(ROOT, 'dist', 'runner', 'cli.js'));

async function measured(entry: Entry, args: string[], env?: Record<string, string>): Promise<Measured> {
  const reportDir = mkdtempSync(join(tmpdir(), 'bench-compiled-'));
  try {
    return await runMeasured({
      nodeArgs: [...ENTRIES[entry], ...args, '--report-dir', reportDir],
      ...(env ? { env } : {}),
      timeoutMs: 10 * 60_000,
    });
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

export async function compiledRep(entry: Entry, seed: number): Promise<CompiledRep> {
  const run = await measured(entry, ['--seed', String(seed)]);
  const backend = await startTimedBackend();
  try {
    const timed = await measured(
      entry,
      ['--seed', String(seed), '--base-url', backend.baseUrl, '--only', 'B5'],
      {
        API_TOKEN: backend.token,
      },
    );
    const first = backend.marks[0]?.start ?? NaN;
    return { entry, run, firstRequestMs: first - timed.started };
  } finally {
    await backend.close();
  }
}
