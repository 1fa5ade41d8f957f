/** The compiled response and update schemas judge bodies as rule R1 and the seed's reference say. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../contracts/load.ts';

type Data = Record<string, unknown>;
const { validate } = loadContract();
/** The example response of the API reference (shared/seed/000_db178c627c5b19ce.txt), copied as is. */
const seed = JSON.parse(readFileSync(new URL('fixtures/seed-response.json', import.meta.url), 'utf8')) as {
  data: Data;
};

function withData(change: (data: Data) => void): unknown {
  const body = structuredClone(seed);
  change(body.data);
  return body;
}

/** The first ajv error as "pointer keyword", to show the schema refused for the right reason. */
function firstError(): string {
  const error = validate.response.errors?.[0];
  return `${error?.instancePath} ${error?.keyword}`;
}

describe('the response schema', () => {
  it("accepts the reference's example response", () => {
    expect(validate.response(seed), JSON.stringify(validate.response.errors)).toBe(true);
  });

  it('rejects a missing documented property', () => {
    expect(validate.response(withData((d) => delete d['phone']))).toBe(false);
    expect(firstError()).toBe('/data required');
  });

  it('rejects a missing data envelope', () => {
    expect(validate.response(seed.data)).toBe(false);
  });

  it('rejects a wrong type: is_primary "true"', () => {
    expect(validate.response(withData((d) => (d['is_primary'] = 'true')))).toBe(false);
    expect(firstError()).toBe('/data/is_primary type');
  });

  it('rejects a source_data_created_at that is not RFC 3339 ("2024-01-01 12:00:00")', () => {
    expect(validate.response(withData((d) => (d['source_data_created_at'] = '2024-01-01 12:00:00')))).toBe(
      false,
    );
    expect(firstError()).toBe('/data/source_data_created_at format');
  });

  it('accepts an RFC 3339 date-time with an offset', () => {
    expect(
      validate.response(withData((d) => (d['source_data_created_at'] = '2024-01-01T12:00:00+02:00'))),
    ).toBe(true);
  });

  it('rejects null in a non-nullable field (email null)', () => {
    expect(validate.response(withData((d) => (d['email'] = null)))).toBe(false);
    expect(firstError()).toBe('/data/email type');
  });

  it('accepts null in a nullable field (phone null)', () => {
    expect(validate.response(withData((d) => (d['phone'] = null)))).toBe(true);
  });

  it('accepts properties beyond the documented ones', () => {
    expect(validate.response(withData((d) => (d['tenant_id'] = 'x')))).toBe(true);
    expect(validate.response({ ...seed, meta: { page: 1 } })).toBe(true);
  });
});

describe('the update schema', () => {
  it('accepts {email, name}', () => {
    expect(validate.updateRequest({ email: 'customer@example.com', name: 'Acme Corp' })).toBe(true);
  });

  it('rejects a missing name', () => {
    expect(validate.updateRequest({ email: 'customer@example.com' })).toBe(false);
    expect(validate.updateRequest.errors?.[0]?.params).toEqual({ missingProperty: 'name' });
  });

  it('accepts null for an optional field and rejects it for a required one', () => {
    expect(validate.updateRequest({ email: 'a@b.co', name: 'A', phone: null })).toBe(true);
    expect(validate.updateRequest({ email: 'a@b.co', name: null })).toBe(false);
  });
});
