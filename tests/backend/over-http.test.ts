/** The reference backend over real HTTP: one smoke round trip, and S7 (concurrent PUTs never mix bodies). */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBackend, TEST_TOKEN, type Served } from '../support/serve-backend.ts';
import { fullBody } from './bodies.ts';
import { contract, SEMANTICS, updatableOf, type Data } from './client.ts';

function call(served: Served, method: string, path: string, body?: unknown, token = TEST_TOKEN) {
  return fetch(`${served.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function dataOf(response: Response): Promise<Data> {
  return ((await response.json()) as { data: Data }).data;
}

describe.each(SEMANTICS)('over HTTP, semantics %s', (semantics) => {
  let served: Served;
  beforeAll(async () => {
    served = await serveBackend(undefined, semantics);
  });
  afterAll(() => served.server.close());

  it('smoke: POST, PUT and GET answer valid JSON; a wrong token 401; a malformed id 404', async () => {
    const created = await call(served, 'POST', '/unified/customer', fullBody('a'));
    expect(created.status).toBe(201);
    const id = String((await dataOf(created))['id']);
    const body = fullBody('b');
    const put = await call(served, 'PUT', `/unified/customer/${id}`, body);
    expect(put.status).toBe(200);
    expect(put.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const putData = await dataOf(put);
    expect(contract.validate.response({ data: putData })).toBe(true);
    expect(updatableOf(putData)).toEqual(body);
    const get = await call(served, 'GET', `/unified/customer/${id}`);
    expect(updatableOf(await dataOf(get))).toEqual(body);
    expect((await call(served, 'PUT', `/unified/customer/${id}`, fullBody('c'), 'wrong')).status).toBe(401);
    expect((await call(served, 'PUT', '/unified/customer/%E0%A4%A', fullBody('c'))).status).toBe(404);
  });

  it('S7: bursts of 12 concurrent PUTs all answer 200 and leave exactly one of the bodies stored', async () => {
    const created = await call(served, 'POST', '/unified/customer', fullBody('start'));
    const id = String((await dataOf(created))['id']);
    const { burstSize, bursts } = contract.tolerances.concurrency;
    expect(burstSize).toBe(12);
    for (let burst = 0; burst < bursts; burst += 1) {
      const bodies = Array.from({ length: burstSize }, (_, n) => fullBody(`burst${burst}n${n}`));
      const replies = await Promise.all(
        bodies.map((body) => call(served, 'PUT', `/unified/customer/${id}`, body)),
      );
      expect(replies.map((r) => r.status)).toEqual(bodies.map(() => 200));
      for (const [n, reply] of replies.entries()) expect(updatableOf(await dataOf(reply))).toEqual(bodies[n]);
      const stored = updatableOf(await dataOf(await call(served, 'GET', `/unified/customer/${id}`)));
      expect(
        bodies.filter((body) => isDeepStrictEqual(body, stored)),
        `burst ${burst}`,
      ).toHaveLength(1);
    }
  });
});
