/** The main request's status is one the contract allows for its case (rule of the case: B1-B7, A2, I1). */
import type { Violation } from '../../core/failure.ts';
import { expectationFor } from '../scenarios/expectation.ts';
import type { Exchange } from '../../core/exchange.ts';
import { find, findAll, SETUP_WRITES } from '../scenarios/play.ts';
import type { Check } from './check.ts';
import { existingAnsweredNotFound } from './existing-customer-found.ts';

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
      // A 404 to a customer that exists is I1's to report (existing-customer-found.ts).
      if (existingAnsweredNotFound(exchange, scenario, ctx)) continue;
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

/** Whether a sent body holds a null: a refused one breaks B2 rather than B3. */
function sendsNull(exchange: Exchange): boolean {
  try {
    const value = JSON.parse(exchange.spec.body ?? '') as unknown;
    return typeof value === 'object' && value !== null && Object.values(value).includes(null);
  } catch {
    return false;
  }
}

/**
 * The baseline full body (and each full history write after it) is a must-accept case too: a backend that
 * refuses it fails B3 (B2 when it sends a null).
 */
export const baselineAccepted: Check = {
  name: 'baseline_accepted',
  rule: 'B3',
  applies: (trace) => SETUP_WRITES.some((role) => find(trace, role)?.response !== undefined),
  run(trace, scenario, ctx) {
    const accept = ctx.contract.tolerances.statuses.accept;
    const refused = SETUP_WRITES.flatMap((role) => findAll(trace, role)).find((exchange) => {
      const status = exchange.response?.status;
      if (status === undefined || status >= 500 || accept.includes(status)) return false;
      return !existingAnsweredNotFound(exchange, scenario, ctx);
    });
    if (!refused) return [];
    const nulls = sendsNull(refused);
    return [
      {
        rule: nulls ? 'B2' : 'B3',
        check: 'baseline_accepted',
        title: 'Valid body not accepted',
        received: `status ${refused.response?.status} for a body with every field set to a realistic value${nulls ? ' or null' : ''} (${refused.role} PUT)`,
        expected: `MUST-ACCEPT: one of ${accept.join(', ')}`,
        exchangeSeq: refused.seq,
      },
    ];
  },
};
