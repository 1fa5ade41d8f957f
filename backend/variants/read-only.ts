/**
 * Rule S3: read-only fields that a PUT changes. Three are mass-assigned from the body (the DTO lists them, so
 * the validator lets them through even in strict mode); four are changed by the update itself.
 */
import { referenceSteps } from '../reference-steps.ts';
import type { Variant } from './catalogue.ts';
import { isObject, withSteps, type StepOverrides } from './kit.ts';

/** The update DTO also lists `field`, of the given JSON type: it is validated as such and then saved. */
function writableFromBody(field: string, type: 'string' | 'boolean'): StepOverrides {
  return {
    validateBody(body, ctx) {
      if (isObject(body) && typeof body[field] === type) {
        const rest = { ...body };
        delete rest[field];
        return referenceSteps.validateBody.call(this, rest, ctx);
      }
      return referenceSteps.validateBody.call(this, body, ctx);
    },
    applyUpdate(current, body, ctx) {
      const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
      if (typeof body[field] === type) next[field] = body[field];
      return next;
    },
  };
}

/** A simulated clock, so that runs are repeatable: one second per update from 2025-01-01T00:00:00Z. */
function simulatedClock(): () => string {
  let ticks = 0;
  return () => {
    ticks += 1;
    return new Date(Date.UTC(2025, 0, 1) + ticks * 1000).toISOString();
  };
}

export const READ_ONLY_VARIANTS: readonly Variant[] = [
  {
    id: 'is-primary-from-body',
    rule: 'S3',
    description: 'is_primary was left in the update DTO, so a boolean is_primary in the body is saved',
    build: (options) => withSteps(options, writableFromBody('is_primary', 'boolean')).handler,
  },
  {
    id: 'source-system-from-body',
    rule: 'S3',
    description: 'source_system is mass-assigned from the body when it holds a string',
    build: (options) => withSteps(options, writableFromBody('source_system', 'string')).handler,
  },
  {
    id: 'id-from-body',
    // The stored customer keeps its id; what a client sees is a PUT answering for another id.
    rule: 'I2',
    description:
      "the entity's id is mass-assigned from the body, so save() writes a copy under the body's id and answers with it",
    build: (options) => withSteps(options, writableFromBody('id', 'string')).handler,
  },
  {
    id: 'is-active-flips',
    rule: 'S3',
    description: 'an update hook copied from the archive endpoint toggles is_active on every update',
    build: (options) =>
      withSteps(options, {
        applyUpdate(current, body, ctx) {
          const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
          next['is_active'] = current['is_active'] !== true;
          return next;
        },
      }).handler,
  },
  {
    id: 'created-at-rewritten',
    rule: 'S3',
    description:
      'an @UpdateTimestamp annotation sits on source_data_created_at, so every update rewrites it to now (simulated clock)',
    build: (options) => {
      const now = simulatedClock();
      return withSteps(options, {
        applyUpdate(current, body, ctx) {
          const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
          next['source_data_created_at'] = now();
          return next;
        },
      }).handler;
    },
  },
  {
    id: 'source-system-stamped-on-update',
    rule: 'S3',
    description:
      'customers created through POST have no source system (null), and the first update stamps source_system "api" on them',
    build: (options) =>
      withSteps(options, {
        newCustomer(id, body, ctx) {
          return { ...referenceSteps.newCustomer.call(this, id, body, ctx), source_system: null };
        },
        applyUpdate(current, body, ctx) {
          const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
          next['source_system'] ??= 'api';
          return next;
        },
      }).handler,
  },
  {
    id: 'external-data-reset',
    rule: 'S3',
    description:
      'the update rebuilds the entity from the DTO, so the JSON column external_system_data falls back to {}',
    build: (options) =>
      withSteps(options, {
        applyUpdate(current, body, ctx) {
          const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
          next['external_system_data'] = {};
          return next;
        },
      }).handler,
  },
];
