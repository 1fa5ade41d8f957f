/** summary.md, for a CI job summary: the verdict, the rules table and the failures with their replay commands. */
import { bailLine, throttleLine } from './run-lines.ts';
import type { Counterexample } from '../core/failure.ts';
import type { RuleSummary, RunResult } from '../core/result.ts';
import { curlFor, curlSetup } from './curl.ts';
import { headline, listFailures, requestExchange, shortBody } from './failures.ts';
import { outageTitle } from './outage.ts';
import { coverageMarkdown } from './coverage-md.ts';
import { replayFor, seedLine, type ReportOptions } from './replay.ts';
import { formatDuration, showText } from './text.ts';

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
  const conforms = result.verdict === 'conforms';
  const found = `${failures.length} violation${failures.length === 1 ? '' : 's'}`;
  const lines = [
    result.stopped
      ? `## ⚠️ Unified Customer API conformance: no verdict (${found} before the backend stopped answering)`
      : `## ${conforms ? '✅' : '❌'} Unified Customer API conformance: ${conforms ? 'conforms' : found}`,
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

  if (failures.length > 0) {
    lines.push('', `### Failures (${failures.length})`, '');
    for (const { failure, number } of failures) {
      const replay = replayFor(failure, failureFiles, options.reportDir);
      const request = requestExchange(failure);
      lines.push(
        `${number}. **${failure.rule}** ${code(failure.checkId)}: ${md(headline(failure))}  `,
        ...failure.violations.map(
          (v) => `   Received: ${code(v.received)} · Expected: ${code(v.expected)}  `,
        ),
        `   Body: ${code(shortBody(request?.request.body))}  `,
        `   Replay: ${replay === undefined ? 'no failure file saved' : code(replay)} · ${md(seedLine(failure))}`,
      );
      if (request !== undefined) {
        const setup = curlSetup(result.baseUrl);
        lines.push(
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
    }
  }

  const broken = result.checks.filter((check) => check.error !== undefined);
  if (broken.length > 0) {
    lines.push('', `### Checks that could not run (${broken.length})`, '');
    for (const check of broken) lines.push(`- ${code(check.id)}: ${md(check.error ?? '')}`);
  }
  lines.push(...coverageMarkdown(result));
  lines.push('', `Re-run: ${code(result.rerunCommand)}`, '');
  return lines.join('\n');
}
