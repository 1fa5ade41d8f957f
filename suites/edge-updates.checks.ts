/** Edge input (B4 strings, B6 extra properties, B7 content types): a clean 4xx, or a 200 that keeps every rule. */
import { fixedCheck, propertyCheck } from './harness.ts';
import { edgeUpdates, jsonWithParametersCatalogue } from './scenarios/arbitraries.ts';

/** Declares the group's checks (called by the run's one vitest file, conformance.suite.ts). */
export function edgeUpdateChecks(): void {
  propertyCheck(
    {
      id: 'edge-updates',
      title: 'edge bodies are cleanly rejected or accepted and stored exactly',
      suite: 'edge-updates',
      rules: ['B4', 'B6', 'B7', 'S1', 'S3', 'S4', 'A1', 'R1', 'R2'],
    },
    (h) => edgeUpdates(h.contract),
  );

  fixedCheck(
    {
      id: 'json-with-parameters',
      title: 'a valid body sent as application/json with a charset parameter is accepted and stored exactly',
      suite: 'edge-updates',
      rules: ['B7', 'S1', 'S4', 'R2'],
    },
    (h, seed) => jsonWithParametersCatalogue(h.contract, seed),
  );
}
