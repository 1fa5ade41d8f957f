/**
 * A valid body sent as application/json with parameters (rule B7): `application/json; charset=utf-8` is
 * application/json, so the body is MUST-ACCEPT exactly as without the parameter. Clients send it all the time.
 */
import fc from 'fast-check';
import type { Contract } from '../contracts/load.ts';
import type { BodyCase } from './body-case.ts';
import { validBody } from './valid-body.ts';
import { jsonCase } from './_internals/cases.ts';
import { checkContract } from './_internals/options.ts';

/** The spellings clients send: a space or none after the semicolon, the charset in either case. */
export const JSON_WITH_PARAMETERS = [
  'application/json; charset=utf-8',
  'application/json;charset=UTF-8',
] as const;

export function jsonWithParametersBody(contract: Contract): fc.Arbitrary<BodyCase> {
  checkContract('jsonWithParametersBody', contract);
  return fc
    .tuple(validBody(contract), fc.constantFrom(...JSON_WITH_PARAMETERS))
    .map(([body, contentType]) =>
      jsonCase(
        { outcome: 'MUST-ACCEPT', rule: 'B7', pointer: '', label: `valid body sent as ${contentType}` },
        body,
        contentType,
      ),
    );
}
