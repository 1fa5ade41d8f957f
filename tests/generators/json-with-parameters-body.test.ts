import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JSON_WITH_PARAMETERS, jsonWithParametersBody, validBody } from '../../generators/index.ts';
import { contract, countClasses, expectEachClass, expectSameForSeed } from './helpers.ts';

describe('jsonWithParametersBody', () => {
  const cases = fc.sample(jsonWithParametersBody(contract), { seed: 31, numRuns: 500 });

  it('is a must-accept B7 case: a valid body, sent as application/json with a parameter (500 cases)', () => {
    for (const c of cases) {
      expect(c).toMatchObject({ outcome: 'MUST-ACCEPT', rule: 'B7', pointer: '' });
      expect(contract.validate.updateRequest(c.value)).toBe(true);
      expect(JSON.parse(c.body)).toEqual(c.value);
      expect(c.contentType).toMatch(/^application\/json\s*;\s*charset=utf-8$/i);
      expect(c.label).toBe(`valid body sent as ${c.contentType}`);
    }
  });

  it('sends every spelling', () => {
    const counts = countClasses(
      cases,
      Object.fromEntries(
        JSON_WITH_PARAMETERS.map((type) => [type, (c: (typeof cases)[number]) => c.contentType === type]),
      ),
    );
    expectEachClass('content types', counts, 100);
  });

  it('replays the same cases for the same seed', () => {
    expectSameForSeed(jsonWithParametersBody(contract), validBody(contract));
  });
});
