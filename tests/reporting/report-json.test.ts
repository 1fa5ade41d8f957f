import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../core/rules.ts';
import { toReportJson } from '../../reporting/report-json.ts';
import { failureFiles, passingResult, result, SEED } from './fixtures.ts';

describe('toReportJson', () => {
  it('passes: run metadata, every check and the rules summary, as JSON', () => {
    const report = JSON.parse(JSON.stringify(toReportJson(passingResult, new Map()))) as ReturnType<
      typeof toReportJson
    >;
    expect(report).toMatchObject({
      format: 'customer-conformance/report@1',
      verdict: 'conforms',
      seed: SEED,
      requests: 1234,
      baseUrl: 'http://127.0.0.1:40123/api/v1',
    });
    expect(report.checks).toEqual([
      expect.objectContaining({
        id: 'required-fields',
        rules: ['B1', 'R2', 'A1'],
        status: 'pass',
        failures: [],
      }),
    ]);
    expect(report.rules.map((r) => r.rule)).toEqual(RULE_IDS);
  });

  it('fails with a useful message: each failure has its rule, title, violations, failure file and replay', () => {
    const report = JSON.parse(JSON.stringify(toReportJson(result, failureFiles))) as ReturnType<
      typeof toReportJson
    >;
    expect(report.verdict).toBe('violations');
    const echo = report.checks.find((c) => c.id === 'valid-updates');
    expect(echo?.status).toBe('fail');
    expect(echo?.cases).toEqual({ S1: 18, S4: 17, R1: 18, R2: 18 });
    expect(echo?.failures).toEqual([
      expect.objectContaining({
        rule: 'S1',
        ruleTitle: 'Every sent field is echoed exactly',
        title: 'Sent value not echoed (trimmed)',
        failureFile: 'failures/S1-1.json',
        replay: 'npm run replay -- reports/failures/S1-1.json',
        path: '17:3:0',
        request: { method: 'PUT', path: '/unified/customer/cus_000001', auth: 'valid', status: 200 },
      }),
    ]);
    expect(echo?.failures[0]?.violations[0]).toMatchObject({
      diagnosis: 'trimmed',
      sent: '  Ada  ',
      got: 'Ada',
    });
    expect(report.rules.find((r) => r.rule === 'A2')).toMatchObject({ status: 'fail', failures: 1 });
  });

  it('gives null, not a broken command, when no failure file was saved', () => {
    const report = toReportJson(result, new Map(), { reportDir: 'out' });
    expect(report.checks[1]?.failures[0]).toMatchObject({ failureFile: null, replay: null });
  });
});
