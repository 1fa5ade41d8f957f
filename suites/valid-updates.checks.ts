/** Valid bodies (B2, B3) are accepted, echoed exactly (S1), stored (S4), and change nothing else. */
import { propertyCheck } from './harness.ts';
import { validUpdates } from './scenarios/arbitraries.ts';

/** Declares the group's checks (called by the run's one vitest file, conformance.suite.ts). */
export function validUpdateChecks(): void {
  propertyCheck(
    {
      id: 'valid-updates',
      title: 'valid bodies are accepted and stored exactly',
      suite: 'valid-updates',
      rules: ['B2', 'B3', 'S1', 'S2', 'S3', 'S4', 'S6', 'R1', 'R2', 'I2'],
    },
    (h) => validUpdates(h.contract),
  );
}
