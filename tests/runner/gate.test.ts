/** The gate (runner/gate.ts): one place that turns a run's findings and its baseline into the exit code. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Counterexample } from '../../core/failure.ts';
import type { CheckResult, RunResult } from '../../core/result.ts';
import { baselineToWrite } from '../../runner/baseline-file.ts';
import { exitCodeOf, settleBaseline } from '../../runner/gate.ts';
import { groupFindings } from '../../core/finding.ts';
import { result as failingRun } from '../reporting/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (fingerprint: string, reason = '') => ({
  fingerprint,
  rule: fingerprint.slice(0, 2),
  title: 't',
  reason,
});
const fresh = (): RunResult => structuredClone(failingRun);
const none = new Map<Counterexample, string>();

describe('exitCodeOf', () => {
  it('1 for a finding not in a baseline; 0 once every finding is known; 2 without a verdict', () => {
    expect(exitCodeOf(fresh())).toBe(1);
    const known = fresh();
    settleBaseline(
      known,
      { baseline: 'b.json' },
      {
        entries: [entry('S1/trimmed', 'JIRA-1'), entry('A2/accepted/auth-wrong-token')],
        warnings: [],
      },
      none,
    );
    expect(known.baseline?.known).toEqual([
      { fingerprint: 'A2/accepted/auth-wrong-token', reason: '' },
      { fingerprint: 'S1/trimmed', reason: 'JIRA-1' },
    ]);
    expect(exitCodeOf(known)).toBe(0);
    const half = fresh();
    settleBaseline(
      half,
      { baseline: 'b.json' },
      { entries: [entry('S1/trimmed'), entry('B5/gone')], warnings: [] },
      none,
    );
    expect(half.baseline?.new).toEqual(['A2/accepted/auth-wrong-token']);
    expect(half.baseline?.notSeen.map((e) => e.fingerprint)).toEqual(['B5/gone']);
    expect(exitCodeOf(half)).toBe(1);
    expect(exitCodeOf({ ...fresh(), verdict: 'no-verdict' })).toBe(2);
  });

  it('a regression that came back fails the run even when its fingerprint is known', () => {
    const run = fresh();
    const s1 = run.checks.find((c) => c.failures.some((f) => f.rule === 'S1')) as CheckResult;
    run.checks.push({ ...s1, id: 'regression:S1-1', suite: 'regressions' });
    settleBaseline(
      run,
      { baseline: 'b.json' },
      {
        entries: [entry('S1/trimmed'), entry('A2/accepted/auth-wrong-token')],
        warnings: [],
      },
      none,
    );
    expect(run.baseline?.regressions).toEqual(['S1/trimmed']);
    expect(exitCodeOf(run)).toBe(1);
  });

  it("--write-baseline alone records the findings and makes them the run's baseline: exit 0", () => {
    const path = join(dir, 'sub', 'baseline.json');
    const run = fresh();
    settleBaseline(run, { writeBaseline: path }, undefined, none, '2026-12-01');
    expect(exitCodeOf(run)).toBe(0);
    expect(run.wroteBaseline).toEqual({ file: path, entries: 2, dropped: [] });
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.format).toBe('customer-conformance/baseline@1');
    expect(file.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual([
      'A2/accepted/auth-wrong-token',
      'S1/trimmed',
    ]);
  });
});

describe('baselineToWrite', () => {
  it('sorted; an entry already there is kept as it was (reason, date); one not seen is dropped and named', () => {
    const findings = groupFindings(fresh().checks);
    const previous = [
      { ...entry('S1/trimmed', 'JIRA-7'), since: '2026-01-01', failureFile: 'failures/S1-9.json' },
      entry('R2/5xx/astral'),
    ];
    const { file, dropped } = baselineToWrite(findings, none, previous, '2026-12-01');
    expect(file.findings).toEqual([
      {
        fingerprint: 'A2/accepted/auth-wrong-token',
        rule: 'A2',
        title: 'Wrong token accepted',
        since: '2026-12-01',
        reason: '',
      },
      previous[0],
    ]);
    expect(dropped).toEqual(['R2/5xx/astral']);
  });
});
