/** The contract folder as shipped: valid draft 2020-12 schemas, a sound OpenAPI document, derived fields. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTRACT_DIR, loadContract } from '../../contracts/load.ts';
import { checkOpenApi } from '../../contracts/openapi-check.ts';

type Json = Record<string, unknown>;
// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

const read = (file: string): Json =>
  JSON.parse(readFileSync(join(DEFAULT_CONTRACT_DIR, file), 'utf8')) as Json;
const schemaFiles = readdirSync(join(DEFAULT_CONTRACT_DIR, 'schemas')).filter((f) => f.endsWith('.json'));

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  return ajv;
}

/** Every `$ref` string in a document, with its JSON pointer. */
function refsOf(node: unknown, pointer = ''): { pointer: string; ref: string }[] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string'
      ? [{ pointer, ref: value }]
      : refsOf(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  );
}

function resolvePointer(document: unknown, fragment: string): unknown {
  let node = document;
  for (const token of fragment.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

describe('the JSON Schemas in contracts/schemas/', () => {
  it('are the four the loader reads', () => {
    expect([...schemaFiles].sort()).toEqual([
      'create-request.schema.json',
      'customer-response.schema.json',
      'unified-customer.schema.json',
      'update-request.schema.json',
    ]);
  });

  it.each(schemaFiles)('%s declares draft 2020-12 and is valid against its meta-schema', (file) => {
    const schema = read(`schemas/${file}`);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(file);
    const ajv = newAjv();
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('all compile together with ajv + ajv-formats (the response schema resolves its $ref)', () => {
    const ajv = newAjv();
    for (const file of schemaFiles) ajv.addSchema(read(`schemas/${file}`));
    for (const file of schemaFiles) expect(typeof ajv.getSchema(file)).toBe('function');
  });

  it('the meta-schema check is not vacuous: "type": 12 is refused', () => {
    const ajv = newAjv();
    expect(ajv.validateSchema({ ...read('schemas/update-request.schema.json'), type: 12 })).toBe(false);
  });

  it('tolerances.json validates against tolerances.schema.json', () => {
    const ajv = newAjv();
    const validate = ajv.compile(read('tolerances.schema.json'));
    expect(validate(read('tolerances.json')), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('openapi.json', () => {
  const openapi = read('openapi.json');

  it('passes checkOpenApi', () => {
    expect(checkOpenApi(openapi, DEFAULT_CONTRACT_DIR)).toBeUndefined();
  });

  it('resolves every $ref, to a pointer inside it or to a schema file of the folder', () => {
    const refs = refsOf(openapi);
    expect(refs.length).toBeGreaterThanOrEqual(10);
    for (const { pointer, ref } of refs) {
      const [file = '', fragment = ''] = ref.split('#');
      const target = file ? read(file) : openapi;
      expect(resolvePointer(target, fragment), `${pointer}: ${ref}`).toBeDefined();
    }
  });

  it('checkOpenApi reports a $ref that does not resolve, with its pointer', () => {
    const broken = structuredClone(openapi);
    const ok = (broken['components'] as Json)['responses'] as Json;
    ok['NotFound'] = { $ref: '#/components/responses/Gone' };
    expect(checkOpenApi(broken, DEFAULT_CONTRACT_DIR)).toEqual({
      pointer: '/components/responses/NotFound/$ref',
      message: '$ref "#/components/responses/Gone" does not resolve',
    });
  });
});

describe('loadContract()', () => {
  const contract = loadContract();
  const { required, optional, updatable, documented, readOnly, serverManaged } = contract.fields;

  it('derives 2 required, 13 optional and 28 documented fields', () => {
    expect(required).toEqual(['email', 'name']);
    expect(optional).toHaveLength(13);
    expect(updatable).toEqual([...required, ...optional]);
    expect(documented).toHaveLength(28);
  });

  it('gives every documented property exactly one role: read-only, server-managed or updatable', () => {
    const roles = [...readOnly, ...serverManaged, ...updatable];
    expect(roles).toHaveLength(documented.length);
    expect([...roles].sort()).toEqual([...documented].sort());
    expect(serverManaged).toEqual(['local_was_updated']);
  });

  it('compiles the validators and keeps the tolerances', () => {
    expect(contract.validate.updateRequest({ email: 'a@b.co', name: 'A' })).toBe(true);
    expect(contract.validate.createRequest({ email: 'a@b.co' })).toBe(false);
    expect(contract.tolerances.statuses.reject).toEqual([400, 422]);
    expect(contract.tolerances.putSemantics).toBe('either');
  });
});
