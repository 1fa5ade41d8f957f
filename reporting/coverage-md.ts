/** summary.md's coverage section: the counts, the gate, what was not reached and why, the per-field matrix. */
import type { CoverageCell, CoverageSummary } from '../core/coverage.ts';
import type { RunResult } from '../core/result.ts';
import {
  cellAt,
  cellJudged,
  cellState,
  classColumns,
  classKey,
  classReasonText,
  coverageGateLine,
  coverageLine,
  fieldsOf,
  notReachedClasses,
  notReachedRules,
  ruleReasonText,
} from './coverage-view.ts';
import { showText } from './text.ts';

/** Table cell text: Markdown and inline HTML inert, pipes escaped. */
function text(value: string): string {
  return showText(value)
    .replace(/[\\`*_{}[\]()#+!|~<>&-]/g, (ch) =>
      ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`,
    )
    .replace(/\n/g, ' ');
}

function mark(coverage: CoverageSummary, cell: CoverageCell | undefined): string {
  switch (cellState(coverage, cell)) {
    case 'absent':
      return '';
    case 'reached':
      return `✅ ${cellJudged(cell as CoverageCell)}`;
    case 'missing':
      return `⚠️ ${(cell as CoverageCell).tally.sent === 0 ? 'not sent' : `0 of ${(cell as CoverageCell).tally.sent}`}`;
    case 'elsewhere':
      return '·';
  }
}

export function coverageMarkdown(result: RunResult): string[] {
  const coverage = result.coverage;
  if (!coverage) return [];
  const gate = coverageGateLine(coverage);
  const lines = ['', '### Coverage', '', `${text(coverageLine(coverage, 0))}.`];
  if (gate !== undefined) lines.push('', `**${text(gate)}**`);
  const rules = notReachedRules(coverage);
  const classes = notReachedClasses(coverage);
  if (rules.length + classes.length > 0) {
    lines.push('', '| Not reached | Rule | Why |', '| --- | --- | --- |');
    for (const r of rules)
      lines.push(
        `| rule ${r.rule} | ${r.rule} | ${text(ruleReasonText(r))}${r.exempt ? ' \\[exempt\\]' : ''} |`,
      );
    for (const c of classes)
      lines.push(`| ${text(`${c.label}: ${classKey(c)}`)} | ${c.rule} | ${text(classReasonText(c))} |`);
  }
  const columns = classColumns(coverage);
  lines.push(
    '',
    '<details><summary>Per field: which value classes were sent and what came of them</summary>',
    '',
    '✅ n: n cases judged what came of it (the stored value compared after a 2xx, or the refusal of a must-reject value) · ' +
      '⚠️ not reached where it must be · · not reached in this field, reached in another (enough for this class) · blank: not a class of this field',
    '',
    `| Field | ${columns.map((c) => text(c.class)).join(' | ')} |`,
    `| --- | ${columns.map(() => ':---:').join(' | ')} |`,
    ...fieldsOf(coverage).map(
      (field) =>
        `| ${text(field)} | ${columns.map((c) => mark(coverage, cellAt(coverage, field, c.class))).join(' | ')} |`,
    ),
    '',
    `Classes: ${columns.map((c) => `${text(c.class)} ${text(c.label)}`).join(' · ')}`,
    '',
    '</details>',
  );
  return lines;
}
