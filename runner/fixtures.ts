/**
 * The customers the suite writes to. By default it creates its own (recognisable as test data, bodies derived
 * from the seed); given existing ids it snapshots each first and puts it back at the end.
 */
import type { Contract } from '../contracts/load.ts';
import type { Exchange } from '../core/exchange.ts';
import type { CheckResult } from '../core/result.ts';
import type { ApiClient } from '../http/api-client.ts';
import { fullBody } from '../generators/index.ts';
import { sampleOne } from '../suites/scenarios/arbitraries.ts';
import { dataOf } from '../suites/checks/values.ts';
import { seedFor } from '../suites/seeds.ts';
import { SetupJudge } from './setup-judge.ts';
import { TargetError } from './target-error.ts';

export type Alias = 'A' | 'B';
export const ALIASES: Alias[] = ['A', 'B'];

export interface FixtureSet {
  ids: Partial<Record<Alias, string>>;
  /** Documented fields of each at the start. */
  initial: Partial<Record<Alias, Record<string, unknown>>>;
  /** Create bodies, for replays. */
  createBodies: Partial<Record<Alias, string>>;
  /** True when the customers were given with --customer-id (restored at the end, not deleted). */
  adopted: boolean;
  /** When each created customer's POST was sent (ms since the epoch): its age, for replays. */
  createdAt?: Partial<Record<Alias, number>>;
  /** The set-up judged by the contract (created fixtures only), and what the run should say about it. */
  setup?: { result: CheckResult; notes: string[] };
}

function refusedMessage(exchange: Exchange, what: string): string {
  const status = exchange.response?.status;
  if (status === 401 || status === 403) {
    return `the token was refused (${status}) when ${what}; check API_TOKEN`;
  }
  if (exchange.error) return `${exchange.error} when ${what}; check --base-url and that the backend is up`;
  return `${what} answered ${status}`;
}

export function fixtureBody(contract: Contract, seed: number, alias: Alias): string {
  const body = sampleOne(fullBody(contract), seedFor(seed, `fixture-${alias}`));
  const tag = (seed >>> 0).toString(16);
  body['name'] = `Conformance fixture ${alias} ${tag}`;
  body['email'] = `conformance.fixture.${alias.toLowerCase()}.${tag}@example.com`;
  return JSON.stringify(body);
}

/** The required fields only, short realistic values: tried when a create refuses the full body. */
export function minimalFixtureBody(contract: Contract, seed: number, alias: Alias, lane = 0): string {
  const full = JSON.parse(fixtureBody(contract, seed, alias)) as Record<string, unknown>;
  // Each lane's own name and email: a backend that wants them unique must not refuse a later lane's customer.
  const tag = `${(seed >>> 0).toString(16)}${lane === 0 ? '' : `.${lane}`}`;
  const body = Object.fromEntries(contract.fields.required.map((f) => [f, full[f]]));
  body['name'] = `Conformance fixture ${alias} ${tag}`;
  body['email'] = `conformance.${alias.toLowerCase()}.${tag}@example.com`;
  return JSON.stringify(body);
}

async function snapshot(client: ApiClient, alias: Alias, what: string): Promise<Record<string, unknown>> {
  const read = await client.send(
    { op: 'read', target: { fixture: alias }, auth: 'valid' },
    `fixture-read-${alias}`,
  );
  const data = dataOf(read);
  if (read.response?.status !== 200 || !data) throw new TargetError(refusedMessage(read, `reading ${what}`));
  return data;
}

export async function createFixtures(
  client: ApiClient,
  contract: Contract,
  seed: number,
): Promise<FixtureSet> {
  return createFixturesFrom(client, contract, {}, seed);
}

