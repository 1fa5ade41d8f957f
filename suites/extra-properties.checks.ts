/**
 * Bodies carrying properties the contract does not take (B6): response-only names with changed values must not
 * change the read-only fields (S3), and look-alike names must not change the real fields.
 */
import { propertyCheck, quarterRuns } from './harness.ts';
import { extraPropertyUpdates } from './scenarios/arbitraries.ts';

/** Declares the group's checks (called by the run's one vitest file, conformance.suite.ts). */
export function extraPropertyChecks(): void {
  propertyCheck(
    {
      id: 'response-only-properties',
      title: 'response-only properties in the body change nothing',
      suite: 'extra-properties',
      rules: ['B6', 'S3', 'I2', 'A1', 'R2'],
    },
    (h) => extraPropertyUpdates(h.contract, 'response-only'),
    quarterRuns,
  );

  propertyCheck(
    {
      id: 'look-alike-properties',
      title: 'look-alike and aliased property names change nothing',
      suite: 'extra-properties',
      rules: ['B6', 'S1', 'A1', 'R2'],
    },
    (h) => extraPropertyUpdates(h.contract, 'look-alike'),
    quarterRuns,
  );
}
