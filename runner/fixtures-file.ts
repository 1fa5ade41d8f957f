/**
 * The fixtures file (--fixtures-file): the ids of the fixture customers earlier runs created, per backend, so the
 * next run reuses them instead of leaving 24 more on a shared environment (the contract has no delete). CI can
 * cache it. A file that is not one of ours is the user's to fix (exit 2), never touched.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Alias } from './fixtures.ts';
import { TargetError } from './target-error.ts';

export const FIXTURES_FILE_FORMAT = 'customer-conformance/fixtures@1';

/** One lane's customers: A and B, either missing when it was never made. */
export type LaneIds = Partial<Record<Alias, string>>;

export interface FixturesFile {
  format: typeof FIXTURES_FILE_FORMAT;
  /** Lanes by backend (its base URL, or the embedded backend): one file can serve several environments. */
  backends: Record<string, { lanes: LaneIds[] }>;
}

const empty = (): FixturesFile => ({ format: FIXTURES_FILE_FORMAT, backends: {} });

function isLaneIds(value: unknown): value is LaneIds {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([key, id]) => (key === 'A' || key === 'B') && typeof id === 'string' && id !== '',
  );
}

function isFixturesFile(value: unknown): value is FixturesFile {
  const file = value as Partial<FixturesFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== FIXTURES_FILE_FORMAT) return false;
  const backends = file.backends;
  if (typeof backends !== 'object' || backends === null || Array.isArray(backends)) return false;
  return Object.values(backends).every(
    (backend: unknown) =>
      typeof backend === 'object' &&
      backend !== null &&
      Array.isArray((backend as { lanes?: unknown }).lanes) &&
      (backend as { lanes: unknown[] }).lanes.every(isLaneIds),
  );
}

/** The file's contents; a file that does not exist yet is an empty one (the first run creates it). */
export function readFixturesFile(path: string): FixturesFile {
  if (!existsSync(path)) return empty();
  let parsed: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    // An empty file (e.g. made by `touch` for a CI cache) is a file with nothing recorded yet.
    if (text.trim() === '') return empty();
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TargetError(
      `--fixtures-file ${path} cannot be read as JSON (${(error as Error).message.split('\n')[0]}); delete it or point --fixtures-file at another file`,
    );
  }
  if (!isFixturesFile(parsed)) {
    throw new TargetError(
      `--fixtures-file ${path} is not a fixtures file written by this suite (expected "format": "${FIXTURES_FILE_FORMAT}" and lanes of ids); delete it or point --fixtures-file at another file`,
    );
  }
  return parsed;
}

/** The lanes recorded for one backend. */
export function recordedLanes(file: FixturesFile, backend: string): LaneIds[] {
  return file.backends[backend]?.lanes ?? [];
}

/**
 * Records `lanes` for `backend`, keeping every other backend's lanes and the recorded lanes beyond the ones
 * this run used (a later run with more lanes reuses them). Written whole and renamed into place, so a run
 * killed mid-write leaves the old file, not half of one.
 */
export function writeFixturesFile(
  path: string,
  file: FixturesFile,
  backend: string,
  lanes: LaneIds[],
): FixturesFile {
  const before = recordedLanes(file, backend);
  const merged = Array.from({ length: Math.max(lanes.length, before.length) }, (_, lane) =>
    lane < lanes.length ? (lanes[lane] ?? {}) : (before[lane] ?? {}),
  );
  const next: FixturesFile = { ...file, backends: { ...file.backends, [backend]: { lanes: merged } } };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(next, null, 2) + '\n');
  renameSync(temporary, path);
  return next;
}
