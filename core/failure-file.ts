/**
 * The saved failure (reports/failures/<rule>-<n>.json, and regressions/): everything needed to replay it
 * against any backend and re-judge it, without the token.
 */
import type { Exchange, RequestSpec } from './exchange.ts';
import type { Violation } from './failure.ts';
import type { Outcome, RuleId } from './rules.ts';

/** Still @1: the fields added since (timing, reproducedInRun) are optional, so older files replay as before. */
export const FAILURE_FORMAT = 'customer-conformance/failure@1';

/** When the case was played, so that a replay can rebuild it. */
export interface CaseTiming {
  /**
   * Age of each fixture customer when the case's first request was sent: ms since its POST was sent. Absent
   * when the run used existing customers (--customer-id), whose age is unknown.
   */
  ageMs?: Partial<Record<'A' | 'B', number>>;
  /** When each step of the case (a request, or a burst of concurrent ones) was sent, ms after the first. */
  stepOffsetsMs: number[];
}

export interface FailureFile {
  format: typeof FAILURE_FORMAT;
  rule: RuleId;
  checkId: string;
  title: string;
  outcome: Outcome;
  /** Seed of the run and fast-check path of the shrunk case, for `npm start -- --seed`. */
  seed: number;
  path?: string;
  numRuns: number;
  numShrinks: number;
  /** The PUT semantics the case was judged under (resolved from the contract and the backend's probe). */
  putSemantics: 'merge' | 'replace' | 'unknown';
  /** The lane the case ran on (informational: a replay creates its own pair of customers). */
  lane?: number;
  /** Create bodies of the fixture customers the scenario uses, by alias. */
  fixtures: Partial<Record<'A' | 'B', string>>;
  /** The scenario as data, replayed as it is. */
  scenario: unknown;
  /** The exact request sequence, in order (fixture creation excluded). */
  requests: RequestSpec[];
  /** What the run saw. */
  exchanges: Exchange[];
  violations: Violation[];
  /** The findings it shows (suites/fingerprint.ts): what a baseline names. Absent in older files. */
  fingerprints?: string[];
  /** When the case was played (absent in files written before it was recorded: replayed without waits). */
  timing?: CaseTiming;
  /** Whether the failure came back when the run played the case once more (absent in older files). */
  reproducedInRun?: boolean;
  /** Command that re-sends and re-judges this failure. */
  replay: string;
}
