/**
 * Reads and writes baseline files (core/baseline.ts). A file that cannot be used is the user's to fix: a
 * TargetError, one line, exit 2, before anything is sent. An entry naming a rule the contract does not have is
 * only a warning: the file may come from a newer version of the suite.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  BASELINE_FORMAT,
  type BaselineEntry,
  type BaselineFile,
  type BaselineOutcome,
} from '../core/baseline.ts';
import type { Counterexample } from '../core/failure.ts';
import type { Finding } from '../core/finding.ts';
import { isRuleId } from '../core/rules.ts';
import { TargetError } from './target-error.ts';

export interface LoadedBaseline {
  entries: BaselineEntry[];
  warnings: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function readBaseline(file: string): LoadedBaseline {
  const fail = (what: string) => new TargetError(`baseline file ${file} ${what}`);
  if (!existsSync(file))
    throw fail('not found: write one with --write-baseline FILE, or fix the path given to --baseline');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const why = (error as Error).message.split('\n')[0] ?? '';
    throw fail(`is not JSON (${why}): fix it, or write it again with --write-baseline`);
  }
  if (!isObject(parsed) || parsed['format'] !== BASELINE_FORMAT) {
    const format = isObject(parsed) ? JSON.stringify(parsed['format'] ?? null) : 'none';
    throw fail(
      `has format ${format}, but this suite reads "${BASELINE_FORMAT}": write it again with --write-baseline`,
    );
  }
  const findings = parsed['findings'];
  if (!Array.isArray(findings)) throw fail('has no "findings" array: see README, "Adopting the suite"');
  const warnings: string[] = [];
  const entries = findings.map((entry: unknown, index): BaselineEntry => {
    if (!isObject(entry) || typeof entry['fingerprint'] !== 'string' || entry['fingerprint'].trim() === '')
      throw fail(
        `: entry ${index + 1} of "findings" has no "fingerprint": give each entry the fingerprint a report names`,
      );
    const fingerprint = entry['fingerprint'];
    const rule = typeof entry['rule'] === 'string' ? entry['rule'] : (fingerprint.split('/')[0] ?? '');
    if (!isRuleId(rule))
      warnings.push(
        `baseline file ${file}: entry ${fingerprint} names rule "${rule}", which the contract does not have`,
      );
    return {
      fingerprint,
      rule,
      title: typeof entry['title'] === 'string' ? entry['title'] : '',
      ...(typeof entry['failureFile'] === 'string' ? { failureFile: entry['failureFile'] } : {}),
      ...(typeof entry['since'] === 'string' ? { since: entry['since'] } : {}),
      reason: typeof entry['reason'] === 'string' ? entry['reason'] : '',
    };
  });
  return { entries, warnings };
}

/** How the run's findings (status not yet decided) stand against the baseline's entries. */
export function compareWithBaseline(
  file: string,
  entries: BaselineEntry[],
  findings: Finding[],
  isRegression: (finding: Finding) => boolean,
): BaselineOutcome {
  const byPrint = new Map(entries.map((e) => [e.fingerprint, e]));
  const seen = new Set(findings.map((f) => f.fingerprint));
  return {
    file,
    new: findings.filter((f) => !byPrint.has(f.fingerprint)).map((f) => f.fingerprint),
    known: findings
      .filter((f) => byPrint.has(f.fingerprint))
      .map((f) => ({ fingerprint: f.fingerprint, reason: byPrint.get(f.fingerprint)?.reason ?? '' })),
    notSeen: entries.filter((e) => !seen.has(e.fingerprint)),
    regressions: findings
      .filter((f) => byPrint.has(f.fingerprint) && isRegression(f))
      .map((f) => f.fingerprint),
  };
}

const byFingerprint = (a: BaselineEntry, b: BaselineEntry) =>
  a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;

/**
 * The file --write-baseline writes: one entry per finding of the run, sorted by fingerprint. An entry the file
 * already held is kept as it was (its reason, date and failure file), so writing it again on an unchanged
 * backend changes nothing; entries this run did not see are left out, and named in `dropped`.
 */
export function baselineToWrite(
  findings: Finding[],
  failureFiles: ReadonlyMap<Counterexample, string>,
  previous: BaselineEntry[],
  today: string,
): { file: BaselineFile; dropped: string[] } {
  const before = new Map(previous.map((e) => [e.fingerprint, e]));
  const entries = findings.map((finding): BaselineEntry => {
    const kept = before.get(finding.fingerprint);
    if (kept) return kept;
    const first = finding.failures[0];
    const failureFile = first ? failureFiles.get(first) : undefined;
    return {
      fingerprint: finding.fingerprint,
      rule: finding.rule,
      title: finding.title,
      ...(failureFile !== undefined ? { failureFile } : {}),
      since: today,
      reason: '',
    };
  });
  const seen = new Set(entries.map((e) => e.fingerprint));
  return {
    file: { format: BASELINE_FORMAT, findings: entries.sort(byFingerprint) },
    dropped: previous.filter((e) => !seen.has(e.fingerprint)).map((e) => e.fingerprint),
  };
}

export function writeBaselineFile(path: string, file: BaselineFile): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}

/** A previous baseline at the path --write-baseline names, if one is there and readable; else none. */
export function previousEntries(path: string): BaselineEntry[] {
  if (!existsSync(path)) return [];
  try {
    return readBaseline(path).entries;
  } catch {
    return [];
  }
}
