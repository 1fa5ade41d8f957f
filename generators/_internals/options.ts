/**
 * Build-time checks: a generator refuses a contract it cannot serve, with an error that starts with the public
 * builder's name, instead of looping in a filter or yielding bodies the contract does not allow.
 */
import type { Contract } from '../../contracts/load.ts';
import { isEnvelopeEmail } from './envelope.ts';
import { fieldKind } from './field-kind.ts';

/** The simplest address the email generator shrinks to; the contract's pattern must accept it. */
export const SIMPLEST_EMAIL = 'a@a.co';

export function checkContract(api: string, contract: Contract): void {
  const { envelope } = contract.tolerances;
  const { updatable, required } = contract.fields;
  if (!Number.isInteger(envelope.minLength) || envelope.minLength < 0) {
    throw new Error(`${api}: envelope.minLength must be an integer >= 0, got ${envelope.minLength}`);
  }
  if (!Number.isInteger(envelope.maxLength) || envelope.maxLength < Math.max(1, envelope.minLength)) {
    throw new Error(
      `${api}: envelope.maxLength must be an integer >= max(1, minLength), got ${envelope.maxLength}`,
    );
  }
  if (updatable.length === 0) throw new Error(`${api}: the contract lists no updatable field`);
  const stray = required.find((field) => !updatable.includes(field));
  if (stray !== undefined) throw new Error(`${api}: required field "${stray}" is not an updatable field`);
  const email = updatable.find((field) => fieldKind(field) === 'email');
  if (email !== undefined && !isEnvelopeEmail(envelope, SIMPLEST_EMAIL)) {
    throw new Error(
      `${api}: the envelope rejects the simplest address ${SIMPLEST_EMAIL}, so no address can be generated for "${email}"`,
    );
  }
}

export function checkField(api: string, contract: Contract, field: string): void {
  if (!contract.fields.updatable.includes(field)) {
    throw new Error(
      `${api}: "${field}" is not an updatable field of the contract (updatable: ${contract.fields.updatable.join(', ')})`,
    );
  }
}
