/**
 * The coverage view in every report: the counts, what was not reached and why (never silently a pass), the
 * gate line when coverage is required, the per-field matrix; data escaped like everything else.
 */
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../contracts/load.ts';
import type { ClassTally, ValueCoverage } from '../../core/coverage.ts';
import type { CheckResult, RunResult } from '../../core/result.ts';
import { RULE_IDS } from '../../core/rules.ts';
import { classesFor } from '../../generators/value-class.ts';
import { formatSummary } from '../../reporting/console-summary.ts';
import { toHtml } from '../../reporting/html.ts';
import { toReportJson } from '../../reporting/report-json.ts';
import { toSummaryMarkdown } from '../../reporting/summary-md.ts';
import { coverageOf } from '../../runner/coverage.ts';
import { makeResult, passingCheck } from './fixtures.ts';

const contract = loadContract();
const t = (statuses: Record<string, number>, stored: number): ClassTally => ({
  sent: Object.values(statuses).reduce((a, b) => a + b, 0),
  statuses,
  stored,
  readBack: stored,
  unchanged: 0,
});

/** Everything reached, but NFD refused in every field and phone's null never sent. */
function tallies(): ValueCoverage {
  return Object.fromEntries(
    contract.fields.updatable.map((field) => [
      field,
      Object.fromEntries(
        classesFor(contract, field).map((k) => {
          if (k.id === 'nfd') return [k.id, t({ 422: 3 }, 0)];
          if (k.id === 'null' && field === 'phone') return [k.id, t({}, 0)];
          return [k.id, k.outcome === 'MUST-REJECT' ? t({ 400: 1 }, 0) : t({ 200: 4 }, 4)];
        }),
      ),
    ]),
  );
}

function run(required: boolean, coverage: ValueCoverage = tallies()): RunResult {
  // Every rule judged three cases: only the value classes are short.
  const cases = Object.fromEntries(RULE_IDS.map((rule) => [rule, 3]));
  const check: CheckResult = { ...passingCheck, rules: RULE_IDS, cases, coverage };
  const result = makeResult([check]);
  result.coverage = coverageOf([check], result.rules, contract, { required, only: [], bailed: false });
  return result;
}

describe('the coverage view', () => {
  it('console: one line of counts naming what was not reached, and the gate when required', () => {
    const text = formatSummary(run(true));
    expect(text).toMatch(
      /Coverage: 21 of 23 value classes reached, 20 of 20 rules judged; not reached: .*nfd/,
    );
    expect(text).toContain('null (phone)');
    expect(text).toMatch(
      /Coverage gate \(--require-coverage\): FAILED: 2 required items not reached \(phone:null, nfd\)/,
    );
    expect(formatSummary(run(false))).not.toContain('Coverage gate');
  });

  it('summary.md: a coverage section with each class not reached, its rule and why, and the per-field matrix', () => {
    const md = toSummaryMarkdown(run(true), new Map());
    expect(md).toContain('### Coverage');
    expect(md).toMatch(
      /\| decomposed accents \\\(NFD\\\): nfd \| B3 \| in no field: refused every time \\\(422 ×42\\\)/,
    );
    expect(md).toMatch(/\| null: null \\\(phone\\\) \| B2 \| phone: never sent/);
    expect(md).toContain('**Coverage gate \\(\\-\\-require\\-coverage\\): FAILED');
    const phoneRow = md.split('\n').find((line) => line.startsWith('| phone |'));
    expect(phoneRow).toContain('⚠️ not sent');
    expect(phoneRow).toContain('⚠️ 0 of 3');
    expect(phoneRow).toContain('✅ 4');
  });

  it('report.html: a coverage card, cells marked, the reasons listed, data escaped', () => {
    const coverage = tallies();
    coverage['<b>x</b>'] = {};
    const html = toHtml(run(true, coverage), new Map());
    expect(html).toContain('<section class="card" id="coverage">');
    expect(html).toMatch(
      /<li><strong>decomposed accents \(NFD\)<\/strong> <code>nfd<\/code> \(B3\): in no field: refused every time \(422 ×42\)/,
    );
    expect(html).toMatch(/<td class="err" title="phone · null[^"]*never sent[^"]*">not sent<\/td>/);
    expect(html).not.toContain('<b>x</b>');
  });

  it('report.json: per field, every class with its answers, what was judged, and why not reached', () => {
    const json = toReportJson(run(true), new Map());
    expect(json.coverage?.required).toBe(true);
    expect(json.coverage?.shortfall).toEqual(['phone:null', 'nfd']);
    const name = json.coverage?.fields['name'] ?? [];
    expect(name.find((c) => c.class === 'nfd')).toMatchObject({
      sent: 3,
      statuses: { 422: 3 },
      stored: 0,
      reached: false,
      reason: expect.stringMatching(/^refused every time \(422 ×3\)$/),
    });
    expect(name.find((c) => c.class === 'cjk')).toMatchObject({ reached: true, reason: null, stored: 4 });
    expect(toReportJson(makeResult([passingCheck]), new Map()).coverage).toBeNull();
  });

  it('everything reached: no "not reached" anywhere, the gate holds', () => {
    const all = tallies();
    for (const field of Object.keys(all)) {
      all[field] = { ...all[field], nfd: t({ 200: 1 }, 1) };
      if (all[field]?.['null']) all[field] = { ...all[field], null: t({ 200: 1 }, 1) };
    }
    const result = run(true, all);
    expect(formatSummary(result)).toContain(
      'Coverage gate (--require-coverage): everything required was reached',
    );
    expect(toSummaryMarkdown(result, new Map())).not.toContain('| Not reached |');
    expect(toHtml(result, new Map())).not.toContain('<h3>Not reached</h3>');
  });
});
