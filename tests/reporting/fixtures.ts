/**
 * A hand-made RunResult for the report tests: one passing check and two failing ones, an S1 echo failure
 * (diagnosis "trimmed"; the body holds "  Ada  ", a <script> string, a U+0000 and an emoji) and an A2 failure
 * (a wrong token accepted, with a raw U+0000 and an ESC in the answer).
 */
import type { Exchange } from '../../core/exchange.ts';
import type { Counterexample } from '../../core/failure.ts';
import type { CheckResult, RuleSummary, RunResult } from '../../core/result.ts';
import { RULE_IDS, RULES, type RuleId } from '../../core/rules.ts';

/** The token of the fake environment: no output may contain it. */
export const TOKEN = 'tok-SECRET-123';
export const BASE_URL = 'http://127.0.0.1:40123/api/v1';
export const SEED = 1234567;

const PATH_A = '/unified/customer/cus_000001';
const JSON_HEADERS = { authorization: 'Bearer [REDACTED]', 'content-type': 'application/json' };

export const S1_SENT = {
  email: 'ada@example.com',
  name: '  Ada  ',
  address_line1: '<script>alert("pwned")</script>',
  address_line2: 'Flat 2\u0000b',
  address_city: "Zürich 😀 O'Hara",
};
export const S1_BODY = JSON.stringify(S1_SENT);

function customer(fields: Record<string, unknown>): string {
  return JSON.stringify({ data: { id: 'cus_000001', source_system: 'acme', ...fields } });
}

const s1Exchanges: Exchange[] = [
  {
    seq: 11,
    role: 'baseline',
    spec: { op: 'read', target: { fixture: 'A' }, auth: 'valid' },
    request: { method: 'GET', path: PATH_A, headers: { authorization: 'Bearer [REDACTED]' } },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      text: customer({ email: 'old@example.com', name: 'Old' }),
    },
    durationMs: 3,
  },
  {
    seq: 12,
    role: 'update',
    spec: {
      op: 'update',
      target: { fixture: 'A' },
      auth: 'valid',
      contentType: 'application/json',
      body: S1_BODY,
    },
    request: { method: 'PUT', path: PATH_A, headers: JSON_HEADERS, body: S1_BODY },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      text: customer({ ...S1_SENT, name: 'Ada' }),
    },
    durationMs: 5,
  },
];

export const s1Failure: Counterexample = {
  checkId: 'valid-updates',
  rule: 'S1',
  outcome: 'MUST-ACCEPT',
  violations: [
    {
      rule: 'S1',
      check: 'echoesSentFields',
      fingerprint: 'S1/trimmed',
      title: 'Sent value not echoed',
      received: 'data.name = "Ada"',
      expected: 'data.name = "  Ada  " (the sent value, code point for code point)',
      pointer: '/data/name',
      diagnosis: 'trimmed',
      sent: '  Ada  ',
      got: 'Ada',
      exchangeSeq: 12,
    },
  ],
  scenario: { kind: 'update', fixture: 'A', body: S1_SENT },
  exchanges: s1Exchanges,
  seed: SEED,
  path: '17:3:0',
  numRuns: 18,
  numShrinks: 6,
  putSemantics: 'merge',
};

/** What a broken backend answered to a wrong token: 200 and some garbage with raw control characters. */
export const A2_RESPONSE_TEXT = 'welcome admin\u0000\u001b[31m <b>ok</b>';
const A2_BODY = JSON.stringify({ email: 'grace@example.com', name: 'Grace' });

export const a2Failure: Counterexample = {
  checkId: 'auth-variants',
  rule: 'A2',
  outcome: 'MUST-REJECT',
  violations: [
    {
      rule: 'A2',
      check: 'refusesBadCredentials',
      fingerprint: 'A2/accepted/auth-wrong-token',
      title: 'Wrong token accepted',
      received: 'status 200',
      expected: 'status 401 or 403 (a wrong token)',
      exchangeSeq: 31,
    },
  ],
  scenario: { kind: 'auth', auth: 'wrong-token' },
  exchanges: [
    {
      seq: 31,
      role: 'update',
      spec: {
        op: 'update',
        target: { fixture: 'A' },
        auth: 'wrong-token',
        contentType: 'application/json',
        body: A2_BODY,
      },
      request: {
        method: 'PUT',
        path: PATH_A,
        headers: {
          authorization: 'Bearer conformance-suite-wrong-token',
          'content-type': 'application/json',
        },
        body: A2_BODY,
      },
      response: { status: 200, headers: { 'content-type': 'text/plain' }, text: A2_RESPONSE_TEXT },
      durationMs: 2,
    },
  ],
  seed: SEED,
  numRuns: 1,
  numShrinks: 0,
  putSemantics: 'merge',
};

export const passingCheck: CheckResult = {
  id: 'required-fields',
  title: 'Required fields missing, null or mistyped are rejected',
  suite: 'request-body',
  rules: ['B1', 'R2', 'A1'],
  cases: { B1: 120, R2: 120, A1: 120 },
  failures: [],
  durationMs: 2150,
};

export const echoCheck: CheckResult = {
  id: 'valid-updates',
  title: 'Valid updates are stored and echoed exactly',
  suite: 'stored-state',
  rules: ['S1', 'S4', 'R1', 'R2'],
  cases: { S1: 18, S4: 17, R1: 18, R2: 18 },
  failures: [s1Failure],
  durationMs: 3400,
};

export const authCheck: CheckResult = {
  id: 'auth-variants',
  title: 'Missing or wrong credentials are refused',
  suite: 'authentication',
  rules: ['A2', 'A1', 'R2'],
  cases: { A2: 5, A1: 5, R2: 5 },
  failures: [a2Failure],
  durationMs: 120,
};

function summarize(checks: CheckResult[]): RuleSummary[] {
  return RULE_IDS.map((rule: RuleId) => {
    const judging = checks.filter((c) => c.rules.includes(rule));
    const cases = judging.reduce((sum, c) => sum + (c.cases[rule] ?? 0), 0);
    const failures = judging.reduce((sum, c) => sum + c.failures.filter((f) => f.rule === rule).length, 0);
    const status = judging.length === 0 ? 'not-run' : failures > 0 ? 'fail' : 'pass';
    return { rule, title: RULES[rule], cases, failures, status };
  });
}

export function makeResult(checks: CheckResult[] = [passingCheck, echoCheck, authCheck]): RunResult {
  const failing = checks.some((c) => c.failures.length > 0);
  return {
    startedAt: '2025-01-02T03:04:05.678Z',
    durationMs: 5790,
    seed: SEED,
    baseUrl: BASE_URL,
    target: 'remote',
    putSemantics: 'merge',
    runs: 100,
    requests: 1234,
    checks,
    rules: summarize(checks),
    verdict: failing ? 'violations' : 'conforms',
    rerunCommand: `npm start -- --seed ${SEED}`,
  };
}

/** The fixture run, and failure files as the runner names them (relative to the report folder). */
export const result = makeResult();
export const failureFiles = new Map<Counterexample, string>([
  [s1Failure, 'failures/S1-1.json'],
  [a2Failure, 'failures/A2-1.json'],
]);
/** A run where every judged rule passed. */
export const passingResult = makeResult([passingCheck]);
