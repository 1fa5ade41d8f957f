/**
 * Bugs that depend on when a request comes: what a replay must rebuild (the customer's age) or cannot (a one-off
 * at some request count). Both use the real clock or a counter, so a replay of their failures shows whether it
 * rebuilds the conditions.
 */
import { referenceSteps } from '../reference-steps.ts';
import type { Variant } from './catalogue.ts';
import { crashesAs500, withSteps } from './kit.ts';

/** CURRENT_TIMESTAMP: the current second, as a TIMESTAMP column keeps it. */
function currentSecond(): string {
  return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const COLUMN = 'source_data_created_at';

/** Whether an UPDATE changes any column other than the timestamp (MySQL updates the column only then). */
function changesRow(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  return Object.keys(after).some(
    (key) => key !== COLUMN && JSON.stringify(after[key]) !== JSON.stringify(before[key]),
  );
}

export const TIMING_VARIANTS: readonly Variant[] = [
  {
    id: 'created-at-on-update-current-timestamp',
    rule: 'S3',
    description:
      'MariaDB with explicit_defaults_for_timestamp=OFF gave source_data_created_at ON UPDATE CURRENT_TIMESTAMP: a PUT in a later second than the creation rewrites it',
    build: (options) =>
      withSteps(options, {
        newCustomer(id, body, ctx) {
          return { ...referenceSteps.newCustomer.call(this, id, body, ctx), [COLUMN]: currentSecond() };
        },
        applyUpdate(current, body, ctx) {
          const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
          return changesRow(current, next) ? { ...next, [COLUMN]: currentSecond() } : next;
        },
      }).handler,
  },
  {
    id: 'crashes-once-on-cache-rebuild',
    rule: 'R2',
    description:
      'a lazily built lookup cache is rebuilt on its 150th use, and the one PUT that triggers the rebuild dies with a 500; it never happens again',
    build: (options) => {
      let uses = 0;
      return crashesAs500(
        withSteps(options, {
          applyUpdate(current, body, ctx) {
            uses += 1;
            if (uses === 150) throw new Error('cache rebuilt under the request');
            return referenceSteps.applyUpdate.call(this, current, body, ctx);
          },
        }).handler,
      );
    },
  },
];
