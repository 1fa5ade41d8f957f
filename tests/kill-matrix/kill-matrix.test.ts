/**
 * Proof that the suite can fail, and only when it should: the whole command line against the reference
 * backend in every mode and against the conforming variants (each must conform, every check run to the end),
 * and against every broken variant (each must be caught by a check of the rule it breaks: first focused on that
 * rule with --bail, the whole suite when that does not show it; see matrix.ts). Prints the matrix of variants
 * × rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgePolicy, StoreSemantics } from '../../backend/types.ts';
import { VARIANTS, type Variant } from '../../backend/variants/catalogue.ts';
import { CONFORMING_VARIANTS } from '../../backend/variants/conforming.ts';
import { RULE_IDS } from '../../core/rules.ts';
import { CHECKS } from '../../suites/checks/registry.ts';
import { formatMatrix } from './format-matrix.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { pool, runAgainst, runBroken, type MatrixRow } from './matrix.ts';
import { pinnedContractArgs, removePinnedContracts } from './pinned-contract.ts';

const MODES: [StoreSemantics, EdgePolicy][] = [
  ['merge', 'lenient'],
  ['replace', 'lenient'],
  ['merge', 'strict'],
  ['replace', 'strict'],
];

interface Job {
  name: string;
  variant?: Pick<Variant, 'build' | 'pinnedNonNull'>;
  semantics: StoreSemantics;
  edgePolicy: EdgePolicy;
  args?: string[];
  /** A broken variant to catch (runBroken), rather than a backend to run the whole suite against. */
  broken?: Variant;
}

/** A backend that stops answering is given up on after 3 silent requests: a short timeout keeps that short. */
const OUTAGE_ARGS = ['--timeout', '1000'];
const OUTAGE_BOUND_MS = 60_000;
const ends = (v: Variant) => v.expect ?? 'caught';

const jobs: Job[] = [
  // A lenient reference accepts every value class, so the coverage gate must hold there (seen passing); a strict
  // one refuses every outside-envelope string, which the coverage view must show as not reached.
  ...MODES.map(([semantics, edgePolicy]) => ({
    name: `reference-${semantics}-${edgePolicy}`,
    semantics,
    edgePolicy,
    ...(edgePolicy === 'lenient' ? { args: ['--require-coverage'] } : {}),
  })),
  ...CONFORMING_VARIANTS.map((variant) => ({
    name: `conforming-${variant.id}`,
    variant,
    semantics: 'replace' as const,
    edgePolicy: 'lenient' as const,
  })),
  // Variants run lenient: several bugs sit behind input a strict backend would reject first. One that stops
  // answering runs the whole suite: a focused run may end before it goes silent.
  ...VARIANTS.map((variant) => ({
    name: variant.id,
    variant,
    semantics: 'merge' as const,
    edgePolicy: 'lenient' as const,
    ...(ends(variant) === 'exit-2' ? { args: OUTAGE_ARGS } : { broken: variant }),
  })),
];

const rows = new Map<string, MatrixRow>();
let started = 0;

// One long-lived command line per core: each run is the CLI's own code with its own arguments, without paying
// the process start-up eighty times (tests/runner covers the real bin and npm start).
const hosts = new CommandHosts(2);

beforeAll(async () => {
  started = Date.now();
  const command = (args: string[], env: Record<string, string>) => hosts.run(args, env);
  const results = await pool(jobs, 2, (job) =>
    job.broken
      ? runBroken(job.broken, pinnedContractArgs(job.broken), command)
      : runAgainst(
          job.name,
          job.variant?.build,
          job.semantics,
          job.edgePolicy,
          [...(job.args ?? []), ...pinnedContractArgs(job.variant)],
          command,
        ),
  );
  for (const row of results) rows.set(row.name, row);
}, 40 * 60_000);

afterAll(async () => {
  await hosts.close();
  removePinnedContracts();
  const variants = VARIANTS.map((v) => ({ variant: v, row: rows.get(v.id) }));
  process.stdout.write(`${formatMatrix(variants, Date.now() - started)}\n`);
});

describe('the reference backend conforms', () => {
  it.each(MODES)(
    'in %s semantics with the %s edge policy: exit 0, nothing flagged',
    (semantics, edgePolicy) => {
      const row = rows.get(`reference-${semantics}-${edgePolicy}`);
      expect(row?.run).toBe('whole');
      expect(row?.failedRules, row?.cli.stdout.slice(-3000)).toEqual([]);
      expect(row?.cli.code, row?.cli.stderr.slice(-2000)).toBe(0);
    },
  );
});

