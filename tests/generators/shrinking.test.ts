import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edgeBody, invalidBody, validBody, type BodyCase, type UpdateBody } from '../../generators/index.ts';
import { contract } from './helpers.ts';

const { required, optional } = contract.fields;

/** The shrunk body of a property over validBody that is expected to fail. */
function shrunk(predicate: (body: UpdateBody) => boolean, seed: number): UpdateBody {
  const details = fc.check(fc.property(validBody(contract), predicate), { seed, numRuns: 2000 });
  expect(details.failed, 'the property should fail').toBe(true);
  const [body] = details.counterexample ?? [];
  if (!body) throw new Error('no counterexample');
  return body;
}

function extraKeys(body: object): string[] {
  return Object.keys(body).filter((key) => !required.includes(key));
}

describe('shrinking', () => {
  // A backend that trims: the failure is one field's value, so the body shrinks to the required fields plus
  // that field, and the value to a string of one or two characters.
  it.each([1, 2, 3, 4, 5])(
    'a trimming backend shrinks to required + one short padded field (seed %i)',
    (seed) => {
      const body = shrunk((b) => Object.values(b).every((v) => v === null || v === v.trim()), seed);
      for (const field of required) expect(body).toHaveProperty(field);
      expect(extraKeys(body).length).toBeLessThanOrEqual(1);
      const offending = Object.values(body).filter((v): v is string => v !== null && v !== v.trim());
      expect(offending).toHaveLength(1);
      expect(offending[0]?.length, JSON.stringify(body)).toBeLessThanOrEqual(3);
    },
  );

  it.each([1, 2, 3])('a backend refusing null shrinks to required + one null field (seed %i)', (seed) => {
    const body = shrunk((b) => Object.values(b).every((v) => v !== null), seed);
    const extra = extraKeys(body);
    expect(extra).toHaveLength(1);
    expect(optional).toContain(extra[0]);
    expect(body[extra[0] ?? '']).toBeNull();
  });

  it('a failure on one long value shrinks to the shortest failing length', () => {
    const body = shrunk((b) => Object.values(b).every((v) => v === null || v.length <= 100), 9);
    const long = Object.values(body).filter((v): v is string => v !== null && v.length > 100);
    // 101 units, or 102 where the last character is a surrogate pair.
    expect(long).toHaveLength(1);
    expect(long[0]?.length).toBeLessThanOrEqual(102);
    expect(extraKeys(body).length).toBeLessThanOrEqual(1);
  });

  it('the required fields shrink to simple realistic values', () => {
    const body = shrunk((b) => !Object.values(b).some((v) => v === null), 11);
    expect(body['email']).toBe('a@a.co');
    expect(body['name']).toBe('a');
  });

  it('edge and invalid cases shrink their valid rest to the required fields', () => {
    const only = (rule: string) => (c: BodyCase) => c.rule !== rule;
    for (const [arbitrary, rule] of [
      [edgeBody(contract), 'B4'],
      [invalidBody(contract), 'B2'],
    ] as const) {
      const details = fc.check(fc.property(arbitrary, only(rule)), { seed: 5, numRuns: 500 });
      const [found] = details.counterexample ?? [];
      expect(found?.rule).toBe(rule);
      // Nothing beyond the required fields but the field the case is about.
      const keys = Object.keys(found?.value as object);
      const extra = keys.filter((k) => !required.includes(k) && `/${k}` !== found?.pointer);
      expect(extra, JSON.stringify(found)).toEqual([]);
    }
  });
});
