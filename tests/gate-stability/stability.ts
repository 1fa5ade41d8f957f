/**
 * The gate's stability (issue 18, item 5): a baseline written at one seed against a broken variant must hold
 * (no new finding) at other seeds, and the references must have no finding at all. Each run is the command line
 * itself, as a team runs it (a whole run, no --only), in the kill matrix's long-lived command hosts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaselineFile } from '../../core/baseline.ts';
import type { Variant } from '../../backend/variants/catalogue.ts';
import { runAgainst, type CommandRunner } from '../kill-matrix/matrix.ts';
import { pinnedContractArgs } from '../kill-matrix/pinned-contract.ts';

export interface Stability {
  variant: string;
  /** The fingerprints the baseline recorded at the first seed. */
  recorded: string[];
  /** Per later seed: its exit code and the fingerprints it called new. */
  later: { seed: number; code: number | null; fresh: string[] }[];
  /** The exit code of the run that wrote the baseline. */
  writeCode: number | null;
}

export const holds = (s: Stability): boolean =>
  s.writeCode === 0 && s.recorded.length > 0 && s.later.every((l) => l.code === 0 && l.fresh.length === 0);

/** The fingerprints a report.json-less run called new: read from its console summary (`NEW  S1/trimmed`). */
function freshIn(stdout: string): string[] {
  return [...stdout.matchAll(/^\s*NEW\s+(\S+)/gm)].map((m) => m[1] as string);
}

/** Writes a baseline at seeds[0] against `variant`, then gates on it at each later seed. */
export async function stabilityOf(
  variant: Pick<Variant, 'id' | 'build' | 'pinnedNonNull'>,
  seeds: number[],
  command: CommandRunner,
): Promise<Stability> {
  const dir = mkdtempSync(join(tmpdir(), `gate-${variant.id}-`));
  const none = mkdtempSync(join(tmpdir(), 'no-regressions-'));
  const file = join(dir, 'baseline.json');
  const common = [...pinnedContractArgs(variant), '--regressions-dir', none];
  try {
    const [first, ...rest] = seeds;
    const written = await runAgainst(
      variant.id,
      variant.build,
      'merge',
      'lenient',
      [...common, '--seed', String(first), '--write-baseline', file],
      command,
    );
    const baseline = JSON.parse(readFileSync(file, 'utf8')) as BaselineFile;
    const later = [];
    for (const seed of rest) {
      const row = await runAgainst(
        variant.id,
        variant.build,
        'merge',
        'lenient',
        [...common, '--seed', String(seed), '--baseline', file],
        command,
      );
      later.push({ seed, code: row.cli.code, fresh: freshIn(row.cli.stdout) });
    }
    return {
      variant: variant.id,
      recorded: baseline.findings.map((f) => f.fingerprint),
      later,
      writeCode: written.cli.code,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(none, { recursive: true, force: true });
  }
}
