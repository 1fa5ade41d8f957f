/**
 * The lanes' customers: one pair of fixture customers (A, B) per lane. Lane 0 is the pair a one-lane run has
 * always used; the others get their own seed-derived bodies. Created one after another, so a backend that
 * numbers its customers gives every lane the same ids run after run.
 */
import type { Contract } from '../contracts/load.ts';
import type { Violation } from '../core/failure.ts';
import type { CheckResult } from '../core/result.ts';
import type { ApiClient } from '../http/api-client.ts';
import { seedFor } from '../suites/seeds.ts';
import {
  ALIASES,
  adoptFixtures,
  createFixturesFrom,
  fixtureBody,
  releaseFixtures,
  type Alias,
  type FixtureSet,
  type Release,
} from './fixtures.ts';
import type { LaneIds } from './fixtures-file.ts';
import { reuseFixture } from './reuse-fixtures.ts';

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
 * Creates `count` lanes into `into` (each stored as soon as it exists, so an interrupted run can release the
 * ones made already). The creates go out one after another, so the ids come in lane order; each customer's
 * read-back overlaps the next create, so set-up costs about one round trip a customer, not two.
 */
export async function createLanes(
  client: ApiClient,
  contract: Contract,
  seed: number,
  count: number,
  into: FixtureSet[],
): Promise<FixtureSet[]> {
  let previous: Promise<unknown> = Promise.resolve();
  let failed = false;
  const lanes: Promise<void>[] = [];
  for (let lane = 0; lane < count; lane++) {
    // A lane reused whole (--fixtures-file) creates nothing; one reused in part creates only what it lacks.
    const missing = ALIASES.filter((alias) => into[lane]?.ids[alias] === undefined);
    if (missing.length === 0) continue;
    const bodies = {
      A: laneFixtureBody(contract, seed, lane, 'A'),
      B: laneFixtureBody(contract, seed, lane, 'B'),
    };
    // Told of each of the lane's creates once it is accepted; its reads (withFixtures keeps the hook) say nothing new.
    const answered = new Map<string, () => void>();
    const createAnswered = Object.fromEntries(
      missing.map((alias) => [
        alias,
        new Promise<void>((resolve) => answered.set(`fixture-create-${alias}`, resolve)),
      ]),
    ) as Partial<Record<Alias, Promise<void>>>;
    const createsDone = createAnswered[missing[missing.length - 1] as Alias] as Promise<void>;
    const watching = client.forLane({
      fixtures: {},
      onExchanges: (exchanges) => {
        // A refused create (409, 400) is tried again before the next customer's: only a 2xx lets it go on.
        for (const exchange of exchanges) {
          const status = exchange.response?.status ?? 0;
          if (status >= 200 && status < 300) answered.get(exchange.role)?.();
        }
      },
    });
    const after = previous;
    const made = (async () => {
      await after;
      if (failed) return;
      try {
        // Stored before it is made: an A created before B failed is still put back.
        const set: FixtureSet = into[lane] ?? { ids: {}, initial: {}, createBodies: {}, adopted: false };
        into[lane] = set;
        await createFixturesFrom(watching, contract, bodies, seed, lane, set, missing, createAnswered);
      } catch (error) {
        failed = true;
        throw error;
      }
    })();
    lanes.push(made);
    // The next lane starts once this one's creates are answered, or it failed (then the run ends anyway).
    // (Its failure is the caller's, through `lanes`: the next lane only needs to know it is over.)
    previous = Promise.race([createsDone, made.catch(() => undefined)]);
  }
  // Every lane settled before returning (or throwing): nothing is still creating customers afterwards.
  const ends = await Promise.allSettled(lanes);
  const rejected = ends.find((end): end is PromiseRejectedResult => end.status === 'rejected');
  if (rejected) throw rejected.reason;
  return into;
}

/**
 * Reuses the customers an earlier run recorded (--fixtures-file) into `into`, every customer at once (their ids
 * are known, so no order is needed); `createLanes` then creates only what is missing. Returns how many were
 * reused and a note for each that could not be.
 */
export async function reuseLanes(
  client: ApiClient,
  contract: Contract,
  seed: number,
  count: number,
  recorded: LaneIds[],
  file: string,
  into: FixtureSet[],
): Promise<{ reused: number; notes: string[] }> {
  const notes: string[] = [];
  let reused = 0;
  await Promise.all(
    recorded.slice(0, count).flatMap((ids, lane) =>
      ALIASES.flatMap((alias) => {
        const id = ids[alias];
        if (id === undefined) return [];
        const body = laneFixtureBody(contract, seed, lane, alias);
        return [
          reuseFixture(client.forLane({ fixtures: {} }), id, alias, body, file).then((reuse) => {
            if (reuse.kind === 'replaced') notes.push(reuse.note);
            if (reuse.kind !== 'reused') return;
            const set = (into[lane] ??= { ids: {}, initial: {}, createBodies: {}, adopted: false });
            set.ids[alias] = reuse.id;
            set.initial[alias] = reuse.initial;
            set.createBodies[alias] = reuse.body;
            reused++;
          }),
        ];
      }),
    ),
  );
  return { reused, notes: notes.sort() };
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
): Promise<Release> {
  const releases = await Promise.all(
    lanes.map((set) =>
      releaseFixtures(client, contract, set).catch((): Release => ({ notes: [], leftInPlace: 0 })),
    ),
  );
  return {
    notes: releases.flatMap((release) => release.notes),
    leftInPlace: releases.reduce((sum, release) => sum + release.leftInPlace, 0),
  };
}

/**
 * Every lane's set-up as one check of the run: a backend that breaks the contract in its create answers does so
 * for every lane alike, so each finding (check and rule) is reported once, as its first lane met it.
 */
export function setupOfLanes(lanes: FixtureSet[]): { result: CheckResult; notes: string[] } | undefined {
  const setups = lanes.flatMap((lane) => (lane.setup ? [lane.setup] : []));
  const first = setups[0];
  if (!first) return undefined;
  const key = (v: Violation) => `${v.check}:${v.rule}`;
  const seen = new Set<string>();
  const failures = setups
    .flatMap((setup) => setup.result.failures)
    .filter((failure) => {
      const fresh = failure.violations.some((v) => !seen.has(key(v)));
      for (const v of failure.violations) seen.add(key(v));
      return fresh;
    });
  const cases: CheckResult['cases'] = {};
  for (const setup of setups) {
    for (const [rule, count] of Object.entries(setup.result.cases)) {
      cases[rule as keyof typeof cases] = (cases[rule as keyof typeof cases] ?? 0) + (count ?? 0);
    }
  }
  const notes = [...new Set(setups.flatMap((setup) => setup.notes))];
  return { result: { ...first.result, cases, failures }, notes };
}
