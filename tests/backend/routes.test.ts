/** The companions of PUT: DELETE, the paginated list, an unknown route (404) and a wrong method (405). */
import { describe, expect, it } from 'vitest';
import { fullBody } from './bodies.ts';
import { createReferenceBackend } from '../../backend/reference-backend.ts';
import { contract, PREFIX, referenceClient, TOKEN } from './client.ts';

interface Page {
  data: Record<string, unknown>[];
  page: number;
  limit: number;
  totalPages: number;
  totalResults: number;
}

describe('DELETE /unified/customer/{id}', () => {
  it('answers 204, then GET answers 404 and a second DELETE 404', async () => {
    const client = referenceClient();
    const { id } = await client.create(fullBody('a'));
    const other = await client.create(fullBody('b'));
    const deleted = await client.send('DELETE', `/unified/customer/${id}`);
    expect(deleted.status).toBe(204);
    expect((await client.get(id)).status).toBe(404);
    expect((await client.send('DELETE', `/unified/customer/${id}`)).status).toBe(404);
    expect((await client.get(other.id)).status).toBe(200);
  });

  it('needs the token', async () => {
    const client = referenceClient();
    const { id } = await client.create(fullBody('a'));
    const reply = await client.send('DELETE', `/unified/customer/${id}`, {
      headers: { authorization: undefined },
    });
    expect(reply.status).toBe(401);
    expect((await client.get(id)).status).toBe(200);
  });
});

describe('GET /unified/customers', () => {
  async function listOf(count: number) {
    const client = referenceClient();
    for (let n = 0; n < count; n += 1) await client.create(fullBody(`c${n}`));
    return client;
  }

  it('page=1&limit=10 answers the page, limit, totalPages and totalResults', async () => {
    const client = await listOf(3);
    const reply = await client.send('GET', '/unified/customers?page=1&limit=10');
    expect(reply.status).toBe(200);
    const page = reply.json as Page;
    expect({ ...page, data: page.data.length }).toEqual({
      data: 3,
      page: 1,
      limit: 10,
      totalPages: 1,
      totalResults: 3,
    });
    for (const data of page.data) expect(contract.validate.response({ data })).toBe(true);
  });

  it('pages through the customers without overlap', async () => {
    const client = await listOf(5);
    const pages = [];
    for (const n of [1, 2, 3])
      pages.push((await client.send('GET', `/unified/customers?page=${n}&limit=2`)).json as Page);
    expect(pages.map((p) => p.data.length)).toEqual([2, 2, 1]);
    expect(pages.every((p) => p.totalPages === 3 && p.totalResults === 5)).toBe(true);
    expect(new Set(pages.flatMap((p) => p.data.map((c) => c['id']))).size).toBe(5);
  });

  it.each([['limit=0'], ['limit=101'], ['page=0'], ['limit=abc'], ['page=1.5']])(
    '%s answers 400',
    async (query) => {
      const client = await listOf(1);
      expect((await client.send('GET', `/unified/customers?${query}`)).status).toBe(400);
    },
  );

  it('limit=100 is the largest accepted', async () => {
    const client = await listOf(1);
    expect((await client.send('GET', '/unified/customers?page=1&limit=100')).status).toBe(200);
  });
});

describe('routing', () => {
  it.each([
    ['GET', '/unified/nothing'],
    ['PUT', '/unified/customer/'],
    ['PUT', '/unified/customer/a/b'],
    ['GET', '/unified/customers/extra'],
  ])('%s %s: 404', async (method, path) => {
    const reply = await referenceClient().send(method, path, { json: fullBody('a') });
    expect(reply.status).toBe(404);
  });

  it('a path outside the /api/v1 prefix: 404', async () => {
    const { handler, store } = createReferenceBackend({ contract, token: TOKEN });
    store.put({ id: 'cus_1', email: 'a@example.com', name: 'A' });
    const headers = { authorization: `Bearer ${TOKEN}` };
    const request = { method: 'GET', query: new URLSearchParams(), headers, body: '' };
    expect((await handler({ ...request, path: `${PREFIX}/unified/customer/cus_1` })).status).toBe(200);
    expect((await handler({ ...request, path: '/unified/customer/cus_1' })).status).toBe(404);
    expect((await handler({ ...request, path: '/api/v2/unified/customer/cus_1' })).status).toBe(404);
  });

  it.each([
    ['PATCH', '/unified/customer/{id}'],
    ['POST', '/unified/customer/{id}'],
    ['PUT', '/unified/customer'],
    ['DELETE', '/unified/customers'],
  ])('%s %s: 405, nothing changed', async (method, path) => {
    const client = referenceClient();
    const { id } = await client.create(fullBody('a'));
    const before = client.snapshot();
    const reply = await client.send(method, path.replace('{id}', id), { json: fullBody('b') });
    expect(reply.status).toBe(405);
    expect(client.snapshot()).toEqual(before);
  });
});
