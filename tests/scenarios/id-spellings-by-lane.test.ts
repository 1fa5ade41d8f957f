/** The id-spelling catalogue over the lanes: case i spells the ids of its own lane (i mod N), or all stay on lane 0. */
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../contracts/load.ts';
import { idSpellingCatalogue } from '../../suites/scenarios/arbitraries.ts';
import { idSpellingsByLane } from '../../suites/scenarios/id-spellings-by-lane.ts';
import { spellId } from '../../suites/scenarios/id-spellings.ts';

const contract = loadContract();
const lanes = [
  { A: 'cus_000001', B: 'cus_000002' },
  { A: 'cus_000003', B: 'cus_000004' },
  { A: 'cus_000005', B: 'cus_000006' },
];

describe('id spellings by lane', () => {
  it('gives case i the spelling and body of lane 0’s catalogue, made from lane i mod N’s own id', () => {
    const base = idSpellingCatalogue(contract, lanes[0] ?? {}, 7);
    const { scenarios, lanes: where } = idSpellingsByLane(contract, lanes, 7);
    expect(where).toBe('all');
    expect(scenarios).toHaveLength(base.length);
    for (const [index, scenario] of scenarios.entries()) {
      const own = lanes[index % lanes.length]?.[scenario.on] as string;
      expect(scenario.spelling).toBe(base[index]?.spelling);
      expect(scenario.case).toEqual(base[index]?.case);
      expect(scenario.id).toBe(spellId(own, scenario.spelling));
    }
    // Every lane gets cases (the catalogue is longer than the lanes).
    expect(new Set(scenarios.map((s) => s.id.toLowerCase().slice(-1))).size).toBeGreaterThan(2);
  });

  it('keeps every case on lane 0 when another lane’s ids do not take the same spellings', () => {
    const mixed = [lanes[0] ?? {}, { A: '12345', B: '12346' }];
    const { scenarios, lanes: where } = idSpellingsByLane(contract, mixed, 7);
    expect(where).toBe('first');
    expect(scenarios).toEqual(idSpellingCatalogue(contract, mixed[0] ?? {}, 7));
  });
});
