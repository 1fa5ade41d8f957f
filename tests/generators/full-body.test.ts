import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullBody, validBody } from '../../generators/index.ts';
import { isEnvelopeEmail, isInEnvelope } from '../../generators/_internals/envelope.ts';
import { fieldKind } from '../../generators/_internals/field-kind.ts';
import { contract, envelope, expectSameForSeed, withEnvelope } from './helpers.ts';

describe('fullBody', () => {
  it('sends every updatable field as a realistic envelope string (2000 bodies)', () => {
    fc.assert(
      fc.property(fullBody(contract), (body) => {
        expect(Object.keys(body)).toEqual(contract.fields.updatable);
        expect(contract.validate.updateRequest(body)).toBe(true);
        for (const [field, value] of Object.entries(body)) {
          const ok =
            fieldKind(field) === 'email' ? isEnvelopeEmail(envelope, value) : isInEnvelope(envelope, value);
          expect(ok, `${field}: ${value}`).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 404 },
    );
  });

  it('differs from every other draw in every field (5000 bodies, as in concurrent bursts)', () => {
    const bodies = fc.sample(fullBody(contract), { seed: 9, numRuns: 5000 });
    for (const field of contract.fields.updatable) {
      expect(new Set(bodies.map((b) => b[field])).size, field).toBe(bodies.length);
    }
  });

  it('replays the same bodies for the same seed, byte for byte', () => {
    expectSameForSeed(fullBody(contract), validBody(contract));
  });

  it('refuses an envelope too short for distinct values, naming itself', () => {
    expect(() => fullBody(withEnvelope({ maxLength: 8 }))).toThrow(/^fullBody: /);
  });
});
