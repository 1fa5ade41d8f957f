/**
 * The end-of-run console summary: run facts, the rules table, one line per failure with its replay command,
 * then the verdict line.
 */
import { bailLine, throttleLine } from './run-lines.ts';
import type { Counterexample } from '../core/failure.ts';
import type { RuleSummary, RunResult } from '../core/result.ts';
import { paint, type Paint } from './ansi.ts';
import {
  changedAfterExchange,
  headline,
  listFailures,
  requestExchange,
  requestName,
  shortBody,
} from './failures.ts';
import { findingCounts, findingGroups, knownReason, NOT_SEEN, FINDING_WORD } from './findings.ts';
import { outageTitle } from './outage.ts';
import { coverageConsoleLines } from './coverage-console.ts';
import { notReproducedLine, replayFor } from './replay.ts';
import { formatDuration, plural, showText } from './text.ts';

export interface SummaryOptions {
  color?: boolean | undefined;
  /** Failure file of each counterexample, relative to reportDir (e.g. failures/S1-1.json). */
  failureFiles?: Map<Counterexample, string> | undefined;
  /** Folder the reports were written to (default "reports"). */
  reportDir?: string | undefined;
}

const STATUS_WORD: Record<RuleSummary['status'], string> = {
  pass: 'PASS',
  fail: 'FAIL',
  'not-run': 'not run',
};

function statusCell(status: RuleSummary['status'], p: Paint): string {
  const word = STATUS_WORD[status];
  return status === 'pass' ? p.green(word) : status === 'fail' ? p.red(p.bold(word)) : p.dim(word);
}

function rulesTable(rules: RuleSummary[], p: Paint): string[] {
  const titleWidth = Math.max(5, ...rules.map((r) => r.title.length));
  const casesWidth = Math.max(5, ...rules.map((r) => String(r.cases).length));
  const row = (id: string, title: string, cases: string, failures: string, status: string): string =>
    `  ${id.padEnd(4)}  ${title.padEnd(titleWidth)}  ${cases.padStart(casesWidth)}  ${failures.padStart(8)}  ${status}`;
  return [
    p.dim(row('Rule', 'Title', 'Cases', 'Failures', 'Status')),
    ...rules.map((r) => row(r.rule, r.title, String(r.cases), String(r.failures), statusCell(r.status, p))),
  ];
}

/** `Verdict: VIOLATIONS: 2 of 20 rules failed (S1, A2), 5 passed, 13 not run` */
export function verdictLine(result: RunResult, color?: boolean): string {
  const p = paint(color);
  const failed = result.rules.filter((r) => r.status === 'fail');
  const passed = result.rules.filter((r) => r.status === 'pass').length;
  const notRun = result.rules.filter((r) => r.status === 'not-run').length;
  // After --bail a rule passes on the checks that ran before the stop, which may not be all of its checks.
  const counts = `${passed} passed${result.bailed ? ' before the stop (--bail)' : ''}, ${notRun} not run`;
  if (result.verdict === 'conforms') return `Verdict: ${p.green(p.bold('CONFORMS'))}: ${counts}`;
  if (result.stopped) return `Verdict: ${p.yellow(p.bold('NONE'))}: ${outageTitle(result.stopped)}`;
  const which = failed.length > 0 ? ` (${failed.map((r) => r.rule).join(', ')})` : '';
  const rules = `${failed.length} of ${result.rules.length} rules failed${which}, ${counts}`;
  if (!result.baseline) return `Verdict: ${p.red(p.bold('VIOLATIONS'))}: ${rules}`;
  // With a baseline the gate is on new findings: say which way it went, and why.
  const groups = findingGroups(result);
  const gate = `${findingCounts(groups)} (baseline ${result.baseline.file})`;
  if (groups.failing.length === 0) return `Verdict: ${p.green(p.bold('NO NEW FINDINGS'))}: ${gate}; ${rules}`;
  const names = groups.failing.map((f) => f.fingerprint).join(', ');
  return `Verdict: ${p.red(p.bold('NEW FINDINGS'))}: ${gate}: ${names}; ${rules}`;
}

