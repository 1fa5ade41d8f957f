/**
 * A row as a PUT of every updatable field leaves it: each field present, a realistic tagged string (fullBody),
 * and each optional field null one time in four. Stored by merge and replace alike (nothing is omitted), so the
 * row after the PUT is known whatever the backend's PUT semantics: the starting point of bodies that meet it.
 */
import fc from 'fast-check';
import type { Contract } from '../contracts/load.ts';
import type { UpdateBody } from './body-case.ts';
import { fullBody } from './full-body.ts';
import { checkContract } from './_internals/options.ts';

export function rowBody(contract: Contract): fc.Arbitrary<UpdateBody> {
  checkContract('rowBody', contract);
  const { updatable, required } = contract.fields;
  const optional = updatable.filter((field) => !required.includes(field));
  // One draw per optional field, null on 3 of 0..3: a string is the simpler value, so a row shrinks to no nulls.
  const nulls = fc.array(
    fc.integer({ min: 0, max: 3 }).map((n) => n === 3),
    {
      minLength: optional.length,
      maxLength: optional.length,
    },
  );
  return fc.tuple(fullBody(contract), nulls).map(([body, flags]) => {
    const row: UpdateBody = { ...body };
    optional.forEach((field, i) => {
      if (flags[i]) row[field] = null;
    });
    return row;
  });
}
