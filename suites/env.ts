/**
 * What the runner hands the suites (through vitest's provide/inject): target, credentials, fixtures, seed.
 * The suites never read flags or the environment themselves.
 */
import { inject } from 'vitest';
import type { PutSemantics } from '../contracts/load.ts';

export interface SuiteEnv {
  baseUrl: string;
  token: string;
  contractDir: string;
  seed: number;
  runs: number;
  timeoutMs: number;
  concurrency: number;
  putSemantics: PutSemantics;
  /**
   * Every lane's customers, at least one lane; cases are spread over them by index. Lane 0 is the pair a one-lane
   * run uses: regressions, the semantics probe and the id spellings work on it.
   */
  lanes: {
    fixtures: Partial<Record<'A' | 'B', string>>;
    /** Documented fields of each customer at the start of the run. */
    initial: Partial<Record<'A' | 'B', Record<string, unknown>>>;
    /** When each created customer's POST was sent (ms since the epoch); absent for --customer-id ones. */
    createdAt?: Partial<Record<'A' | 'B', number>>;
  }[];
  /** Where the exchange log is appended (absent: not logged). */
  exchangeLog?: string;
  /** Where each check writes its result as JSON. */
  resultsDir: string;
  /** Rule ids and suite names to run; empty runs everything. */
  only: string[];
  /** --bail: the checks after the first one that finds a violation send nothing. */
  bail: boolean;
  /** Written by the check that found a violation under --bail (its id): the checks after it are skipped. */
  bailFile: string;
  /** Written by the runner when interrupted: the suites send nothing more once it exists. */
  abortFile: string;
  /** Written by the suites when the backend stops answering mid-run (see http/outage.ts). */
  outageFile: string;
  /** Regression corpus folder, replayed first. */
  regressionsDir?: string;
  /**
   * --baseline or --write-baseline: each check searches deeper (run-check.ts), so a known finding does not
   * hide a new one and a written baseline holds every finding the run can reach. Absent: false.
   */
  deepSearch?: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: SuiteEnv;
  }
}

export function suiteEnv(): SuiteEnv {
  const env = inject('conformance');
  if (!env) throw new Error('the conformance suites are run by the runner: use npm start');
  return env;
}
