/**
 * The bodies of one burst of concurrent PUTs (rule S7), and the row before it. Every body sends every field (so
 * merge and replace store the same), and each field of each body is the body's own new value, the value stored
 * before the burst, a value another body of the burst sends too, or null (optional fields): bodies meet the row
 * and each other in some fields and differ in others. A backend that writes only the columns it sees changed,
 * without a lock, then stores a row that equals none of the bodies. Each body also has its own value in at
 * least one field, so no two bodies are the same and a stored row names the body it came from.
 */
import fc from 'fast-check';
import type { Contract } from '../contracts/load.ts';
import type { UpdateBody } from './body-case.ts';
import { fullBody } from './full-body.ts';
import { rowBody } from './row-body.ts';
import { checkContract } from './_internals/options.ts';

export interface BurstBodies {
  baseline: UpdateBody;
  bodies: UpdateBody[];
}

type Choice = 'own' | 'stored' | 'shared' | 'null';
/** Values per field that several bodies may send. */
const SHARED = 2;

export function burstBodies(contract: Contract, size: number): fc.Arbitrary<BurstBodies> {
  checkContract('burstBodies', contract);
  if (!Number.isInteger(size) || size < 2)
    throw new Error(`burstBodies: size must be an integer >= 2, got ${size}`);
  const { updatable, required } = contract.fields;
  const choice = fc.oneof(
    { arbitrary: fc.constant<Choice>('own'), weight: 4 },
    { arbitrary: fc.constant<Choice>('stored'), weight: 3 },
    { arbitrary: fc.constant<Choice>('shared'), weight: 2 },
    { arbitrary: fc.constant<Choice>('null'), weight: 1 },
  );
  const perBody = fc.record({
    own: fullBody(contract),
    choices: fc.array(choice, { minLength: updatable.length, maxLength: updatable.length }),
    sharedPick: fc.array(fc.nat({ max: SHARED - 1 }), {
      minLength: updatable.length,
      maxLength: updatable.length,
    }),
    // The field that always holds the body's own value.
    marked: fc.nat({ max: updatable.length - 1 }),
  });
  return fc
    .record({
      baseline: rowBody(contract),
      shared: fc.array(fullBody(contract), { minLength: SHARED, maxLength: SHARED }),
      bodies: fc.array(perBody, { minLength: size, maxLength: size }),
    })
    .map(({ baseline, shared, bodies }) => ({
      baseline,
      bodies: bodies.map(({ own, choices, sharedPick, marked }) => {
        const body: UpdateBody = {};
        updatable.forEach((field, i) => {
          const optional = !required.includes(field);
          const picked = i === marked ? 'own' : (choices[i] ?? 'own');
          const stored = baseline[field] ?? null;
          if (picked === 'stored' && (stored !== null || optional)) body[field] = stored;
          else if (picked === 'shared') body[field] = shared[sharedPick[i] ?? 0]?.[field] ?? own[field] ?? '';
          else if (picked === 'null' && optional) body[field] = null;
          else body[field] = own[field] ?? '';
        });
        return body;
      }),
    }));
}
