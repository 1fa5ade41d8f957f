/**
 * Must-accept strings for one field (rule B3), driven by contract.tolerances.envelope: realistic values mixed
 * with every adversarial class the rule lists; for an email field, realistic addresses only.
 */
import type fc from 'fast-check';
import type { Contract } from '../contracts/load.ts';
import type { UpdateBody } from './body-case.ts';
import { emailString } from './_internals/email-string.ts';
import { fieldKind } from './_internals/field-kind.ts';
import { checkContract, checkField } from './_internals/options.ts';
import { textString } from './_internals/text-string.ts';

export function envelopeString(contract: Contract, field: string): fc.Arbitrary<string> {
  checkContract('envelopeString', contract);
  checkField('envelopeString', contract, field);
  const { envelope } = contract.tolerances;
  const kind = fieldKind(field);
  return kind === 'email' ? emailString(envelope) : textString(envelope, kind);
}

/** The rule a valid body exercises: B2 when it sends a null, B3 when every value is an envelope string. */
export function ruleForValid(body: UpdateBody): 'B2' | 'B3' {
  return Object.values(body).some((value) => value === null) ? 'B2' : 'B3';
}
