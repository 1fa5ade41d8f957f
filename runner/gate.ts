/**
 * The gate: the one place that turns a run's result into its exit code, for the command line and for any
 * program that runs the suite. 0: every finding is known (or there is none); 1: a new finding, or a regression
 * from regressions/ that came back (a bug the team said was fixed fails the run even when its fingerprint is
 * in the baseline); 2: no verdict (the backend stopped answering mid-run, or --require-coverage not met).
 */
import type { BaselineEntry } from '../core/baseline.ts';
import type { Counterexample } from '../core/failure.ts';
import { findingsOfRun, groupFindings } from '../core/finding.ts';
import type { RunResult } from '../core/result.ts';
import {
  baselineToWrite,
  compareWithBaseline,
  previousEntries,
  writeBaselineFile,
  type LoadedBaseline,
} from './baseline-file.ts';

export function exitCodeOf(result: RunResult): 0 | 1 | 2 {
  if (result.verdict === 'no-verdict') return 2;
  if (findingsOfRun(result).some((f) => f.status !== 'known')) return 1;
  // A shortfall is no violation, but a gate that asked for coverage (--require-coverage) has no verdict on it.
  return result.coverage?.required === true && result.coverage.shortfall.length > 0 ? 2 : 0;
}

/**
 * Sets the result's `baseline` (from --baseline, else from the file --write-baseline writes) and writes that
 * file; returns notes for the console (warnings about the baseline, entries a rewrite dropped).
 */
export function settleBaseline(
  result: RunResult,
  options: { baseline?: string; writeBaseline?: string },
  loaded: LoadedBaseline | undefined,
  failureFiles: ReadonlyMap<Counterexample, string>,
  today = new Date().toISOString().slice(0, 10),
): string[] {
  if (result.verdict === 'no-verdict') return loaded?.warnings ?? [];
  const findings = groupFindings(result.checks);
  // groupFindings marks a finding that a saved regression showed again: no second grouping needed.
  const regression = new Set(findings.filter((f) => f.status === 'regression').map((f) => f.fingerprint));
  const notes = [...(loaded?.warnings ?? [])];
  let entries: BaselineEntry[] | undefined = loaded?.entries;
  let file = options.baseline;
  if (options.writeBaseline !== undefined) {
    const written = baselineToWrite(findings, failureFiles, previousEntries(options.writeBaseline), today);
    writeBaselineFile(options.writeBaseline, written.file);
    result.wroteBaseline = {
      file: options.writeBaseline,
      entries: written.file.findings.length,
      dropped: written.dropped,
    };
    if (written.dropped.length > 0)
      notes.push(
        `not seen this run, so no longer in ${options.writeBaseline}: ${written.dropped.join(', ')}`,
      );
    // Without --baseline, what was just written is the baseline: the run records, it does not gate.
    if (entries === undefined) {
      entries = written.file.findings;
      file = options.writeBaseline;
    }
  }
  if (entries !== undefined && file !== undefined)
    result.baseline = compareWithBaseline(file, entries, findings, (f) => regression.has(f.fingerprint));
  return notes;
}
