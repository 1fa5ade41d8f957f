/**
 * The id-spelling catalogue spread over the lanes: case i, on lane i mod N, spells that lane's own customer's id
 * (the same spelling and body as lane 0's catalogue at i), so a backend that folds the spelling writes to a
 * customer of the case's own lane, which the case reads before and after. Played on lane 0 alone, the
 * catalogue kept the other lanes idle for its whole length (about 90 requests one after another).
 */
import type { Contract } from '../../contracts/load.ts';
import { idSpellingCatalogue } from './arbitraries.ts';
import type { Alias, IdSpellingScenario } from './scenario.ts';

export interface SpreadSpellings {
  scenarios: IdSpellingScenario[];
  /** 'first' when some lane's ids do not take every spelling lane 0's do: then all run on lane 0, as before. */
  lanes: 'all' | 'first';
}

const shape = (catalogue: IdSpellingScenario[]) => catalogue.map((s) => `${s.on}:${s.spelling}`).join(',');

export function idSpellingsByLane(
  contract: Contract,
  lanes: Partial<Record<Alias, string>>[],
  seed: number,
): SpreadSpellings {
  const catalogues = lanes.map((fixtures) => idSpellingCatalogue(contract, fixtures, seed));
  const first = catalogues[0] ?? [];
  if (catalogues.some((catalogue) => shape(catalogue) !== shape(first))) {
    return { scenarios: first, lanes: 'first' };
  }
  return {
    scenarios: first.map((_, index) => catalogues[index % catalogues.length]?.[index] as IdSpellingScenario),
    lanes: 'all',
  };
}
