/**
 * A scenario is one generated test case as plain data: the requests it makes are derived from it, so it can be
 * shrunk by fast-check, saved in a failure file, and replayed later against any backend.
 */
import type { AuthVariant } from '../../core/exchange.ts';
import type { BodyCase } from '../../generators/index.ts';

/** A body of every updatable field, each a string or null (null only where the field is optional). */
export type FullBody = Record<string, string | null>;

export type Alias = 'A' | 'B';

/**
 * Read the other fixture, PUT a baseline to the target fixture (and the history after it, when there is one),
 * then the case (with a credential variant), then read both back. The target is A or B, so a write that leaks
 * onto a neighbour is seen in either direction.
 */
export interface UpdateScenario {
  kind: 'update';
  /** The fixture written to (A when absent, as in files saved before it existed). */
  on?: Alias;
  baseline: FullBody;
  /** Full writes between the baseline and the case: rows a case that meets the stored row goes back to. */
  history?: FullBody[];
  case: BodyCase;
  auth: AuthVariant;
}

/** PUT a valid body to an id that does not exist, then GET it (I1). */
export interface UnknownIdScenario {
  kind: 'unknown-id';
  id: string;
  case: BodyCase;
}

/**
 * Another spelling of a fixture's real id (I1): read the real customer, PUT a valid body and GET at the
 * spelling, read the real customer again. `spelling` names how the id is made from the fixture's id at play
 * time (a replay's fixtures have other ids); `id` is the one this scenario was generated with.
 */
export interface IdSpellingScenario {
  kind: 'id-spelling';
  on: Alias;
  spelling: string;
  id: string;
  case: BodyCase;
}

/**
 * Creating a fixture customer and reading it back (the companion operations the suite sets up with): its
 * answers are held to the same response rules. `minimal` marks the required-fields-only body tried when the
 * full one is refused.
 */
export interface SetupScenario {
  kind: 'setup';
  of: Alias;
  body: string;
  minimal?: boolean;
}

/** The same PUT twice (S5). */
export interface RepeatScenario {
  kind: 'repeat';
  baseline: FullBody;
  case: BodyCase;
}

/** Concurrent PUTs of different full bodies to fixture A, then a GET (S7). */
export interface BurstScenario {
  kind: 'burst';
  baseline: FullBody;
  bodies: FullBody[];
}

/** A full baseline, then only the required fields: shows which PUT semantics the backend has (S2). */
export interface ProbeScenario {
  kind: 'probe';
  baseline: FullBody;
  case: BodyCase;
}

export type Scenario =
  | UpdateScenario
  | UnknownIdScenario
  | IdSpellingScenario
  | RepeatScenario
  | BurstScenario
  | ProbeScenario
  | SetupScenario;

/** Every kind, for checking a saved scenario before it is replayed. */
export const SCENARIO_KINDS: readonly Scenario['kind'][] = [
  'update',
  'unknown-id',
  'id-spelling',
  'repeat',
  'burst',
  'probe',
  'setup',
];

/** The fixture a scenario writes to, and the one it must leave alone. */
export function targetsOf(scenario: Scenario, hasB: boolean): { on: Alias; other: Alias | undefined } {
  const chosen = scenario.kind === 'update' || scenario.kind === 'id-spelling' ? scenario.on : undefined;
  const on = chosen === 'B' && hasB ? 'B' : 'A';
  return { on, other: hasB ? (on === 'A' ? 'B' : 'A') : undefined };
}
