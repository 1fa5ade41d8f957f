/** I1 (an unknown or malformed id is 404 and stays so) and I2 (data.id is the path id). */
import { describe, expect, it } from 'vitest';
import { fullBody } from './bodies.ts';
import { contract, dataOf, EDGE_POLICIES, referenceClient } from './client.ts';

const { notFound } = contract.tolerances.statuses;
const UNKNOWN: [string, string][] = [
  ['an id never created', 'cus_999999'],
  ['a malformed percent-encoding', '%E0%A4%A'],
  ['a lone percent sign', '%'],
  ['an encoded slash', 'cus_000001%2Fx'],
];

describe.each(EDGE_POLICIES)('edge policy %s', (edgePolicy) => {
  it.each(UNKNOWN)(
    'I1 %s: PUT answers 404, creates nothing, and GET still answers 404',
    async (_what, id) => {
      const client = referenceClient('merge', edgePolicy);
      await client.create(fullBody('existing'));
      const before = client.snapshot();
      const put = await client.put(id, fullBody('after'));
      expect(put.status).toBe(404);
      expect(notFound).toContain(put.status);
      expect((await client.get(id)).status).toBe(404);
      expect(client.snapshot()).toEqual(before);
    },
  );

  it('I2 data.id equals the path id on PUT and GET, for several customers', async () => {
    const client = referenceClient('merge', edgePolicy);
    const ids = [];
    for (const tag of ['a', 'b', 'c']) ids.push((await client.create(fullBody(tag))).id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) {
      expect(dataOf(await client.put(id, fullBody(`new${id.slice(-1)}`)))['id']).toBe(id);
      expect(dataOf(await client.get(id))['id']).toBe(id);
    }
  });

  it('I2 a percent-encoded path id names the same customer', async () => {
    const client = referenceClient('merge', edgePolicy);
    const { id } = await client.create(fullBody('a'));
    const encoded = id.replace('_', '%5F');
    const reply = await client.put(encoded, fullBody('b'));
    expect(reply.status).toBe(200);
    expect(dataOf(reply)['id']).toBe(id);
  });
});

it('I2 lenient: an id in the body does not move or rename the customer', async () => {
  const client = referenceClient('merge', 'lenient');
  const { id } = await client.create(fullBody('a'));
  const other = await client.create(fullBody('b'));
  const reply = await client.put(id, { ...fullBody('c'), id: other.id });
  expect(dataOf(reply)['id']).toBe(id);
  expect(dataOf(await client.get(id))['name']).toBe('Name c');
  expect(dataOf(await client.get(other.id))).toEqual(other);
  expect(client.snapshot()).toHaveLength(2);
});
