/** The main request's status is one the contract allows for its case (rule of the case: B1-B7, A2, I1). */
import type { Violation } from '../../core/failure.ts';
import { expectationFor } from '../scenarios/expectation.ts';
import { find, findAll } from '../scenarios/play.ts';
import type { Check } from './check.ts';

const MAIN_ROLES = ['update', 'first', 'second', 'burst'];

const titles = {
  'MUST-ACCEPT': 'Valid body not accepted',
  'MUST-REJECT': 'Request not rejected as it must be',
  'MAY-EITHER': 'Neither accepted nor cleanly rejected',
} as const;

export const statusInExpectedSet: Check = {
  name: 'status_in_expected_set',
  rule: (scenario, ctx) => expectationFor(scenario, ctx.contract).rule,
  applies: (trace) => MAIN_ROLES.some((role) => find(trace, role)?.response !== undefined),
  run(trace, scenario, ctx) {
    const expectation = expectationFor(scenario, ctx.contract);
    const violations: Violation[] = [];
    for (const exchange of MAIN_ROLES.flatMap((role) => findAll(trace, role))) {
      const status = exchange.response?.status;
      // A 5xx is R2's to report; counting it here too would blame the case's rule for a crash.
      if (status === undefined || status >= 500 || expectation.statuses.includes(status)) continue;
      const label = 'case' in scenario ? scenario.case.label : scenario.kind;
      // Lower-case "bearer" may be refused with 401; a 400/422 refuses the (valid) body, not the credential.
      const bodyRefused =
        scenario.kind === 'update' &&
        scenario.auth === 'valid-lowercase-scheme' &&
        ctx.contract.tolerances.statuses.reject.includes(status);
      violations.push({
        rule: bodyRefused ? scenario.case.rule : expectation.rule,
        check: 'status_in_expected_set',
        title: titles[expectation.outcome],
        received: `status ${status} for ${label}${scenario.kind === 'update' && scenario.auth !== 'valid' ? ` with credential "${scenario.auth}"` : ''}`,
        expected: `${expectation.outcome}: one of ${expectation.statuses.join(', ')}`,
        exchangeSeq: exchange.seq,
      });
    }
    return violations;
  },
};

/** The baseline full body is a must-accept case too: a backend that refuses it fails B3. */
export const baselineAccepted: Check = {
  name: 'baseline_accepted',
  rule: 'B3',
  applies: (trace) => find(trace, 'baseline')?.response !== undefined,
  run(trace, _scenario, ctx) {
    const exchange = find(trace, 'baseline');
    const status = exchange?.response?.status ?? 0;
    if (status >= 500 || ctx.contract.tolerances.statuses.accept.includes(status)) return [];
    return [
      {
        rule: 'B3',
        check: 'baseline_accepted',
        title: 'Valid body not accepted',
        received: `status ${status} for a body with every field set to a realistic value`,
        expected: `MUST-ACCEPT: one of ${ctx.contract.tolerances.statuses.accept.join(', ')}`,
        ...(exchange ? { exchangeSeq: exchange.seq } : {}),
      },
    ];
  },
};
