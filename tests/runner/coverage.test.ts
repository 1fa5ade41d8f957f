/**
 * runner/coverage.ts: from the checks' tallies to reached / not reached and why, with each-field and any-field
 * classes, the contract's exemptions, and --only. The whole run against references is in the kill matrix.
 */
import { describe, expect, it } from 'vitest';
import { loadContract, type Contract } from '../../contracts/load.ts';
import type { ClassTally, ValueCoverage } from '../../core/coverage.ts';
import type { CheckResult } from '../../core/result.ts';
import { classesFor } from '../../generators/value-class.ts';
import { summarizeRules } from '../../runner/collect.ts';
import { coverageOf } from '../../runner/coverage.ts';

const contract = loadContract();
const tally = (statuses: Record<string, number>, judged = true): ClassTally => {
  const sent = Object.values(statuses).reduce((a, b) => a + b, 0);
  const ok = Object.entries(statuses)
    .filter(([s]) => s.startsWith('2'))
    .reduce((a, [, n]) => a + n, 0);
  return { sent, statuses, stored: judged ? ok : 0, readBack: judged ? ok : 0, unchanged: sent - ok };
};

/** Every class of every field reached once: accepted and stored where it may be, refused where it must be. */
function everything(): ValueCoverage {
  return Object.fromEntries(
    contract.fields.updatable.map((field) => [
      field,
      Object.fromEntries(
        classesFor(contract, field).map((k) => [
          k.id,
          tally(k.outcome === 'MUST-REJECT' ? { 400: 1 } : { 200: 2 }),
        ]),
      ),
    ]),
  );
}

const check = (coverage: ValueCoverage): CheckResult => ({
  id: 'all',
  title: 'all',
  suite: 'all',
  rules: [],
  cases: Object.fromEntries(
    [
      'B1',
      'B2',
      'B3',
      'B4',
      'B5',
      'B6',
      'B7',
      'A1',
      'A2',
      'I1',
      'I2',
      'R1',
      'R2',
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
      'S6',
      'S7',
    ].map((r) => [r, 3]),
  ),
  failures: [],
  durationMs: 1,
  coverage,
});

const judge = (
  coverage: ValueCoverage,
  options: { only?: string[]; c?: Contract; cases?: CheckResult['cases']; rules?: CheckResult['rules'] } = {},
) => {
  const checks = [
    {
      ...check(coverage),
      ...(options.cases ? { cases: options.cases } : {}),
      ...(options.rules ? { rules: options.rules } : {}),
    },
  ];
  return coverageOf(checks, summarizeRules(checks), options.c ?? contract, {
    required: true,
    only: options.only ?? [],
    bailed: false,
  });
};

describe('coverageOf', () => {
  it('everything reached: no shortfall', () => {
    const coverage = judge(everything());
    expect(coverage.shortfall).toEqual([]);
    expect(coverage.classes.every((c) => c.reached)).toBe(true);
    expect(coverage.cells.every((c) => c.reached)).toBe(true);
  });

  it('an any-field class refused in every field is not reached, with the answers; one field reaching it is enough', () => {
    const refused = everything();
    for (const field of Object.keys(refused)) {
      const nfd = refused[field]?.['nfd'];
      if (nfd) refused[field] = { ...refused[field], nfd: tally({ 422: 2 }) };
      const overMax = refused[field]?.['over-max'];
      if (overMax && field !== 'phone') refused[field] = { ...refused[field], 'over-max': tally({ 422: 1 }) };
    }
    const coverage = judge(refused);
    const nfd = coverage.classes.find((c) => c.class === 'nfd');
    expect(nfd).toMatchObject({ reached: false, reason: 'refused', reach: 'any-field' });
    expect(nfd?.tally.statuses).toEqual({ 422: 2 * (nfd?.missing.length ?? 0) });
    expect(coverage.classes.find((c) => c.class === 'over-max')?.reached).toBe(true);
    expect(coverage.shortfall).toEqual(['nfd']);
  });

  it('an each-field class must be reached in every field: the fields that missed it are named', () => {
    const partial = everything();
    partial['phone'] = { ...partial['phone'], boolean: tally({}) };
    partial['address_city'] = { ...partial['address_city'], null: tally({ 200: 1 }, false) };
    const coverage = judge(partial);
    expect(coverage.shortfall).toEqual(['address_city:null', 'phone:boolean']);
    expect(coverage.cells.find((c) => c.field === 'phone' && c.class === 'boolean')?.reason).toBe(
      'never-sent',
    );
    expect(coverage.cells.find((c) => c.field === 'address_city' && c.class === 'null')?.reason).toBe(
      'not-compared',
    );
  });

  it('a rule no case judged is not reached; the contract may exempt it, or a class, or one field of a class', () => {
    const partial = everything();
    partial['phone'] = { ...partial['phone'], boolean: tally({}) };
    for (const field of Object.keys(partial)) partial[field] = { ...partial[field], cjk: tally({}) };
    const cases = { ...check(partial).cases, S7: 0 };
    expect(judge(partial, { cases }).shortfall).toEqual(['S7', 'phone:boolean', 'cjk']);
    const exempting: Contract = {
      ...contract,
      tolerances: { ...contract.tolerances, coverage: { exempt: ['S7', 'cjk', 'phone:boolean'] } },
    };
    const coverage = judge(partial, { cases, c: exempting });
    expect(coverage.shortfall).toEqual([]);
    expect(coverage.rules.find((r) => r.rule === 'S7')).toMatchObject({
      reached: false,
      reason: 'no-case',
      exempt: true,
    });
    expect(coverage.classes.find((c) => c.class === 'cjk')).toMatchObject({ reached: false, exempt: true });
  });

  it('under --only, rules left out and their classes are not required', () => {
    const partial = everything();
    for (const field of Object.keys(partial)) {
      for (const id of ['too-short', 'over-max', 'nul', 'control', 'lone-surrogate', 'not-an-address'])
        if (partial[field]?.[id]) partial[field] = { ...partial[field], [id]: tally({}) };
    }
    const cases = { ...check(partial).cases, B4: 0, S7: 0 };
    // valid-updates' checks ran (their rules are what --only selected); B4 and S7 were not asked for.
    const rules: CheckResult['rules'] = ['B2', 'B3', 'S1', 'S2', 'S3', 'S4', 'S6', 'R1', 'R2', 'I2'];
    const coverage = judge(partial, { cases, rules, only: ['valid-updates'] });
    expect(coverage.shortfall).toEqual([]);
    expect(coverage.rules.find((r) => r.rule === 'S7')).toMatchObject({
      reason: 'not-selected',
      exempt: true,
    });
    expect(coverage.classes.find((c) => c.class === 'nul')).toMatchObject({
      reason: 'rule-not-run',
      exempt: true,
    });
    // Naming the rule asks for it.
    expect(judge(partial, { cases, rules, only: ['valid-updates', 'B4'] }).shortfall).toContain('nul');
  });
});
