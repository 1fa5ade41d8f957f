import { describe, expect, it } from 'vitest';
import { formatFailure } from '../../reporting/format-failure.ts';
import { A2_RESPONSE_TEXT, a2Failure, BASE_URL, s1Failure } from './fixtures.ts';

describe('formatFailure', () => {
  const s1 = formatFailure(s1Failure, { baseUrl: BASE_URL, failureFile: 'reports/failures/S1-1.json' });

  it('fails with a useful message: rule, title, Received/Expected and the transformation', () => {
    const lines = s1.split('\n');
    expect(lines[0]).toBe(
      '- S1 Every sent field is echoed exactly (check valid-updates, MUST-ACCEPT, PUT semantics merge)',
    );
    expect(s1).toContain('1. Sent value not echoed at /data/name [echoesSentFields]');
    expect(s1).toContain('    Received: data.name = "Ada"\n    Expected: data.name = "  Ada  "');
    expect(s1).toContain('What happened to the value: trimmed');
  });

  it('shows sent against received as JSON, with the differing code points', () => {
    expect(s1).toContain('    Sent:     "  Ada  "\n    Received: "Ada"');
    expect(s1).toContain('Differs:  U+0020 U+0020 U+0020 U+0020 sent, (nothing) received');
  });

  it('shows the request and the response with invisible characters as escapes', () => {
    expect(s1).toContain('Request #12 (update, auth valid): PUT /unified/customer/cus_000001');
    expect(s1).toContain('[200] application/json; charset=utf-8');
    const a2 = formatFailure(a2Failure, { baseUrl: BASE_URL });
    expect(a2).toContain('welcome admin\\u{0000}\\u{001B}[31m <b>ok</b>');
    expect(a2).not.toContain(A2_RESPONSE_TEXT);
    expect(a2).not.toMatch(/(?![\t\n])\p{Cc}/u);
  });

  it('lists the requests of the case in order', () => {
    expect(s1).toContain('    #11 baseline: GET /unified/customer/cus_000001 -> 200\n    #12 update: PUT');
  });

  it('ends with how to reproduce it: curl, replay command and seed', () => {
    const tail = s1.split('\n').slice(-6);
    expect(tail[0]).toBe('Reproduce with curl (set API_TOKEN to your token first):');
    expect(tail[1]).toBe(`    export BASE_URL=${BASE_URL}`);
    expect(tail[2]).toMatch(
      /^ {4}curl -i -X PUT "\$BASE_URL\/unified\/customer\/cus_000001" -H "Authorization: Bearer \$API_TOKEN"/,
    );
    expect(tail[3]).toBe('');
    expect(tail[4]).toBe('Replay: npm run replay -- reports/failures/S1-1.json');
    expect(tail[5]).toBe('Seed 1234567, path "17:3:0" (failed after 18 runs, shrunk 6 times)');
  });

  it('cuts long bodies and says how long they were', () => {
    const text = formatFailure(s1Failure, { baseUrl: BASE_URL, maxBody: 40 });
    expect(text).toMatch(/… \[cut: \d+ chars in all\]/);
  });

  it('shows the last write when the seq of the violation names no single exchange (a replay numbers none)', () => {
    const renumbered = s1Failure.exchanges.map((e) => ({ ...e, seq: 0 }));
    const text = formatFailure({ ...s1Failure, exchanges: renumbered }, { baseUrl: BASE_URL });
    expect(text).toContain('Request #0 (update, auth valid): PUT /unified/customer/cus_000001');
  });

  it('says when no answer came', () => {
    const exchange = { ...a2Failure.exchanges[0]!, error: 'ECONNRESET' };
    delete exchange.response;
    const text = formatFailure({ ...a2Failure, exchanges: [exchange] }, { baseUrl: BASE_URL });
    expect(text).toContain('No response: ECONNRESET');
  });

  it('says when the failure did not come back when the run played its case again', () => {
    expect(s1).not.toContain('Played again right away');
    const text = formatFailure({ ...s1Failure, reproducedInRun: false }, { baseUrl: BASE_URL });
    expect(text.split('\n').at(-1)).toBe(
      'Played again right away, it did not fail: it may be intermittent or depend on what earlier requests did; a replay cannot call it fixed.',
    );
  });

  it('colours the title only when asked', () => {
    expect(formatFailure(s1Failure, { baseUrl: BASE_URL, color: true })).toContain('\u001b[31m');
    expect(s1).not.toContain('\u001b[');
  });
});
