import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envelopeString, ruleForValid, validBody, type UpdateBody } from '../../generators/index.ts';
import { isEnvelopeEmail, isInEnvelope } from '../../generators/_internals/envelope.ts';
import { fieldKind } from '../../generators/_internals/field-kind.ts';
import {
  contract,
  countClasses,
  envelope,
  expectEachClass,
  expectSameForSeed,
  withEnvelope,
} from './helpers.ts';

const { required, updatable } = contract.fields;

/** Every value of `body` is allowed by the envelope of its field (or null for an optional field). */
function expectInsideEnvelope(body: UpdateBody, env = envelope): void {
  for (const [field, value] of Object.entries(body)) {
    expect(updatable, `unexpected key ${field}`).toContain(field);
    if (value === null) {
      expect(required, `${field} is required, never null`).not.toContain(field);
      continue;
    }
    const ok = fieldKind(field) === 'email' ? isEnvelopeEmail(env, value) : isInEnvelope(env, value);
    expect(ok, `${field}: ${JSON.stringify(value)} is outside the envelope`).toBe(true);
  }
}

describe('validBody', () => {
  it('validates against the update schema and stays inside the envelope (3000 bodies)', () => {
    fc.assert(
      fc.property(validBody(contract), (body) => {
        expect(
          contract.validate.updateRequest(body),
          JSON.stringify(contract.validate.updateRequest.errors),
        ).toBe(true);
        for (const field of required) expect(body).toHaveProperty(field);
        expectInsideEnvelope(body);
      }),
      { numRuns: 3000, seed: 101 },
    );
  });

  it('replays the same bodies for the same seed, byte for byte', () => {
    expectSameForSeed(validBody(contract), envelopeString(contract, 'name'));
  });

  it('labels bodies with a null B2 and all-string bodies B3', () => {
    expect(ruleForValid({ email: 'a@a.co', name: 'a', phone: null })).toBe('B2');
    expect(ruleForValid({ email: 'a@a.co', name: 'a', phone: '1' })).toBe('B3');
  });

  it('produces every adversarial class of rule B3 in a default run (1000 bodies, measured)', () => {
    const bodies = fc.sample(validBody(contract), { seed: 7, numRuns: 1000 });
    const values = bodies.flatMap((body) =>
      Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    const counts = countClasses(values, {
      'leading/trailing spaces': ([, s]) => /^\s|\s$/u.test(s),
      'inner double spaces': ([, s]) => s.trim().includes('  '),
      'nfd-only form': ([, s]) => s !== s.normalize('NFC'),
      'combining marks': ([, s]) => /\p{M}/u.test(s),
      'right-to-left': ([, s]) => /[\p{Script=Hebrew}\p{Script=Arabic}]/u.test(s),
      cjk: ([, s]) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(s),
      astral: ([, s]) => /[\u{10000}-\u{10FFFF}]/u.test(s),
      'length 1': ([, s]) => s.length === 1,
      'length > 50': ([, s]) => s.length > 50,
      'length >= 200': ([, s]) => s.length >= 200,
      'length = max': ([, s]) => s.length === envelope.maxLength,
      'digit-only phone': ([f, s]) => fieldKind(f) === 'phone' && /^\d+$/.test(s),
      'formatted phone': ([f, s]) =>
        fieldKind(f) === 'phone' && /^[+\d][\d ().x-]*\d$/.test(s) && /\D/.test(s),
      'mixed-case email': ([f, s]) => fieldKind(f) === 'email' && /[a-z]/.test(s) && /[A-Z]/.test(s),
      'lower-case email': ([f, s]) => fieldKind(f) === 'email' && s === s.toLowerCase(),
    });
    const nulls = bodies.flatMap((body) => Object.values(body)).filter((v) => v === null).length;
    const absent = bodies.reduce((n, body) => n + updatable.length - Object.keys(body).length, 0);
    const requiredOnly = bodies.filter((body) => Object.keys(body).length === required.length).length;
    const rules = countClasses(bodies, {
      B2: (b) => ruleForValid(b) === 'B2',
      B3: (b) => ruleForValid(b) === 'B3',
    });
    expectEachClass('valid string classes', counts, 10);
    expectEachClass('valid body shapes', { nulls, absent, ...rules }, 10);
    console.info(`bodies with the required fields only: ${requiredOnly}`);
  });

  it('follows a tighter envelope from the contract (max 40, no CJK, no astral, DEL..U+00FF forbidden)', () => {
    const tight = withEnvelope({
      maxLength: 40,
      forbiddenCodePoints: [
        [0, 31],
        [127, 255],
        [0x4e00, 0x9fff],
        [0x10000, 0x10ffff],
      ],
    });
    const bodies = fc.sample(validBody(tight), { seed: 3, numRuns: 1000 });
    for (const body of bodies) expectInsideEnvelope(body, tight.tolerances.envelope);
    const lengths = bodies
      .flatMap((b) => Object.values(b))
      .filter((v) => typeof v === 'string')
      .map((s) => s.length);
    expect(lengths.filter((n) => n === 40).length).toBeGreaterThan(0);
  });
});

describe('envelopeString', () => {
  it('keeps email values realistic addresses that match the contract pattern (3000 values)', () => {
    fc.assert(
      fc.property(envelopeString(contract, 'email'), (s) => {
        expect(isEnvelopeEmail(envelope, s), s).toBe(true);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
  it('refuses a field the contract does not list, naming itself', () => {
    expect(() => envelopeString(contract, 'nickname')).toThrow(
      /^envelopeString: "nickname" is not an updatable field/,
    );
  });
});
