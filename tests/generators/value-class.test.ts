/**
 * The value classes coverage speaks of: which a field can be sent in (from the contract), and which a value
 * belongs to. Every generated envelope string is classed as one, every outside string as outside for the very
 * reason its generator gave, so a class counted as reached was really sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../contracts/load.ts';
import { edgeBody, envelopeString } from '../../generators/index.ts';
import { classesFor, classesOfValue } from '../../generators/value-class.ts';
import { contract } from './helpers.ts';

const of = (field: string, value: unknown, c: Contract = contract) =>
  classesOfValue(c, field, { [field]: value });
const ids = (field: string, c: Contract = contract) => classesFor(c, field).map((k) => k.id);

describe('classesOfValue', () => {
  it('names each adversarial class of an envelope string, several at once where they overlap', () => {
    expect(of('name', '  Jane')).toEqual(['string', 'edge-spaces', 'mixed-case']);
    expect(of('name', 'a   b')).toEqual(['string', 'inner-spaces']);
    expect(of('name', 'José'.normalize('NFC'))).toEqual(expect.arrayContaining(['nfc']));
    expect(of('name', 'José'.normalize('NFD'))).toEqual(expect.arrayContaining(['nfd', 'combining']));
    expect(of('name', 'שלום')).toEqual(['string', 'rtl']);
    expect(of('name', '東京')).toEqual(['string', 'cjk']);
    expect(of('name', 'a😀')).toEqual(['string', 'astral']);
    expect(of('name', 'a'.repeat(255))).toEqual(['string', 'max-length']);
    expect(of('name', 'a'.repeat(254))).toEqual(['string']);
  });

  it('names null, omitted, each wrong type, and why a string is outside the envelope', () => {
    expect(of('phone', null)).toEqual(['null']);
    expect(classesOfValue(contract, 'phone', { name: 'x' })).toEqual(['omitted']);
    expect([of('name', 1), of('name', true), of('name', {}), of('name', [])]).toEqual([
      ['number'],
      ['boolean'],
      ['object'],
      ['array'],
    ]);
    expect(of('name', '')).toEqual(['too-short']);
    expect(of('name', 'a'.repeat(256))).toEqual(['over-max']);
    expect(of('name', 'a\u0000b')).toEqual(['nul']);
    expect(of('name', 'a\u0007b')).toEqual(['control']);
    expect(of('name', 'a\ud800b')).toEqual(['lone-surrogate']);
    expect(of('email', 'not-an-email')).toEqual(['not-an-address']);
    expect(of('email', 'Jane.Doe@Example.com')).toEqual(['string', 'mixed-case']);
  });

  it('classes every generated envelope string as one, and every outside string by the reason it was made', () => {
    for (const field of ['name', 'email', 'phone']) {
      for (const value of fc.sample(envelopeString(contract, field), { seed: 7, numRuns: 300 }))
        expect(of(field, value)).toContain('string');
    }
    const reasons: Record<string, RegExp> = {
      'too-short': /is empty/,
      'over-max': /is longer than/,
      nul: /holds U\+0000/,
      control: /holds U\+/,
      'lone-surrogate': /lone .* surrogate/,
      'not-an-address': /is not an address/,
    };
    const b4 = fc.sample(edgeBody(contract), { seed: 11, numRuns: 400 }).filter((c) => c.rule === 'B4');
    expect(b4.length).toBeGreaterThan(100);
    for (const c of b4) {
      const field = c.pointer.slice(1);
      const classes = classesOfValue(contract, field, c.value as Record<string, unknown>);
      expect(classes.length, c.label).toBeGreaterThan(0);
      expect(
        classes.some((id) => reasons[id]?.test(c.label)),
        `${c.label}: ${classes.join(',')}`,
      ).toBe(true);
    }
  });
});

describe('classesFor: the classes a field can be sent in follow the contract', () => {
  it('an email field only in realistic addresses, with non-addresses outside; other fields in every class', () => {
    expect(ids('email')).toEqual(expect.arrayContaining(['string', 'mixed-case', 'not-an-address']));
    expect(ids('email')).not.toContain('nfd');
    expect(ids('name')).toEqual(expect.arrayContaining(['nfd', 'astral', 'max-length', 'over-max']));
    expect(ids('name')).not.toContain('not-an-address');
  });

  it('a required field must refuse null and omission (B1); an optional one must store them (B2, S2)', () => {
    const name = classesFor(contract, 'name');
    const phone = classesFor(contract, 'phone');
    expect(name.find((k) => k.id === 'null')).toMatchObject({ outcome: 'MUST-REJECT', rule: 'B1' });
    expect(phone.find((k) => k.id === 'null')).toMatchObject({ outcome: 'MUST-ACCEPT', rule: 'B2' });
    expect(phone.find((k) => k.id === 'omitted')).toMatchObject({ outcome: 'MUST-ACCEPT', rule: 'S2' });
    expect(phone.find((k) => k.id === 'nfd')).toMatchObject({ rule: 'B3', reach: 'any-field' });
    expect(phone.find((k) => k.id === 'null')).toMatchObject({ reach: 'each-field' });
    expect(phone.find((k) => k.id === 'max-length')).toMatchObject({ rule: 'B3', reach: 'any-field' });
  });

  it('drops what the envelope rules out: no "empty" when it allows empty, no CJK when it forbids CJK', () => {
    const envelope = {
      ...contract.tolerances.envelope,
      minLength: 0,
      forbiddenCodePoints: [[0x3000, 0xd7ff]],
    };
    const edited = { ...contract, tolerances: { ...contract.tolerances, envelope } } as Contract;
    expect(ids('name', edited)).not.toContain('too-short');
    expect(ids('name', edited)).not.toContain('cjk');
    expect(ids('name', edited)).not.toContain('nul');
    expect(ids('name')).toContain('cjk');
  });
});
