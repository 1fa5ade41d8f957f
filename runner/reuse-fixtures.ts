/**
 * Reusing a fixture customer an earlier run created (--fixtures-file): read it, make sure it is still the
 * suite's own (the marked name and email fixtures.ts gives it), put this run's creation body on it and read it
 * back. Anything else is no verdict about the backend: a customer it no longer knows is created again, one that
 * is no longer ours is left untouched, and one that cannot be reset is replaced by a new one.
 */
import type { ApiClient } from '../http/api-client.ts';
import { dataOf } from '../suites/checks/values.ts';
import type { Alias } from './fixtures.ts';

export type Reuse =
  | { kind: 'reused'; id: string; body: string; initial: Record<string, unknown> }
  /** The backend no longer knows it (404): created again, silently. */
  | { kind: 'gone' }
  /** Not reused, and why (the run creates a new one and says so). */
  | { kind: 'replaced'; note: string };

/** Whether a stored customer carries the marks fixtures.ts gives every fixture it creates. */
export function isOwnFixture(data: Record<string, unknown>, alias: Alias): boolean {
  const name = data['name'];
  const email = data['email'];
  return (
    typeof name === 'string' &&
    name.startsWith(`Conformance fixture ${alias} `) &&
    typeof email === 'string' &&
    email.startsWith(`conformance.`) &&
    // The alias is in the address too (conformance.fixture.a.… or, for a minimal body, conformance.a.…).
    new RegExp(`^conformance\\.(fixture\\.)?${alias.toLowerCase()}\\.`).test(email) &&
    email.endsWith('@example.com')
  );
}

const answer = (status: number | undefined, error: string | undefined) =>
  status !== undefined ? `answered ${status}` : (error ?? 'no answer');

export async function reuseFixture(
  client: ApiClient,
  id: string,
  alias: Alias,
  body: string,
  file: string,
): Promise<Reuse> {
  const scoped = client.withFixtures({ [alias]: id });
  const target = { fixture: alias };
  const check = await scoped.send({ op: 'read', target, auth: 'valid' }, `fixture-check-${alias}`);
  const status = check.response?.status;
  if (status === 404) return { kind: 'gone' };
  const found = dataOf(check);
  if (status !== 200 || !found) {
    return {
      kind: 'replaced',
      note: `fixture customer ${id} (${file}) could not be read (${answer(status, check.error)}), so a new one was created`,
    };
  }
  if (!isOwnFixture(found, alias)) {
    return {
      kind: 'replaced',
      note: `customer ${id} (${file}) is no longer a fixture of this suite (its name or email changed), so it was left untouched and a new one was created`,
    };
  }
  const reset = await scoped.send(
    { op: 'update', target, auth: 'valid', contentType: 'application/json', body },
    `fixture-reset-${alias}`,
  );
  const read =
    reset.response?.status === 200
      ? await scoped.send({ op: 'read', target, auth: 'valid' }, `fixture-read-${alias}`)
      : undefined;
  const initial = read?.response?.status === 200 ? dataOf(read) : undefined;
  if (!initial) {
    const failed = read ?? reset;
    return {
      kind: 'replaced',
      note: `fixture customer ${id} (${file}) could not be reset (${failed.request.method} ${answer(failed.response?.status, failed.error)}), so a new one was created`,
    };
  }
  return { kind: 'reused', id, body, initial };
}
