/** Shared helpers of the generator tests: the contract, a strict validator, determinism and class counts. */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { expect } from 'vitest';
import { loadContract, type Contract } from '../../contracts/load.ts';

export const contract = loadContract();
export const envelope = contract.tolerances.envelope;

// allErrors: a case must break the schema in exactly one place, so every error is wanted.
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateAll = ajv.compile(contract.schemas.updateRequest);

export function schemaErrors(value: unknown): ErrorObject[] {
  return validateAll(value) ? [] : [...(validateAll.errors ?? [])];
}

/** The same seed gives the same values, byte for byte, even when other generators ran in between. */
export function expectSameForSeed<T>(
  arbitrary: fc.Arbitrary<T>,
  other: fc.Arbitrary<unknown>,
  seed = 4242,
): void {
  const first = JSON.stringify(fc.sample(arbitrary, { seed, numRuns: 200 }));
  fc.sample(other, { seed: seed + 1, numRuns: 50 });
  const second = JSON.stringify(fc.sample(arbitrary, { seed, numRuns: 200 }));
  expect(second).toBe(first);
  expect(JSON.stringify(fc.sample(arbitrary, { seed: seed + 7, numRuns: 200 }))).not.toBe(first);
}

/** How many items each predicate holds for. */
export function countClasses<T>(items: readonly T[], classes: Record<string, (item: T) => boolean>) {
  return Object.fromEntries(
    Object.entries(classes).map(([name, test]) => [name, items.filter((item) => test(item)).length]),
  );
}

/** Every class occurs at least `min` times; prints the counts so a run shows them. */
export function expectEachClass(title: string, counts: Record<string, number>, min: number): void {
  console.info(`${title}: ${JSON.stringify(counts)}`);
  for (const [name, count] of Object.entries(counts)) {
    expect(count, `${title}: class "${name}" occurred ${count} times`).toBeGreaterThanOrEqual(min);
  }
}

/** A copy of the contract with another envelope: generators must follow the data, not the defaults. */
export function withEnvelope(changes: Partial<Contract['tolerances']['envelope']>): Contract {
  return { ...contract, tolerances: { ...contract.tolerances, envelope: { ...envelope, ...changes } } };
}

export function withFields(changes: Partial<Contract['fields']>): Contract {
  return { ...contract, fields: { ...contract.fields, ...changes } };
}