describe('what the reference runs reached (contract coverage)', () => {
  it.each(MODES.filter(([, edge]) => edge === 'lenient'))(
    'in %s semantics, lenient: every value class of every field and every rule reached; --require-coverage holds',
    (semantics, edgePolicy) => {
      const row = rows.get(`reference-${semantics}-${edgePolicy}`);
      expect(row?.coverage?.required).toBe(true);
      expect(row?.coverage?.shortfall).toEqual([]);
      const cells = Object.values(row?.coverage?.fields ?? {}).flat();
      expect(cells.length).toBeGreaterThan(200);
      const missing = cells.filter((c) => !c.reached && c.group !== 'outside' && c.group !== 'envelope');
      expect(missing.map((c) => c.class)).toEqual([]);
      expect(row?.coverage?.rules.every((r) => r.reached)).toBe(true);
    },
  );

  it.each(MODES.filter(([, edge]) => edge === 'strict'))(
    'in %s semantics, strict: every outside-envelope class refused, so shown as not reached with its answers',
    (semantics, edgePolicy) => {
      const row = rows.get(`reference-${semantics}-${edgePolicy}`);
      const outside = Object.values(row?.coverage?.fields ?? {})
        .flat()
        .filter((c) => c.group === 'outside' && c.sent > 0);
      expect(outside.length).toBeGreaterThan(5);
      for (const cell of outside) {
        expect(cell.reached).toBe(false);
        expect(cell.stored).toBe(0);
        expect(cell.reason).toMatch(
          /^refused every time \(422 ×\d+\): allowed, but whether it is stored exactly was never judged$/,
        );
      }
      // Not required here, so the verdict stands (exit 0 above); the classes are what a gate would fail on.
      expect(row?.coverage?.required).toBe(false);
      expect(row?.coverage?.shortfall).toEqual(
        expect.arrayContaining([
          'too-short',
          'over-max',
          'nul',
          'control',
          'lone-surrogate',
          'not-an-address',
        ]),
      );
    },
  );
});

describe('backends that differ from the reference but follow the rules conform', () => {
  it.each(CONFORMING_VARIANTS.map((v) => [v.id, v.description] as const))('%s (%s)', (id) => {
    const row = rows.get(`conforming-${id}`);
    expect(row?.run).toBe('whole');
    expect(row?.failedRules, row?.cli.stdout.slice(-3000)).toEqual([]);
    expect(row?.cli.code, row?.cli.stderr.slice(-2000)).toBe(0);
  });
});

describe('every broken variant is caught by its rule', () => {
  it.each(VARIANTS.filter((v) => ends(v) === 'caught').map((v) => [v.id, v.rule] as const))(
    '%s breaks %s',
    (id, rule) => {
      const row = rows.get(id);
      expect(row?.cli.code, row?.cli.stderr.slice(-2000)).toBe(1);
      expect(row?.failedRules, `${id} should be caught by ${rule}`).toContain(rule);
    },
  );
});

describe('a backend that stops answering mid-run ends the run without a verdict', () => {
  it.each(VARIANTS.filter((v) => ends(v) === 'exit-2').map((v) => [v.id] as const))(
    '%s: exit 2 in bounded time, naming where it went silent',
    (id) => {
      const row = rows.get(id);
      expect(row?.cli.code, row?.cli.stderr.slice(-2000)).toBe(2);
      expect(row?.cli.ms).toBeLessThan(OUTAGE_BOUND_MS);
      expect(row?.cli.stderr).toMatch(/stopped answering mid-run.*went silent after request #\d+/);
    },
  );
});

describe('the catalogue and the checks cover each other', () => {
  it('every rule id is broken by some variant, and caught there', () => {
    const caught = new Set(
      VARIANTS.filter((v) => rows.get(v.id)?.failedRules.includes(v.rule)).map((v) => v.rule),
    );
    expect(RULE_IDS.filter((rule) => !caught.has(rule))).toEqual([]);
  });

  it('every registered check is seen failing against some variant', () => {
    const seen = new Set(
      [...rows.values()].flatMap((row) => row.failures.flatMap((f) => f.violations.map((v) => v.check))),
    );
    expect(
      CHECKS.all()
        .map((c) => c.name)
        .filter((name) => !seen.has(name)),
    ).toEqual([]);
  });
});
