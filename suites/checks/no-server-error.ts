/** R2: no request, valid or not, gets a 5xx, and every request is answered. */
import type { Violation } from '../../core/failure.ts';
import type { Check } from './check.ts';
import { always } from './conditions.ts';

/** The title of an unanswered request's violation: the one place that tells it from a 5xx (fingerprints, a stop). */
const NO_ANSWER = 'No answer';

export function isNoAnswer(v: Violation): boolean {
  return v.check === 'no_server_error' && v.title === NO_ANSWER;
}

export const noServerError: Check = {
  name: 'no_server_error',
  rule: 'R2',
  applies: always,
  run(trace) {
    const violations: Violation[] = [];
    for (const exchange of trace.exchanges) {
      const status = exchange.response?.status;
      if (exchange.error !== undefined) {
        violations.push({
          rule: 'R2',
          check: 'no_server_error',
          title: NO_ANSWER,
          received: exchange.error,
          expected: 'an HTTP answer below 500',
          exchangeSeq: exchange.seq,
        });
      } else if (status !== undefined && status >= 500) {
        violations.push({
          rule: 'R2',
          check: 'no_server_error',
          title: 'Server error',
          received: `status ${status} to ${exchange.request.method} ${exchange.request.path} (${exchange.role})`,
          expected: 'no 5xx, for any request',
          exchangeSeq: exchange.seq,
        });
      }
    }
    return violations;
  },
};
