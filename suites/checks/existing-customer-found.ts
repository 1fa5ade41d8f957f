/**
 * I1: an id that exists is found. A request the contract says must succeed (a valid PUT with the right token,
 * or a GET) to one of the fixture customers, answered 404, tells the client the customer does not exist: what
 * a backend says when it maps "0 rows affected" (a PUT that changes nothing) to not found.
 */
import type { Exchange } from '../../core/exchange.ts';
import type { Violation } from '../../core/failure.ts';
import { expectationFor } from '../scenarios/expectation.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import type { Check, JudgeContext } from './check.ts';

/** Whether an answer says a fixture customer with a must-succeed request does not exist. */
export function existingAnsweredNotFound(exchange: Exchange, scenario: Scenario, ctx: JudgeContext): boolean {
  const { spec } = exchange;
  const status = exchange.response?.status;
  if (status === undefined || !ctx.contract.tolerances.statuses.notFound.includes(status)) return false;
  if (spec.auth !== 'valid' || spec.target === undefined || !('fixture' in spec.target)) return false;
  if (spec.op === 'read') return true;
  if (spec.op !== 'update') return false;
  // The case's own request must succeed only when its body is a valid one; edge cases may get any clean 4xx.
  return exchange.role !== 'update' || expectationFor(scenario, ctx.contract).outcome === 'MUST-ACCEPT';
}

export const existingCustomerFound: Check = {
  name: 'existing_customer_found',
  rule: 'I1',
  applies: (trace, scenario, ctx) => trace.exchanges.some((e) => existingAnsweredNotFound(e, scenario, ctx)),
  run(trace, scenario, ctx) {
    return trace.exchanges
      .filter((e) => existingAnsweredNotFound(e, scenario, ctx))
      .slice(0, 1)
      .map((exchange): Violation => ({
        rule: 'I1',
        check: 'existing_customer_found',
        title: 'Existing customer answered as not found',
        received: `status ${exchange.response?.status} to ${exchange.request.method} ${exchange.request.path} (${exchange.role}), a customer that exists`,
        expected:
          exchange.spec.op === 'read'
            ? '200 with the customer'
            : `one of ${ctx.contract.tolerances.statuses.accept.join(', ')}: a valid PUT to an existing customer succeeds, also when it changes nothing`,
        exchangeSeq: exchange.seq,
      }));
  },
};
