/**
 * MAY-EITHER bodies: a valid body with one field just outside its envelope (B4), with one extra unknown or
 * response-only property (B6), or sent with a content type other than application/json (B7). The rest of each
 * body is a valid body, so a backend's answer speaks to that one thing.
 */
import fc from 'fast-check';
import type { Contract } from '../contracts/load.ts';
import type { BodyCase } from './body-case.ts';
import { envelopeString } from './envelope-string.ts';
import { validBody } from './valid-body.ts';
import { jsonCase, pointerTo, withProperty } from './_internals/cases.ts';
import {
  lookalikeProperty,
  responseOnlyProperties,
  responseOnlyProperty,
  unknownProperty,
  type Extra,
} from './_internals/extra-properties.ts';
import { fieldKind } from './_internals/field-kind.ts';
import { checkContract } from './_internals/options.ts';
import { outsideEnvelope } from './_internals/outside-envelope.ts';

export const OTHER_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'text/json',
] as const;

const EITHER = 'MAY-EITHER' as const;

export function edgeBody(contract: Contract): fc.Arbitrary<BodyCase> {
  checkContract('edgeBody', contract);
  const { envelope } = contract.tolerances;
  const valid = validBody(contract);

  // An email field weighs more: it has one more kind of edge (non-addresses) and is the likeliest to be checked.
  const b4 = contract.fields.updatable.map((field) => {
    const isEmail = fieldKind(field) === 'email';
    const arbitrary = fc
      .tuple(valid, outsideEnvelope(envelope, envelopeString(contract, field), isEmail))
      .map(([body, { what, value }]) =>
        jsonCase(
          { outcome: EITHER, rule: 'B4', pointer: pointerTo(field), label: `${field} ${what}` },
          withProperty(body, field, value),
        ),
      );
    return { arbitrary, weight: isEmail ? 3 : 1 };
  });
  const extra = (kind: string, property: fc.Arbitrary<Extra>) =>
    fc.tuple(valid, property).map(([body, { name, value }]) =>
      jsonCase(
        {
          outcome: EITHER,
          rule: 'B6',
          pointer: pointerTo(name),
          label: `body has ${kind} property ${name}`,
        },
        withProperty(body, name, value),
      ),
    );
  const responseOnly = responseOnlyProperty(contract);
  const manyResponseOnly = responseOnlyProperties(contract);
  const many = (extras: fc.Arbitrary<Record<string, unknown>>) =>
    fc.tuple(valid, extras).map(([body, added]) =>
      jsonCase(
        {
          outcome: EITHER,
          rule: 'B6',
          pointer: '',
          label: `body has response-only properties ${Object.keys(added).join(', ')}`,
        },
        { ...body, ...added },
      ),
    );
  const lookalike = lookalikeProperty(contract);
  const b6 = [
    extra('unknown', unknownProperty(contract)),
    ...(lookalike ? [extra('look-alike', lookalike)] : []),
    ...(responseOnly ? [extra('response-only', responseOnly)] : []),
    ...(manyResponseOnly ? [many(manyResponseOnly)] : []),
  ];
  const b7 = fc
    .tuple(valid, fc.constantFrom(...OTHER_CONTENT_TYPES))
    .map(([body, contentType]) =>
      jsonCase(
        { outcome: EITHER, rule: 'B7', pointer: '', label: `body sent as ${contentType}` },
        body,
        contentType,
      ),
    );

  return fc.oneof(
    { arbitrary: fc.oneof(...b4), weight: 6 },
    { arbitrary: fc.oneof(...b6), weight: 3 },
    { arbitrary: b7, weight: 2 },
  );
}
