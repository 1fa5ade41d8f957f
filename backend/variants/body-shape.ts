/**
 * Rules B5..B7, the body as a whole: bodies that are not a JSON object accepted (B5), properties the contract
 * does not list that change something (B6), and another content type answered 200 without an echo (B7).
 */
import { createReferenceBackend } from '../reference-backend.ts';
import { referenceSteps } from '../reference-steps.ts';
import type { Customer } from '../types.ts';
import type { Variant } from './catalogue.ts';
import { asGet, putTargetOf, withSteps, type StepOverrides } from './kit.ts';

const asItems = (body: unknown): unknown[] => (Array.isArray(body) ? (body as unknown[]) : [body]);

export const BODY_SHAPE_VARIANTS: readonly Variant[] = [
  {
    id: 'array-body-as-batch',
    rule: 'B5',
    description:
      'PUT shares its body handling with the bulk endpoint: a JSON array is applied item by item, so [] is answered 200',
    build: (options) =>
      withSteps(options, {
        validateBody(body, ctx) {
          if (!Array.isArray(body)) return referenceSteps.validateBody.call(this, body, ctx);
          for (const item of body as unknown[]) {
            const validation = referenceSteps.validateBody.call(this, item, ctx);
            if (!validation.ok) return validation;
          }
          return { ok: true };
        },
        applyUpdate(current, body, ctx) {
          let next: Customer = { ...current, local_was_updated: true };
          for (const item of asItems(body)) {
            next = referenceSteps.applyUpdate.call(this, next, item as Record<string, unknown>, ctx);
          }
          return next;
        },
      }).handler,
  },
  {
    id: 'empty-body-is-noop',
    rule: 'B5',
    description:
      "an empty PUT body is taken as 'nothing to update' and answered 200 with the customer unchanged",
    build(options) {
      const { handler } = createReferenceBackend(options);
      return (request) =>
        putTargetOf(request, options) !== undefined && request.body.trim() === ''
          ? handler(asGet(request))
          : handler(request);
    },
  },
  {
    id: 'echoes-unknown-properties',
    rule: 'B6',
    description:
      'properties the contract does not list are kept in a schemaless extra column and flattened into every response',
    build(options) {
      const documented = new Set(options.contract.fields.documented);
      const steps: StepOverrides = {
        applyUpdate(current, body, ctx) {
          const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
          for (const [name, value] of Object.entries(body)) if (!documented.has(name)) next[name] = value;
          return next;
        },
        render(customer, ctx) {
          const data = referenceSteps.render.call(this, customer, ctx);
          for (const [name, value] of Object.entries(customer)) if (!documented.has(name)) data[name] = value;
          return data;
        },
      };
      return withSteps(options, steps).handler;
    },
  },
  {
    id: 'legacy-alias-overrides-name',
    rule: 'B6',
    description: 'a deprecated alias full_name from API v0 is still honoured and overrides name when sent',
    build: (options) =>
      withSteps(options, {
        applyUpdate(current, body, ctx) {
          const next = referenceSteps.applyUpdate.call(this, current, body, ctx);
          if (typeof body['full_name'] === 'string')
            next['name'] = this.storeString(body['full_name'], 'name');
          return next;
        },
      }).handler,
  },
  {
    id: 'non-json-body-ignored',
    rule: 'B7',
    description:
      'the body parser only runs for application/json; with another content type the body stays empty and PUT answers 200 with the customer unchanged',
    build(options) {
      const { handler } = createReferenceBackend(options);
      return (request) =>
        putTargetOf(request, options) !== undefined &&
        !/^application\/json\s*(;.*)?$/i.test(request.headers['content-type'] ?? '')
          ? handler(asGet(request))
          : handler(request);
    },
  },
  {
    id: 'refuses-json-with-parameters',
    rule: 'B7',
    description:
      "the content-type check compares the header with 'application/json' exactly, so application/json; charset=utf-8 gets 415",
    build: (options) =>
      withSteps(options, {
        acceptsContentType: (contentType) => (contentType ?? '').trim().toLowerCase() === 'application/json',
      }).handler,
  },
];
