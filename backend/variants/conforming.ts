/**
 * Backends that differ from the reference but follow the rules: the suite must pass each of them. They hold the
 * suite to "never crying wolf" on what the contract leaves open (formats, extra properties, which clean 4xx).
 */
import { createReferenceBackend, json, type ReferenceOptions } from '../reference-backend.ts';
import { referenceSteps } from '../reference-steps.ts';
import type { Handler } from '../types.ts';
import { isObject, mapData, withSteps } from './kit.ts';

export interface ConformingVariant {
  id: string;
  /** What it does differently, and why that is allowed. */
  description: string;
  build(options: ReferenceOptions): Handler;
}

/** The read-only metadata of the external system a customer was synced from (rule R1). */
const SOURCE_METADATA = [
  'source_system',
  'source_system_img_url',
  'source_id',
  'external_system_provider_id',
  'external_system_config_id',
  'external_system_data',
  'supporting_data_definition_id',
  'source_data_created_at',
];

export const CONFORMING_VARIANTS: readonly ConformingVariant[] = [
  {
    id: 'no-source-metadata-when-created-through-the-api',
    description:
      'customers created through POST were synced from no external system: their eight source metadata fields are null',
    build: (options) =>
      withSteps(options, {
        newCustomer(id, body, ctx) {
          const customer = referenceSteps.newCustomer.call(this, id, body, ctx);
          for (const field of SOURCE_METADATA) customer[field] = null;
          return customer;
        },
      }).handler,
  },
  {
    id: 'dates-with-milliseconds-in-put-answers',
    description:
      'PUT answers write source_data_created_at with milliseconds (…00.000Z), GET without: one instant',
    build(options) {
      const { handler } = createReferenceBackend(options);
      return async (request) => {
        const response = await handler(request);
        if (request.method !== 'PUT') return response;
        return mapData(response, (data) => ({
          ...data,
          source_data_created_at: new Date(String(data['source_data_created_at'])).toISOString(),
        }));
      };
    },
  },
  {
    id: 'unique-email-on-create',
    description:
      'a unique index on email: creating a second customer with an email already taken answers 409 (a re-run of a seed, a replay)',
    build(options) {
      const { handler } = createReferenceBackend(options);
      const taken = new Set<string>();
      const prefix = options.prefix ?? '/api/v1';
      return async (request) => {
        const creating = request.method === 'POST' && request.path === `${prefix}/unified/customer`;
        const body = creating ? (JSON.parse(request.body || 'null') as unknown) : undefined;
        const email = isObject(body) && typeof body['email'] === 'string' ? body['email'] : undefined;
        if (email !== undefined && taken.has(email)) return json(409, { error: 'email already taken' });
        const response = await handler(request);
        if (email !== undefined && response.status === 201) taken.add(email);
        return response;
      };
    },
  },
  {
    id: 'extra-response-properties',
    description:
      'answers carry undocumented properties (updated_at that changes on every write, links, meta)',
    build(options) {
      const { handler } = createReferenceBackend(options);
      let writes = 0;
      return async (request) => {
        const response = await handler(request);
        if (request.method === 'PUT' && response.status === 200) writes++;
        const parsed = response.status === 200 ? (JSON.parse(response.body) as unknown) : undefined;
        if (!isObject(parsed) || !isObject(parsed['data'])) return response;
        const data = parsed['data'];
        return json(200, {
          ...parsed,
          data: {
            ...data,
            updated_at: new Date(Date.UTC(2025, 0, 1, 0, 0, writes)).toISOString(),
            _links: { self: `/customers/${String(data['id'])}` },
          },
          meta: { requestId: `req-${writes}` },
        });
      };
    },
  },
  {
    id: 'case-sensitive-bearer-scheme',
    description: 'refuses "bearer" in lower case with 401 (the rules let a backend accept or refuse it)',
    build: (options) =>
      withSteps(options, {
        authorize(header, ctx) {
          if (header !== undefined && /^bearer /.test(header.trim())) return 'missing';
          return referenceSteps.authorize.call(this, header, ctx);
        },
      }).handler,
  },
  {
    id: 'other-clean-4xx-for-edge-cases',
    description:
      'refuses strings over 255 with 413, unknown properties with 400, other content types with 415',
    build: (options) =>
      withSteps(options, {
        acceptsContentType: (contentType) => /^application\/json\s*(;.*)?$/i.test(contentType ?? ''),
        validateBody(body, ctx) {
          const verdict = referenceSteps.validateBody.call(this, body, ctx);
          if (!verdict.ok || !isObject(body)) return verdict;
          const { updatable } = ctx.contract.fields;
          if (Object.keys(body).some((name) => !updatable.includes(name))) {
            return { ok: false, status: 400, message: 'unknown property' };
          }
          if (updatable.some((f) => typeof body[f] === 'string' && (body[f] as string).length > 255)) {
            return { ok: false, status: 413, message: 'value too large' };
          }
          return verdict;
        },
      }).handler,
  },
  {
    id: 'json-charset-upper-case',
    description: 'answers with content type "application/json;charset=UTF-8"',
    build(options) {
      const { handler } = createReferenceBackend(options);
      return async (request) => {
        const response = await handler(request);
        return response.headers['content-type']
          ? {
              ...response,
              headers: { ...response.headers, 'content-type': 'application/json;charset=UTF-8' },
            }
          : response;
      };
    },
  },
  {
    id: 'create-answers-200',
    description:
      'POST create answers 200 with the created customer instead of 201: any 2xx with { data } is a create accepted',
    build(options) {
      const { handler } = createReferenceBackend(options);
      return async (request) => {
        const response = await handler(request);
        return request.method === 'POST' && response.status === 201 ? { ...response, status: 200 } : response;
      };
    },
  },
];
