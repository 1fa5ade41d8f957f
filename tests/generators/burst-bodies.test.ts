import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { burstBodies, fullBody } from '../../generators/index.ts';
import { contract, expectSameForSeed } from './helpers.ts';

const { updatable, required } = contract.fields;
const SIZE = contract.tolerances.concurrency.burstSize;
const bursts = fc.sample(burstBodies(contract, SIZE), { seed: 77, numRuns: 200 });

describe('burstBodies', () => {
  it('sends every field in every body, each valid, required fields never null (200 bursts)', () => {
    for (const { baseline, bodies } of bursts) {
      expect(contract.validate.updateRequest(baseline)).toBe(true);
      expect(bodies).toHaveLength(SIZE);
      for (const body of bodies) {
        expect(Object.keys(body)).toEqual(updatable);
        expect(contract.validate.updateRequest(body)).toBe(true);
        for (const field of required) expect(typeof body[field]).toBe('string');
      }
    }
  });

  it('keeps every body distinct: each has a value no other body and not the row before holds', () => {
    for (const { baseline, bodies } of bursts) {
      bodies.forEach((body, index) => {
        const own = updatable.filter(
          (field) =>
            body[field] !== baseline[field] &&
            bodies.every((other, j) => j === index || other[field] !== body[field]),
        );
        expect(own.length, JSON.stringify(body)).toBeGreaterThan(0);
      });
    }
  });

  it('meets the row before and the other bodies in some fields, with null and string mixes', () => {
    let stored = 0;
    let sharedWithOther = 0;
    let nullStringMix = 0;
    for (const { baseline, bodies } of bursts) {
      for (const field of updatable) {
        const values = bodies.map((body) => body[field]);
        if (values.some((v) => v === baseline[field])) stored++;
        if (new Set(values).size < values.length) sharedWithOther++;
        if (values.includes(null) && values.some((v) => typeof v === 'string')) nullStringMix++;
      }
    }
    const total = bursts.length * updatable.length;
    expect(stored / total).toBeGreaterThan(0.5);
    expect(sharedWithOther / total).toBeGreaterThan(0.5);
    expect(nullStringMix / total).toBeGreaterThan(0.3);
  });

  it('replays the same bursts for the same seed', () => {
    expectSameForSeed(burstBodies(contract, 3), fullBody(contract));
  });

  it('refuses a burst of fewer than two bodies, naming itself', () => {
    expect(() => burstBodies(contract, 1)).toThrow(/^burstBodies: /);
  });
});
