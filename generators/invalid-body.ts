/**
 * MUST-REJECT bodies, each breaking exactly one rule at one pointer while the rest is a valid body: B1 (a
 * required field missing, null or of a wrong JSON type), B2 (an optional field of a wrong non-null type), B5
 * (not an object, not parseable, empty). invalidBody draws them; invalidBodyCatalogue lists every kind once.
 */
import fc from 'fast-check';
import type { Contract } from '../contracts/load.ts';
import type { BodyCase } from './body-case.ts';
import { validBody } from './valid-body.ts';
import { jsonCase, pointerTo, textCase, withProperty, withoutProperty } from './_internals/cases.ts';
import { fakerPick } from './_internals/faker-values.ts';
import { fieldKind } from './_internals/field-kind.ts';
import { ARTICLE, WRONG_KINDS, type WrongKind, wrongExample, wrongValue } from './_internals/json-kinds.ts';
import { MALFORMATIONS, malformed, malformedBody } from './_internals/malformed-json.ts';
import { checkContract } from './_internals/options.ts';
import { realisticValue } from './_internals/realistic.ts';

const REJECT = 'MUST-REJECT' as const;
type NonObject = 'array' | 'string' | 'number' | 'boolean' | 'null';

const missing = (field: string, body: object) =>
  jsonCase(
    { outcome: REJECT, rule: 'B1', pointer: pointerTo(field), label: `${field} is missing` },
    withoutProperty(body, field),
  );

/** A field set to a wrong value: B1 for a required field, B2 for an optional one. */
const mistyped = (
  contract: Contract,
  field: string,
  what: WrongKind | 'null',
  body: object,
  value: unknown,
) =>
  jsonCase(
    {
      outcome: REJECT,
      rule: contract.fields.required.includes(field) ? 'B1' : 'B2',
      pointer: pointerTo(field),
      label: `${field} is ${what === 'null' ? 'null' : ARTICLE[what]}`,
    },
    withProperty(body, field, value),
  );

const nonObject = (kind: NonObject, value: unknown) =>
  jsonCase(
    {
      outcome: REJECT,
      rule: 'B5',
      pointer: '',
      label: `body is ${kind === 'null' ? 'null' : ARTICLE[kind]}`,
    },
    value,
  );

const unparseable = (what: string, text: string) =>
  textCase({ outcome: REJECT, rule: 'B5', pointer: '', label: `body ${what}` }, text);

const EMPTY = textCase({ outcome: REJECT, rule: 'B5', pointer: '', label: 'body is empty' }, '');

export function invalidBody(contract: Contract): fc.Arbitrary<BodyCase> {
  checkContract('invalidBody', contract);
  const valid = validBody(contract);
  const { required, optional } = contract.fields;
  const wrong = (field: string, what: WrongKind | 'null') =>
    fc
      .tuple(valid, what === 'null' ? fc.constant(null) : wrongValue(what))
      .map(([body, value]) => mistyped(contract, field, what, body, value));

  const b1 = required.flatMap((field) => [
    valid.map((body) => missing(field, body)),
    wrong(field, 'null'),
    ...WRONG_KINDS.map((kind) => wrong(field, kind)),
  ]);
  const b2 = optional.flatMap((field) => WRONG_KINDS.map((kind) => wrong(field, kind)));
  const string = fc.oneof(
    valid.map((body) => JSON.stringify(body)), // the classic double encoding
    fc.string(),
  );
  const b5NonObject = fc.oneof(
    fc
      .oneof(
        valid.map((body) => [body]),
        wrongValue('array'),
      )
      .map((v) => nonObject('array', v)),
    string.map((v) => nonObject('string', v)),
    wrongValue('number').map((v) => nonObject('number', v)),
    fc.boolean().map((v) => nonObject('boolean', v)),
    fc.constant(nonObject('null', null)),
  );
  const b5Unparseable = malformedBody(valid).map(({ kind, text }) => unparseable(kind, text));

  return fc.oneof(
    ...(b1.length > 0 ? [{ arbitrary: fc.oneof(...b1), weight: 3 }] : []),
    ...(b2.length > 0 ? [{ arbitrary: fc.oneof(...b2), weight: 3 }] : []),
    { arbitrary: b5NonObject, weight: 2 },
    { arbitrary: b5Unparseable, weight: 2 },
    { arbitrary: fc.constant(EMPTY), weight: 1 },
  );
}

export function invalidBodyCatalogue(contract: Contract): BodyCase[] {
  checkContract('invalidBodyCatalogue', contract);
  const { envelope } = contract.tolerances;
  const { required, optional } = contract.fields;
  // The baseline: the required fields with fixed realistic values (faker seed 1), nothing else.
  const stringFor = (field: string) =>
    realisticValue(envelope, fieldKind(field), fakerPick(fieldKind(field), 1));
  const base = Object.fromEntries(required.map((field) => [field, stringFor(field)]));
  const wrongCases = (field: string) =>
    WRONG_KINDS.map((kind) => mistyped(contract, field, kind, base, wrongExample(kind, stringFor(field))));
  return [
    ...required.flatMap((field) => [
      missing(field, base),
      mistyped(contract, field, 'null', base, null),
      ...wrongCases(field),
    ]),
    ...optional.flatMap(wrongCases),
    nonObject('array', [base]),
    nonObject('string', JSON.stringify(base)),
    nonObject('number', 1),
    nonObject('boolean', true),
    nonObject('null', null),
    ...MALFORMATIONS.map((kind) =>
      unparseable(kind, malformed(base, kind, Math.floor(JSON.stringify(base).length / 2))),
    ),
    EMPTY,
  ];
}
