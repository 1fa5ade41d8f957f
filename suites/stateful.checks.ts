/** PUT semantics (S2), idempotence (S5) and concurrent writes (S7). */
import { fixedCheck, propertyCheck, quarterRuns } from './harness.ts';
import { bursts, probe, repeats, storedRowUpdates } from './scenarios/arbitraries.ts';

/** Declares the group's checks (called by the run's one vitest file, conformance.suite.ts). */
export function statefulChecks(): void {
  fixedCheck(
    {
      id: 'put-semantics',
      title: 'omitted optional fields are all kept or all cleared, as the contract allows',
      suite: 'stateful',
      rules: ['S2', 'R2'],
    },
    (h, seed) => [probe(h.contract, seed)],
  );

  propertyCheck(
    {
      id: 'idempotence',
      title: 'the same PUT twice gives the same data',
      suite: 'stateful',
      rules: ['S5', 'R2'],
    },
    (h) => repeats(h.contract),
    quarterRuns,
  );

  propertyCheck(
    {
      id: 'stored-row-updates',
      title:
        'bodies that repeat, restore or clear what is stored, or change nothing, are accepted and stored exactly',
      suite: 'stateful',
      rules: ['B2', 'B3', 'S1', 'S2', 'S3', 'S4', 'I1', 'R2'],
    },
    (h) => storedRowUpdates(h.contract),
    quarterRuns,
  );

  propertyCheck(
    {
      id: 'concurrency',
      title: 'concurrent PUTs all succeed and leave exactly one body stored',
      suite: 'stateful',
      rules: ['S7', 'R2'],
    },
    (h) => bursts(h.contract),
    (h) => h.contract.tolerances.concurrency.bursts,
  );
}
