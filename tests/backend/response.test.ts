/** R1: every 200/201 is application/json; charset=utf-8 and validates against the contract's response schema. */
import { describe, expect, it } from 'vitest';
import { fullBody, minimalBody } from './bodies.ts';
import { contract, EDGE_POLICIES, referenceClient, SEMANTICS, type Reply } from './client.ts';

function expectValidResponse(reply: Reply, status: number): void {
  expect(reply.status).toBe(status);
  expect(reply.contentType).toBe('application/json; charset=utf-8');
  const valid = contract.validate.response(reply.json);
  expect(valid, JSON.stringify(contract.validate.response.errors)).toBe(true);
}

describe.each(SEMANTICS)('semantics %s', (semantics) => {
  describe.each(EDGE_POLICIES)('edge policy %s', (edgePolicy) => {
    it('POST, PUT (full and minimal) and GET answer valid JSON responses', async () => {
      const client = referenceClient(semantics, edgePolicy);
      const post = await client.send('POST', '/unified/customer', { json: minimalBody('a') });
      expectValidResponse(post, 201);
      const id = String((post.json as { data: { id: unknown } }).data.id);
      expectValidResponse(await client.put(id, fullBody('b')), 200);
      expectValidResponse(await client.get(id), 200);
      // After a minimal PUT the optional fields are null (replace) or kept (merge): valid either way.
      expectValidResponse(await client.put(id, minimalBody('c')), 200);
      expectValidResponse(await client.get(id), 200);
    });
  });
});

it('every documented property is present, and nothing else', async () => {
  const client = referenceClient();
  const { id } = await client.create(minimalBody('a'));
  const reply = await client.get(id);
  const data = (reply.json as { data: Record<string, unknown> }).data;
  expect(Object.keys(data).sort()).toEqual([...contract.fields.documented].sort());
  expect(data['source_data_created_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
});

it('an error answer is JSON too, with an error message', async () => {
  const reply = await referenceClient().get('cus_missing');
  expect(reply.status).toBe(404);
  expect(reply.contentType).toBe('application/json; charset=utf-8');
  expect(reply.json).toEqual({ error: expect.any(String) });
});
