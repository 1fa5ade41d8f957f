/**
 * JUnit XML for CI test tabs: one <testsuite> per suite with one <testcase> per check, and a "rules" suite
 * with one <testcase> per rule, so every rule is listed whether it passed, failed or was not judged.
 */
import { bailLine, throttleLine } from './run-lines.ts';
import type { Counterexample } from '../core/failure.ts';
import type { CheckResult, RunResult } from '../core/result.ts';
import { RULES } from '../core/rules.ts';
import { formatFailure } from './format-failure.ts';
import { headline } from './failures.ts';
import { failureFilePath, type ReportOptions } from './replay.ts';
import { escapeXml as text, escapeXmlAttribute as attr } from './markup.ts';
import { outageTitle } from './outage.ts';
import { FINDING_WORD, findingGroups, knownReason, NOT_SEEN } from './findings.ts';
import { fingerprintsOf } from '../core/finding.ts';

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function failureText(
  failure: Counterexample,
  result: RunResult,
  failureFiles: Map<Counterexample, string> | undefined,
  reportDir: string | undefined,
): string {
  const relative = failureFiles?.get(failure);
  return formatFailure(failure, {
    baseUrl: result.baseUrl,
    failureFile: relative === undefined ? undefined : failureFilePath(relative, reportDir),
  });
}

/** Whether a failure fails the gate: one of its findings is new, or a regression that came back. */
type Gating = (failure: Counterexample) => boolean;

function gatingOf(result: RunResult): Gating {
  const failing = new Set(findingGroups(result).failing.map((f) => f.fingerprint));
  return (failure) => fingerprintsOf(failure).some((f) => failing.has(f));
}

/**
 * One test case per finding, first in the file: a new finding or a regression fails, a known one is skipped
 * with the reason the baseline gives, and a baseline entry this run did not see is skipped, saying so.
 */
function findingCases(
  result: RunResult,
  failureFiles: Map<Counterexample, string> | undefined,
  reportDir: string | undefined,
): { cases: string[]; counts: Counts } {
  const groups = findingGroups(result);
  const open = (fingerprint: string, title: string) =>
    `    <testcase classname="findings" name="${attr(`${fingerprint} ${title}`)}" time="0.000"`;
  const cases = [
    ...groups.failing.map((f) => {
      const body = f.failures.map((x) => failureText(x, result, failureFiles, reportDir)).join('\n\n');
      const message = `${FINDING_WORD[f.status]} ${f.fingerprint}: ${f.title} (${f.failures.length} failure${f.failures.length === 1 ? '' : 's'})`;
      return `${open(f.fingerprint, f.title)}>\n      <failure message="${attr(message)}" type="${attr(f.rule)}">${text(body)}</failure>\n    </testcase>`;
    }),
    ...groups.known.map(
      (f) =>
        `${open(f.fingerprint, f.title)}>\n      <skipped message="${attr(knownReason(f))}"/>\n    </testcase>`,
    ),
    ...groups.notSeen.map(
      (e) =>
        `${open(e.fingerprint, e.title)}>\n      <skipped message="${attr(`${NOT_SEEN}${e.reason ? ` (known: ${e.reason})` : ''}`)}"/>\n    </testcase>`,
    ),
  ];
  return {
    cases,
    counts: {
      tests: cases.length,
      failures: groups.failing.length,
      errors: 0,
      skipped: groups.known.length + groups.notSeen.length,
      ms: 0,
    },
  };
}

function checkCase(
  check: CheckResult,
  result: RunResult,
  failureFiles: Map<Counterexample, string> | undefined,
  reportDir: string | undefined,
  gating: Gating,
): string {
  const rules = check.rules.join(',');
  const open = `    <testcase classname="${attr(rules)}" name="${attr(`${rules} ${check.title}`)}" time="${seconds(check.durationMs)}"`;
  const children: string[] = [];
  const known = check.failures.filter((f) => !gating(f));
  if (known.length > 0 && known.length === check.failures.length) {
    const which = [...new Set(known.flatMap(fingerprintsOf))].join(', ');
    children.push(`      <skipped message="${attr(`only known findings (${which})`)}"/>`);
  } else if (check.failures.length > 0) {
    const message = check.failures.map((f) => `${f.rule} ${RULES[f.rule]}: ${headline(f)}`).join('; ');
    const body = check.failures.map((f) => failureText(f, result, failureFiles, reportDir)).join('\n\n');
    const type = [...new Set(check.failures.map((f) => f.rule))].join(',');
    children.push(`      <failure message="${attr(message)}" type="${attr(type)}">${text(body)}</failure>`);
  }
  if (check.error !== undefined) {
    children.push(
      `      <error message="${attr(`check could not run: ${check.error}`)}" type="check-error"/>`,
    );
  }
  return children.length === 0 ? `${open}/>` : `${open}>\n${children.join('\n')}\n    </testcase>`;
}

