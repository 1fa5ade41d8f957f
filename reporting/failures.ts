/** What the formatters pick out of a counterexample: the exchanges to show and a short form of its body. */
import type { Exchange } from '../core/exchange.ts';
import type { Counterexample, Violation } from '../core/failure.ts';
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

/** The one exchange of a counterexample with this seq (a seq shared by several, as in an unnumbered replay, names none). */
function bySeq(failure: Counterexample, seq: number | undefined): Exchange | undefined {
  if (seq === undefined) return undefined;
  const found = failure.exchanges.filter((e) => e.seq === seq);
  return found.length === 1 ? found[0] : undefined;
}

/** The violation whose exchange is shown: the first that names one. */
function shownViolation(failure: Counterexample): Violation | undefined {
  return failure.violations.find((v) => bySeq(failure, v.exchangeSeq) !== undefined);
}

/** The exchange that shows the failure: the first violation's (by its seq), else the last non-GET, else the last. */
export function shownExchange(failure: Counterexample): Exchange | undefined {
  const shown = bySeq(failure, shownViolation(failure)?.exchangeSeq);
  if (shown !== undefined) return shown;
  const writes = failure.exchanges.filter((e) => e.request.method.toUpperCase() !== 'GET');
  return writes.at(-1) ?? failure.exchanges.at(-1);
}

/**
 * The request after which the shown violation's change was first seen (S3, A1, S4, S6), when it names one:
 * the baseline PUT that rewrote a read-only field, not the rejected request after it.
 */
export function changedAfterExchange(failure: Counterexample): Exchange | undefined {
  return bySeq(failure, shownViolation(failure)?.changedAfterSeq);
}

/**
 * The request to re-send: the one after which the change was first seen; else the shown exchange, or when that
 * is a read (S4), the last write before it.
 */
export function requestExchange(failure: Counterexample): Exchange | undefined {
  const changed = changedAfterExchange(failure);
  if (changed !== undefined) return changed;
  const shown = shownExchange(failure);
  if (shown === undefined || shown.request.method.toUpperCase() !== 'GET') return shown;
  const writes = failure.exchanges.filter(
    (e) => e.seq <= shown.seq && e.request.method.toUpperCase() !== 'GET',
  );
  return writes.at(-1) ?? shown;
}

/** `request #10 (baseline PUT)`: how a summary line names a request. */
export function requestName(exchange: Exchange): string {
  return `request #${exchange.seq} (${exchange.role} ${exchange.request.method.toUpperCase()})`;
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
