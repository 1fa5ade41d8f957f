/** An unknown id answers 404 and is not created (I1). */
import { propertyCheck, quarterRuns } from './harness.ts';
import { unknownIdUpdates } from './scenarios/arbitraries.ts';

propertyCheck(
  {
    id: 'unknown-ids',
    title: 'a PUT to an unknown id answers 404 and creates nothing',
    suite: 'identity',
    rules: ['I1', 'S6', 'R2'],
  },
  (h) => unknownIdUpdates(h.contract, Object.values(h.env.fixtures)),
  quarterRuns,
);
