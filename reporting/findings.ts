/** The run's findings as every report shows them: the ones that fail the gate first, known ones folded below. */
import type { BaselineEntry } from '../core/baseline.ts';
import { findingsOfRun, type Finding, type FindingStatus } from '../core/finding.ts';
import type { RunResult } from '../core/result.ts';
import { plural } from './text.ts';

export interface FindingGroups {
  /** New findings and regressions that came back: each fails the run. New first, then regressions. */
  failing: Finding[];
  /** In the baseline: reported, not failing. */
  known: Finding[];
  /** Baseline entries this run did not see. */
  notSeen: BaselineEntry[];
}

export function findingGroups(result: RunResult): FindingGroups {
  const all = findingsOfRun(result);
  return {
    failing: [...all.filter((f) => f.status === 'new'), ...all.filter((f) => f.status === 'regression')],
    known: all.filter((f) => f.status === 'known'),
    notSeen: result.baseline?.notSeen ?? [],
  };
}

export const FINDING_WORD: Record<FindingStatus, string> = {
  new: 'NEW',
  known: 'KNOWN',
  regression: 'REGRESSION',
};

/** `3 findings: 2 new, 1 known` (regressions and not-seen entries named when there are any). */
export function findingCounts(groups: FindingGroups): string {
  const total = groups.failing.length + groups.known.length;
  const fresh = groups.failing.filter((f) => f.status === 'new').length;
  const regressions = groups.failing.length - fresh;
  const parts = [`${fresh} new`];
  if (regressions > 0) parts.push(plural(regressions, 'regression'));
  parts.push(`${groups.known.length} known`);
  if (groups.notSeen.length > 0) parts.push(`${groups.notSeen.length} not seen`);
  return `${plural(total, 'finding')}: ${parts.join(', ')}`;
}

/** The line a known finding carries: its reason, or a request to fill one in. */
export const knownReason = (finding: Finding): string =>
  finding.reason ? `known: ${finding.reason}` : 'known (no reason given in the baseline yet)';

/** What a baseline entry this run did not see asks of the team. */
export const NOT_SEEN = 'not seen this run: fixed? remove it from the baseline';