export function formatSummary(result: RunResult, options: SummaryOptions = {}): string {
  const p = paint(options.color);
  const lines = [
    p.bold('Unified Customer API conformance: PUT /unified/customer/{id}'),
    `Target:  ${showText(result.baseUrl)} (${result.target}), PUT semantics ${result.putSemantics}`,
    `Seed:    ${result.seed}    Time: ${formatDuration(result.durationMs)}    Requests: ${result.requests}    Runs: ${result.runs}`,
    ...(result.throttling ? [throttleLine(result.throttling)] : []),
    ...(result.bailed ? [bailLine(result.bailed)] : []),
    '',
    ...rulesTable(result.rules, p),
  ];

  const failures = listFailures(result);
  const groups = findingGroups(result);
  const failureLine = (failure: Counterexample): string => {
    const replay = replayFor(failure, options.failureFiles, options.reportDir) ?? 'no failure file saved';
    const body = shortBody(requestExchange(failure)?.request.body);
    const changed = changedAfterExchange(failure);
    const after = changed === undefined ? '' : `; changed after ${requestName(changed)}`;
    return `    ${p.red('x')} ${p.bold(failure.rule)} ${failure.checkId}: ${showText(headline(failure))}${after}; body ${body}; ${replay}`;
  };
  // Findings first, each with its failures beneath: the ones that fail the run, then the known ones.
  if (failures.length > 0) {
    lines.push(
      '',
      p.bold(`Findings (${findingCounts(groups)}), from ${plural(failures.length, 'failure')}:`),
    );
    for (const finding of groups.failing) {
      lines.push(
        `  ${p.red(p.bold(FINDING_WORD[finding.status].padEnd(5)))} ${p.bold(finding.fingerprint)}  ${showText(finding.title)}`,
      );
      for (const failure of finding.failures) lines.push(failureLine(failure));
    }
    for (const finding of groups.known) {
      lines.push(
        `  ${p.dim(FINDING_WORD.known)} ${finding.fingerprint}  ${showText(finding.title)}; ${showText(knownReason(finding))}`,
      );
      for (const failure of finding.failures) lines.push(p.dim(failureLine(failure)));
    }
  }
  if (groups.notSeen.length > 0) {
    lines.push('', p.bold(`Baseline entries ${NOT_SEEN} (${groups.notSeen.length}):`));
    for (const entry of groups.notSeen)
      lines.push(`  ${p.yellow('-')} ${entry.fingerprint}  ${showText(entry.title)}`);
  }

  // Not a failure of the run, but no proof of a fix either: said, so no one reads the pass as one.
  const unreproduced = result.checks.filter((check) => check.notReproduced !== undefined);
  if (unreproduced.length > 0) {
    lines.push('', p.bold(`Regressions not reproduced (${unreproduced.length}):`));
    for (const check of unreproduced) {
      lines.push(
        `  ${p.yellow('?')} ${check.id}: ${showText(notReproducedLine(check.notReproduced?.tries ?? 1, check.notReproduced?.reasons ?? []))}`,
      );
    }
  }

  const broken = result.checks.filter((check) => check.error !== undefined);
  if (broken.length > 0) {
    lines.push('', p.bold(`Checks that could not run (${broken.length}):`));
    for (const check of broken) lines.push(`  ${p.yellow('!')} ${check.id}: ${showText(check.error ?? '')}`);
  }

  lines.push(...coverageConsoleLines(result));
  if (result.wroteBaseline) {
    const w = result.wroteBaseline;
    lines.push(
      '',
      `Baseline written: ${w.file} (${plural(w.entries, 'finding')}): commit it, fill in each reason, and gate with --baseline ${w.file}`,
    );
  }
  lines.push(
    '',
    `${plural(result.checks.length, 'check')}, ${plural(failures.length, 'failure')}. Re-run: ${result.rerunCommand}`,
    verdictLine(result, options.color),
  );
  return lines.join('\n');
}
