/** A2: a missing, foreign-scheme, empty or wrong credential is refused on every route, and nothing is stored. */
import { describe, expect, it } from 'vitest';
import { fullBody } from './bodies.ts';
import { contract, dataOf, EDGE_POLICIES, referenceClient, TOKEN, updatableOf } from './client.ts';

const { unauthenticated, wrongToken } = contract.tolerances.statuses;
const MISSING: [string, string | undefined][] = [
  ['no Authorization header', undefined],
  ['an empty header', ''],
  ['the Basic scheme', `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}`],
  ['the token without a scheme', TOKEN],
  ['"Bearer" alone', 'Bearer'],
  ['"Bearer " with a trailing space', 'Bearer '],
];

describe.each(EDGE_POLICIES)('edge policy %s', (edgePolicy) => {
  it.each(MISSING)('%s: 401 on PUT, GET and POST, nothing stored', async (_what, authorization) => {
    const client = referenceClient('merge', edgePolicy);
    const { id } = await client.create(fullBody('before'));
    const before = client.snapshot();
    const headers = { authorization };
    const replies = [
      await client.put(id, fullBody('after'), { headers }),
      await client.send('GET', `/unified/customer/${id}`, { headers }),
      await client.send('POST', '/unified/customer', { json: fullBody('new'), headers }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(401);
      expect(unauthenticated).toContain(reply.status);
    }
    expect(client.snapshot()).toEqual(before);
  });

  const wrongStatus = edgePolicy === 'strict' ? 403 : 401;
  it(`a wrong token: ${wrongStatus}, nothing stored`, async () => {
    const client = referenceClient('merge', edgePolicy);
    const { id } = await client.create(fullBody('before'));
    const before = client.snapshot();
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.toUpperCase()}`]) {
      const reply = await client.put(id, fullBody('after'), { headers: { authorization } });
      expect(reply.status).toBe(wrongStatus);
      expect(wrongToken).toContain(reply.status);
    }
    expect(client.snapshot()).toEqual(before);
  });

  it.each([['bearer'], ['BEARER'], ['bEaReR']])(
    'the scheme is case-insensitive: "%s <token>" is accepted',
    async (scheme) => {
      const client = referenceClient('merge', edgePolicy);
      const { id } = await client.create(fullBody('before'));
      const body = fullBody('after');
      const reply = await client.put(id, body, { headers: { authorization: `${scheme} ${TOKEN}` } });
      expect(reply.status).toBe(200);
      expect(updatableOf(dataOf(await client.get(id)))).toEqual(body);
    },
  );
});
