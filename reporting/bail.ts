/** The line that says a --bail run stopped at its first failing check, so a "not run" rule is read as such. */
import type { RunResult } from '../core/result.ts';

export function bailLine(bailed: NonNullable<RunResult['bailed']>): string {
  const notRun = bailed.notRun === 1 ? '1 check after it was' : `${bailed.notRun} checks after it were`;
  return `Stopped early (--bail): ${bailed.after} found a violation; ${notRun} not run`;
}
