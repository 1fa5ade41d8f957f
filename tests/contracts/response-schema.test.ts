/** The compiled response and update schemas judge bodies as rule R1 and the seed's reference say. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContract } from '../../contracts/load.ts';
import { copyContract, editJson, removeCopies } from './contract-dir.ts';

afterAll(removeCopies);

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

/** The read-only source metadata rule R1 lets be null by default: a customer created through the API has none. */
const SOURCE_METADATA = [
  'source_system',
  'source_system_img_url',
  'source_id',
  'external_system_provider_id',
  'external_system_config_id',
  'external_system_data',
  'supporting_data_definition_id',
  'source_data_created_at',
];

describe('the source metadata in the response schema (R1)', () => {
  it('lists exactly the eight source metadata fields as nullable by default', () => {
    expect(loadContract().tolerances.fields.mayBeNull).toEqual(SOURCE_METADATA);
  });

  it.each(SOURCE_METADATA)('accepts %s null by default', (field) => {
    expect(
      validate.response(withData((d) => (d[field] = null))),
      JSON.stringify(validate.response.errors),
    ).toBe(true);
  });

  it('accepts all eight null at once (a customer created through the API)', () => {
    const body = withData((d) => SOURCE_METADATA.forEach((field) => (d[field] = null)));
    expect(validate.response(body), JSON.stringify(validate.response.errors)).toBe(true);
  });

  it.each([
    ['source_system', 12],
    ['external_system_data', 'x'],
    ['external_system_data', ['x']],
    ['source_data_created_at', '2024-01-01 12:00:00'],
  ])('keeps the documented type and format when not null: rejects %s %j', (field, value) => {
    expect(validate.response(withData((d) => (d[field] = value)))).toBe(false);
    expect(firstError()).toMatch(new RegExp(`^/data/${field} (type|format)$`));
  });

  it.each(['id', 'email', 'name', 'is_primary', 'local_was_deleted', 'local_was_updated', 'is_active'])(
    'rejects %s null',
    (field) => {
      expect(validate.response(withData((d) => (d[field] = null)))).toBe(false);
      expect(firstError()).toBe(`/data/${field} type`);
    },
  );

  it.each(SOURCE_METADATA)('still requires %s to be present', (field) => {
    expect(validate.response(withData((d) => delete d[field]))).toBe(false);
    expect(validate.response.errors?.[0]?.params).toEqual({ missingProperty: field });
  });

  it('rejects a null the contract pins: a copy whose mayBeNull leaves source_system out', () => {
    const dir = copyContract();
    editJson(dir, 'tolerances.json', (t) => {
      (t['fields'] as Record<string, unknown>)['mayBeNull'] = SOURCE_METADATA.filter(
        (f) => f !== 'source_system',
      );
    });
    const pinned = loadContract(dir).validate.response;
    expect(pinned(withData((d) => (d['source_system'] = null)))).toBe(false);
    expect(`${pinned.errors?.[0]?.instancePath} ${pinned.errors?.[0]?.keyword}`).toBe(
      '/data/source_system type',
    );
    expect(pinned(withData((d) => (d['source_id'] = null)))).toBe(true);
    expect(pinned(seed)).toBe(true);
  });

  it('rejects every null source metadata field when the copy pins them all ([])', () => {
    const dir = copyContract();
    editJson(dir, 'tolerances.json', (t) => ((t['fields'] as Record<string, unknown>)['mayBeNull'] = []));
    const pinned = loadContract(dir).validate.response;
    for (const field of SOURCE_METADATA) {
      expect(pinned(withData((d) => (d[field] = null))), field).toBe(false);
    }
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
