/**
 * R1: every 200 is application/json and validates against the response schema; so does every 2xx to a create
 * (201 included), the companion operation the suite sets up with.
 */
import type { Exchange } from '../../core/exchange.ts';
import type { Violation } from '../../core/failure.ts';
import type { Check } from './check.ts';

const judged = (e: Exchange): boolean => {
  const status = e.response?.status ?? 0;
  return status === 200 || (e.spec.op === 'create' && status >= 200 && status < 300);
};

export const responseMatchesSchema: Check = {
  name: 'response_matches_schema',
  rule: 'R1',
  applies: (trace) => trace.exchanges.some(judged),
  run(trace, _scenario, ctx) {
    const violations: Violation[] = [];
    for (const exchange of trace.exchanges) {
      const response = exchange.response;
      if (!response || !judged(exchange)) continue;
      const base = { rule: 'R1' as const, check: 'response_matches_schema', exchangeSeq: exchange.seq };
      const contentType = response.headers['content-type'] ?? '';
      if (!/^application\/json\s*(;|$)/i.test(contentType)) {
        violations.push({
          ...base,
          title: 'Wrong content type',
          received: contentType ? `content type "${contentType}"` : 'no content type',
          expected: 'application/json (parameters such as charset allowed)',
        });
        continue;
      }
      if (response.json === undefined) {
        violations.push({
          ...base,
          title: 'Response is not JSON',
          received: `body ${JSON.stringify(response.text.slice(0, 120))}`,
          expected: 'a JSON body { "data": UnifiedCustomer }',
        });
        continue;
      }
      const validate = ctx.contract.validate.response;
      if (!validate(response.json)) {
        const error = validate.errors?.[0];
        const where = error?.instancePath || '/';
        violations.push({
          ...base,
          title: 'Response does not match the schema',
          received: `${where} ${error?.message ?? 'is invalid'}${error?.params ? ` (${JSON.stringify(error.params)})` : ''}`,
          expected: `a body valid against ${String(ctx.contract.schemas.response['$id'])}`,
          pointer: where,
        });
      }
    }
    return violations;
  },
};
