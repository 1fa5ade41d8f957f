/** Rules I1 and I2: unknown ids not answered 404, and a 200 whose data.id is not the path's id. */
import { createReferenceBackend, json, type ReferenceOptions } from '../reference-backend.ts';
import type { Handler } from '../types.ts';
import type { Variant } from './catalogue.ts';
import { contextOf, customerIdOf, mapData, putTargetOf } from './kit.ts';

/**
 * A PUT to an unknown id runs against a fresh row with that id (the defaults of a new customer), as an
 * upsert does; `keep` says whether the row is still there afterwards.
 */
function updatesUnknownIds(options: ReferenceOptions, keep: boolean): Handler {
  const { handler, store, steps } = createReferenceBackend(options);
  const ctx = contextOf(options);
  return async (request) => {
    const id = putTargetOf(request, options);
    if (id === undefined || store.get(id)) return handler(request);
    store.put(steps.newCustomer(id, {}, ctx));
    // The reference route runs to completion within this call, so the fresh row is only seen by this request.
    const response = await handler(request);
    if (!keep || response.status !== 200) store.delete(id);
    return response;
  };
}

/** PUT answers whose data.id is rewritten from the row. */
function putIdFrom(options: ReferenceOptions, id: (data: Record<string, unknown>) => unknown): Handler {
  const { handler } = createReferenceBackend(options);
  return async (request) => {
    const response = await handler(request);
    return putTargetOf(request, options) === undefined
      ? response
      : mapData(response, (data) => ({ ...data, id: id(data) }));
  };
}

/**
 * Ids looked up under a collation: a request to an id with no row of its own is served by the first row whose
 * id folds to the same key, as `WHERE id = ?` does on a column with that collation. Answers carry the row's id.
 */
function foldsIds(options: ReferenceOptions, fold: (id: string) => string): Handler {
  const { handler, store } = createReferenceBackend(options);
  return async (request) => {
    const id = customerIdOf(request, options);
    if (id === undefined || store.get(id)) return handler(request);
    const row = store.list().find((customer) => fold(customer.id) === fold(id));
    if (!row) return handler(request);
    const path = request.path.replace(/[^/]+$/, encodeURIComponent(row.id));
    return handler({ ...request, path });
  };
}

export const IDENTITY_VARIANTS: readonly Variant[] = [
  {
    id: 'upsert-unknown-id',
    rule: 'I1',
    description:
      'PUT is implemented as an upsert (INSERT ... ON CONFLICT DO UPDATE), so an unknown id is created with 200',
    build: (options) => updatesUnknownIds(options, true),
  },
  {
    id: 'unknown-id-answers-200',
    rule: 'I1',
    description:
      "the UPDATE's affected-row count is never checked: an unknown id is answered 200 with a customer built from the request",
    build: (options) => updatesUnknownIds(options, false),
  },
  {
    id: 'unknown-id-answers-400',
    rule: 'I1',
    description: 'a failed id lookup raises a validation error, answered 400 instead of 404',
    build(options) {
      const { handler } = createReferenceBackend(options);
      return async (request) => {
        const response = await handler(request);
        return putTargetOf(request, options) !== undefined && response.status === 404
          ? json(400, { error: 'invalid unifiedCustomerId' })
          : response;
      };
    },
  },
  {
    id: 'case-insensitive-id',
    rule: 'I1',
    description:
      'the id column has a case-insensitive collation (utf8mb4_general_ci), so CUS_000001 finds and updates cus_000001',
    build: (options) => foldsIds(options, (id) => id.toLowerCase()),
  },
  {
    id: 'trailing-space-insensitive-id',
    rule: 'I1',
    description:
      'the id column has a PAD SPACE collation, so "cus_000001 " (trailing spaces) finds and updates cus_000001',
    build: (options) => foldsIds(options, (id) => id.replace(/ +$/, '')),
  },
  {
    id: 'returns-source-id-as-id',
    rule: 'I2',
    description: "the PUT response is built from the sync DTO, whose id is the source system's id (src_...)",
    build: (options) => putIdFrom(options, (data) => data['source_id']),
  },
  {
    id: 'returns-row-number-as-id',
    rule: 'I2',
    description: 'the PUT response exposes the internal numeric row id ("1") instead of the public id',
    build: (options) =>
      putIdFrom(options, (data) => String(Number.parseInt(String(data['id']).replace(/^\D+/, ''), 10))),
  },
];
