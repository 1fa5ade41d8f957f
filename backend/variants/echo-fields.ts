/**
 * Rule S1, values that land in the wrong place or a null that is not kept as null. Each replaces only
 * `applyUpdate` (the PUT path); POST stays the reference's.
 */
import { referenceSteps } from '../reference-steps.ts';
import type { Variant } from './catalogue.ts';
import { withSteps, type StepOverrides } from './kit.ts';

function updateVariant(id: string, description: string, steps: StepOverrides): Variant {
  return { id, rule: 'S1', description, build: (options) => withSteps(options, steps).handler };
}

/** The reference update, with every sent null replaced by what `nullAs` gives for that field. */
function nullsBecome(nullAs: (current: unknown) => unknown): StepOverrides {
  return {
    applyUpdate(current, body, ctx) {
      const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
      for (const field of ctx.contract.fields.optional) {
        if (body[field] === null) next[field] = nullAs(current[field]);
      }
      return next;
    },
  };
}

export const ECHO_FIELD_VARIANTS: readonly Variant[] = [
  updateVariant(
    'swaps-city-and-state',
    'the UPDATE statement binds address_city and address_state in the wrong order',
    {
      applyUpdate(current, body, ctx) {
        const swapped: Record<string, unknown> = { ...body };
        delete swapped['address_city'];
        delete swapped['address_state'];
        if (body['address_state'] !== undefined) swapped['address_city'] = body['address_state'];
        if (body['address_city'] !== undefined) swapped['address_state'] = body['address_city'];
        return referenceSteps.applyUpdate.call(this, current, swapped, ctx);
      },
    },
  ),
  updateVariant(
    'ignores-null-optional',
    'the UPDATE uses COALESCE(:value, column), so a null sent for an optional field keeps the old value',
    nullsBecome((current) => current ?? null),
  ),
  updateVariant(
    'stores-null-as-empty-string',
    "optional columns are NOT NULL DEFAULT '', so a null sent for an optional field is stored as ''",
    nullsBecome(() => ''),
  ),
  updateVariant(
    'stores-null-as-text',
    'values are bound with String(value), so a null sent for an optional field is stored as the text "null"',
    nullsBecome(() => 'null'),
  ),
];
