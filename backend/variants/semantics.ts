/** Rule S2: omitted optional fields follow no single PUT semantics (merge for some, replace for others). */
import { referenceSteps } from '../reference-steps.ts';
import type { StoreSemantics } from '../types.ts';
import type { Variant } from './catalogue.ts';
import { withSteps } from './kit.ts';

/** After this many updates of a run, the flag flips. */
const FLAG_FLIPS_AFTER = 5;

const other = (semantics: StoreSemantics): StoreSemantics => (semantics === 'merge' ? 'replace' : 'merge');

export const SEMANTICS_VARIANTS: readonly Variant[] = [
  {
    id: 'replaces-only-shipping',
    rule: 'S2',
    description:
      'the shipping address is an embedded object saved whole (omitted shipping fields become null) while the other fields are merged',
    build: (options) =>
      withSteps(options, {
        applyUpdate(current, body, ctx) {
          const next = referenceSteps.applyUpdate.call(this, current, body, { ...ctx, semantics: 'merge' });
          for (const field of ctx.contract.fields.optional) {
            if (field.startsWith('shipping_') && body[field] === undefined) next[field] = null;
          }
          return next;
        },
      }).handler,
  },
  {
    id: 'switches-semantics-after-5-updates',
    rule: 'S2',
    description: `a feature flag rollout switches PUT to the other semantics (merge/replace) after the ${FLAG_FLIPS_AFTER}th update of the run`,
    build: (options) => {
      let updates = 0;
      return withSteps(options, {
        applyUpdate(current, body, ctx) {
          updates += 1;
          const semantics = updates > FLAG_FLIPS_AFTER ? other(ctx.semantics) : ctx.semantics;
          return referenceSteps.applyUpdate.call(this, current, body, { ...ctx, semantics });
        },
      }).handler;
    },
  },
];
