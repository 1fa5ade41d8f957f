/** B1, B2, B5: required and optional field types, and bodies that are not a JSON object. */
import { describe, expect, it } from 'vitest';
import { fullBody, minimalBody } from './bodies.ts';
import { contract, dataOf, EDGE_POLICIES, referenceClient, SEMANTICS } from './client.ts';

const { reject } = contract.tolerances.statuses;
const WRONG_TYPES: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a boolean', true],
  ['an object', { value: 'x' }],
  ['an array', ['x']],
];

describe.each(EDGE_POLICIES)('edge policy %s', (edgePolicy) => {
  describe('B1 required fields', () => {
    const cases = ['email', 'name'].flatMap((field) => [
      { field, what: 'missing', value: undefined as unknown },
      ...WRONG_TYPES.map(([what, value]) => ({ field, what, value })),
    ]);

    it.each(cases)(
      '$field $what: rejected (400) on PUT and POST, nothing stored',
      async ({ field, value }) => {
        const client = referenceClient('merge', edgePolicy);
        const { id } = await client.create(fullBody('before'));
        const before = client.snapshot();
        const body = { ...fullBody('after'), [field]: value };
        if (value === undefined) delete body[field];

        const put = await client.put(id, body);
        const post = await client.send('POST', '/unified/customer', { json: body });

        for (const reply of [put, post]) {
          expect(reply.status).toBe(400);
          expect(reject).toContain(reply.status);
        }
        expect(client.snapshot()).toEqual(before);
      },
    );
  });

  describe.each(SEMANTICS)('B2 optional fields (%s)', (semantics) => {
    it.each(contract.fields.optional)('%s: null is accepted and stored as null', async (field) => {
      const client = referenceClient(semantics, edgePolicy);
      const { id } = await client.create(fullBody('before'));
      const reply = await client.put(id, { ...fullBody('after'), [field]: null });
      expect(reply.status).toBe(200);
      expect(dataOf(reply)[field]).toBeNull();
      const stored = dataOf(await client.get(id));
      expect(stored[field]).toBeNull();
      expect(stored['name']).toBe('Name after');
    });
  });

  describe('B2 optional fields of a non-string type', () => {
    const cases = contract.fields.optional.flatMap((field) =>
      WRONG_TYPES.filter(([what]) => what !== 'null').map(([what, value]) => ({ field, what, value })),
    );

    it.each(cases)('$field $what: rejected (400), nothing stored', async ({ field, value }) => {
      const client = referenceClient('merge', edgePolicy);
      const { id } = await client.create(fullBody('before'));
      const before = client.snapshot();
      const reply = await client.put(id, { ...minimalBody('after'), [field]: value });
      expect(reply.status).toBe(400);
      expect(client.snapshot()).toEqual(before);
    });
  });

  describe('B5 the body is not a JSON object', () => {
    const bodies: [string, string][] = [
      ['an array', '[{"email":"a@example.com","name":"A"}]'],
      ['an empty array', '[]'],
      ['a string', '"customer"'],
      ['a number', '42'],
      ['true', 'true'],
      ['false', 'false'],
      ['null', 'null'],
      ['unparseable JSON', '{"email":"a@example.com","name":'],
      ['JSON with a trailing comma', '{"email":"a@example.com","name":"A",}'],
      ['empty', ''],
      ['whitespace', '  \n'],
    ];

    it.each(bodies)('%s: 400 on PUT and POST, nothing stored', async (_what, raw) => {
      const client = referenceClient('merge', edgePolicy);
      const { id } = await client.create(fullBody('before'));
      const before = client.snapshot();
      const put = await client.put(id, undefined, { raw });
      const post = await client.send('POST', '/unified/customer', { raw });
      expect([put.status, post.status]).toEqual([400, 400]);
      expect(client.snapshot()).toEqual(before);
    });
  });
});
