/** Rule S5: the same PUT twice gives different `data`, deterministically. */
import { CustomerStore } from '../customer-store.ts';
import { createReferenceBackend } from '../reference-backend.ts';
import { referenceSteps } from '../reference-steps.ts';
import type { Variant } from './catalogue.ts';

export const IDEMPOTENCE_VARIANTS: readonly Variant[] = [
  {
    id: 'suffixes-duplicate-name',
    rule: 'S5',
    description:
      "a unique-name check that forgets to exclude the row being updated appends ' (2)' when the name is already taken, by itself included",
    build(options) {
      const store = options.store ?? new CustomerStore();
      return createReferenceBackend({
        ...options,
        store,
        steps: {
          ...options.steps,
          applyUpdate(current, body, ctx) {
            const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
            const name = next['name'];
            if (typeof name === 'string' && store.list().some((row) => row['name'] === name)) {
              next['name'] = `${name} (2)`;
            }
            return next;
          },
        },
      }).handler;
    },
  },
];
