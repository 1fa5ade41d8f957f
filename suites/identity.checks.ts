/** An unknown id answers 404 and is not created (I1), and so does another spelling of a real id. */
import { fixedCheck, propertyCheck, quarterRuns } from './harness.ts';
import { unknownIdUpdates } from './scenarios/arbitraries.ts';
import { idSpellingsByLane } from './scenarios/id-spellings-by-lane.ts';

/** Declares the group's checks (called by the run's one vitest file, conformance.suite.ts). */
export function identityChecks(): void {
  propertyCheck(
    {
      id: 'unknown-ids',
      title: 'a PUT to an unknown id answers 404 and creates nothing',
      suite: 'identity',
      rules: ['I1', 'S6', 'R2'],
    },
    // No lane's customer may be taken for an unknown id.
    (h) =>
      unknownIdUpdates(
        h.contract,
        h.env.lanes.flatMap((lane) => Object.values(lane.fixtures)),
      ),
    quarterRuns,
  );

  fixedCheck(
    {
      id: 'id-spellings',
      title: 'another spelling of a real id (case, spaces, accents, full-width, ...) names no customer',
      suite: 'identity',
      rules: ['I1', 'I2', 'A1', 'R2'],
    },
    // Each case spells its own lane's ids: a backend that folds them writes to the case's own customers.
    (h, seed) =>
      idSpellingsByLane(
        h.contract,
        h.env.lanes.map((lane) => lane.fixtures),
        seed,
      ),
  );
}
