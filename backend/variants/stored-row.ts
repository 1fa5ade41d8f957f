/**
 * Bugs that show only when a body meets what is stored: a save that writes only the columns it sees changed
 * (S7 under concurrent PUTs; S4 when it compares as a case-insensitive collation does), and a PUT that changes nothing taken for a missing row (I1) or for a touch that
 * stamps a read-only column (S3).
 */
import { CustomerStore } from '../customer-store.ts';
import { createReferenceBackend, json } from '../reference-backend.ts';
import { referenceSteps } from '../reference-steps.ts';
import type { Customer, Handler } from '../types.ts';
import type { Variant } from './catalogue.ts';
import { CapturingStore } from './concurrency.ts';
import { putTargetOf, withSteps } from './kit.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether an update leaves every updatable field as it was: "0 rows affected" in most databases. */
function changesNothing(before: Customer, after: Customer, updatable: readonly string[]): boolean {
  return updatable.every((field) => same(before[field], after[field]));
}

/** The round trip of the UPDATE: 1 to 4 ms, depending on the request, so concurrent saves finish out of order. */
function roundTrip(text: string): Promise<void> {
  let sum = 0;
  for (let index = 0; index < text.length; index += 1) sum += text.charCodeAt(index);
  return new Promise((resolve) => setTimeout(resolve, 1 + (sum % 4)));
}

/** Equal as utf8mb4_general_ci with PAD SPACE compares: case and trailing spaces ignored. */
const collationEqual = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string'
    ? a.toLowerCase().replace(/ +$/, '') === b.toLowerCase().replace(/ +$/, '')
    : same(a, b);

export const STORED_ROW_VARIANTS: readonly Variant[] = [
  {
    id: 'diff-based-save',
    rule: 'S7',
    description:
      "the ORM's dirty checking reads the row, compares each column with the body and UPDATEs only those that differ, with no lock or version check",
    build(options): Handler {
      const store = new CapturingStore(options.store ?? new CustomerStore());
      const { handler } = createReferenceBackend({ ...options, store });
      return async (request) => {
        const id = putTargetOf(request, options);
        if (id === undefined) return handler(request);
        const read = store.get(id);
        // The reference route writes synchronously: its write is the entity after the body was applied.
        const { result, writes } = store.capture(() => handler(request));
        const response = await result;
        const entity = writes[0];
        if (!read || !entity) return response;
        const dirty = Object.keys(entity).filter((field) => !same(entity[field], read[field]));
        await roundTrip(request.body);
        const row = store.get(id);
        if (row) store.put({ ...row, ...Object.fromEntries(dirty.map((field) => [field, entity[field]])) });
        return response;
      };
    },
  },
  {
    id: 'dirty-check-ignores-case',
    rule: 'S4',
    description:
      'the save finds changed columns with SQL <> under utf8mb4_general_ci (case and trailing spaces ignored), so a change of only those is never written',
    build(options): Handler {
      const store = new CapturingStore(options.store ?? new CustomerStore());
      const { handler } = createReferenceBackend({ ...options, store });
      return async (request) => {
        const id = putTargetOf(request, options);
        if (id === undefined) return handler(request);
        const read = store.get(id);
        const { result, writes } = store.capture(() => handler(request));
        const entity = writes[0];
        if (read && entity) {
          const dirty = Object.keys(entity).filter((field) => !collationEqual(entity[field], read[field]));
          store.put({ ...read, ...Object.fromEntries(dirty.map((field) => [field, entity[field]])) });
        }
        // The answer is the entity as the request left it, not the row.
        return result;
      };
    },
  },
  {
    id: 'no-op-update-answers-404',
    rule: 'I1',
    description:
      'the controller answers 404 when the UPDATE reports 0 rows affected, which is also what a PUT changing nothing gets',
    build(options): Handler {
      const store = options.store ?? new CustomerStore();
      const { handler } = createReferenceBackend({ ...options, store });
      const { updatable } = options.contract.fields;
      return async (request) => {
        const id = putTargetOf(request, options);
        const before = id === undefined ? undefined : store.get(id);
        const response = await handler(request);
        const after = id === undefined ? undefined : store.get(id);
        if (response.status !== 200 || !before || !after || !changesNothing(before, after, updatable)) {
          return response;
        }
        return json(404, { error: 'customer not found' });
      };
    },
  },
  {
    id: 'no-op-update-stamps-created-at',
    rule: 'S3',
    description:
      "when a PUT changes no column the repository falls back to touch(), which stamps the row's one timestamp column, source_data_created_at",
    build(options): Handler {
      let ticks = 0;
      return withSteps(options, {
        applyUpdate(current, body, ctx) {
          const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
          if (!changesNothing(current, next, ctx.contract.fields.updatable)) return next;
          // A simulated clock, so that runs are repeatable: one second per touch from 2025-01-01T00:00:00Z.
          ticks += 1;
          return {
            ...next,
            source_data_created_at: new Date(Date.UTC(2025, 0, 1) + ticks * 1000).toISOString(),
          };
        },
      }).handler;
    },
  },
];
