/**
 * Rule R2: requests answered 5xx. An exception a handler does not catch becomes a bare 500, as a framework's
 * default error handler gives (so the variant answers 500 whether it is served over HTTP or called directly).
 */
import { createReferenceBackend } from '../reference-backend.ts';
import { referenceSteps } from '../reference-steps.ts';
import type { Variant } from './catalogue.ts';
import { ASTRAL, codePointLength, crashesAs500, withSteps, type StepOverrides } from './kit.ts';

function crashVariant(id: string, description: string, steps: StepOverrides): Variant {
  return { id, rule: 'R2', description, build: (options) => crashesAs500(withSteps(options, steps).handler) };
}

/** What a strict-mode VARCHAR(255) raises for a longer value. */
class DataTooLongError extends Error {
  constructor(field: string) {
    super(`Data too long for column '${field}'`);
    this.name = 'DataTooLongError';
  }
}

/** Counts phone lengths for a metrics line; stands for the audit call that crashes. */
const phoneAudit = {
  longest: 0,
  record(length: number): void {
    this.longest = Math.max(this.longest, length);
  },
};

export const CRASH_VARIANTS: readonly Variant[] = [
  crashVariant(
    'crashes-on-emoji',
    "the utf8mb3 column in strict SQL mode raises 'Incorrect string value' for emoji and other non-BMP characters",
    {
      storeString(value, field) {
        if (ASTRAL.test(value)) throw new Error(`Incorrect string value for column '${field}'`);
        return value;
      },
    },
  ),
  crashVariant(
    'crashes-on-unknown-property',
    "the body is mass-assigned into the ORM entity, which throws 'Unknown column' for a property it does not map",
    {
      applyUpdate(current, body, ctx) {
        const unknown = Object.keys(body).find((name) => !ctx.contract.fields.updatable.includes(name));
        if (unknown !== undefined) throw new Error(`Unknown column '${unknown}' in 'field list'`);
        return referenceSteps.applyUpdate.call(this, current, body, ctx);
      },
    },
  ),
  crashVariant(
    'crashes-on-bad-json',
    'JSON.parse is called without try/catch, so unparseable or empty bodies crash',
    {
      parseJson(text) {
        return { ok: true, value: JSON.parse(text) as unknown };
      },
    },
  ),
  crashVariant(
    'crashes-on-null-phone',
    'an audit line reads body.phone.length whenever phone is sent, crashing on a null phone',
    {
      applyUpdate(current, body, ctx) {
        const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
        if (body['phone'] !== undefined) phoneAudit.record((body['phone'] as string).length);
        return next;
      },
    },
  ),
  {
    id: 'over-255-answers-503',
    rule: 'R2',
    description:
      "'Data too long' from a strict-mode VARCHAR(255) is mapped to 503 by a generic database-error handler",
    build(options) {
      const { handler } = createReferenceBackend({
        ...options,
        steps: {
          ...options.steps,
          storeString(value, field) {
            if (codePointLength(value) > 255) throw new DataTooLongError(field);
            return value;
          },
        },
      });
      return async (request) => {
        try {
          return await handler(request);
        } catch (error) {
          if (!(error instanceof DataTooLongError)) throw error;
          return {
            status: 503,
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body: JSON.stringify({ error: 'database error' }),
          };
        }
      };
    },
  },
];
