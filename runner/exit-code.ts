/** The exit code a run's result gives, the command line's and the API's alike: 0 conforms, 1 violations, 2 none. */
import type { RunResult } from '../core/result.ts';

export type ExitCode = 0 | 1 | 2;

export function exitCodeOf(result: RunResult): ExitCode {
  switch (result.verdict) {
    case 'conforms':
      // A shortfall is no violation, but a gate that asked for coverage (--require-coverage) has no verdict on it.
      return result.coverage?.required === true && result.coverage.shortfall.length > 0 ? 2 : 0;
    case 'violations':
      return 1;
    case 'no-verdict':
      return 2;
  }
}
