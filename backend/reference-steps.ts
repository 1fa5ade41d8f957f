/**
 * The reference backend's behaviour, one replaceable step per concern. The broken variants in variants/
 * each replace one step (or wrap the handler), so every variant differs from the reference by one bug.
 */
import type { Contract } from '../contracts/load.ts';
import type { Customer, EdgePolicy, StoreSemantics } from './types.ts';

export type AuthOutcome = 'ok' | 'missing' | 'wrong';
export type Validation = { ok: true } | { ok: false; status: number; message: string };

export interface StepContext {
  contract: Contract;
  token: string;
  semantics: StoreSemantics;
  edgePolicy: EdgePolicy;
}

export interface ReferenceSteps {
  authorize(header: string | undefined, ctx: StepContext): AuthOutcome;
  /** Status for a failed authorization. */
  authStatus(outcome: Exclude<AuthOutcome, 'ok'>, ctx: StepContext): number;
  acceptsContentType(contentType: string | undefined, ctx: StepContext): boolean;
  parseJson(text: string): { ok: true; value: unknown } | { ok: false };
  validateBody(body: unknown, ctx: StepContext): Validation;
  /** The customer after the update; `body` has passed validateBody. */
  applyUpdate(current: Customer, body: Record<string, unknown>, ctx: StepContext): Customer;
  /** How a string is kept in storage. The reference keeps it exactly. */
  storeString(value: string, field: string): string;
  /** The `data` object of a response. */
  render(customer: Customer, ctx: StepContext): Record<string, unknown>;
  /** The customer a new POST creates. */
  newCustomer(id: string, body: Record<string, unknown>, ctx: StepContext): Customer;
}

const BEARER = /^bearer +(\S+)$/i;

function isEnvelopeString(value: string, ctx: StepContext): boolean {
  const { minLength, maxLength, forbiddenCodePoints } = ctx.contract.tolerances.envelope;
  if (value.length < minLength || value.length > maxLength) return false;
  if (!value.isWellFormed()) return false;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (forbiddenCodePoints.some(([low, high]) => code >= low && code <= high)) return false;
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const referenceSteps: ReferenceSteps = {
  authorize(header, ctx) {
    if (header === undefined || header.trim() === '') return 'missing';
    const match = BEARER.exec(header.trim());
    if (!match) return 'missing';
    return match[1] === ctx.token ? 'ok' : 'wrong';
  },

  authStatus(outcome, ctx) {
    return outcome === 'wrong' && ctx.edgePolicy === 'strict' ? 403 : 401;
  },

  acceptsContentType(contentType, ctx) {
    if (ctx.edgePolicy === 'lenient') return true;
    return /^application\/json\s*(;.*)?$/i.test(contentType ?? '');
  },

  parseJson(text) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false };
    }
  },

  validateBody(body, ctx) {
    // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
    if (!isObject(body)) return { ok: false, status: 400, message: 'body must be a JSON object' };
    const { updatable, required } = ctx.contract.fields;
    for (const field of required) {
      if (typeof body[field] !== 'string') {
        // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
        return { ok: false, status: 400, message: `${field} is required and must be a string` };
      }
    }
    for (const field of updatable) {
      const value = body[field];
      if (value !== undefined && value !== null && typeof value !== 'string') {
        // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
        return { ok: false, status: 400, message: `${field} must be a string or null` };
      }
    }
    if (ctx.edgePolicy === 'strict') {
      for (const name of Object.keys(body)) {
        // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
        if (!updatable.includes(name)) return { ok: false, status: 422, message: `unknown property ${name}` };
      }
      for (const field of updatable) {
        const value = body[field];
        if (typeof value === 'string' && !isEnvelopeString(value, ctx)) {
          // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
          return { ok: false, status: 422, message: `${field} is not an accepted string` };
        }
      }
      const email = body['email'] as string;
      if (!new RegExp(ctx.contract.tolerances.envelope.emailPattern).test(email)) {
        // Stryker disable next-line StringLiteral: error texts are not part of the contract (only statuses are)
        return { ok: false, status: 422, message: 'email is not an address' };
      }
    }
    return { ok: true };
  },

  applyUpdate(current, body, ctx) {
    const next: Customer = { ...current, local_was_updated: true };
    for (const field of ctx.contract.fields.updatable) {
      const value = body[field];
      if (value === undefined) {
        if (ctx.semantics === 'replace') next[field] = null;
      } else {
        next[field] = typeof value === 'string' ? this.storeString(value, field) : null;
      }
    }
    return next;
  },

  storeString(value) {
    return value;
  },

  render(customer, ctx) {
    const data: Record<string, unknown> = {};
    for (const field of ctx.contract.fields.documented) data[field] = customer[field] ?? null;
    return data;
  },

  newCustomer(id, body, ctx) {
    const customer: Customer = {
      id,
      // Stryker disable StringLiteral,ObjectLiteral,BooleanLiteral: read-only metadata a create fills in is the backend's to choose (R1: any value of its type)
      source_system: 'unified',
      source_system_img_url: 'https://cdn.example.com/unified.png',
      source_id: `src_${id}`,
      external_system_provider_id: 'provider_reference',
      external_system_config_id: 'config_reference',
      external_system_data: { origin: 'reference-backend' },
      supporting_data_definition_id: 'support_reference',
      is_primary: false,
      local_was_deleted: false,
      local_was_updated: false,
      // Stryker restore StringLiteral,ObjectLiteral,BooleanLiteral
      source_data_created_at: '2024-01-01T12:00:00Z',
      // Stryker disable next-line BooleanLiteral: as above, the backend's to choose
      is_active: true,
    };
    for (const field of ctx.contract.fields.updatable) {
      const value = body[field];
      customer[field] = typeof value === 'string' ? this.storeString(value, field) : null;
    }
    return customer;
  },
};
