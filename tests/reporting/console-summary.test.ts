import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES } from '../../core/rules.ts';
import { formatSummary } from '../../reporting/console-summary.ts';
import { failureFiles, passingResult, result, SEED } from './fixtures.ts';

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

describe('formatSummary', () => {
  it('passes: lists every rule with its status, the seed, time and requests, and ends with CONFORMS', () => {
    const text = formatSummary(passingResult);
    for (const id of RULE_IDS)
      expect(text).toMatch(new RegExp(`^  ${id} +${RULES[id].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'm'));
    expect(text).toMatch(/^ {2}B1 .* 120 +0 +PASS$/m);
    expect(text).toMatch(/^ {2}S7 .* 0 +0 +not run$/m);
    expect(text).toContain(`Seed:    ${SEED}`);
    expect(text).toContain('Time: 5.8 s');
    expect(text).toContain('Requests: 1234');
    expect(text).not.toContain('Findings (');
    expect(text.split('\n').at(-1)).toBe('Verdict: CONFORMS: 3 passed, 17 not run');
  });

  it('fails with a useful message: one line per failure with rule, check, diagnosis, short body and replay', () => {
    const text = formatSummary(result, { failureFiles, reportDir: 'reports' });
    expect(text).toMatch(/^ {2}S1 .* 18 +1 +FAIL$/m);
    expect(text).toContain('Findings (2 findings: 2 new, 0 known), from 2 failures:');
    expect(text).toMatch(/^ {2}NEW {3}S1\/trimmed {2}Sent value not echoed$/m);
    const failureLines = text
      .split('\n')
      .filter((line) => line.startsWith('    x '))
      .map((line) => line.slice(2))
      .sort((a, b) => (a.includes(' S1 ') ? -1 : b.includes(' S1 ') ? 1 : 0));
    expect(failureLines).toHaveLength(2);
    const [s1, a2] = failureLines;
    expect(s1).toMatch(
      /^ {2}x S1 valid-updates: Sent value not echoed \(trimmed\); body \{.*"name":" {2}Ada {2}".*\}; /,
    );
    expect(s1).toContain('<script>alert');
    expect(s1).toContain('… (length 31)');
    expect(s1).toContain('"address_line2":"Flat 2\\u0000b"');
    expect(s1?.endsWith('; npm run replay -- reports/failures/S1-1.json')).toBe(true);
    expect(a2).toMatch(
      /^ {2}x A2 auth-variants: Wrong token accepted; body .*; npm run replay -- reports\/failures\/A2-1\.json$/,
    );
    expect(text).toContain('Re-run: npm start -- --seed 1234567');
    expect(text.split('\n').at(-1)).toBe(
      'Verdict: VIOLATIONS: 2 of 20 rules failed (A2, S1), 5 passed, 13 not run',
    );
  });

  it('names the report folder it was given in the replay command', () => {
    const text = formatSummary(result, { failureFiles, reportDir: '/tmp/run 7' });
    expect(text).toContain("npm run replay -- '/tmp/run 7/failures/S1-1.json'");
  });

  it('says so when no failure file was saved, rather than printing a command that cannot work', () => {
    expect(formatSummary(result)).toContain('no failure file saved');
  });

  it('lists checks that could not run', () => {
    const broken = {
      ...result,
      checks: [...result.checks, { ...result.checks[0]!, id: 'isolation', error: 'fixture B: 503' }],
    };
    expect(formatSummary(broken)).toContain('Checks that could not run (1):\n  ! isolation: fixture B: 503');
  });

  it('colours only when asked, and the text is the same without the colours', () => {
    expect(formatSummary(result)).not.toMatch(ANSI);
    const coloured = formatSummary(result, { color: true, failureFiles });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(formatSummary(result, { failureFiles }));
  });
});
