/** The exit code a run's result gives, the command line's and the API's alike: 0 conforms, 1 violations, 2 none. */
import type { RunResult } from '../core/result.ts';

export type ExitCode = 0 | 1 | 2;

export function exitCodeOf(result: RunResult): ExitCode {
  switch (result.verdict) {
    case 'conforms':
      return 0;
    case 'violations':
      return 1;
    case 'no-verdict':
      return 2;
  }
}
