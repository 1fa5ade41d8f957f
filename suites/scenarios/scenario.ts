/**
 * A scenario is one generated test case as plain data: the requests it makes are derived from it, so it can be
 * shrunk by fast-check, saved in a failure file, and replayed later against any backend.
 */
import type { AuthVariant } from '../../core/exchange.ts';
import type { BodyCase } from '../../generators/index.ts';

export type FullBody = Record<string, string>;

/** PUT a baseline to fixture A, then the case (with a credential variant), then read A and B back. */
export interface UpdateScenario {
  kind: 'update';
  baseline: FullBody;
  case: BodyCase;
  auth: AuthVariant;
}

/** PUT a valid body to an id that does not exist, then GET it (I1). */
export interface UnknownIdScenario {
  kind: 'unknown-id';
  id: string;
  case: BodyCase;
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

export type Scenario = UpdateScenario | UnknownIdScenario | RepeatScenario | BurstScenario | ProbeScenario;
