/**
 * Lines every report shows beside the verdict, so it is read right: a --bail run stopped at its first failing
 * check (its "not run" rules were not tried), and a backend that throttled (the run was slowed, not failed).
 */
import type { RunResult } from '../core/result.ts';
import { plural } from './text.ts';

export function bailLine(bailed: NonNullable<RunResult['bailed']>): string {
  const notRun = bailed.notRun === 1 ? '1 check after it was' : `${bailed.notRun} checks after it were`;
  return `Stopped early (--bail): ${bailed.after} found a violation; ${notRun} not run`;
}

/** `Throttled: 37 answers were 429; requests in flight went down to 2 and settled at 4 (of 16)` */
export function throttleLine(t: NonNullable<RunResult['throttling']>): string {
  return `Throttled: ${plural(t.responses, 'answer')} ${t.responses === 1 ? 'was' : 'were'} 429; requests in flight went down to ${t.lowest} and settled at ${t.settledAt} (of ${t.max})`;
}
