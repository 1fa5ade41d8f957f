/**
 * report.html's coverage card: the counts and the gate, what was not reached and why, and a fields × value
 * classes matrix whose cells say (on hover) what was sent, the answers, and what was judged.
 */
import type { CoverageCell, CoverageSummary } from '../core/coverage.ts';
import type { RunResult } from '../core/result.ts';
import {
  cellAt,
  cellDetail,
  cellJudged,
  cellReasonText,
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
import { escapeHtml } from './markup.ts';
import { showText } from './text.ts';

const t = (text: string): string => escapeHtml(showText(text));

function cellHtml(coverage: CoverageSummary, cell: CoverageCell | undefined): string {
  const state = cellState(coverage, cell);
  if (state === 'absent' || cell === undefined) return '<td></td>';
  const title = t(
    `${cell.field} · ${cell.label} (${cell.rule}, ${cell.outcome}): ${cellDetail(cell)}${cell.reached ? '' : `; not reached: ${cellReasonText(cell)}`}`,
  );
  if (state === 'reached') return `<td class="pass num" title="${title}">${cellJudged(cell)}</td>`;
  if (state === 'elsewhere') return `<td class="na" title="${title}">·</td>`;
  return `<td class="${cell.exempt ? 'na' : 'err'}" title="${title}">${cell.tally.sent === 0 ? 'not sent' : `0/${cell.tally.sent}`}</td>`;
}

export function coverageHtml(result: RunResult): string {
  const coverage = result.coverage;
  if (!coverage) return '';
  const gate = coverageGateLine(coverage);
  const missing = [
    ...notReachedRules(coverage).map(
      (r) =>
        `<li><strong>rule ${r.rule}</strong>: ${t(ruleReasonText(r))}${r.exempt ? ' (exempt)' : ''}</li>`,
    ),
    ...notReachedClasses(coverage).map(
      (c) =>
        `<li><strong>${t(c.label)}</strong> <code>${t(classKey(c))}</code> (${c.rule}): ${t(classReasonText(c))}</li>`,
    ),
  ];
  const columns = classColumns(coverage);
  const head = columns
    .map((c) => `<th class="check" title="${t(c.label)}"><span>${t(c.class)}</span></th>`)
    .join('');
  const rows = fieldsOf(coverage).map(
    (field) =>
      `<tr><td class="title"><code>${t(field)}</code></td>${columns.map((c) => cellHtml(coverage, cellAt(coverage, field, c.class))).join('')}</tr>`,
  );
  return `<section class="card" id="coverage"><h2>Coverage: what the run reached</h2>
<p>${t(coverageLine(coverage, 0))}.</p>
${gate === undefined ? '' : `<p><strong>${t(gate)}</strong></p>`}
${missing.length === 0 ? '' : `<h3>Not reached</h3><ul>${missing.join('')}</ul>`}
<table class="matrix"><thead><tr><th>Field</th>${head}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="legend">A number: cases that judged what came of the value (its stored value compared after a 2xx, or the answer to a must-reject value) · <span class="err">not sent</span> / <span class="err">0/n</span>: not reached where it must be · <span class="na">·</span> not reached in this field, reached in another (enough for this class) · blank: not a class of this field. Hover a cell for the answers seen.</p>
</section>`;
}
