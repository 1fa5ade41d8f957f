/** A contract violation as data; formatting happens at the edges (console, reports). */
import type { DiagnosisKind } from './diagnosis.ts';
import type { Exchange } from './exchange.ts';
import type { Outcome, RuleId } from './rules.ts';

export interface Violation {
  rule: RuleId;
  /** Name of the check function that found it. */
  check: string;
  /** Short title, e.g. "Valid body rejected". */
  title: string;
  received: string;
  expected: string;
  /** JSON pointer into the request or response where it shows. */
  pointer?: string;
  /** For S1/S4: what happened to the value (trimmed, truncated to 255, NFC-normalized, ...). */
  diagnosis?: string;
  /** The diagnosis's kind, as data: what a fingerprint is built from (the text above is free to change). */
  diagnosisKind?: DiagnosisKind;
  sent?: unknown;
  got?: unknown;
  /** seq of the exchange that shows it. */
  exchangeSeq?: number;
  /**
   * For rules about stored state (S3, A1, S4, S6): seq of the earliest request after which the changed value
   * is first seen, the request to re-send; exchangeSeq may be a later read that shows it.
   */
  changedAfterSeq?: number;
  /**
   * The finding this violation belongs to, e.g. `S1/trimmed` (suites/fingerprint.ts says what makes two
   * failures one finding). Absent in failure files saved before fingerprints existed.
   */
  fingerprint?: string;
  /**
   * The path of another fixture customer whose request sent the value this one shows (suites/written-values.ts):
   * the value leaked from that write, whichever check read it.
   */
  fromAnotherCustomer?: string;
  /**
   * false when the finding did not come back as its case was played again at once, alone: not the case's own
   * doing every time (an intermittent crash, a value another write left), so what the case carried is not its
   * cause. Absent when it came back, or was never played again.
   */
  cameBack?: false;
  /** A 5xx that went away when its request was sent again with plain strings for its nulls (suites/cause-probes.ts). */
  nullCaused?: true;
  /**
   * What a valid body's refusal was for, found by sending it again alone as plain application/json with the valid
   * credential (suites/cause-probes.ts): still refused, the body's; accepted once its nulls were replaced, the
   * null's. Absent when the case's own circumstances (content type, credential, concurrency) caused it.
   */
  refusedFor?: 'body' | 'null';
}

/** A scenario that failed, shrunk, with everything needed to replay and re-judge it. */
export interface Counterexample {
  /** The check (test) whose property failed, e.g. "valid-updates". */
  checkId: string;
  rule: RuleId;
  outcome: Outcome;
  violations: Violation[];
  /** The scenario, as data (see suites/scenarios). */
  scenario: unknown;
  exchanges: Exchange[];
  /** The run's seed (npm start -- --seed). */
  seed: number;
  /** fast-check's replay path within the check, when it came from a property ("fixed:N" for a fixed case). */
  path?: string;
  numRuns: number;
  numShrinks: number;
  /** The PUT semantics the case was judged under. */
  putSemantics: 'merge' | 'replace' | 'unknown';
  /** The lane (pair of fixture customers) it ran on; absent: lane 0. */
  lane?: number;
  /** Whether the failure came back when the case was played once more, right away, in the same run. */
  reproducedInRun?: boolean;
}
