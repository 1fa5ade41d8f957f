/** Scenario generators: the body generators of generators/, put in the request sequences of scenarios/. */
import fc from 'fast-check';
import type { Contract } from '../../contracts/load.ts';
import type { AuthVariant, MisplacedToken } from '../../core/exchange.ts';
import { MISPLACED_TOKEN } from '../../http/auth-header.ts';
import {
  burstBodies,
  describeMeeting,
  edgeBody,
  fullBody,
  invalidBody,
  invalidBodyCatalogue,
  JSON_WITH_PARAMETERS,
  jsonWithParametersBody,
  lookalikeBody,
  responseOnlyBody,
  ruleForValid,
  storedRowSequence,
  validBody,
  type BodyCase,
  type UpdateBody,
} from '../../generators/index.ts';
import { spellingsOf } from './id-spellings.ts';
import type {
  Alias,
  IdSpellingScenario,
  BurstScenario,
  FullBody,
  ProbeScenario,
  RepeatScenario,
  Scenario,
  UnknownIdScenario,
} from './scenario.ts';

/** Which fixture a case writes to; shrinks to A. */
const target: fc.Arbitrary<Alias> = fc.constantFrom<Alias>('A', 'B');
const alternate = (index: number): Alias => (index % 2 === 0 ? 'A' : 'B');

export function validCase(body: UpdateBody): BodyCase {
  const nulls = Object.entries(body)
    .filter(([, v]) => v === null)
    .map(([k]) => k);
  return {
    outcome: 'MUST-ACCEPT',
    rule: ruleForValid(body),
    pointer: '',
    label: nulls.length > 0 ? `valid body with ${nulls.join(', ')} null` : 'valid body',
    body: JSON.stringify(body),
    value: body,
  };
}

export function validUpdates(contract: Contract): fc.Arbitrary<Scenario> {
  return fc
    .record({ baseline: fullBody(contract), body: validBody(contract), on: target })
    .map(
      ({ baseline, body, on }) =>
        ({ kind: 'update', on, baseline, case: validCase(body), auth: 'valid' }) as const,
    );
}

export function edgeUpdates(contract: Contract): fc.Arbitrary<Scenario> {
  return fc
    .record({ baseline: fullBody(contract), bodyCase: edgeBody(contract), on: target })
    .map(
      ({ baseline, bodyCase, on }) =>
        ({ kind: 'update', on, baseline, case: bodyCase, auth: 'valid' }) as const,
    );
}

/** Valid bodies with many extra properties: response-only names with changed values, or look-alike names. */
export function extraPropertyUpdates(
  contract: Contract,
  kind: 'response-only' | 'look-alike',
): fc.Arbitrary<Scenario> {
  const bodies = kind === 'response-only' ? responseOnlyBody(contract) : lookalikeBody(contract);
  return fc
    .record({ baseline: fullBody(contract), bodyCase: bodies, on: target })
    .map(
      ({ baseline, bodyCase, on }) =>
        ({ kind: 'update', on, baseline, case: bodyCase, auth: 'valid' }) as const,
    );
}

export function invalidUpdates(contract: Contract): fc.Arbitrary<Scenario> {
  return fc
    .record({ baseline: fullBody(contract), bodyCase: invalidBody(contract), on: target })
    .map(
      ({ baseline, bodyCase, on }) =>
        ({ kind: 'update', on, baseline, case: bodyCase, auth: 'valid' }) as const,
    );
}

/** One value of an arbitrary, fixed by the seed: for the cases that are tried every time. */
export function sampleOne<T>(arbitrary: fc.Arbitrary<T>, seed: number, index = 0): T {
  return fc.sample(arbitrary, { seed, numRuns: index + 1 })[index] as T;
}

/** The first `count` values of an arbitrary for a seed: sampleOne(arbitrary, seed, i) for each i, sampled once. */
export function sampleMany<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): T[] {
  return count > 0 ? fc.sample(arbitrary, { seed, numRuns: count }) : [];
}

export function invalidCatalogue(contract: Contract, seed: number): Scenario[] {
  const baseline = sampleOne(fullBody(contract), seed);
  return invalidBodyCatalogue(contract).map((bodyCase, index) => ({
    kind: 'update',
    on: alternate(index),
    baseline,
    case: bodyCase,
    auth: 'valid',
  }));
}

/** Valid bodies sent as application/json with a charset parameter (B7), to each fixture in turn. */
export function jsonWithParametersCatalogue(contract: Contract, seed: number): Scenario[] {
  // Each spelling to each fixture: the generated content type is replaced so that every spelling is sent.
  const count = JSON_WITH_PARAMETERS.length * 2;
  const cases = sampleMany(jsonWithParametersBody(contract), seed, count);
  const baselines = sampleMany(fullBody(contract), seed, count);
  return JSON_WITH_PARAMETERS.flatMap((contentType, t) =>
    [0, 1].map((k): Scenario => {
      const index = t * 2 + k;
      const generated = cases[index] as BodyCase;
      return {
        kind: 'update',
        on: alternate(k),
        baseline: baselines[index] as FullBody,
        case: { ...generated, contentType, label: `valid body sent as ${contentType}` },
        auth: 'valid',
      };
    }),
  );
}

