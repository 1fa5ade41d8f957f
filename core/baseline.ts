/**
 * The baseline file (--baseline, --write-baseline): the findings a team already knows about, committed beside
 * its CI config. A finding whose fingerprint is listed is reported as known and does not fail the run.
 */
import type { RuleId } from './rules.ts';

export const BASELINE_FORMAT = 'customer-conformance/baseline@1';

export interface BaselineEntry {
  /** What identifies the finding (suites/fingerprint.ts), e.g. `S1/trimmed`. */
  fingerprint: string;
  rule: RuleId | string;
  /** One line, for the person reading the file. */
  title: string;
  /** The failure file it was recorded from (relative to the report folder), to replay it. */
  failureFile?: string;
  /** When it was first recorded (YYYY-MM-DD); kept when the file is written again. */
  since?: string;
  /** Why it is known: a tracker link, "won't fix", … filled in by a person; kept when the file is rewritten. */
  reason: string;
}

export interface BaselineFile {
  format: typeof BASELINE_FORMAT;
  findings: BaselineEntry[];
}

/** How the run's findings compare with a baseline: report.json's top-level `baseline`. */
export interface BaselineOutcome {
  /** The baseline file read (as given). */
  file: string;
  /** Fingerprints of findings not in the baseline: each fails the run. */
  new: string[];
  /** Findings in the baseline, with their reason. */
  known: { fingerprint: string; reason: string }[];
  /** Baseline entries this run did not see: fixed? remove them from the baseline. */
  notSeen: BaselineEntry[];
  /** Regressions that came back although their fingerprint is in the baseline: they fail the run. */
  regressions: string[];
}
