/**
 * The run's one vitest file: every group of checks, declared at once, so the schedule (schedule.ts) knows every
 * check from the start and a lane done with its share of one group's last check goes on with the next group's
 * first, instead of idling while vitest ends one file and loads the next. Each group is a describe block, each
 * check still one test. The order is the order of play (the same seed sends each lane the same requests in the
 * same order): saved regressions first, the end-of-run isolation read last.
 */
import { describe } from 'vitest';
import { authChecks } from './auth.checks.ts';
import { edgeUpdateChecks } from './edge-updates.checks.ts';
import { extraPropertyChecks } from './extra-properties.checks.ts';
import { identityChecks } from './identity.checks.ts';
import { invalidUpdateChecks } from './invalid-updates.checks.ts';
import { isolationAtEndChecks } from './isolation-at-end.checks.ts';
import { regressionChecks } from './regressions.checks.ts';
import { statefulChecks } from './stateful.checks.ts';
import { validUpdateChecks } from './valid-updates.checks.ts';

/** Group name (as the progress lines and --only say it) and what declares its checks, in the order of play. */
const GROUPS: [string, () => void][] = [
  ['regressions', regressionChecks],
  ['auth', authChecks],
  ['edge-updates', edgeUpdateChecks],
  ['extra-properties', extraPropertyChecks],
  ['identity', identityChecks],
  ['invalid-updates', invalidUpdateChecks],
  ['stateful', statefulChecks],
  ['valid-updates', validUpdateChecks],
  ['isolation-at-end', isolationAtEndChecks],
];

for (const [name, declare] of GROUPS) describe(name, declare);