export const BAD_CREDENTIALS: AuthVariant[] = [
  'none',
  'basic-scheme',
  'bearer-without-token',
  'wrong-token',
  ...(Object.keys(MISPLACED_TOKEN) as MisplacedToken[]),
];

/** Each credential variant, with a valid body that would be accepted with the right token. */
export function authCatalogue(contract: Contract, seed: number): Scenario[] {
  const variants: AuthVariant[] = [...BAD_CREDENTIALS, 'valid-lowercase-scheme'];
  // Sampled once each (the same values as sampleOne at each index): one sample per case grew with the square.
  const baselines = sampleMany(fullBody(contract), seed, variants.length * 2);
  const bodies = sampleMany(fullBody(contract), seed + 1, variants.length * 2);
  return variants.flatMap((auth, index) =>
    [0, 1].map((k) => ({
      kind: 'update' as const,
      on: alternate(k),
      baseline: baselines[index * 2 + k] as FullBody,
      case: validCase(bodies[index * 2 + k] as FullBody),
      auth,
    })),
  );
}

export function authUpdates(contract: Contract): fc.Arbitrary<Scenario> {
  return fc
    .record({
      baseline: fullBody(contract),
      body: validBody(contract),
      auth: fc.constantFrom(...BAD_CREDENTIALS),
      on: target,
    })
    .map(
      ({ baseline, body, auth, on }) =>
        ({ kind: 'update', on, baseline, case: validCase(body), auth }) as const,
    );
}

/** Ids shaped like the fixture's own (same prefix and length) or UUIDs, never a fixture's. */
export function unknownIds(fixtureIds: string[]): fc.Arbitrary<string> {
  const model = fixtureIds[0] ?? 'cus_000000';
  const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
  const keep = Math.max(0, model.length - 8);
  const lookalike = fc
    .array(alnum, { minLength: model.length - keep, maxLength: model.length - keep })
    .map((chars) => `${model.slice(0, keep)}${chars.join('')}`);
  return fc.oneof(lookalike, fc.uuid()).filter((id) => !fixtureIds.includes(id));
}

export function unknownIdUpdates(contract: Contract, fixtureIds: string[]): fc.Arbitrary<UnknownIdScenario> {
  return fc
    .record({ id: unknownIds(fixtureIds), body: validBody(contract) })
    .map(({ id, body }) => ({ kind: 'unknown-id', id, case: validCase(body) }));
}

/** Each spelling of each fixture's id, with a full valid body, so any write onto the real customer shows. */
export function idSpellingCatalogue(
  contract: Contract,
  fixtures: Partial<Record<Alias, string>>,
  seed: number,
): IdSpellingScenario[] {
  const aliases = (['A', 'B'] as const).filter((alias) => fixtures[alias] !== undefined);
  let index = 0;
  return aliases.flatMap((on) =>
    spellingsOf(fixtures[on] as string).map(({ name, id }) => ({
      kind: 'id-spelling' as const,
      on,
      spelling: name,
      id,
      case: { ...validCase(sampleOne(fullBody(contract), seed, index++)), label: `valid body to ${name}` },
    })),
  );
}

export function repeats(contract: Contract): fc.Arbitrary<RepeatScenario> {
  return fc
    .record({ baseline: fullBody(contract), body: validBody(contract) })
    .map(({ baseline, body }) => ({ kind: 'repeat', baseline, case: validCase(body) }));
}

/** Bodies that share values with the row before the burst and with each other (see burstBodies). */
export function bursts(contract: Contract): fc.Arbitrary<BurstScenario> {
  return burstBodies(contract, contract.tolerances.concurrency.burstSize).map(({ baseline, bodies }) => ({
    kind: 'burst',
    baseline,
    bodies,
  }));
}

/**
 * A baseline, up to two full writes, then a case that meets the row they left: fields repeated, set back to an
 * earlier value, switched between null and a string, new or omitted; one case in four exactly what is stored.
 */
export function storedRowUpdates(contract: Contract): fc.Arbitrary<Scenario> {
  return fc.record({ sequence: storedRowSequence(contract), on: target }).map(({ sequence, on }) => {
    const scenario: Scenario = {
      kind: 'update',
      on,
      baseline: sequence.baseline,
      case: { ...validCase(sequence.body), label: describeMeeting(sequence) },
      auth: 'valid',
    };
    if (sequence.history.length > 0) scenario.history = sequence.history;
    return scenario;
  });
}

export function probe(contract: Contract, seed: number): ProbeScenario {
  const baseline: FullBody = sampleOne(fullBody(contract), seed);
  const required = Object.fromEntries(contract.fields.required.map((f) => [f, baseline[f] ?? '']));
  return { kind: 'probe', baseline, case: { ...validCase(required), label: 'only the required fields' } };
}
