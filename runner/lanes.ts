/**
 * The lanes' customers: one pair of fixture customers (A, B) per lane. Lane 0 is the pair a one-lane run has
 * always used; the others get their own seed-derived bodies. Created one after another, so a backend that
 * numbers its customers gives every lane the same ids run after run.
 */
import type { Contract } from '../contracts/load.ts';
import type { ApiClient } from '../http/api-client.ts';
import { seedFor } from '../suites/seeds.ts';
import {
  adoptFixtures,
  createFixturesFrom,
  fixtureBody,
  releaseFixtures,
  type Alias,
  type FixtureSet,
} from './fixtures.ts';

export function laneFixtureBody(contract: Contract, seed: number, lane: number, alias: Alias): string {
  if (lane === 0) return fixtureBody(contract, seed, alias);
  const body = JSON.parse(fixtureBody(contract, seedFor(seed, `lane-${lane}`), alias)) as Record<
    string,
    string
  >;
  const tag = (seed >>> 0).toString(16);
  body['name'] = `Conformance fixture ${alias} ${tag} lane ${lane}`;
  body['email'] = `conformance.fixture.${alias.toLowerCase()}.${tag}.lane${lane}@example.com`;
  return JSON.stringify(body);
}

/**
 * Creates `count` lanes into `into` (appended as each is made, so an interrupted run can release the ones that
 * exist already).
 */
export async function createLanes(
  client: ApiClient,
  contract: Contract,
  seed: number,
  count: number,
  into: FixtureSet[],
): Promise<FixtureSet[]> {
  for (let lane = 0; lane < count; lane++) {
    const bodies = {
      A: laneFixtureBody(contract, seed, lane, 'A'),
      B: laneFixtureBody(contract, seed, lane, 'B'),
    };
    into.push(await createFixturesFrom(client, contract, bodies, seed));
  }
  return into;
}

/** The given customers, two a lane, in the order given (an odd last one makes a lane without B). */
export async function adoptLanes(
  client: ApiClient,
  ids: string[],
  into: FixtureSet[],
): Promise<FixtureSet[]> {
  for (let start = 0; start < ids.length; start += 2) {
    into.push(await adoptFixtures(client, ids.slice(start, start + 2)));
  }
  return into;
}

/** Puts every lane's customers back (or deletes them), lanes at once; notes in lane order. */
export async function releaseLanes(
  client: ApiClient,
  contract: Contract,
  lanes: FixtureSet[],
): Promise<string[]> {
  const notes = await Promise.all(
    lanes.map((set) => releaseFixtures(client, contract, set).catch((): string[] => [])),
  );
  return notes.flat();
}
