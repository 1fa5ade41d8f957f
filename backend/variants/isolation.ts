/** Rule S6: a PUT to one customer also writes to its neighbour in id order. */
import { createReferenceBackend, type ReferenceOptions } from '../reference-backend.ts';
import type { Handler } from '../types.ts';
import type { Variant } from './catalogue.ts';
import { putTargetOf } from './kit.ts';

/**
 * After a 200, the updated row's `field` is also written to the row `victim` picks among every id in id order
 * (a statement whose WHERE or paging reaches past the row it means).
 */
function leaksFrom(
  options: ReferenceOptions,
  field: string,
  victim: (ids: string[], id: string) => string | undefined,
): Handler {
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
    const other = victim(ids, updated.id);
    const row = other === undefined ? undefined : store.get(other);
    if (row) store.put({ ...row, [field]: updated[field] });
    return response;
  };
}

/** `WHERE id >= ? ORDER BY id LIMIT 2` (next) or `WHERE id <= ? ORDER BY id DESC LIMIT 2` (previous). */
const neighbour =
  (which: 'next' | 'previous') =>
  (ids: string[], id: string): string | undefined =>
    which === 'next' ? ids.find((other) => other > id) : ids.findLast((other) => other < id);

/**
 * Rows fetched in pages of two, the write going to the same slot of the next page: the customer two rows on. A
 * suite that creates customers in pairs sees it only across pairs: the write lands on another lane's customer.
 */
const nextPair = (ids: string[], id: string): string | undefined => ids[ids.indexOf(id) + 2];

export const ISOLATION_VARIANTS: readonly Variant[] = [
  {
    id: 'leaks-name-to-next-customer',
    rule: 'S6',
    description:
      'the name UPDATE says WHERE id >= ? ORDER BY id LIMIT 2, so the next customer gets the name too',
    build: (options) => leaksFrom(options, 'name', neighbour('next')),
  },
  {
    id: 'leaks-phone-to-previous-customer',
    rule: 'S6',
    description:
      'the phone UPDATE says WHERE id <= ? ORDER BY id DESC LIMIT 2, so the previous customer gets the phone too',
    build: (options) => leaksFrom(options, 'phone', neighbour('previous')),
  },
  {
    id: 'leaks-name-to-next-pair',
    rule: 'S6',
    description:
      'rows are paged in twos and the name UPDATE hits the same slot of the next page: the customer two rows on gets the name',
    build: (options) => leaksFrom(options, 'name', nextPair),
  },
];
