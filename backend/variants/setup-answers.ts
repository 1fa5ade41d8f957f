/**
 * The companion operations broken (rules R1, I2, B3 on POST create and GET): the suite must judge its own
 * set-up answers as a verdict, not take them for a misconfigured run.
 */
import { createReferenceBackend, json, type ReferenceOptions } from '../reference-backend.ts';
import type { Handler } from '../types.ts';
import type { Variant } from './catalogue.ts';
import { codePointLength, isObject, parseLoosely } from './kit.ts';

const isCreate = (method: string, path: string, options: ReferenceOptions) =>
  method === 'POST' && path === `${options.prefix ?? '/api/v1'}/unified/customer`;

/** The reference, with the create answer's `data.id` replaced by `idOf(n)` for the n-th create (from 1). */
function createAnswersId(options: ReferenceOptions, idOf: (created: number) => string): Handler {
  const { handler } = createReferenceBackend(options);
  let created = 0;
  return async (request) => {
    const response = await handler(request);
    const parsed = parseLoosely(response.body);
    if (!isCreate(request.method, request.path, options) || !isObject(parsed) || !isObject(parsed['data']))
      return response;
    created++;
    return json(response.status, { ...parsed, data: { ...parsed['data'], id: idOf(created) } });
  };
}

export const SETUP_ANSWER_VARIANTS: readonly Variant[] = [
  {
    id: 'no-envelope-anywhere',
    rule: 'R1',
    description:
      'a release switched every controller to return the customer itself: no { data } envelope on create, read or update',
    build(options) {
      const { handler } = createReferenceBackend(options);
      return async (request) => {
        const response = await handler(request);
        const parsed = parseLoosely(response.body);
        if (response.status >= 300 || !isObject(parsed) || !isObject(parsed['data'])) return response;
        return json(response.status, parsed['data']);
      };
    },
  },
  {
    id: 'create-answers-wrong-id',
    rule: 'I2',
    description:
      "the create controller answers with the DTO's id (the source system's src_... id), not the id it stored",
    build: (options) => createAnswersId(options, (created) => `src_${created}`),
  },
  {
    id: 'create-answers-empty-id',
    rule: 'I2',
    description:
      'the create controller answers before the database has assigned the id, so data.id is the empty string of the new entity',
    build: (options) => createAnswersId(options, () => ''),
  },
  {
    id: 'create-refuses-over-40',
    rule: 'B3',
    description:
      'the create path validates with an older DTO whose strings are @MaxLength(40): a longer valid value is refused with 400',
    build(options): Handler {
      const { handler } = createReferenceBackend(options);
      return async (request) => {
        if (isCreate(request.method, request.path, options)) {
          const body = parseLoosely(request.body);
          const long = isObject(body)
            ? Object.entries(body).find(([, v]) => typeof v === 'string' && codePointLength(v) > 40)
            : undefined;
          if (long) return json(400, { error: `${long[0]} must be shorter than or equal to 40 characters` });
        }
        return handler(request);
      };
    },
  },
];
