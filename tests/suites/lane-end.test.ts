/**
 * S6 across lanes, in process: after each lane played a case, a change to one lane's customer that its lane
 * did not make is caught at the end of the run, and nothing is flagged when there is none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../backend/http-server.ts';
import { createReferenceBackend } from '../../backend/reference-backend.ts';
import { loadContract } from '../../contracts/load.ts';
import { testClient } from '../support/test-client.ts';
import { createLanes } from '../../runner/lanes.ts';
import { LANE_CUSTOMERS_KEPT } from '../../suites/checks/lane-customers-kept.ts';
import { judgeLanesAtEnd } from '../../suites/lane-end.ts';
import { Lane } from '../../suites/lanes.ts';
import { sampleOne, validUpdates } from '../../suites/scenarios/arbitraries.ts';

const contract = loadContract();
const TOKEN = 'lane-end-token';
const backend = createReferenceBackend({ contract, token: TOKEN, semantics: 'merge' });
let server: RunningServer;
let lanes: Lane[];

beforeAll(async () => {
  server = await serve(backend.handler, 0);
  const base = testClient(server.origin, TOKEN, contract);
  const sets = await createLanes(base, contract, 11, 3, []);
  lanes = sets.map(
    (set, index) =>
      new Lane(index, base.forLane({ fixtures: set.ids }), {
        contract,
        semantics: 'merge',
        initial: set.initial,
      }),
  );
  await Promise.all(lanes.map((lane) => lane.play(sampleOne(validUpdates(contract), 5, lane.index))));
});

afterAll(() => server.close());

describe('the end-of-run isolation check (S6 across lanes)', () => {
  it('passes when every customer holds what its lane last wrote', async () => {
    const result = await judgeLanesAtEnd(lanes, 11);
    expect(result.failures).toEqual([]);
    expect(result.cases['S6']).toBe(6);
  });

  it('catches a write another lane made to this lane’s customer, and names the lane and its last write', async () => {
    const victim = lanes[1]?.client.options.fixtures.B as string;
    const row = backend.store.get(victim);
    if (!row) throw new Error('no victim row');
    backend.store.put({ ...row, name: 'Written by another lane' });
    const result = await judgeLanesAtEnd(lanes, 11);
    expect(result.failures).toHaveLength(1);
    const failure = result.failures[0];
    expect(failure?.lane).toBe(1);
    expect(failure?.rule).toBe('S6');
    expect(failure?.violations.map((v) => [v.check, v.pointer, v.got])).toEqual([
      [LANE_CUSTOMERS_KEPT, '/data/name', 'Written by another lane'],
    ]);
    // The failure shows its own lane's requests only.
    expect(failure?.exchanges.every((e) => e.lane === 1)).toBe(true);
  });

  it('catches a change between two of a lane’s reads even when the lane overwrites it afterwards', async () => {
    const lane = lanes[0] as Lane;
    const read = () => lane.client.send({ op: 'read', target: { fixture: 'A' }, auth: 'valid' }, 'readback');
    await read();
    const victim = lane.client.options.fixtures.A as string;
    const row = backend.store.get(victim);
    if (!row) throw new Error('no victim row');
    backend.store.put({ ...row, phone: 'Leaked from another lane' });
    await read();
    // The lane's next case rewrites the customer: the end-of-run read alone would see nothing wrong.
    const next = sampleOne(validUpdates(contract), 7, 0);
    if (next.kind !== 'update') throw new Error('expected an update scenario');
    await lane.play({ ...next, on: 'A' });
    const result = await judgeLanesAtEnd(lanes, 11);
    const failure = result.failures[0];
    expect(failure?.lane).toBe(0);
    expect(failure?.violations.map((v) => [v.pointer, v.got])).toEqual([
      ['/data/phone', 'Leaked from another lane'],
    ]);
    expect(failure?.violations[0]?.received).toMatch(/when read again \(request #\d+\)/);
  });
});
