/** The typed result of a run: what the report writers and the console summary format. */
import type { CoverageSummary, ValueCoverage } from './coverage.ts';
import type { BaselineOutcome } from './baseline.ts';
import type { Counterexample } from './failure.ts';
import type { Outage } from './outage.ts';
import type { RuleId } from './rules.ts';

export interface CheckResult {
  /** Suite check id, e.g. "valid-updates". */
  id: string;
  title: string;
  suite: string;
  /** Rules this check judged. */
  rules: RuleId[];
  /** Cases judged, per rule. */
  cases: Partial<Record<RuleId, number>>;
  failures: Counterexample[];
  durationMs: number;
  /** Set when the check could not run (e.g. its fixture could not be created). */
  error?: string;
  /** A regression that passed without its failure coming back where the replay could not rebuild it: why. */
  notReproduced?: { tries: number; reasons: string[] };
  /** What the check's cases sent, per field and value class, and what came of it. */
  coverage?: ValueCoverage;
}

export interface RuleSummary {
  rule: RuleId;
  title: string;
  cases: number;
  failures: number;
  status: 'pass' | 'fail' | 'not-run';
}

export interface RunResult {
  startedAt: string;
  durationMs: number;
  seed: number;
  /** Redacted: never the token. */
  baseUrl: string;
  /** 'app': an app in process (the API's `app` option), served on a loopback port for the run. */
  target: 'embedded' | 'remote' | 'app';
  putSemantics: string;
  runs: number;
  requests: number;
  checks: CheckResult[];
  rules: RuleSummary[];
  /** 'no-verdict': the backend stopped answering mid-run (see `stopped`); the checks are those judged before. */
  verdict: 'conforms' | 'violations' | 'no-verdict';
  /** How to re-run the whole thing. */
  rerunCommand: string;
  /** Set when the backend answered 429: how often, and how many requests in flight it settled at. */
  throttling?: { responses: number; settledAt: number; lowest: number; max: number };
  /** --bail: the check after which the run stopped, and how many checks were then not run. */
  bailed?: { after: string; notRun: number };
  /** Where the backend went silent, when it did. */
  stopped?: Outage;
  /** What the run reached, per field and value class, and per rule. */
  coverage?: CoverageSummary;
  /** --baseline (or --write-baseline): which findings are new, which known, which entries were not seen. */
  baseline?: BaselineOutcome;
  /** --write-baseline: the file written, its entries, and the earlier entries it no longer holds. */
  wroteBaseline?: { file: string; entries: number; dropped: string[] };
}
