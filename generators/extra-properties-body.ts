/**
 * MAY-EITHER bodies (B6) that carry many extra properties at once: every response-only property with a
 * plausible changed value, or many look-alike names of the updatable fields. A backend that binds any one of
 * them (mass assignment, a case-insensitive binder, a legacy alias) shows it; shrinking drops the others.
 */
import fc from 'fast-check';
import type { Contract } from '../contracts/load.ts';
import type { BodyCase } from './body-case.ts';
import { validBody } from './valid-body.ts';
import { jsonCase } from './_internals/cases.ts';
import { lookalikeNames, responseOnlyProperties } from './_internals/extra-properties.ts';
import { checkContract } from './_internals/options.ts';

const EITHER = 'MAY-EITHER' as const;

function withExtras(contract: Contract, extras: fc.Arbitrary<Record<string, unknown>>, kind: string) {
  return fc.tuple(validBody(contract), extras).map(([body, added]) =>
    jsonCase(
      {
        outcome: EITHER,
        rule: 'B6',
        pointer: '',
        label: `body has ${kind} properties ${Object.keys(added).join(', ')}`,
      },
      { ...body, ...added },
    ),
  );
}

/** A valid body plus response-only properties (read-only and server-managed), most of them each time. */
export function responseOnlyBody(contract: Contract): fc.Arbitrary<BodyCase> {
  checkContract('responseOnlyBody', contract);
  const extras = responseOnlyProperties(contract);
  if (!extras)
    throw new Error('responseOnlyBody: the contract names no read-only or server-managed property');
  return withExtras(contract, extras, 'response-only');
}

/** A valid body plus look-alike names (camelCase, upper case, aliases) of updatable fields, most of them each time. */
export function lookalikeBody(contract: Contract): fc.Arbitrary<BodyCase> {
  checkContract('lookalikeBody', contract);
  const names = lookalikeNames(contract);
  if (names.length === 0) throw new Error('lookalikeBody: the contract yields no look-alike property names');
  const value = fc.stringMatching(/^[a-z0-9]{1,8}$/).map((s) => `lookalike ${s}`);
  const extras = fc
    .record(Object.fromEntries(names.map((name) => [name, value])), { requiredKeys: [] })
    .filter((added) => Object.keys(added).length > 0);
  return withExtras(contract, extras, 'look-alike');
}
