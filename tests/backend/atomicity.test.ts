/** A1: after any rejection (validation, auth, content type, edge case) the customer reads exactly as before. */
import { describe, expect, it } from 'vitest';
import { fullBody, minimalBody } from './bodies.ts';
import { dataOf, EDGE_POLICIES, referenceClient, type SendOptions } from './client.ts';

interface Rejection {
  what: string;
  options: SendOptions;
  /** Only under this edge policy; both when absent. */
  only?: 'lenient' | 'strict';
}

const after = fullBody('after');
const REJECTIONS: Rejection[] = [
  { what: 'name missing', options: { json: { email: after['email'], address_line1: 'new' } } },
  { what: 'email a number', options: { json: { ...after, email: 7 } } },
  { what: 'an optional field an object', options: { json: { ...after, phone: { n: 1 } } } },
  { what: 'an array body', options: { raw: JSON.stringify([after]) } },
  { what: 'unparseable JSON', options: { raw: JSON.stringify(after).slice(0, -1) } },
  { what: 'no token', options: { json: after, headers: { authorization: undefined } } },
  { what: 'a wrong token', options: { json: after, headers: { authorization: 'Bearer nope' } } },
  { what: 'an unknown property', options: { json: { ...after, extra: 1 } }, only: 'strict' },
  { what: 'a 256-character name', options: { json: { ...after, name: 'n'.repeat(256) } }, only: 'strict' },
  { what: 'text/plain', options: { json: after, headers: { 'content-type': 'text/plain' } }, only: 'strict' },
];

describe.each(EDGE_POLICIES)('edge policy %s', (edgePolicy) => {
  const cases = REJECTIONS.filter((r) => r.only === undefined || r.only === edgePolicy);

  it.each(cases)('$what: 4xx, and GET shows the customer as before', async ({ options }) => {
    const client = referenceClient('replace', edgePolicy);
    const { id } = await client.create(minimalBody('before'));
    // A first accepted PUT, so the state before the rejection is not the freshly created one.
    const accepted = dataOf(await client.put(id, fullBody('middle')));
    const before = dataOf(await client.get(id));
    expect(before).toEqual(accepted);

    const reply = await client.send('PUT', `/unified/customer/${id}`, options);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(dataOf(await client.get(id))).toEqual(before);
  });
});
