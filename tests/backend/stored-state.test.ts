/** S1/S4 echo and read after write, S2 omitted fields, S3 read-only fields, S5 idempotence, S6 isolation. */
import { describe, expect, it } from 'vitest';
import { fullBody, minimalBody } from './bodies.ts';
import {
  contract,
  dataOf,
  EDGE_POLICIES,
  referenceClient,
  SEMANTICS,
  updatableOf,
  type Data,
} from './client.ts';

const { optional, readOnly } = contract.fields;
const pick = (data: Data, fields: string[]) => Object.fromEntries(fields.map((f) => [f, data[f]]));

describe.each(SEMANTICS)('semantics %s', (semantics) => {
  describe.each(EDGE_POLICIES)('edge policy %s', (edgePolicy) => {
    it('S1/S4: each PUT echoes every sent field and a GET then returns the same updatable fields', async () => {
      const client = referenceClient(semantics, edgePolicy);
      const { id } = await client.create(fullBody('before'));
      await client.get(id); // a read before the writes: a GET must not answer from a stale copy
      for (const tag of ['first', 'second']) {
        const body = { ...fullBody(tag), address_line2: null, phone: null };
        const put = dataOf(await client.put(id, body));
        for (const [field, value] of Object.entries(body)) expect(put[field], field).toBe(value);
        expect(updatableOf(dataOf(await client.get(id)))).toEqual(updatableOf(put));
      }
    });

    it('S3: a PUT leaves every read-only field as it was; local_was_updated may change', async () => {
      const client = referenceClient(semantics, edgePolicy);
      const created = await client.create(fullBody('before'));
      const put = dataOf(await client.put(created.id, fullBody('after')));
      expect(pick(put, readOnly)).toEqual(pick(created, readOnly));
      expect(pick(dataOf(await client.get(created.id)), readOnly)).toEqual(pick(created, readOnly));
      expect(put['local_was_updated']).toBe(true);
    });

    it('S5: the same PUT twice gives the same data', async () => {
      const client = referenceClient(semantics, edgePolicy);
      const { id } = await client.create(fullBody('before'));
      const body = { ...minimalBody('again'), address_city: 'Los Santos', phone: null };
      const first = dataOf(await client.put(id, body));
      const second = dataOf(await client.put(id, body));
      expect(second).toEqual(first);
    });

    it('S6: a PUT to one customer leaves the others unchanged, whichever was created first', async () => {
      const client = referenceClient(semantics, edgePolicy);
      const customers = [];
      for (const tag of ['first', 'second', 'third']) customers.push(await client.create(fullBody(tag)));
      for (const [n, target] of customers.entries()) {
        const others = customers.filter((c) => c.id !== target.id);
        const before = await Promise.all(others.map(async (c) => dataOf(await client.get(c.id))));
        const put = dataOf(await client.put(target.id, fullBody(`changed${n}`)));
        expect(put['name']).toBe(`Name changed${n}`);
        const after = await Promise.all(others.map(async (c) => dataOf(await client.get(c.id))));
        expect(after).toEqual(before);
      }
    });
  });
});

describe('S2 omitted optional fields, the same choice on every update', () => {
  it('merge keeps each one as it was', async () => {
    const client = referenceClient('merge');
    const created = await client.create(fullBody('before'));
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      const put = dataOf(await client.put(created.id, minimalBody(`after${n}`)));
      for (const data of [put, dataOf(await client.get(created.id))]) {
        expect(pick(data, optional)).toEqual(pick(created, optional));
        expect(data['name']).toBe(`Name after${n}`);
      }
    }
    expect(optional.every((f) => typeof created[f] === 'string')).toBe(true);
  });

  it('replace sets each one to null', async () => {
    const client = referenceClient('replace');
    const { id } = await client.create(fullBody('before'));
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      await client.put(id, fullBody(`full${n}`));
      const put = dataOf(await client.put(id, { ...minimalBody(`after${n}`), phone: '+1 555' }));
      for (const data of [put, dataOf(await client.get(id))]) {
        for (const field of optional) expect(data[field], field).toBe(field === 'phone' ? '+1 555' : null);
        expect(data['name']).toBe(`Name after${n}`);
      }
    }
  });
});
