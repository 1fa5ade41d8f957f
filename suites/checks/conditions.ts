/** Wrappers that say when a check has something to judge. */
import { find, findAll, type Trace } from '../scenarios/play.ts';
import type { Check } from './check.ts';

export const answered = (trace: Trace, role: string, statuses?: (status: number) => boolean): boolean => {
  const status = find(trace, role)?.response?.status;
  return status !== undefined && (statuses ? statuses(status) : true);
};

const ok = (status: number) => status >= 200 && status < 300;
const clientError = (status: number) => status >= 400 && status < 500;

/** Runs the check only when the request of `role` got a 2xx. */
export function whenAccepted(role: string, check: Check): Check {
  return { ...check, applies: (t, s, c) => answered(t, role, ok) && check.applies(t, s, c) };
}

/** Runs the check only when the request of `role` got a 4xx. */
export function whenRejected(role: string, check: Check): Check {
  return { ...check, applies: (t, s, c) => answered(t, role, clientError) && check.applies(t, s, c) };
}

/**
 * Runs the check only when the scenario's baseline PUT (and every history write after it) was accepted: the
 * last one's data is the state before the case.
 */
export function afterBaseline(check: Check): Check {
  const setUp = (t: Trace) =>
    answered(t, 'baseline', ok) &&
    findAll(t, 'history').every((e) => e.response !== undefined && ok(e.response.status));
  return { ...check, applies: (t, s, c) => setUp(t) && check.applies(t, s, c) };
}

export const always = () => true;
