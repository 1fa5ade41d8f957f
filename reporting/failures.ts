/** What the formatters pick out of a counterexample: the exchanges to show and a short form of its body. */
import type { Exchange } from '../core/exchange.ts';
import type { Counterexample } from '../core/failure.ts';
import type { CheckResult, RunResult } from '../core/result.ts';
import { showValue, showValueShort, showTextShort } from './text.ts';

export interface FailureEntry {
  check: CheckResult;
  failure: Counterexample;
  /** 1-based, in report order. */
  number: number;
  /** HTML anchor: `failure-1-S1`. */
  anchor: string;
}

/** Every counterexample of the run, check by check. */
export function listFailures(result: RunResult): FailureEntry[] {
  const entries: FailureEntry[] = [];
  for (const check of result.checks) {
    for (const failure of check.failures) {
      const number = entries.length + 1;
      entries.push({ check, failure, number, anchor: `failure-${number}-${failure.rule}` });
    }
  }
  return entries;
}

/** The exchange that shows the failure: the first violation's (by its seq), else the last non-GET, else the last. */
export function shownExchange(failure: Counterexample): Exchange | undefined {
  for (const violation of failure.violations) {
    const found = failure.exchanges.filter((e) => e.seq === violation.exchangeSeq);
    // A seq shared by several exchanges (as in a replay that numbers none) names no one of them.
    if (found.length === 1) return found[0];
  }
  const writes = failure.exchanges.filter((e) => e.request.method.toUpperCase() !== 'GET');
  return writes.at(-1) ?? failure.exchanges.at(-1);
}

/** The request to re-send: the shown exchange, or when that is a read (S4), the last write before it. */
export function requestExchange(failure: Counterexample): Exchange | undefined {
  const shown = shownExchange(failure);
  if (shown === undefined || shown.request.method.toUpperCase() !== 'GET') return shown;
  const writes = failure.exchanges.filter(
    (e) => e.seq <= shown.seq && e.request.method.toUpperCase() !== 'GET',
  );
  return writes.at(-1) ?? shown;
}

/** First violation's title with its diagnosis, and how many more there are. */
export function headline(failure: Counterexample): string {
  const [first, ...rest] = failure.violations;
  if (first === undefined) return 'failed (no violation recorded)';
  const diagnosis = first.diagnosis === undefined ? '' : ` (${first.diagnosis})`;
  return `${first.title}${diagnosis}${rest.length > 0 ? ` (+${rest.length} more)` : ''}`;
}

/**
 * A body in short, for one line: a JSON object with each long string cut (its length given), anything else
 * cut as text; invisible characters escaped.
 */
export function shortBody(body: string | undefined, max = 140): string {
  if (body === undefined) return '(no body)';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return showTextShort(body, max);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return showTextShort(body, max);
  const fields = Object.entries(parsed).map(
    ([key, value]) => `${showValue(key)}:${showValueShort(value, 24)}`,
  );
  let out = '{';
  for (const [i, field] of fields.entries()) {
    const next = `${i > 0 ? ',' : ''}${field}`;
    if (out.length + next.length > max) return `${out}${i > 0 ? ',' : ''}… (${fields.length} fields)}`;
    out += next;
  }
  return `${out}}`;
}
