/** Copies of the contract folder, broken on purpose one thing at a time, for the loader and CLI tests. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONTRACT_DIR, loadContract } from '../../contracts/load.ts';

const made: string[] = [];

/** A fresh copy of contracts/ in a temp dir; removed by removeCopies(). */
export function copyContract(): string {
  const dir = mkdtempSync(join(tmpdir(), 'contract-'));
  cpSync(DEFAULT_CONTRACT_DIR, dir, { recursive: true });
  made.push(dir);
  return dir;
}

export function removeCopies(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Rewrites one JSON file of a copy through `change`. */
export function editJson(dir: string, file: string, change: (value: Record<string, unknown>) => void): void {
  const path = join(dir, file);
  const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(value);
  writeFileSync(path, JSON.stringify(value, null, 2));
}

export function writeText(dir: string, file: string, text: string): void {
  writeFileSync(join(dir, file), text);
}

/** What loadContract throws for `dir`; fails the test if it loads. */
export function loadError(dir: string): unknown {
  try {
    loadContract(dir);
  } catch (error) {
    return error;
  }
  throw new Error(`the contract in ${dir} loaded, but it was broken on purpose`);
}
