/**
 * The run's side of --fixtures-file: the file opened before anything is sent, the lanes' ids to keep, and the
 * one console line that says what became of the fixture customers (instead of a line for each).
 */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { FixtureSet } from './fixtures.ts';
import { readFixturesFile, type FixturesFile, type LaneIds } from './fixtures-file.ts';
import type { RunOptions } from './options.ts';
import { TargetError } from './target-error.ts';

export interface Kept {
  path: string;
  file: FixturesFile;
}

/** Reads the file (a missing one is empty) and makes sure it can be written, before any customer is made. */
export function keptFixtures(path: string): Kept {
  const file = readFixturesFile(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
    accessSync(existsSync(path) ? path : dirname(path), constants.W_OK);
  } catch (error) {
    throw new TargetError(
      `--fixtures-file ${path} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); point it at a writable file`,
    );
  }
  return { path, file };
}

/** Each lane's ids, lane by lane (a lane never made is an empty entry, so later lanes keep their place). */
export function laneIds(lanes: FixtureSet[]): LaneIds[] {
  return Array.from({ length: lanes.length }, (_, lane) => ({ ...lanes[lane]?.ids }));
}

export function countIds(lanes: FixtureSet[]): number {
  return laneIds(lanes).reduce((sum, ids) => sum + Object.keys(ids).length, 0);
}

const customers = (n: number) => `${n} fixture customer${n === 1 ? '' : 's'}`;

/** One line for the created customers left on the backend; none when nothing was created or kept. */
export function fixturesLine(
  count: { created: number; reused: number },
  leftInPlace: number,
  options: Pick<RunOptions, 'fixturesFile'>,
  reportDir: string,
): string | undefined {
  if (leftInPlace === 0) return undefined;
  const what = `${customers(count.created)} created, ${count.reused} reused, ${leftInPlace} left in place (no delete path in the contract; reset to their creation bodies)`;
  if (options.fixturesFile !== undefined) return `${what}; their ids are in ${options.fixturesFile}`;
  const shown = relative(process.cwd(), `${reportDir}/fixtures.json`);
  return `${what}; their ids are in ${shown}, and --fixtures-file FILE would reuse them next run`;
}
