/**
 * suites/coverage.ts records, where a case is judged, what it reached: per field and value class, the status,
 * and whether the stored value was compared. Scenarios are played against the reference, lenient and strict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../backend/http-server.ts';
import { createReferenceBackend } from '../../backend/reference-backend.ts';
import type { EdgePolicy } from '../../backend/types.ts';
import { loadContract } from '../../contracts/load.ts';
import { testClient } from '../support/test-client.ts';
import { createFixtures } from '../../runner/fixtures.ts';
import { CoverageTally } from '../../suites/coverage.ts';
import { judge } from '../../suites/judge.ts';
import { play } from '../../suites/scenarios/play.ts';
import type { UpdateScenario } from '../../suites/scenarios/scenario.ts';
import type { BodyCase } from '../../generators/index.ts';

const contract = loadContract();
const TOKEN = 'tok-coverage-test';
const BASELINE = Object.fromEntries(contract.fields.updatable.map((f) => [f, `${f} baseline`]));
BASELINE['email'] = 'baseline@example.com';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

async function lane(edgePolicy: EdgePolicy) {
  const server = await serve(createReferenceBackend({ contract, token: TOKEN, edgePolicy }).handler, 0);
  servers.push(server);
  const base = testClient(server.origin, TOKEN, contract);
  const fixtures = await createFixtures(base, contract, 1);
  const client = base.withFixtures(fixtures.ids);
  return async (s: UpdateScenario, tally: CoverageTally) => {
    const trace = await play(s, client);
    const ctx = { contract, semantics: 'merge' as const, initial: fixtures.initial };
    tally.add(trace, s, judge(trace, s, ctx).applied, ctx);
  };
}

function update(
  head: Pick<BodyCase, 'outcome' | 'rule' | 'pointer'>,
  body: Record<string, unknown>,
  auth: UpdateScenario['auth'] = 'valid',
): UpdateScenario {
  const text = JSON.stringify(body);
  return {
    kind: 'update',
    baseline: BASELINE,
    auth,
    case: { ...head, label: 'test', body: text, value: body },
  };
}

let lenient: Awaited<ReturnType<typeof lane>>;
let strict: Awaited<ReturnType<typeof lane>>;
beforeAll(async () => {
  lenient = await lane('lenient');
  strict = await lane('strict');
});

const valid = { outcome: 'MUST-ACCEPT', rule: 'B2', pointer: '' } as const;
const NFD = 'José'.normalize('NFD');

describe('CoverageTally', () => {
  it('an accepted valid body: each sent class stored and read back, null stored, omitted judged by S2', async () => {
    const tally = new CoverageTally();
    await lenient(update(valid, { email: 'a@example.com', name: NFD, phone: null }), tally);
    expect(tally.fields['name']?.['nfd']).toEqual({
      sent: 1,
      statuses: { 200: 1 },
      stored: 1,
      readBack: 1,
      unchanged: 0,
    });
    expect(tally.fields['phone']?.['null']).toMatchObject({ sent: 1, stored: 1, readBack: 1 });
    expect(tally.fields['address_city']?.['omitted']).toMatchObject({ sent: 1, stored: 1 });
  });

  it('a refused edge case counts for its own field only, as refused and kept unchanged (A1), never as stored', async () => {
    const tally = new CoverageTally();
    const edge = { outcome: 'MAY-EITHER', rule: 'B4', pointer: '/email' } as const;
    await strict(update(edge, { email: 'not-an-email', name: NFD }), tally);
    expect(tally.fields['email']?.['not-an-address']).toEqual({
      sent: 1,
      statuses: { 422: 1 },
      stored: 0,
      readBack: 0,
      unchanged: 1,
    });
    // The name was fine: a refusal caused by the email says nothing about it.
    expect(tally.fields['name']).toBeUndefined();

    await lenient(update(edge, { email: 'not-an-email', name: NFD }), tally);
    expect(tally.fields['email']?.['not-an-address']).toMatchObject({
      sent: 2,
      stored: 1,
      statuses: { 200: 1, 422: 1 },
    });
    expect(tally.fields['name']?.['nfd']).toMatchObject({ sent: 1, stored: 1 });
  });

  it('records nothing of a case refused for its credentials: its values never met the row', async () => {
    const tally = new CoverageTally();
    await lenient(
      update(
        { outcome: 'MUST-REJECT', rule: 'A2', pointer: '' },
        { email: 'a@example.com', name: 'x' },
        'wrong-token',
      ),
      tally,
    );
    expect(tally.fields).toEqual({});
  });
});
