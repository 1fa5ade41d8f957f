/** summary.md, for a CI job summary: the verdict, the rules table and the failures with their replay commands. */
import { bailLine, throttleLine } from './run-lines.ts';
import type { Counterexample } from '../core/failure.ts';
import type { RuleSummary, RunResult } from '../core/result.ts';
import { curlFor, curlSetup } from './curl.ts';
import { headline, listFailures, requestExchange, shortBody } from './failures.ts';
import { outageTitle } from './outage.ts';
import { coverageMarkdown } from './coverage-md.ts';
import { replayFor, seedLine, type ReportOptions } from './replay.ts';
import { formatDuration, plural, showText } from './text.ts';
import type { Finding } from '../core/finding.ts';
import { FINDING_WORD, findingCounts, findingGroups, knownReason, NOT_SEEN } from './findings.ts';

/** Text with Markdown's punctuation backslash-escaped and & < > as entities (GitHub renders inline HTML). */
function md(text: string): string {
  return showText(text)
    .replace(/[\\`*_{}[\]()#+!|~-]/g, (ch) => `\\${ch}`)
    .replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/** An inline code span (not for tables) that holds any text: a fence longer than any backtick run inside. */
function code(text: string): string {
  const shown = showText(text);
  const longest = Math.max(0, ...Array.from(shown.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(shown) && !/^ *$/.test(shown) ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** A fenced code block longer than any backtick run in the text. */
function block(text: string, language: string): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

const STATUS: Record<RuleSummary['status'], string> = {
  pass: '✅ pass',
  fail: '❌ **FAIL**',
  'not-run': '➖ not run',
};

export function toSummaryMarkdown(
  result: RunResult,
  failureFiles: Map<Counterexample, string>,
  options: ReportOptions = {},
): string {
  const failures = listFailures(result);
  const groups = findingGroups(result);
  const conforms = result.verdict === 'conforms';
  const found = `${failures.length} violation${failures.length === 1 ? '' : 's'}`;
  // With a baseline the headline is the gate's: new findings fail it, known ones do not.
  const gated = result.baseline !== undefined && !conforms && !result.stopped;
  const title =
    gated && groups.failing.length === 0
      ? `## ✅ Unified Customer API conformance: no new findings (${groups.known.length} known)`
      : gated
        ? `## ❌ Unified Customer API conformance: ${plural(groups.failing.length, 'new finding')} (${groups.known.length} known)`
        : `## ${conforms ? '✅' : '❌'} Unified Customer API conformance: ${conforms ? 'conforms' : found}`;
  const lines = [
    result.stopped
      ? `## ⚠️ Unified Customer API conformance: no verdict (${found} before the backend stopped answering)`
      : title,
    '',
    ...(result.stopped ? [`**No verdict**: ${md(outageTitle(result.stopped))}.`, ''] : []),
    ...(result.bailed ? [`${md(bailLine(result.bailed))}.`, ''] : []),
    ...(result.throttling ? [`${md(throttleLine(result.throttling))}.`, ''] : []),
    `PUT /unified/customer/{id} · target ${code(result.baseUrl)} (${result.target}) · seed ${code(String(result.seed))} · ` +
      `${formatDuration(result.durationMs)} · ${result.requests} requests · PUT semantics ${md(result.putSemantics)}`,
    '',
    '| Rule | Title | Cases | Failures | Status |',
    '| --- | --- | ---: | ---: | --- |',
    ...result.rules.map(
      (r) => `| ${r.rule} | ${md(r.title)} | ${r.cases} | ${r.failures} | ${STATUS[r.status]} |`,
    ),
  ];

  const failureLines = (failure: Counterexample, number: number): string[] => {
    const replay = replayFor(failure, failureFiles, options.reportDir);
    const request = requestExchange(failure);
    const out = [
      `${number}. **${failure.rule}** ${code(failure.checkId)}: ${md(headline(failure))}  `,
      ...failure.violations.map((v) => `   Received: ${code(v.received)} · Expected: ${code(v.expected)}  `),
      `   Body: ${code(shortBody(request?.request.body))}  `,
      `   Replay: ${replay === undefined ? 'no failure file saved' : code(replay)} · ${md(seedLine(failure))}`,
    ];
    if (request !== undefined) {
      const setup = curlSetup(result.baseUrl);
      out.push(
        '',
        '   <details><summary>curl</summary>',
        '',
        block(`# ${setup.note}\n${setup.command}\n${curlFor(request, result.baseUrl)}`, 'sh')
          .split('\n')
          .map((line) => `   ${line}`)
          .join('\n'),
        '',
        '   </details>',
        '',
      );
    }
    return out;
  };
  let shown = 0;
  const findingBlock = (finding: Finding): string[] => [
    `#### ${finding.status === 'known' ? '☑️' : '❌'} ${FINDING_WORD[finding.status]} ${code(finding.fingerprint)}: ${md(finding.title)}`,
    ...(finding.status === 'known' ? ['', md(knownReason(finding))] : []),
    '',
    ...finding.failures.flatMap((f) => failureLines(f, ++shown)),
    '',
  ];
  // Findings first, each with its failures beneath; known ones folded below the ones that fail the run.
  const findings: string[] = [];
  if (groups.failing.length + groups.known.length > 0) {
    findings.push(`### Findings (${md(findingCounts(groups))})`, '');
    for (const finding of groups.failing) findings.push(...findingBlock(finding));
    if (groups.known.length > 0) {
      findings.push(
        `<details><summary>Known findings (${groups.known.length}): in the baseline, they do not fail the run</summary>`,
        '',
        ...groups.known.flatMap(findingBlock),
        '</details>',
        '',
      );
    }
  }
  if (groups.notSeen.length > 0) {
    findings.push(`### Baseline entries ${md(NOT_SEEN)} (${groups.notSeen.length})`, '');
    for (const entry of groups.notSeen) findings.push(`- ${code(entry.fingerprint)}: ${md(entry.title)}`);
    findings.push('');
  }
  lines.splice(lines.indexOf('| Rule | Title | Cases | Failures | Status |'), 0, ...findings);

  const broken = result.checks.filter((check) => check.error !== undefined);
  if (broken.length > 0) {
    lines.push('', `### Checks that could not run (${broken.length})`, '');
    for (const check of broken) lines.push(`- ${code(check.id)}: ${md(check.error ?? '')}`);
  }
  lines.push(...coverageMarkdown(result));
  lines.push('', `Re-run: ${code(result.rerunCommand)}`, '');
  return lines.join('\n');
}
