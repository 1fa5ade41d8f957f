/**
 * What every report says about coverage, as plain data and lines: the counts, the gate, what was not reached
 * and why, and the per-field matrix's columns. Each writer (console, summary.md, report.html, report.json)
 * shapes these for its format.
 */
import type {
  CellReason,
  ClassCoverage,
  CoverageCell,
  CoverageSummary,
  RuleCoverage,
  RuleReason,
} from '../core/coverage.ts';
import { plural } from './text.ts';

const GROUP_ORDER: CoverageCell['group'][] = ['envelope', 'null', 'omitted', 'wrong-type', 'outside'];

/** Class columns grouped as the rules list them (envelope, null, omitted, wrong types, outside the envelope). */
export function classColumns(coverage: CoverageSummary): Pick<CoverageCell, 'class' | 'label' | 'group'>[] {
  const seen = new Map<string, Pick<CoverageCell, 'class' | 'label' | 'group'>>();
  // The field with the most classes first: its order is the contract's (an email field has fewer).
  const fields = fieldsOf(coverage).sort(
    (a, b) =>
      coverage.cells.filter((c) => c.field === b).length - coverage.cells.filter((c) => c.field === a).length,
  );
  for (const field of fields) {
    for (const cell of coverage.cells.filter((c) => c.field === field)) {
      if (!seen.has(cell.class))
        seen.set(cell.class, { class: cell.class, label: cell.label, group: cell.group });
    }
  }
  return [...seen.values()].sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group));
}

export function fieldsOf(coverage: CoverageSummary): string[] {
  return [...new Set(coverage.cells.map((c) => c.field))];
}

export function cellAt(coverage: CoverageSummary, field: string, id: string): CoverageCell | undefined {
  return coverage.cells.find((c) => c.field === field && c.class === id);
}

export const notReachedRules = (coverage: CoverageSummary): RuleCoverage[] =>
  coverage.rules.filter((r) => !r.reached);

export const notReachedClasses = (coverage: CoverageSummary): ClassCoverage[] =>
  coverage.classes.filter((c) => !c.reached);

/** `nfd` for a class no field reached; `max-length (phone, address_city)` for one some field missed. */
export function classKey(c: ClassCoverage): string {
  return c.reach === 'any-field' ? c.class : `${c.class} (${c.missing.map((cell) => cell.field).join(', ')})`;
}

/** Why a class was not reached, in words: over all fields, or field by field. */
export function classReasonText(c: ClassCoverage): string {
  const exempt = c.exempt ? ' [exempt]' : '';
  if (c.reach === 'any-field') {
    const synthetic = { ...(c.missing[0] as CoverageCell), tally: c.tally };
    const reason = c.reason === undefined ? 'reached' : cellReasonText({ ...synthetic, reason: c.reason });
    return `in no field: ${reason}${exempt}`;
  }
  return `${c.missing.map((cell) => `${cell.field}: ${cellReasonText(cell)}${cell.exempt ? ' [exempt]' : ''}`).join('; ')}`;
}

/** `Coverage: 25 of 25 value classes reached, 20 of 20 rules judged; not reached: nfd, max-length (phone)` */
export function coverageLine(coverage: CoverageSummary, shown = 4): string {
  const classes = coverage.classes.filter((c) => c.reached).length;
  const rules = coverage.rules.filter((r) => r.reached).length;
  const missing = [
    ...notReachedRules(coverage).map((r) => r.rule),
    ...notReachedClasses(coverage).map(classKey),
  ];
  const head = `Coverage: ${classes} of ${coverage.classes.length} value classes reached, ${rules} of ${coverage.rules.length} rules judged`;
  if (missing.length === 0) return head;
  if (shown === 0) return `${head}; ${missing.length} not reached`;
  const more = missing.length > shown ? `, and ${missing.length - shown} more` : '';
  return `${head}; not reached: ${missing.slice(0, shown).join(', ')}${more} (see the reports)`;
}

/** Only when coverage is required: whether the gate holds, and what fails it. */
export function coverageGateLine(coverage: CoverageSummary): string | undefined {
  if (!coverage.required) return undefined;
  if (coverage.shortfall.length === 0)
    return 'Coverage gate (--require-coverage): everything required was reached';
  const shown = coverage.shortfall.slice(0, 6).join(', ');
  const more = coverage.shortfall.length > 6 ? `, and ${coverage.shortfall.length - 6} more` : '';
  return (
    `Coverage gate (--require-coverage): FAILED: ${plural(coverage.shortfall.length, 'required item')} not reached ` +
    `(${shown}${more}); no verdict on them: raise --runs, or list what your team does not require in the contract's coverage.exempt`
  );
}

/** "422 ×3, 400 ×1": the answers, most frequent first. */
export function statusList(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .sort(([, a], [, b]) => b - a)
    .map(([status, n]) => `${status === 'none' ? 'no answer' : status} ×${n}`)
    .join(', ');
}

/** Why a class was not reached, in words. */
export function cellReasonText(cell: CoverageCell): string {
  const statuses = statusList(cell.tally.statuses);
  const text: Record<CellReason, string> = {
    'never-sent': 'never sent: no generated case held it (a larger --runs may)',
    'never-answered': 'sent, never answered',
    refused:
      cell.outcome === 'MAY-EITHER'
        ? `refused every time (${statuses}): allowed, but whether it is stored exactly was never judged`
        : `refused every time (${statuses})`,
    'not-compared': `accepted (${statuses}), but the stored value was never compared`,
    'rule-not-run': `${cell.rule} was not run`,
  };
  return cell.reason === undefined ? 'reached' : text[cell.reason];
}

const RULE_REASONS: Record<RuleReason, string> = {
  'not-selected': 'not selected (--only)',
  bailed: 'not run: --bail stopped the run first',
  'no-case': 'no case got as far as its checks',
};

export function ruleReasonText(rule: RuleCoverage): string {
  return rule.reason === undefined ? 'reached' : RULE_REASONS[rule.reason];
}

/** What a cell's case answers and judging came to: "sent 12: 200 ×12; stored 12, read back 12". */
export function cellDetail(cell: CoverageCell): string {
  const { tally } = cell;
  if (tally.sent === 0) return 'never sent';
  const statuses = statusList(tally.statuses);
  const judged = [
    tally.stored > 0 ? `stored value compared ${tally.stored}` : '',
    tally.readBack > 0 ? `read back ${tally.readBack}` : '',
    tally.unchanged > 0 ? `unchanged after refusal ${tally.unchanged}` : '',
  ].filter(Boolean);
  return `sent ${tally.sent}: ${statuses}${judged.length > 0 ? `; ${judged.join(', ')}` : ''}`;
}

/** Cases that judged what came of a cell's values: the stored value compared, or, for a must-reject class, the answer. */
export function cellJudged(cell: CoverageCell): number {
  return cell.outcome === 'MUST-REJECT'
    ? cell.tally.sent - (cell.tally.statuses['none'] ?? 0)
    : cell.tally.stored;
}

/**
 * A cell's mark: reached; missing (not reached where it counts: in its own field for an each-field class, in
 * every field for an any-field class no field reached); elsewhere (an any-field class another field reached);
 * absent (not a class of this field).
 */
export function cellState(
  coverage: CoverageSummary,
  cell: CoverageCell | undefined,
): 'reached' | 'missing' | 'elsewhere' | 'absent' {
  if (cell === undefined) return 'absent';
  if (cell.reached) return 'reached';
  if (cell.reach === 'each-field') return 'missing';
  return coverage.classes.some((c) => c.class === cell.class && c.reached) ? 'elsewhere' : 'missing';
}
