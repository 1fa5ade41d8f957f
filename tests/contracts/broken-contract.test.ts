/** A contract folder broken in one place gives a one-line ContractError naming the file and the JSON pointer. */
import { afterAll, describe, expect, it } from 'vitest';
import { ContractError, loadContract } from '../../contracts/load.ts';
import { copyContract, editJson, loadError, removeCopies, writeText } from './contract-dir.ts';

afterAll(removeCopies);

type Json = Record<string, unknown>;
const at = (value: Json, ...keys: string[]): Json => keys.reduce((node, key) => node[key] as Json, value);

interface Case {
  name: string;
  breakIt: (dir: string) => void;
  file: string;
  pointer: string;
  says: string;
}

/** Breaks tolerances.json by setting fields.<role> to `names`. */
const setRole = (role: string, names: string[]) => (dir: string) =>
  editJson(dir, 'tolerances.json', (t) => (at(t, 'fields')[role] = names));

const PUT_SCHEMA = ['paths', '/unified/customer/{unifiedCustomerId}', 'put', 'requestBody', 'content'];

const cases: Case[] = [
  {
    name: 'statuses.reject [200]',
    breakIt: (dir) => editJson(dir, 'tolerances.json', (t) => (at(t, 'statuses')['reject'] = [200])),
    file: 'tolerances.json',
    pointer: '/statuses/reject/0',
    says: 'must be >= 400',
  },
  {
    name: 'coverage.require "yes"',
    breakIt: (dir) => editJson(dir, 'tolerances.json', (t) => (t['coverage'] = { require: 'yes' })),
    file: 'tolerances.json',
    pointer: '/coverage/require',
    says: 'must be boolean',
  },
  {
    name: 'coverage.exempt entry that names nothing',
    breakIt: (dir) => editJson(dir, 'tolerances.json', (t) => (t['coverage'] = { exempt: ['max length'] })),
    file: 'tolerances.json',
    pointer: '/coverage/exempt/0',
    says: 'must match pattern',
  },
  {
    name: 'putSemantics "sometimes"',
    breakIt: (dir) => editJson(dir, 'tolerances.json', (t) => (t['putSemantics'] = 'sometimes')),
    file: 'tolerances.json',
    pointer: '/putSemantics',
    says: 'allowed values',
  },
  {
    name: 'invalid JSON text',
    breakIt: (dir) => writeText(dir, 'tolerances.json', '{ "operation": "PUT",\n  "paths": '),
    file: 'tolerances.json',
    pointer: '',
    says: 'is not valid JSON',
  },
  {
    name: 'a schema with "type": 12',
    breakIt: (dir) => editJson(dir, 'schemas/update-request.schema.json', (s) => (s['type'] = 12)),
    file: 'schemas/update-request.schema.json',
    pointer: '/type',
    says: 'is not a valid JSON Schema',
  },
  {
    name: 'openapi.json with a $ref to a missing file',
    breakIt: (dir) =>
      editJson(dir, 'openapi.json', (o) => {
        at(o, ...PUT_SCHEMA, 'application/json')['schema'] = { $ref: 'schemas/missing.schema.json' };
      }),
    file: 'openapi.json',
    pointer:
      '/paths/~1unified~1customer~1{unifiedCustomerId}/put/requestBody/content/application~1json/schema/$ref',
    says: 'names a file that does not exist',
  },
  {
    name: 'readOnly naming an updatable field (email)',
    breakIt: setRole('readOnly', ['email']),
    file: 'tolerances.json',
    pointer: '/fields/readOnly/0',
    says: '"email" is updatable',
  },
  {
    name: 'a documented property in no role',
    breakIt: (dir) =>
      editJson(dir, 'schemas/unified-customer.schema.json', (s) => {
        at(s, 'properties')['tenant_id'] = { type: 'string' };
      }),
    file: 'tolerances.json',
    pointer: '/fields',
    says: 'documented property "tenant_id" is neither updatable, read-only nor server-managed',
  },
  // Regression: serverManaged was not checked, so naming email there silently muted email in A1, S5 and S6.
  {
    name: 'serverManaged naming an updatable field (email)',
    breakIt: setRole('serverManaged', ['email']),
    file: 'tolerances.json',
    pointer: '/fields/serverManaged/0',
    says: '"email" is updatable, so it cannot be server-managed',
  },
  {
    name: 'serverManaged naming an undocumented property',
    breakIt: setRole('serverManaged', ['local_was_updated', 'etag']),
    file: 'tolerances.json',
    pointer: '/fields/serverManaged/1',
    says: '"etag" is not a documented customer property',
  },
  {
    name: 'serverManaged naming a read-only field',
    breakIt: setRole('serverManaged', ['local_was_updated', 'is_active']),
    file: 'tolerances.json',
    pointer: '/fields/serverManaged/1',
    says: '"is_active" is read-only, so it cannot be server-managed',
  },
  {
    name: 'mayBeNull naming a field R1 never lets be null (id)',
    breakIt: setRole('mayBeNull', ['source_system', 'id']),
    file: 'tolerances.json',
    pointer: '/fields/mayBeNull/1',
    says: 'must be equal to one of the allowed values: "source_system",',
  },
  {
    name: 'mayBeNull written as a boolean',
    breakIt: setRole('mayBeNull', true as unknown as string[]),
    file: 'tolerances.json',
    pointer: '/fields/mayBeNull',
    says: 'must be array',
  },
  {
    name: 'mayBeNull left out (a copy made before it existed)',
    breakIt: (dir) => editJson(dir, 'tolerances.json', (t) => delete at(t, 'fields')['mayBeNull']),
    file: 'tolerances.json',
    pointer: '/fields',
    says: "must have required property 'mayBeNull'",
  },
  {
    name: 'mayBeNull naming a field the customer schema does not document',
    breakIt: (dir) =>
      editJson(dir, 'schemas/unified-customer.schema.json', (s) => {
        delete at(s, 'properties')['source_id'];
        s['required'] = (s['required'] as string[]).filter((name) => name !== 'source_id');
      }),
    file: 'tolerances.json',
    pointer: '/fields/mayBeNull/2',
    says: '"source_id" is not a documented customer property',
  },
  {
    name: 'an updatable field the customer schema does not document',
    breakIt: (dir) =>
      editJson(dir, 'schemas/update-request.schema.json', (s) => {
        at(s, 'properties')['fax'] = { type: ['string', 'null'] };
      }),
    file: 'schemas/update-request.schema.json',
    pointer: '/properties/fax',
    says: '"fax" is not a documented customer property',
  },
];

describe('a broken contract folder', () => {
  it('the unbroken copy loads (so each case below fails for its own break)', () => {
    expect(loadContract(copyContract()).fields.documented).toHaveLength(28);
  });

  it.each(cases)('$name: ContractError at $file $pointer', ({ breakIt, file, pointer, says }) => {
    const dir = copyContract();
    breakIt(dir);
    const error = loadError(dir);
    expect(error).toBeInstanceOf(ContractError);
    const contractError = error as ContractError;
    expect(contractError.file).toBe(file);
    expect(contractError.pointer).toBe(pointer);
    expect(contractError.message).toContain(says);
    expect(contractError.message).toMatch(new RegExp(`^contract file ${file.replace(/\./g, '\\.')}`));
    expect(contractError.message).not.toMatch(/[\r\n]/);
  });

  it('a folder that does not exist names the first file and says to check --contract-dir', () => {
    const error = loadError('/nonexistent/contract-dir');
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).file).toBe('schemas/update-request.schema.json');
    expect((error as ContractError).message).toContain('check --contract-dir');
  });
});