/** Creates fixtures from saved create bodies (a replay), or from the seed where none is saved. */
export async function createFixturesFrom(
  client: ApiClient,
  contract: Contract,
  bodies: Partial<Record<Alias, string>>,
  seed: number,
  lane = 0,
  /** Filled customer by customer, so a caller can put back what exists when set-up fails half way. */
  set: FixtureSet = { ids: {}, initial: {}, createBodies: {}, adopted: false },
  /** The customers to create (a lane reused in part from --fixtures-file has the others already). */
  aliases: Alias[] = ALIASES,
  /**
   * Per customer, settled once its create is accepted (the client's onExchanges sees it): the next customer's
   * create then goes out while this one is read back. Without it, each customer is created and read back before
   * the next one's create.
   */
  createAnswered: Partial<Record<Alias, Promise<void>>> = {},
): Promise<FixtureSet> {
  const judge = new SetupJudge(client, contract, seed);
  // The creates still go out one after another, in alias order (a backend that numbers its customers gives the
  // same ids every run); only the read-backs overlap the next create.
  let previous: Promise<unknown> = Promise.resolve();
  let failed = false;
  const made = aliases.map((alias) => {
    const after = previous;
    const made = (async () => {
      await after;
      if (failed) return;
      try {
        const body = bodies[alias] ?? fixtureBody(contract, seed, alias);
        const created = await judge.create(alias, body, minimalFixtureBody(contract, seed, alias, lane));
        set.ids[alias] = created.id;
        set.createBodies[alias] = created.body;
        set.initial[alias] = created.initial;
        if (created.createdAt !== undefined) (set.createdAt ??= {})[alias] = created.createdAt;
      } catch (error) {
        failed = true;
        throw error;
      }
    })();
    const settled = made.catch(() => undefined);
    const answered = createAnswered[alias];
    previous = answered ? Promise.race([answered, settled]) : settled;
    return made;
  });
  const ends = await Promise.allSettled(made);
  const rejected = ends.find((end): end is PromiseRejectedResult => end.status === 'rejected');
  if (rejected) throw rejected.reason;
  set.setup = { result: judge.result(), notes: judge.notes };
  return set;
}

export async function adoptFixtures(client: ApiClient, ids: string[]): Promise<FixtureSet> {
  const set: FixtureSet = { ids: {}, initial: {}, createBodies: {}, adopted: true };
  ids.slice(0, 2).forEach((id, index) => (set.ids[ALIASES[index] as Alias] = id));
  const reading = client.withFixtures(set.ids);
  for (const alias of ALIASES) {
    if (set.ids[alias] === undefined) continue;
    set.initial[alias] = await snapshot(reading, alias, `customer ${set.ids[alias]} (--customer-id)`);
  }
  return set;
}

/** What putting fixtures back did: a note for each that needs one, and how many are left in place as test data. */
export interface Release {
  notes: string[];
  /** Created customers reset to their creation body and left there (the contract has no delete). */
  leftInPlace: number;
}

/** Puts adopted customers back as they were, or deletes created ones where a delete path is configured. */
export async function releaseFixtures(
  client: ApiClient,
  contract: Contract,
  set: FixtureSet,
): Promise<Release> {
  const notes: string[] = [];
  let leftInPlace = 0;
  const scoped = client.withFixtures(set.ids);
  for (const alias of ALIASES) {
    const id = set.ids[alias];
    const initial = set.initial[alias];
    if (id === undefined) continue;
    if (set.adopted && initial) {
      const body = Object.fromEntries(contract.fields.updatable.map((f) => [f, initial[f] ?? null]));
      const restored = await scoped.send(
        {
          op: 'update',
          target: { fixture: alias },
          auth: 'valid',
          contentType: 'application/json',
          body: JSON.stringify(body),
        },
        `fixture-restore-${alias}`,
      );
      notes.push(
        restored.response?.status === 200
          ? `customer ${id} restored to its state before the run`
          : `customer ${id} could NOT be restored (${restored.response?.status ?? restored.error}); its state before the run is in the report's fixtures.json`,
      );
    } else if (contract.tolerances.paths.delete) {
      const deleted = await scoped.send(
        { op: 'delete', target: { fixture: alias }, auth: 'valid' },
        `fixture-delete-${alias}`,
      );
      const status = deleted.response?.status ?? 0;
      notes.push(
        status >= 200 && status < 300
          ? `fixture customer ${id} deleted`
          : `fixture customer ${id} could not be deleted (${status || deleted.error})`,
      );
    } else {
      // No delete: put the create body back so the customer is recognisable as test data again (and reusable).
      const body = set.createBodies[alias];
      const reset =
        body === undefined
          ? undefined
          : await scoped.send(
              {
                op: 'update',
                target: { fixture: alias },
                auth: 'valid',
                contentType: 'application/json',
                body,
              },
              `fixture-reset-${alias}`,
            );
      leftInPlace++;
      // A reset customer is counted in the run's one fixtures line; only one that could not be reset needs a word.
      if (reset?.response?.status !== 200) {
        notes.push(
          `fixture customer ${id} is left in place (no delete path in the contract) and could NOT be reset to its creation body (${reset?.response?.status ?? reset?.error ?? 'no body'})`,
        );
      }
    }
  }
  return { notes, leftInPlace };
}
