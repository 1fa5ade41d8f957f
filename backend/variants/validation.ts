/**
 * Rules B1..B4, the request body's fields: a validator that is too loose (B1, B2), too tight (B3), or that
 * answers out-of-envelope strings in a way the contract does not allow (B4).
 */
import { Buffer } from 'node:buffer';
import { referenceSteps, type StepContext, type Validation } from '../reference-steps.ts';
import type { RuleId } from '../../core/rules.ts';
import type { Variant } from './catalogue.ts';
import { ASTRAL, codePointLength, isObject, storingStrings, withSteps, type StepOverrides } from './kit.ts';

function variant(id: string, rule: RuleId, description: string, steps: StepOverrides): Variant {
  return { id, rule, description, build: (options) => withSteps(options, steps).handler };
}

/** The reference validation, then one extra check on a body it accepted. */
function alsoRejects(check: (body: Record<string, unknown>, ctx: StepContext) => Validation): StepOverrides {
  return {
    validateBody(body, ctx) {
      const validation = referenceSteps.validateBody.call(this, body, ctx);
      return validation.ok && isObject(body) ? check(body, ctx) : validation;
    },
  };
}

/** The reference validation of the body with some properties replaced, as a too-loose schema would see it. */
function validatesAs(rewrite: (body: Record<string, unknown>) => Record<string, unknown>): StepOverrides {
  return {
    validateBody(body, ctx) {
      return referenceSteps.validateBody.call(this, isObject(body) ? rewrite(body) : body, ctx);
    },
  };
}

/** Like ajv's coerceTypes: numbers in the listed fields are turned into strings in the body itself. */
function coercesNumbers(fields: (ctx: StepContext) => readonly string[]): StepOverrides {
  return {
    validateBody(body, ctx) {
      if (isObject(body)) {
        for (const field of fields(ctx)) {
          const value = body[field];
          if (typeof value === 'number') body[field] = String(value);
        }
      }
      return referenceSteps.validateBody.call(this, body, ctx);
    },
  };
}

function firstString(
  body: Record<string, unknown>,
  ctx: StepContext,
  test: (value: string) => boolean,
): string | undefined {
  return ctx.contract.fields.updatable.find((field) => {
    const value = body[field];
    return typeof value === 'string' && test(value);
  });
}

const ok: Validation = { ok: true };

/** A validator that answers 422 to the first updatable field holding a string that fails its test. */
function refusesStrings(test: (value: string) => boolean, problem: string): StepOverrides {
  return alsoRejects((body, ctx) => {
    const field = firstString(body, ctx, test);
    return field === undefined ? ok : { ok: false, status: 422, message: `${field} ${problem}` };
  });
}

export const VALIDATION_VARIANTS: readonly Variant[] = [
  // B1: required fields
  variant(
    'accepts-missing-name',
    'B1',
    'name is not marked required in the request schema, so a body without name is accepted',
    validatesAs((body) => (body['name'] === undefined ? { ...body, name: 'Placeholder' } : body)),
  ),
  variant(
    'accepts-null-email',
    'B1',
    'email is declared nullable in the request schema, so a null email is accepted and stored',
    validatesAs((body) => (body['email'] === null ? { ...body, email: 'placeholder@example.com' } : body)),
  ),
  variant(
    'coerces-number-name',
    'B1',
    'the validator coerces types for name, so a numeric name is accepted and stored as its string ("123")',
    coercesNumbers(() => ['name']),
  ),
  // B2: optional fields
  variant(
    'coerces-numeric-address-fields',
    'B2',
    'the shared Address sub-schema is compiled with coerceTypes, so numeric address values (postal codes) are stored as strings',
    coercesNumbers((ctx) => ctx.contract.fields.optional.filter((field) => field.includes('address_'))),
  ),
  variant(
    'rejects-null-optional',
    'B2',
    'the optional fields are declared type: string without null, so a null is answered 400',
    {
      validateBody(body, ctx) {
        const validation = referenceSteps.validateBody.call(this, body, ctx);
        if (!validation.ok || !isObject(body)) return validation;
        const field = ctx.contract.fields.optional.find((name) => body[name] === null);
        return field === undefined ? ok : { ok: false, status: 400, message: `${field} must be a string` };
      },
    },
  ),
  // B3: envelope strings refused
  variant(
    'rejects-over-100-chars',
    'B3',
    'the request schema says maxLength: 100 instead of 255, so longer strings are answered 422',
    refusesStrings((value) => codePointLength(value) > 100, 'must be at most 100 characters'),
  ),
  variant(
    'rejects-single-characters',
    'B3',
    'the request schema says minLength: 2 ("at least two letters"), so a one-character value (a middle initial, a one-letter street) is answered 422',
    refusesStrings((value) => value.length < 2, 'must be at least 2 characters'),
  ),
  variant(
    'rejects-exactly-255',
    'B3',
    'an off-by-one length check (`value.length >= 255` where `> 255` was meant), so a string of exactly 255 is answered 422',
    refusesStrings((value) => value.length >= 255, 'must be shorter than 255 characters'),
  ),
  variant(
    'rejects-non-ascii-name',
    'B3',
    'name is validated against a printable-ASCII pattern, so accented, CJK or emoji names are answered 400',
    alsoRejects((body) =>
      /^[\x20-\x7E]*$/.test(String(body['name']))
        ? ok
        : { ok: false, status: 400, message: 'name must be ASCII' },
    ),
  ),
  variant(
    'rejects-uppercase-email',
    'B3',
    'email is validated against a lower-case-only pattern, so Ada@Example.com is answered 422',
    alsoRejects((body) =>
      /[A-Z]/.test(String(body['email']))
        ? { ok: false, status: 422, message: 'email is not an address' }
        : ok,
    ),
  ),
  variant(
    'rejects-astral-chars',
    'B3',
    'a guard for a utf8mb3 column answers 422 to any string holding characters outside the BMP (emoji)',
    refusesStrings((value) => ASTRAL.test(value), 'holds unsupported characters'),
  ),
  // B4: out-of-envelope strings
  variant(
    'truncates-over-255',
    'B4',
    'VARCHAR(255) columns in non-strict SQL mode: strings over 255 are answered 200 and silently cut to 255',
    storingStrings('all', (value) => (value.length > 255 ? value.slice(0, 255) : value)),
  ),
  variant(
    'empty-string-stored-as-null',
    'B4',
    'the UPDATE binds `value || null`, so an empty string is answered 200 but stored as null',
    {
      applyUpdate(current, body, ctx) {
        const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
        for (const field of ctx.contract.fields.updatable) if (body[field] === '') next[field] = null;
        return next;
      },
    },
  ),
  variant(
    'strips-nul-chars',
    'B4',
    'Postgres text cannot hold U+0000, so the driver adapter strips it instead of the API rejecting the value',
    storingStrings('all', (value) => value.replaceAll('\u0000', '')),
  ),
  variant(
    'lone-surrogates-become-fffd',
    'B4',
    'values round-trip through a UTF-8 buffer, so a lone surrogate is answered 200 but stored as U+FFFD',
    storingStrings('all', (value) => Buffer.from(value, 'utf8').toString('utf8')),
  ),
];
