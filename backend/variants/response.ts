/** Rule R1: a 200 that is not JSON, or whose body does not match the response schema. */
import { createReferenceBackend, type ReferenceOptions } from '../reference-backend.ts';
import { referenceSteps } from '../reference-steps.ts';
import type { Handler, RawResponse } from '../types.ts';
import type { Variant } from './catalogue.ts';
import { isObject, parseLoosely, putTargetOf, withSteps, type StepOverrides } from './kit.ts';

/** The PUT's 200 answers rewritten by the controller; other requests are the reference's. */
function putAnswers(options: ReferenceOptions, rewrite: (response: RawResponse) => RawResponse): Handler {
  const { handler } = createReferenceBackend(options);
  return async (request) => {
    const response = await handler(request);
    return putTargetOf(request, options) !== undefined && response.status === 200
      ? rewrite(response)
      : response;
  };
}

/** The serializer of every response changed for one property. */
function rendering(change: (data: Record<string, unknown>) => void): StepOverrides {
  return {
    render(customer, ctx) {
      const data = referenceSteps.render.call(this, customer, ctx);
      change(data);
      return data;
    },
  };
}

export const RESPONSE_VARIANTS: readonly Variant[] = [
  {
    id: 'no-data-envelope',
    rule: 'R1',
    description:
      'the PUT controller returns the customer itself, without the { data } envelope the other routes use',
    build: (options) =>
      putAnswers(options, (response) => {
        const parsed = parseLoosely(response.body);
        return isObject(parsed) ? { ...response, body: JSON.stringify(parsed['data']) } : response;
      }),
  },
  {
    id: 'text-plain-content-type',
    rule: 'R1',
    description:
      'the PUT controller sends JSON.stringify(...) as a string, which the framework labels text/plain',
    build: (options) =>
      putAnswers(options, (response) => ({
        ...response,
        headers: { ...response.headers, 'content-type': 'text/plain; charset=utf-8' },
      })),
  },
  {
    id: 'created-at-sql-format',
    rule: 'R1',
    description:
      'source_data_created_at is serialized in SQL DATETIME format (2024-01-01 12:00:00), not RFC 3339',
    build: (options) =>
      withSteps(
        options,
        rendering((data) => {
          const value = data['source_data_created_at'];
          if (typeof value === 'string') {
            data['source_data_created_at'] = value
              .replace('T', ' ')
              .replace(/(\.\d+)?(Z|[+-]\d\d:\d\d)$/, '');
          }
        }),
      ).handler,
  },
  {
    id: 'is-primary-as-string',
    rule: 'R1',
    description: 'is_primary comes from a TINYINT(1) column and is serialized as the string "true"/"false"',
    build: (options) =>
      withSteps(
        options,
        rendering((data) => {
          data['is_primary'] = String(data['is_primary']);
        }),
      ).handler,
  },
  {
    id: 'no-source-system-though-pinned',
    rule: 'R1',
    description:
      'customers created through POST are saved with source_system null, though its team pins source_system non-null',
    pinnedNonNull: ['source_system'],
    build: (options) =>
      withSteps(options, {
        newCustomer(id, body, ctx) {
          return { ...referenceSteps.newCustomer.call(this, id, body, ctx), source_system: null };
        },
      }).handler,
  },
  {
    id: 'omits-null-phone',
    rule: 'R1',
    description: 'the serializer skips phone when it is null (a NON_NULL annotation on that one property)',
    build: (options) =>
      withSteps(
        options,
        rendering((data) => {
          if (data['phone'] === null) delete data['phone'];
        }),
      ).handler,
  },
];
