/**
 * Realistic values from faker, made deterministic by fast-check: a drawn integer seeds a dedicated Faker
 * instance right before each pick, so the same fast-check seed replays the same value byte for byte. Values
 * shrink only as their integer does (poorly), which is why they are one branch of a oneof, never the only one.
 */
import type { Faker } from '@faker-js/faker';
import { faker as english } from '@faker-js/faker/locale/en';
import fc from 'fast-check';
import type { FieldKind } from './field-kind.ts';

// Own instance: nobody else's faker.seed() call can interleave with ours. Built from the English instance's
// class and definitions (en over base) because the package root loads all of faker's locales: ~0.2 s of CPU
// in every process and suite worker that generates a body.
const FakerClass = english.constructor as new (options: { locale: Faker['rawDefinitions'] }) => Faker;
const faker = new FakerClass({ locale: english.rawDefinitions });

const PICKERS: Record<FieldKind, (f: Faker) => string> = {
  email: (f) => f.internet.email(),
  phone: (f) => f.phone.number({ style: f.helpers.arrayElement(['human', 'national', 'international']) }),
  postal: (f) => f.location.zipCode(),
  city: (f) => f.location.city(),
  country: (f) => (f.datatype.boolean() ? f.location.country() : f.location.countryCode()),
  state: (f) => f.location.state({ abbreviated: f.datatype.boolean() }),
  line2: (f) => f.location.secondaryAddress(),
  line1: (f) => f.location.streetAddress(),
  name: (f) => (f.datatype.boolean(0.8) ? f.person.fullName() : f.company.name()),
  text: (f) => f.lorem.words({ min: 1, max: 4 }),
};

export const MAX_FAKER_SEED = 0x7fffffff;

/** The faker value of `kind` for `seed`: a pure function of its arguments. */
export function fakerPick(kind: FieldKind, seed: number): string {
  faker.seed(seed);
  return PICKERS[kind](faker);
}

/** Several picks from one seed, in order (used where one seed feeds a whole body). */
export function fakerPicks(kinds: readonly FieldKind[], seed: number): string[] {
  faker.seed(seed);
  return kinds.map((kind) => PICKERS[kind](faker));
}

export function fakerValue(kind: FieldKind): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: MAX_FAKER_SEED }).map((seed) => fakerPick(kind, seed));
}
