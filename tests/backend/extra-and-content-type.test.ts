/** B6 (properties the contract does not list) and B7 (a JSON body under another content type). */
import { describe, expect, it } from 'vitest';
import { edgeRejections } from '../../contracts/load.ts';
import { fullBody } from './bodies.ts';
import { contract, dataOf, referenceClient, updatableOf, type Data } from './client.ts';

const { readOnly } = contract.fields;
const readOnlyOf = (data: Data) => Object.fromEntries(readOnly.map((f) => [f, data[f]]));

const EXTRAS: [string, Data][] = [
  ['an unknown name', { loyalty_tier: 'gold' }],
  ['a look-alike of name (full_name)', { full_name: 'Alias Name' }],
  ['id', { id: 'cus_other' }],
  ['is_primary', { is_primary: true }],
  ['source_system and is_active', { source_system: 'hacked', is_active: false }],
  [
    'every read-only name',
    { id: 'x', source_id: 'x', external_system_data: { x: 1 }, local_was_deleted: true },
  ],
];

describe('B6 properties the contract does not list', () => {
  it.each(EXTRAS)('lenient: %s is accepted and changes nothing else', async (_what, extra) => {
    const client = referenceClient('merge', 'lenient');
    const created = await client.create(fullBody('before'));
    const body = fullBody('after');
    const reply = await client.put(created.id, { ...body, ...extra });
    expect(reply.status).toBe(200);
    const stored = dataOf(await client.get(created.id));
    for (const data of [dataOf(reply), stored]) {
      expect(readOnlyOf(data)).toEqual(readOnlyOf(created));
      expect(updatableOf(data)).toEqual(body);
    }
  });

  it('lenient: an unknown name does not appear in the response or the stored customer', async () => {
    const client = referenceClient('merge', 'lenient');
    const { id } = await client.create(fullBody('before'));
    const reply = await client.put(id, { ...fullBody('after'), loyalty_tier: 'gold' });
    expect(dataOf(reply)).not.toHaveProperty('loyalty_tier');
    expect(dataOf(await client.get(id))).not.toHaveProperty('loyalty_tier');
  });

  it.each(EXTRAS)('strict: %s answers 422 and stores nothing', async (_what, extra) => {
    const client = referenceClient('merge', 'strict');
    const { id } = await client.create(fullBody('before'));
    const before = client.snapshot();
    const reply = await client.put(id, { ...fullBody('after'), ...extra });
    expect(reply.status).toBe(422);
    expect(client.snapshot()).toEqual(before);
  });
});

describe('B7 content type', () => {
  const OTHER = [['text/plain'], ['application/x-www-form-urlencoded'], ['none']];

  it.each(OTHER)('lenient: a JSON body sent as %s is accepted and stored', async (type) => {
    const client = referenceClient('merge', 'lenient');
    const { id } = await client.create(fullBody('before'));
    const body = fullBody('after');
    const reply = await client.put(id, body, {
      headers: { 'content-type': type === 'none' ? undefined : type },
    });
    expect(reply.status).toBe(200);
    expect(updatableOf(dataOf(await client.get(id)))).toEqual(body);
  });

  it.each(OTHER)('strict: a JSON body sent as %s answers 415 and stores nothing', async (type) => {
    const client = referenceClient('merge', 'strict');
    const { id } = await client.create(fullBody('before'));
    const before = client.snapshot();
    const headers = { 'content-type': type === 'none' ? undefined : type };
    const reply = await client.put(id, fullBody('after'), { headers });
    expect(reply.status).toBe(415);
    expect(edgeRejections(contract.tolerances)).toContain(reply.status);
    expect(client.snapshot()).toEqual(before);
  });

  it.each([['application/json; charset=utf-8'], ['Application/JSON']])(
    'strict: %s is accepted',
    async (type) => {
      const client = referenceClient('merge', 'strict');
      const { id } = await client.create(fullBody('before'));
      const reply = await client.put(id, fullBody('after'), { headers: { 'content-type': type } });
      expect(reply.status).toBe(200);
    },
  );
});
