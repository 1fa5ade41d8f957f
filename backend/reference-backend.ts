/**
 * The embedded reference backend: a small, faithful implementation of the contract (PUT, GET and POST of the
 * public reference, plus DELETE for cleanup) over an in-memory store. It is the default target of the suite.
 */
import type { Contract } from '../contracts/load.ts';
import { CustomerStore } from './customer-store.ts';
import { referenceSteps, type ReferenceSteps, type StepContext } from './reference-steps.ts';
import type { EdgePolicy, Handler, RawRequest, RawResponse, StoreSemantics } from './types.ts';

export interface ReferenceOptions {
  contract: Contract;
  token: string;
  semantics?: StoreSemantics;
  edgePolicy?: EdgePolicy;
  /** Mount point of the API, as in https://host/api/v1. */
  prefix?: string;
  /** Replacements for single steps: how a broken variant differs from the reference. */
  steps?: Partial<ReferenceSteps>;
  store?: CustomerStore;
}

export interface ReferenceBackend {
  handler: Handler;
  store: CustomerStore;
  steps: ReferenceSteps;
}

export function json(status: number, value: unknown): RawResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
  };
}

// Stryker disable next-line ObjectLiteral: the contract documents no error body; only its status is judged
const error = (status: number, message: string): RawResponse => json(status, { error: message });

export function createReferenceBackend(options: ReferenceOptions): ReferenceBackend {
  const store = options.store ?? new CustomerStore();
  const steps: ReferenceSteps = { ...referenceSteps, ...options.steps };
  const ctx: StepContext = {
    contract: options.contract,
    token: options.token,
    semantics: options.semantics ?? 'merge',
    edgePolicy: options.edgePolicy ?? 'lenient',
  };
  const prefix = options.prefix ?? '/api/v1';

  function readBody(request: RawRequest): { ok: true; body: unknown } | { ok: false; response: RawResponse } {
    if (!steps.acceptsContentType(request.headers['content-type'], ctx)) {
      // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
      return { ok: false, response: error(415, 'content type must be application/json') };
    }
    const parsed = steps.parseJson(request.body);
    // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
    if (!parsed.ok) return { ok: false, response: error(400, 'body is not valid JSON') };
    const validation = steps.validateBody(parsed.value, ctx);
    if (!validation.ok) return { ok: false, response: error(validation.status, validation.message) };
    return { ok: true, body: parsed.value };
  }

  const routes: { method: string; pattern: RegExp; run: (request: RawRequest, id: string) => RawResponse }[] =
    [
      {
        method: 'PUT',
        pattern: /^\/unified\/customer\/([^/]+)$/,
        run(request, id) {
          const current = store.get(id);
          // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
          if (!current) return error(404, 'customer not found');
          const read = readBody(request);
          if (!read.ok) return read.response;
          const next = steps.applyUpdate(current, read.body as Record<string, unknown>, ctx);
          store.put(next);
          return json(200, { data: steps.render(next, ctx) });
        },
      },
      {
        method: 'GET',
        pattern: /^\/unified\/customer\/([^/]+)$/,
        run(_request, id) {
          const current = store.get(id);
          // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
          return current ? json(200, { data: steps.render(current, ctx) }) : error(404, 'customer not found');
        },
      },
      // Stryker disable all: the contract documents no delete route; the suite calls it only when a team sets paths.delete
      {
        method: 'DELETE',
        pattern: /^\/unified\/customer\/([^/]+)$/,
        run(_request, id) {
          return store.delete(id) ? { status: 204, headers: {}, body: '' } : error(404, 'customer not found');
        },
      },
      // Stryker restore all
      {
        method: 'POST',
        pattern: /^\/unified\/customer$/,
        run(request) {
          const read = readBody(request);
          if (!read.ok) return read.response;
          const customer = steps.newCustomer(store.nextId(), read.body as Record<string, unknown>, ctx);
          store.put(customer);
          return json(201, { data: steps.render(customer, ctx) });
        },
      },
      // Stryker disable all: the list route is not part of the contract under test; the suite never calls it
      {
        method: 'GET',
        pattern: /^\/unified\/customers$/,
        run(request) {
          const page = Number(request.query.get('page') ?? '1');
          const limit = Number(request.query.get('limit') ?? '10');
          if (!Number.isInteger(page) || page < 1 || !Number.isInteger(limit) || limit < 1 || limit > 100) {
            return error(400, 'page must be >= 1 and limit 1..100');
          }
          const all = store.list();
          return json(200, {
            data: all.slice((page - 1) * limit, page * limit).map((c) => steps.render(c, ctx)),
            page,
            limit,
            totalPages: Math.ceil(all.length / limit),
            totalResults: all.length,
          });
        },
      },
    ];

  // Stryker restore all
  const handler: Handler = async (request) => {
    // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
    if (!request.path.startsWith(prefix)) return error(404, 'no such route');
    const path = request.path.slice(prefix.length);
    const matching = routes.filter((route) => route.pattern.test(path));
    // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
    if (matching.length === 0) return error(404, 'no such route');
    const route = matching.find((r) => r.method === request.method);
    // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
    if (!route) return error(405, 'method not allowed');
    const auth = steps.authorize(request.headers['authorization'], ctx);
    // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
    if (auth !== 'ok') return error(steps.authStatus(auth, ctx), 'unauthorized');
    let id: string;
    try {
      id = decodeURIComponent(route.pattern.exec(path)?.[1] ?? '');
    } catch {
      // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
      return error(404, 'customer not found'); // broken percent-encoding names no customer
    }
    return route.run(request, id);
  };

  return { handler, store, steps };
}
