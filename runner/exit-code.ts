/**
 * The exit code a run's result gives, the command line's and the API's alike: the gate (gate.ts) decides it,
 * on new findings when there is a baseline.
 */
export { exitCodeOf } from './gate.ts';

export type ExitCode = 0 | 1 | 2;
