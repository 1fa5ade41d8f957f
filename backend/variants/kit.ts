/**
 * Shared building blocks of the broken variants: a variant replaces steps of the reference backend
 * (`withSteps`) or wraps its handler, and these helpers keep each variant file down to the bug itself.
 */
import { CustomerStore } from '../customer-store.ts';
import {
  createReferenceBackend,
  json,
  type ReferenceBackend,
  type ReferenceOptions,
} from '../reference-backend.ts';
import type { ReferenceSteps, StepContext } from '../reference-steps.ts';
import type { Customer, Handler, RawRequest, RawResponse } from '../types.ts';

/** Step replacements; `this` is the backend's merged steps, as when the reference calls them. */
export type StepOverrides = Partial<ReferenceSteps> & ThisType<ReferenceSteps>;

export function withSteps(options: ReferenceOptions, overrides: StepOverrides): ReferenceBackend {
  return createReferenceBackend({ ...options, steps: { ...options.steps, ...overrides } });
}

/** The context the reference backend gives its steps, for wrappers that call a step themselves. */
export function contextOf(options: ReferenceOptions): StepContext {
  return {
    contract: options.contract,
    token: options.token,
    semantics: options.semantics ?? 'merge',
    edgePolicy: options.edgePolicy ?? 'lenient',
  };
}

/** A step replacement that keeps strings of the listed fields (all fields when `fields` is 'all') differently. */
export function storingStrings(
  fields: readonly string[] | 'all',
  transform: (value: string) => string,
): StepOverrides {
  return {
    storeString(value, field) {
      return fields === 'all' || fields.includes(field) ? transform(value) : value;
    },
  };
}

/** The customer id of a request to {prefix}/unified/customer/{id}, whatever the method; undefined otherwise. */
export function customerIdOf(request: RawRequest, options: ReferenceOptions): string | undefined {
  const prefix = options.prefix ?? '/api/v1';
  if (!request.path.startsWith(prefix)) return undefined;
  const match = /^\/unified\/customer\/([^/]+)$/.exec(request.path.slice(prefix.length));
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** The id of a PUT to one customer; undefined for every other request. */
export function putTargetOf(request: RawRequest, options: ReferenceOptions): string | undefined {
  return request.method === 'PUT' ? customerIdOf(request, options) : undefined;
}

/** The same request as a GET of the same path, with the same credentials. */
export function asGet(request: RawRequest): RawRequest {
  return { ...request, method: 'GET', body: '' };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed body text, or undefined when it is not JSON. */
export function parseLoosely(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A 200 whose `data` the wrapper rewrites; other responses pass through unchanged. */
export function mapData(
  response: RawResponse,
  rewrite: (data: Record<string, unknown>) => Record<string, unknown>,
): RawResponse {
  if (response.status !== 200) return response;
  const parsed = parseLoosely(response.body);
  if (!isObject(parsed) || !isObject(parsed['data'])) return response;
  return json(200, { ...parsed, data: rewrite(parsed['data']) });
}

/** What an unhandled exception becomes in a typical framework: a bare 500. */
export function crashesAs500(handler: Handler): Handler {
  return async (request) => {
    try {
      return await handler(request);
    } catch {
      return { status: 500, headers: { 'content-type': 'text/plain' }, body: 'internal server error' };
    }
  };
}

/** Code points, as a database counts characters. */
export function codePointLength(value: string): number {
  return Array.from(value).length;
}

export const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;

/**
 * A store that forwards to another one, with hooks a variant overrides (e.g. an UPDATE that leaves a column
 * out). The caller's store (options.store) stays the one that holds the rows.
 */
export class ForwardingStore extends CustomerStore {
  constructor(protected readonly base: CustomerStore) {
    super();
  }

  override nextId(): string {
    return this.base.nextId();
  }

  override get(id: string): Customer | undefined {
    return this.base.get(id);
  }

  override put(customer: Customer): void {
    this.base.put(customer);
  }

  override delete(id: string): boolean {
    return this.base.delete(id);
  }

  override list(): Customer[] {
    return this.base.list();
  }
}
