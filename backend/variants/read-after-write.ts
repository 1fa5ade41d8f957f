/** Rule S4: a GET right after a 200 PUT does not return what the PUT returned. */
import { CustomerStore } from '../customer-store.ts';
import { createReferenceBackend } from '../reference-backend.ts';
import type { Customer, RawResponse } from '../types.ts';
import type { Variant } from './catalogue.ts';
import { asGet, customerIdOf, ForwardingStore, putTargetOf } from './kit.ts';

/** An UPDATE that leaves one column out: an existing row keeps its old value there; an INSERT writes it. */
class ColumnSkippingStore extends ForwardingStore {
  constructor(
    base: CustomerStore,
    private readonly column: string,
  ) {
    super(base);
  }

  override put(customer: Customer): void {
    const existing = this.base.get(customer.id);
    this.base.put(existing ? { ...customer, [this.column]: existing[this.column] } : customer);
  }
}

export const READ_AFTER_WRITE_VARIANTS: readonly Variant[] = [
  {
    id: 'stale-read-cache',
    rule: 'S4',
    description:
      'GET is served from a cache filled at the first read of a customer and never invalidated by PUT',
    build(options) {
      const { handler } = createReferenceBackend(options);
      const cache = new Map<string, RawResponse>();
      return async (request) => {
        const id = customerIdOf(request, options);
        const response = await handler(request);
        if (id === undefined) return response;
        if (request.method === 'DELETE' && response.status === 204) cache.delete(id);
        if (request.method !== 'GET' || response.status !== 200) return response;
        const cached = cache.get(id);
        if (cached) return cached;
        cache.set(id, response);
        return response;
      };
    },
  },
  {
    id: 'read-lags-one-write',
    rule: 'S4',
    description:
      'GET reads from a replica that is one write behind: it shows the customer as before the latest PUT',
    build(options) {
      const { handler } = createReferenceBackend(options);
      const replica = new Map<string, RawResponse>();
      return async (request) => {
        const id = customerIdOf(request, options);
        if (id === undefined) return handler(request);
        if (putTargetOf(request, options) !== undefined) {
          // Both run to completion in this order: the snapshot is the customer just before this PUT.
          const before = handler(asGet(request));
          const response = await handler(request);
          const snapshot = await before;
          if (response.status === 200 && snapshot.status === 200) replica.set(id, snapshot);
          return response;
        }
        const response = await handler(request);
        if (request.method === 'DELETE' && response.status === 204) replica.delete(id);
        if (request.method === 'GET' && response.status === 200) return replica.get(id) ?? response;
        return response;
      };
    },
  },
  {
    id: 'update-skips-line2-column',
    rule: 'S4',
    description:
      'the UPDATE statement leaves out address_line2 while the PUT response is built from the request, so GET shows the old line 2',
    build(options) {
      const store = new ColumnSkippingStore(options.store ?? new CustomerStore(), 'address_line2');
      return createReferenceBackend({ ...options, store }).handler;
    },
  },
];
