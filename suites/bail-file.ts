/** Where in resultsDir the check that ended a --bail run leaves its id for the runner (not a .json: no result). */
import { existsSync, readFileSync } from 'node:fs';

export const BAIL_FILE = '.bailed';

/** The id of the check after which a --bail run stopped; undefined when it ran to the end. */
export function readBail(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
}
