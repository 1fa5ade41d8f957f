/** Rule S6: a PUT to one customer also writes to its neighbour in id order. */
import { createReferenceBackend, type ReferenceOptions } from '../reference-backend.ts';
import type { Handler } from '../types.ts';
import type { Variant } from './catalogue.ts';
import { putTargetOf } from './kit.ts';

/**
 * After a 200, the field's stored value is also written to the neighbouring row: the statement for that field
 * says `WHERE id >= ? ORDER BY id LIMIT 2` (next) or `WHERE id <= ? ORDER BY id DESC LIMIT 2` (previous).
 */
function leaksTo(neighbour: 'next' | 'previous', field: string, options: ReferenceOptions): Handler {
  const { handler, store } = createReferenceBackend(options);
  return async (request) => {
    const id = putTargetOf(request, options);
    const response = await handler(request);
    const updated = id === undefined || response.status !== 200 ? undefined : store.get(id);
    if (!updated) return response;
    const ids = store
      .list()
      .map((row) => row.id)
      .sort();
    const others =
      neighbour === 'next'
        ? ids.filter((other) => other > updated.id)
        : ids.filter((other) => other < updated.id).reverse();
    const victim = others[0] === undefined ? undefined : store.get(others[0]);
    if (victim) store.put({ ...victim, [field]: updated[field] });
    return response;
  };
}

/**
 * After a 200, the name is also written to the customer two rows on in id order: rows are fetched in pages of
 * two and the write goes to the same slot of the next page. A suite that creates customers in pairs sees it
 * only across pairs: the write lands on another lane's customer.
 */
function leaksToNextPair(options: ReferenceOptions): Handler {
  const { handler, store } = createReferenceBackend(options);
  return async (request) => {
    const id = putTargetOf(request, options);
    const response = await handler(request);
    const updated = id === undefined || response.status !== 200 ? undefined : store.get(id);
    if (!updated) return response;
    const ids = store
      .list()
      .map((row) => row.id)
      .sort();
    const next = ids[ids.indexOf(updated.id) + 2];
    const victim = next === undefined ? undefined : store.get(next);
    if (victim) store.put({ ...victim, name: updated.name });
    return response;
  };
}

export const ISOLATION_VARIANTS: readonly Variant[] = [
  {
    id: 'leaks-name-to-next-customer',
    rule: 'S6',
    description:
      'the name UPDATE says WHERE id >= ? ORDER BY id LIMIT 2, so the next customer gets the name too',
    build: (options) => leaksTo('next', 'name', options),
  },
  {
    id: 'leaks-phone-to-previous-customer',
    rule: 'S6',
    description:
      'the phone UPDATE says WHERE id <= ? ORDER BY id DESC LIMIT 2, so the previous customer gets the phone too',
    build: (options) => leaksTo('previous', 'phone', options),
  },
  {
    id: 'leaks-name-to-next-pair',
    rule: 'S6',
    description:
      'rows are paged in twos and the name UPDATE hits the same slot of the next page: the customer two rows on gets the name',
    build: leaksToNextPair,
  },
];
