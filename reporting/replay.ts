/** Where a failure file is and the command that replays it. */
import { posix } from 'node:path';
import type { Counterexample } from '../core/failure.ts';
import { INVOCATION } from '../core/invocation.ts';
import { plural, shellQuote } from './text.ts';

/** Options every report writer takes. */
export interface ReportOptions {
  /** Folder the reports and failures/ are written to, as the replay command names it (default "reports"). */
  reportDir?: string | undefined;
}

export const DEFAULT_REPORT_DIR = 'reports';

/** The failure file's path for a command run from the project root: `<reportDir>/failures/S1-1.json`. */
export function failureFilePath(relative: string, reportDir: string = DEFAULT_REPORT_DIR): string {
  return posix.isAbsolute(relative) ? relative : posix.join(reportDir, relative);
}

/** `npm run replay -- reports/failures/S1-1.json` (`npx customer-conformance replay …` from the package) */
export function replayCommand(failureFile: string): string {
  return `${INVOCATION.replay} ${shellQuote(failureFile)}`;
}

/** The replay command of a counterexample, or undefined when the runner saved no file for it. */
export function replayFor(
  failure: Counterexample,
  failureFiles: Map<Counterexample, string> | undefined,
  reportDir: string | undefined,
): string | undefined {
  const relative = failureFiles?.get(failure);
  return relative === undefined ? undefined : replayCommand(failureFilePath(relative, reportDir));
}

/** How the seed of a counterexample reads: `Seed 42, path "3:1:0" (failed after 12 runs, shrunk 5 times)`. */
export function seedLine(failure: Counterexample): string {
  const path = failure.path === undefined ? '' : `, path ${JSON.stringify(failure.path)}`;
  const history = `failed after ${plural(failure.numRuns, 'run')}, shrunk ${plural(failure.numShrinks, 'time')}`;
  return `Seed ${failure.seed}${path} (${history})`;
}

/** `not reproduced in 3 tries: …`: a replay whose failure did not come back, and why that says little. */
export function notReproducedLine(tries: number, reasons: string[]): string {
  return (
    `not reproduced in ${tries} ${tries === 1 ? 'try' : 'tries'}: the bug may depend on timing or on state the replay ` +
    `could not rebuild (${reasons.join('; ')})`
  );
}

/** Said of a failure that did not come back when the run played its case again right away; undefined otherwise. */
export function notReproducedInRun(failure: Counterexample): string | undefined {
  return failure.reproducedInRun === false
    ? 'Played again right away, it did not fail: it may be intermittent or depend on what earlier requests did; a replay cannot call it fixed.'
    : undefined;
}
