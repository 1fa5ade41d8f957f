import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OTHER_CONTENT_TYPES, edgeBody, validBody, type BodyCase } from '../../generators/index.ts';
import {
  emailPattern,
  forbiddenCodePointIn,
  isEnvelopeEmail,
  isInEnvelope,
} from '../../generators/_internals/envelope.ts';
import { fieldKind } from '../../generators/_internals/field-kind.ts';
import {
  contract,
  countClasses,
  envelope,
  expectEachClass,
  expectSameForSeed,
  schemaErrors,
} from './helpers.ts';

const { updatable, optional, readOnly, serverManaged, documented } = contract.fields;
const responseOnly = [...readOnly, ...serverManaged];

const inside = (field: string, v: unknown) =>
  v === null
    ? optional.includes(field)
    : typeof v === 'string' &&
      (fieldKind(field) === 'email' ? isEnvelopeEmail(envelope, v) : isInEnvelope(envelope, v));

const fieldValue = (c: BodyCase) => String((c.value as Record<string, unknown>)[c.pointer.slice(1)]);

function expectEdge(c: BodyCase): void {
  expect(c.outcome).toBe('MAY-EITHER');
  expect(JSON.parse(c.body)).toEqual(c.value);
  // Every edge body is still schema-valid: what makes it an edge is outside what the schema says.
  expect(schemaErrors(c.value), c.label).toEqual([]);
  const value = c.value as Record<string, unknown>;
  const name = c.pointer.slice(1);
  const many = c.rule === 'B6' && c.pointer === '';
  for (const [key, v] of Object.entries(value)) {
    if (many && responseOnly.includes(key)) continue;
    if (key !== name) expect(inside(key, v), `${c.label}: ${key}=${JSON.stringify(v)}`).toBe(true);
  }
  switch (c.rule) {
    case 'B4': {
      const s = value[name];
      if (typeof s !== 'string') throw new Error(`${c.label}: not a string`);
      expect(inside(name, s), c.label).toBe(false);
      expect(c.label.startsWith(`${name} `)).toBe(true);
      if (c.label.endsWith('is empty')) expect(s).toBe('');
      if (c.label.includes('is longer than')) expect(s.length).toBeGreaterThan(envelope.maxLength);
      if (c.label.includes('holds U+')) {
        // Only the forbidden code point is wrong: without it the string is inside the envelope.
        const rest = [...s].filter((ch) => forbiddenCodePointIn(envelope, ch) === undefined).join('');
        expect(inside(name, rest), c.label).toBe(true);
      }
      if (c.label.includes('lone')) expect(s.isWellFormed()).toBe(false);
      if (c.label.endsWith('is not an address')) expect(emailPattern(envelope).test(s)).toBe(false);
      expect(c.contentType).toBeUndefined();
      break;
    }
    case 'B6':
      if (many) {
        // Several response-only properties at once: all of them, and nothing else, beyond a valid body.
        const extras = Object.keys(value).filter((key) => !updatable.includes(key));
        expect(extras.length, c.label).toBeGreaterThan(0);
        for (const key of extras) expect(responseOnly).toContain(key);
        expect(c.label).toBe(`body has response-only properties ${extras.join(', ')}`);
        break;
      }
      expect(updatable).not.toContain(name);
      expect(Object.hasOwn(value, name)).toBe(true);
      if (c.label.includes('response-only')) expect(responseOnly).toContain(name);
      else expect([...documented, ...responseOnly]).not.toContain(name);
      expect(c.contentType).toBeUndefined();
      break;
    case 'B7':
      expect(c.pointer).toBe('');
      expect(OTHER_CONTENT_TYPES).toContain(c.contentType);
      expect(c.label).toBe(`body sent as ${c.contentType}`);
      break;
    default:
      throw new Error(`unexpected rule ${c.rule}`);
  }
}

describe('edgeBody', () => {
  it('changes exactly one thing of a valid body, as labelled (3000 cases)', () => {
    fc.assert(fc.property(edgeBody(contract), expectEdge), { numRuns: 3000, seed: 303 });
  });

  it('replays the same cases for the same seed, byte for byte', () => {
    expectSameForSeed(edgeBody(contract), validBody(contract));
  });

  it('produces every edge class in a default run (1000 cases, measured)', () => {
    const cases = fc.sample(edgeBody(contract), { seed: 7, numRuns: 1000 });
    const classes: Record<string, (c: BodyCase) => boolean> = {
      empty: (c) => c.label.endsWith('is empty'),
      'over-length': (c) => c.label.includes('is longer than'),
      'over 2x max': (c) =>
        c.label.includes('is longer than') && fieldValue(c).length > 2 * envelope.maxLength,
      'U+0000': (c) => c.label.endsWith('holds U+0000'),
      'other control': (c) => /holds U\+(?!0000)/.test(c.label),
      'C1 control': (c) => /holds U\+(007F|008|009)/.test(c.label),
      'lone high surrogate': (c) => c.label.includes('lone high'),
      'lone low surrogate': (c) => c.label.includes('lone low'),
      'email not an address': (c) => c.label === 'email is not an address',
      'email over-length': (c) => c.label.startsWith('email is longer'),
      'unknown property': (c) => c.label.includes('unknown property'),
      'unknown __proto__': (c) => c.label.endsWith('unknown property __proto__'),
      'response-only property': (c) => c.label.includes('response-only property'),
      'many response-only properties': (c) => c.label.includes('response-only properties'),
      'look-alike property': (c) => c.label.includes('look-alike property'),
      'response-only id': (c) => c.label.endsWith('response-only property id'),
      'response-only is_primary': (c) => c.label.endsWith('response-only property is_primary'),
    };
    for (const type of OTHER_CONTENT_TYPES) classes[type] = (c) => c.contentType === type;
    expectEachClass('edge classes', countClasses(cases, classes), 5);
  });
});
