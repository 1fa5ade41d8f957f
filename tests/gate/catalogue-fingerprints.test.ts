/**
 * Fingerprints on the catalogue (a representative part; `npm run test:gate-stability` runs every variant at 6
 * seeds): the same bug gets the same fingerprints at another seed, and two variants that differ only in the bug
 * get different ones. Each run is the command line, focused on the variant's rule (--only), writing a baseline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VARIANTS } from '../../backend/variants/catalogue.ts';
import type { BaselineFile } from '../../core/baseline.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { runAgainst } from '../kill-matrix/matrix.ts';

const hosts = new CommandHosts(2);
const work = mkdtempSync(join(tmpdir(), 'catalogue-fingerprints-'));
const noRegressions = mkdtempSync(join(tmpdir(), 'no-regressions-'));
afterAll(async () => {
  await hosts.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(noRegressions, { recursive: true, force: true });
});

let n = 0;
/** The fingerprints a baseline written against `id` at `seed` records. */
async function fingerprints(id: string, seed: number): Promise<string[]> {
  const variant = VARIANTS.find((v) => v.id === id);
  if (!variant) throw new Error(`no variant ${id}`);
  const file = join(work, `${id}-${seed}-${n++}.json`);
  const row = await runAgainst(
    id,
    variant.build,
    'merge',
    'lenient',
    [
      '--only',
      variant.rule,
      '--seed',
      String(seed),
      '--write-baseline',
      file,
      '--regressions-dir',
      noRegressions,
    ],
    (args, env) => hosts.run(args, env),
  );
  expect(row.cli.code, row.cli.stderr).toBe(0);
  return (JSON.parse(readFileSync(file, 'utf8')) as BaselineFile).findings.map((f) => f.fingerprint);
}

/**
 * Pairs of variants that differ only in the bug, and the finding each must have that the other must not. A 5xx
 * pair is looser (see README, "Adopting the suite"): a value any case can carry (an emoji, a null) crashes cases
 * of several kinds, so each must have its own finding and the two sets must differ, but may share one.
 */
const LOOSE = [['crashes-on-emoji', 'R2/5xx/astral', 'over-255-answers-503', 'R2/5xx/B4-long']] as const;
const PAIRS: [string, string, string, string][] = [
  ['trims-names', 'S1/trimmed', 'lowercases-email', 'S1/case-folded'],
  [
    'case-insensitive-id',
    'I1/spelling-case/found@read',
    'trailing-space-insensitive-id',
    'I1/spelling-space/found@read',
  ],
  // A crash on a null phone is the null's, whichever kind of case a seed put it in (suites/cause-probes.ts).
  ['crashes-on-null-phone', 'R2/5xx/null', 'crashes-on-emoji', 'R2/5xx/astral'],
  // A valid body refused for a value it holds, or for a null it holds (suites/cause-probes.ts).
  [
    'rejects-exactly-255',
    'B3/refused-4xx/valid-body',
    'rejects-null-optional',
    'B2/refused-4xx/valid-body-with-null',
  ],
  [
    'writes-despite-401',
    'A1/changed/after-auth@read',
    'saves-name-before-validation',
    'A1/changed/after-invalid-body@read',
  ],
];

describe('fingerprints on the catalogue', { timeout: 600_000 }, () => {
  it('two variants that differ only in the bug get different fingerprints', async () => {
    const runs = await Promise.all(
      PAIRS.map(async ([a, printA, b, printB]) => ({
        a,
        printA,
        b,
        printB,
        of: await Promise.all([fingerprints(a, 3), fingerprints(b, 3)]),
      })),
    );
    for (const {
      a,
      printA,
      b,
      printB,
      of: [ofA, ofB],
    } of runs) {
      expect(ofA, a).toContain(printA);
      expect(ofB, b).toContain(printB);
      expect(ofA, a).not.toContain(printB);
      expect(ofB, b).not.toContain(printA);
    }
    for (const [a, printA, b, printB] of LOOSE) {
      const [ofA, ofB] = await Promise.all([fingerprints(a, 3), fingerprints(b, 3)]);
      expect(ofA, a).toContain(printA);
      expect(ofB, b).toContain(printB);
      expect(ofA).not.toEqual(ofB);
    }
  });

  it('the same bug gets the same fingerprints at another seed', async () => {
    const [first, second] = await Promise.all([
      fingerprints('trims-all-strings', 11),
      fingerprints('trims-all-strings', 12),
    ]);
    expect(first).toEqual(['S1/trimmed']);
    expect(second).toEqual(first);
  });
});
