import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidBody, invalidBodyCatalogue, validBody, type BodyCase } from '../../generators/index.ts';
import { isEnvelopeEmail, isInEnvelope } from '../../generators/_internals/envelope.ts';
import { fieldKind } from '../../generators/_internals/field-kind.ts';
import { MALFORMATIONS } from '../../generators/_internals/malformed-json.ts';
import {
  contract,
  countClasses,
  envelope,
  expectEachClass,
  expectSameForSeed,
  schemaErrors,
} from './helpers.ts';

const { required, optional, updatable } = contract.fields;
const WRONG = ['number', 'boolean', 'object', 'array'] as const;
const article = (kind: string) =>
  kind === 'null' ? 'null' : /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The properties of `value` other than `field` are a valid body's. */
function expectValidRest(value: Record<string, unknown>, field: string): void {
  for (const [key, v] of Object.entries(value)) {
    if (key === field) continue;
    expect(updatable).toContain(key);
    if (v === null) expect(optional).toContain(key);
    else if (typeof v !== 'string') throw new Error(`${key} is not a string`);
    else
      expect(fieldKind(key) === 'email' ? isEnvelopeEmail(envelope, v) : isInEnvelope(envelope, v)).toBe(
        true,
      );
  }
}

/** The case is rejected by the schema for exactly its labelled reason at its labelled pointer. */
function expectRejectedAsLabelled(c: BodyCase): void {
  expect(c.outcome).toBe('MUST-REJECT');
  expect(c.contentType).toBeUndefined();
  if (c.rule === 'B5' && !parses(c.body)) {
    expect(c.value).toBeUndefined();
    expect(c.pointer).toBe('');
    return;
  }
  expect(JSON.parse(c.body)).toEqual(c.value);
  expect(contract.validate.updateRequest(c.value)).toBe(false);
  const first = contract.validate.updateRequest.errors?.[0];
  const errors = schemaErrors(c.value);
  expect(errors, `${c.label}: ${JSON.stringify(errors)}`).toHaveLength(1);
  expect(first).toMatchObject({ keyword: errors[0]?.keyword, instancePath: errors[0]?.instancePath });
  const [error] = errors;
  if (c.rule === 'B5') {
    expect(error).toMatchObject({ keyword: 'type', instancePath: '' });
    expect(c.pointer).toBe('');
    return;
  }
  const field = c.pointer.slice(1);
  if (c.label.endsWith('is missing')) {
    expect(c.rule).toBe('B1');
    expect(error).toMatchObject({
      keyword: 'required',
      instancePath: '',
      params: { missingProperty: field },
    });
  } else {
    expect(error).toMatchObject({ keyword: 'type', instancePath: c.pointer });
    expect(c.rule).toBe(required.includes(field) ? 'B1' : 'B2');
  }
  expectValidRest(c.value as Record<string, unknown>, field);
}

describe('invalidBody', () => {
  it('breaks exactly one rule at its pointer, the rest valid (3000 cases)', () => {
    fc.assert(fc.property(invalidBody(contract), expectRejectedAsLabelled), { numRuns: 3000, seed: 202 });
  });

  it('replays the same cases for the same seed, byte for byte', () => {
    expectSameForSeed(invalidBody(contract), validBody(contract));
  });

  it('produces every invalid class in a default run (1000 cases, measured)', () => {
    const cases = fc.sample(invalidBody(contract), { seed: 7, numRuns: 1000 });
    const field = (c: BodyCase, fields: string[]) => fields.some((f) => c.pointer === `/${f}`);
    const classes: Record<string, (c: BodyCase) => boolean> = {
      'required missing': (c) => c.label.endsWith('is missing'),
      'required null': (c) => field(c, required) && c.label.endsWith('is null'),
    };
    for (const kind of WRONG) {
      classes[`required ${kind}`] = (c) => field(c, required) && c.label.endsWith(`is ${article(kind)}`);
      classes[`optional ${kind}`] = (c) => field(c, optional) && c.label.endsWith(`is ${article(kind)}`);
    }
    for (const kind of ['array', 'string', 'number', 'boolean', 'null']) {
      classes[`body ${kind}`] = (c) => c.label === `body is ${article(kind)}`;
    }
    for (const kind of MALFORMATIONS) classes[`body ${kind}`] = (c) => c.label === `body ${kind}`;
    classes['empty body'] = (c) => c.body === '';
    expectEachClass('invalid classes', countClasses(cases, classes), 5);
    expectEachClass(
      'invalid rules',
      countClasses(cases, {
        B1: (c) => c.rule === 'B1',
        B2: (c) => c.rule === 'B2',
        B5: (c) => c.rule === 'B5',
      }),
      100,
    );
  });
});

describe('invalidBodyCatalogue', () => {
  const catalogue = invalidBodyCatalogue(contract);
  const labels = catalogue.map((c) => c.label);

  it('breaks exactly one rule at its pointer in every entry', () => {
    for (const c of catalogue) expectRejectedAsLabelled(c);
  });

  it('covers every required field × {missing, null, number, boolean, object, array}', () => {
    for (const field of required) {
      for (const what of ['missing', 'null', ...WRONG]) {
        const label = what === 'missing' ? `${field} is missing` : `${field} is ${article(what)}`;
        expect(labels).toContain(label);
        expect(catalogue.find((c) => c.label === label)).toMatchObject({ rule: 'B1', pointer: `/${field}` });
      }
    }
  });

  it('covers every optional field × {number, boolean, object, array}', () => {
    for (const field of optional) {
      for (const kind of WRONG) {
        expect(catalogue.find((c) => c.label === `${field} is ${article(kind)}`)).toMatchObject({
          rule: 'B2',
          pointer: `/${field}`,
        });
      }
    }
  });

  it('covers each non-object body, each malformation and the empty body', () => {
    for (const kind of ['array', 'string', 'number', 'boolean', 'null'])
      expect(labels).toContain(`body is ${article(kind)}`);
    for (const kind of MALFORMATIONS) expect(labels).toContain(`body ${kind}`);
    expect(catalogue.find((c) => c.body === '')).toMatchObject({
      rule: 'B5',
      pointer: '',
      label: 'body is empty',
    });
    expect(catalogue).toHaveLength(required.length * 6 + optional.length * 4 + 5 + MALFORMATIONS.length + 1);
  });

  it('has unique labels and is the same on every call', () => {
    expect(new Set(labels).size).toBe(labels.length);
    expect(JSON.stringify(invalidBodyCatalogue(contract))).toBe(JSON.stringify(catalogue));
  });
});
