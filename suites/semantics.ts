/**
 * The PUT semantics to judge omitted fields by (S2): the one the contract pins, or, where it allows either,
 * the one the backend shows when sent only the required fields after a full body.
 */
import type { Contract } from '../contracts/load.ts';
import type { ApiClient } from '../http/api-client.ts';
import type { Resolved } from './checks/check.ts';
import { probedSemantics } from './checks/semantics-probe.ts';
import { probe } from './scenarios/arbitraries.ts';
import { play } from './scenarios/play.ts';
import { seedFor } from './seeds.ts';

export async function resolveSemantics(
  contract: Contract,
  client: ApiClient,
  runSeed: number,
): Promise<Resolved> {
  const pinned = contract.tolerances.putSemantics;
  if (pinned !== 'either') return pinned;
  const scenario = probe(contract, seedFor(runSeed, 'semantics-probe'));
  const shown = probedSemantics(await play(scenario, client), scenario, contract.fields.optional);
  return shown === 'mixed' ? undefined : shown;
}
