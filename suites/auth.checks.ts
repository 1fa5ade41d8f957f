/** Missing or wrong credentials are refused (A2) and change nothing (A1); `bearer` in lower case may pass. */
import { fixedCheck, propertyCheck, quarterRuns } from './harness.ts';
import { authCatalogue, authUpdates } from './scenarios/arbitraries.ts';

/** Declares the group's checks (called by the run's one vitest file, conformance.suite.ts). */
export function authChecks(): void {
  fixedCheck(
    {
      id: 'auth-catalogue',
      title: 'each credential variant is refused and changes nothing',
      suite: 'auth',
      rules: ['A2', 'A1', 'R2'],
    },
    (h, seed) => authCatalogue(h.contract, seed),
  );

  propertyCheck(
    {
      id: 'auth-updates',
      title: 'refused credentials with generated bodies change nothing',
      suite: 'auth',
      rules: ['A2', 'A1', 'R2'],
    },
    (h) => authUpdates(h.contract),
    quarterRuns,
  );
}
