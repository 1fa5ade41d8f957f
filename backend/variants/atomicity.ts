/** Rule A1: a request answered 4xx leaves something changed. */
import { createReferenceBackend } from '../reference-backend.ts';
import type { Variant } from './catalogue.ts';
import { isObject, parseLoosely, putTargetOf } from './kit.ts';

export const ATOMICITY_VARIANTS: readonly Variant[] = [
  {
    id: 'saves-name-before-validation',
    rule: 'A1',
    description:
      'the name is saved by its own call (profile service) before the rest of the body is validated, so a 400/422 leaves the new name stored',
    build(options) {
      const { handler, store, steps } = createReferenceBackend(options);
      return async (request) => {
        const id = putTargetOf(request, options);
        const response = await handler(request);
        // 400/422 come after authentication and the 404 check, from the body: the name went out before them.
        if (id === undefined || (response.status !== 400 && response.status !== 422)) return response;
        const body = parseLoosely(request.body);
        const current = store.get(id);
        if (current && isObject(body) && typeof body['name'] === 'string') {
          store.put({ ...current, name: steps.storeString(body['name'], 'name') });
        }
        return response;
      };
    },
  },
  {
    id: 'writes-despite-401',
    rule: 'A1',
    description:
      'the token check runs in an after-handler hook: a wrong Bearer token gets 401, but the update is already committed',
    build(options) {
      const { handler } = createReferenceBackend(options);
      return async (request) => {
        const header = request.headers['authorization'];
        const token = /^bearer +(\S+)$/i.exec(header?.trim() ?? '')?.[1];
        if (putTargetOf(request, options) === undefined || token === undefined || token === options.token) {
          return handler(request);
        }
        const refused = await handler(request);
        await handler({
          ...request,
          headers: { ...request.headers, authorization: `Bearer ${options.token}` },
        });
        return refused;
      };
    },
  },
];