function ruleCases(result: RunResult, gating: Gating): string[] {
  return result.rules.map((rule) => {
    const open = `    <testcase classname="rules" name="${attr(`${rule.rule} ${rule.title}`)}" time="0.000"`;
    if (rule.status === 'pass') return `${open}/>`;
    if (rule.status === 'fail' && knownOnly(result, rule.rule, gating))
      return `${open}>\n      <skipped message="${attr(`${rule.rule} failed only with known findings`)}"/>\n    </testcase>`;
    if (rule.status === 'not-run') {
      const why = result.bailed ? ` (--bail stopped the run after ${result.bailed.after})` : '';
      return `${open}>\n      <skipped message="${attr(`${rule.rule} was judged by no check in this run${why}`)}"/>\n    </testcase>`;
    }
    const failing = result.checks
      .filter((c) => c.failures.some((f) => f.rule === rule.rule))
      .map((c) => c.id);
    const message = `${rule.rule} ${rule.title}: ${rule.failures} of ${rule.cases} cases failed (checks ${failing.join(', ')})`;
    return `${open}>\n      <failure message="${attr(message)}" type="${attr(rule.rule)}">${text(message)}</failure>\n    </testcase>`;
  });
}

/** Every failure of a rule belongs to known findings only. */
function knownOnly(result: RunResult, rule: string, gating: Gating): boolean {
  return result.checks.every((c) =>
    c.failures.filter((f) => f.violations.some((v) => v.rule === rule)).every((f) => !gating(f)),
  );
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  ms: number;
}

/** The run's facts, repeated in each <testsuite> (JUnit puts <properties> there). */
function properties(result: RunResult): string {
  const rows = [
    ['seed', String(result.seed)],
    ['baseUrl', result.baseUrl],
    ['target', result.target],
    ['putSemantics', result.putSemantics],
    ['requests', String(result.requests)],
    ['verdict', result.verdict],
    ...(result.stopped ? [['stopped', outageTitle(result.stopped)]] : []),
    ...(result.bailed ? [['bailed', bailLine(result.bailed)]] : []),
    ...(result.throttling ? [['throttled', throttleLine(result.throttling)]] : []),
    ['rerun', result.rerunCommand],
  ].map(([name = '', value = '']) => `      <property name="${attr(name)}" value="${attr(value)}"/>`);
  return ['    <properties>', ...rows, '    </properties>'].join('\n');
}

function suiteElement(name: string, cases: string[], counts: Counts, result: RunResult): string {
  const head =
    `  <testsuite name="${attr(name)}" tests="${counts.tests}" failures="${counts.failures}" ` +
    `errors="${counts.errors}" skipped="${counts.skipped}" time="${seconds(counts.ms)}" ` +
    `timestamp="${attr(result.startedAt.replace(/Z$/, ''))}">`;
  return [head, properties(result), ...cases, '  </testsuite>'].join('\n');
}

export function toJunitXml(
  result: RunResult,
  failureFiles?: Map<Counterexample, string>,
  options: ReportOptions = {},
): string {
  const gating = gatingOf(result);
  const suites = [...new Set(result.checks.map((c) => c.suite))];
  // Findings first: what a team tracks, each with its failures.
  const findings = findingCases(result, failureFiles, options.reportDir);
  const elements =
    findings.cases.length > 0 ? [suiteElement('findings', findings.cases, findings.counts, result)] : [];
  const failingCheck = (c: CheckResult) => c.failures.some(gating);
  const knownCheck = (c: CheckResult) => c.failures.length > 0 && !failingCheck(c);
  for (const suite of suites) {
    const checks = result.checks.filter((c) => c.suite === suite);
    const cases = checks.map((c) => checkCase(c, result, failureFiles, options.reportDir, gating));
    elements.push(
      suiteElement(
        suite,
        cases,
        {
          tests: checks.length,
          failures: checks.filter(failingCheck).length,
          errors: checks.filter((c) => c.error !== undefined).length,
          skipped: checks.filter(knownCheck).length,
          ms: checks.reduce((sum, c) => sum + c.durationMs, 0),
        },
        result,
      ),
    );
  }
  const knownRules = result.rules.filter(
    (r) => r.status === 'fail' && knownOnly(result, r.rule, gating),
  ).length;
  const ruleCounts = {
    tests: result.rules.length,
    failures: result.rules.filter((r) => r.status === 'fail').length - knownRules,
    errors: 0,
    skipped: result.rules.filter((r) => r.status === 'not-run').length + knownRules,
    ms: 0,
  };
  elements.push(suiteElement('rules', ruleCases(result, gating), ruleCounts, result));

  const tests = findings.counts.tests + result.checks.length + ruleCounts.tests;
  const failures = findings.counts.failures + result.checks.filter(failingCheck).length + ruleCounts.failures;
  const errors = result.checks.filter((c) => c.error !== undefined).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="unified-customer-conformance" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds(result.durationMs)}">`,
    ...elements,
    '</testsuites>',
    '',
  ].join('\n');
}
