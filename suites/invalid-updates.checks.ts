/** Bodies that break B1, B2 or B5 are rejected with a clean 4xx, and change nothing (A1). */
import { fixedCheck, propertyCheck } from './harness.ts';
import { invalidCatalogue, invalidUpdates } from './scenarios/arbitraries.ts';

/** Declares the group's checks (called by the run's one vitest file, conformance.suite.ts). */
export function invalidUpdateChecks(): void {
  fixedCheck(
    {
      id: 'invalid-catalogue',
      title:
        'each required field missing, null or mistyped, each optional field mistyped, each non-object body',
      suite: 'invalid-updates',
      rules: ['B1', 'B2', 'B5', 'A1', 'R2'],
    },
    (h, seed) => invalidCatalogue(h.contract, seed),
  );

  propertyCheck(
    {
      id: 'invalid-updates',
      title: 'generated invalid bodies are rejected and change nothing',
      suite: 'invalid-updates',
      rules: ['B1', 'B2', 'B5', 'A1', 'R2'],
    },
    (h) => invalidUpdates(h.contract),
  );
}
