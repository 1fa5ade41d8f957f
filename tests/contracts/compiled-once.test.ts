/**
 * A contract folder is compiled once per process (contracts/load.ts): each caller may pin its own tolerances
 * without the next one seeing it, the shared data cannot be written to, and an edited file, or a file the
 * OpenAPI document names outside the JSON set, is read afresh.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractError, loadContract } from '../../contracts/load.ts';
import { copyContract, editJson, loadError, removeCopies } from './contract-dir.ts';

afterAll(removeCopies);

describe('a contract compiled once per process', () => {
  it('gives each caller its own tolerances: a pinned PUT semantics does not reach the next caller', () => {
    const first = loadContract();
    const pinned = first.tolerances.putSemantics === 'merge' ? 'replace' : 'merge';
    first.tolerances.putSemantics = pinned;
    expect(loadContract().tolerances.putSemantics).not.toBe(pinned);
    // The validators are compiled once: shared, not compiled again.
    expect(loadContract().validate.response).toBe(first.validate.response);
  });

  it('refuses writes to the data every caller shares', () => {
    const contract = loadContract();
    expect(() => contract.fields.required.push('phone')).toThrow(TypeError);
    expect(() => {
      (contract.schemas.updateRequest as Record<string, unknown>)['title'] = 'changed';
    }).toThrow(TypeError);
    expect(() => contract.tolerances.fields.mayBeNull.push('name')).not.toThrow();
    expect(loadContract().tolerances.fields.mayBeNull).not.toContain('name');
  });

  it('compiles an edited file afresh', () => {
    const dir = copyContract();
    const before = loadContract(dir).tolerances.envelope.maxLength;
    editJson(dir, 'tolerances.json', (value) => {
      (value['envelope'] as { maxLength: number }).maxLength = before - 1;
    });
    expect(loadContract(dir).tolerances.envelope.maxLength).toBe(before - 1);
  });

  it('reads a file the OpenAPI document refers to outside the JSON files again, and fails when it is gone', () => {
    const dir = copyContract();
    writeFileSync(join(dir, 'shared.yaml'), 'description: shared\n');
    editJson(dir, 'openapi.json', (value) => {
      (value['info'] as Record<string, unknown>)['x-shared'] = { $ref: 'shared.yaml' };
    });
    expect(() => loadContract(dir)).not.toThrow();
    rmSync(join(dir, 'shared.yaml'));
    const error = loadError(dir);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as Error).message).toMatch(/shared\.yaml/);
  });
});
