/** I2: on 200, data.id equals the id in the path. */
import type { Violation } from '../../core/failure.ts';
import type { Check } from './check.ts';
import { dataOf, pathIdOf, show } from './values.ts';

export const idMatchesPath: Check = {
  name: 'id_matches_path',
  rule: 'I2',
  applies: (trace) => trace.exchanges.some((e) => e.request.method === 'PUT' && dataOf(e) !== undefined),
  run(trace) {
    const violations: Violation[] = [];
    for (const exchange of trace.exchanges) {
      const data = dataOf(exchange);
      if (exchange.request.method !== 'PUT' || exchange.response?.status !== 200 || !data) continue;
      const pathId = pathIdOf(exchange);
      if (data['id'] !== pathId) {
        violations.push({
          rule: 'I2',
          check: 'id_matches_path',
          title: 'Response id differs from the path',
          received: `data.id ${show(data['id'])}`,
          expected: `"${pathId}", the id in the path`,
          pointer: '/data/id',
          exchangeSeq: exchange.seq,
        });
      }
    }
    return violations;
  },
};
