/** Rule S7: concurrent PUTs to one customer leave a mix of their bodies stored. */
import { setImmediate as nextTick } from 'node:timers/promises';
import { CustomerStore } from '../customer-store.ts';
import { createReferenceBackend } from '../reference-backend.ts';
import type { ReferenceOptions } from '../reference-backend.ts';
import type { Customer, Handler } from '../types.ts';
import type { Variant } from './catalogue.ts';
import { ForwardingStore, mapData } from './kit.ts';

/** Holds back the writes made while `capturing` is set, so the wrapper can replay them its own way. */
export class CapturingStore extends ForwardingStore {
  captured: Customer[] | undefined;

  override put(customer: Customer): void {
    if (this.captured) this.captured.push(structuredClone(customer));
    else this.base.put(customer);
  }

  /** The writes `run` makes, held back. `run` must write synchronously, as the reference routes do. */
  capture<T>(run: () => T): { result: T; writes: Customer[] } {
    const writes: Customer[] = [];
    this.captured = writes;
    try {
      return { result: run(), writes };
    } finally {
      this.captured = undefined;
    }
  }
}

/** Latency of the simulated per-field vault call: 1 to 3 event-loop turns, depending on the value. */
function latency(value: unknown): number {
  const text = JSON.stringify(value ?? null);
  let sum = 0;
  for (let index = 0; index < text.length; index += 1) sum += text.charCodeAt(index);
  return 1 + (sum % 3);
}

/**
 * Writes each field of a PUT on its own, on a freshly read row, after an async call per field. With
 * `answerFromRow`, the answer is the row as read back after its writes (a mix too), not the request's view.
 */
function perFieldWrites(options: ReferenceOptions, answerFromRow: boolean): Handler {
  const store = new CapturingStore(options.store ?? new CustomerStore());
  const { handler } = createReferenceBackend({ ...options, store });
  const fields = ['local_was_updated', ...options.contract.fields.updatable];
  return async (request) => {
    if (request.method !== 'PUT') return handler(request);
    const { result, writes } = store.capture(() => handler(request));
    const response = await result;
    for (const row of writes) {
      for (const field of fields) {
        for (let turn = latency(row[field]); turn > 0; turn -= 1) await nextTick();
        const fresh = store.get(row.id);
        if (!fresh) break;
        store.put({ ...fresh, [field]: row[field] });
      }
    }
    const id = writes[0]?.id;
    const row = id === undefined ? undefined : store.get(id);
    if (!answerFromRow || !row) return response;
    return mapData(response, (data) => ({ ...data, ...Object.fromEntries(fields.map((f) => [f, row[f]])) }));
  };
}

export const CONCURRENCY_VARIANTS: readonly Variant[] = [
  {
    id: 'per-field-writes',
    rule: 'S7',
    description:
      'each field goes through an async PII-vault call and is then saved by its own UPDATE on a freshly read row, so concurrent PUTs interleave',
    build: (options) => perFieldWrites(options, false),
  },
  {
    id: 'per-field-writes-answers-from-row',
    rule: 'S7',
    description:
      'as per-field-writes, and the PUT answers with the row re-read after its writes, so the answers show the same mix as the store',
    build: (options) => perFieldWrites(options, true),
  },
];
