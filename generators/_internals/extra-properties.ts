/**
 * Properties a PUT body may carry beyond the updatable fields (rule B6): unknown names, and the documented
 * response-only names (read-only and server-managed, from the contract) with values of their documented type,
 * so a backend that binds them would visibly change something.
 */
import fc from 'fast-check';
import type { Contract } from '../../contracts/load.ts';
import { fieldKind, type FieldKind } from './field-kind.ts';

export interface Extra {
  name: string;
  value: unknown;
}

/** Names that break naive object handling, and plausible client-side names. */
const NOTABLE_NAMES = ['__proto__', 'constructor', 'toString', 'customer_id', 'notes', 'metadata'] as const;

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3, noNullPrototype: true }),
  fc.array(scalar, { maxLength: 3 }),
);

function knownNames(contract: Contract): Set<string> {
  const { updatable, documented, readOnly, serverManaged } = contract.fields;
  return new Set([...updatable, ...documented, ...readOnly, ...serverManaged]);
}

export function unknownProperty(contract: Contract): fc.Arbitrary<Extra> {
  const known = knownNames(contract);
  const name = fc
    .oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,23}$/), fc.constantFrom(...NOTABLE_NAMES))
    .filter((n) => !known.has(n));
  return fc.record({ name, value: anyValue });
}

/** The documented schema of a customer property, as far as the value generator needs it. */
function declaredType(contract: Contract, name: string): { type: string; format?: string } {
  const properties = contract.schemas.customer['properties'] as
    Record<string, Record<string, unknown>> | undefined;
  const schema = properties?.[name] ?? {};
  const types = ([] as unknown[]).concat(schema['type'] ?? 'string');
  const type = types.find((t): t is string => typeof t === 'string' && t !== 'null') ?? 'string';
  return typeof schema['format'] === 'string' ? { type, format: schema['format'] } : { type };
}

function valueOfType(type: string, format: string | undefined): fc.Arbitrary<unknown> {
  switch (type) {
    case 'boolean':
      return fc.boolean(); // both values: the stored one is unknown here, so one of them is a flip
    case 'integer':
    case 'number':
      return fc.integer();
    case 'object':
      return fc.oneof(
        fc.constant({ hijacked: true }),
        fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3, noNullPrototype: true }),
      );
    case 'array':
      return fc.array(scalar, { maxLength: 3 });
    default:
      return format === 'date-time'
        ? fc
            .date({
              min: new Date('2000-01-01T00:00:00Z'),
              max: new Date('2030-12-31T00:00:00Z'),
              noInvalidDate: true,
            })
            .map((d) => d.toISOString())
        : fc.stringMatching(/^[a-z0-9]{1,12}$/).map((s) => `hijacked-${s}`);
  }
}

/** Undefined when the contract names no response-only property. */
export function responseOnlyProperty(contract: Contract): fc.Arbitrary<Extra> | undefined {
  const names = [...contract.fields.readOnly, ...contract.fields.serverManaged];
  if (names.length === 0) return undefined;
  return fc.oneof(
    ...names.map((name) => {
      const { type, format } = declaredType(contract, name);
      return valueOfType(type, format).map((value) => ({ name, value }));
    }),
  );
}

/**
 * Many response-only properties at once, each with a value of its documented type: a backend that binds any
 * one of them shows it, and shrinking drops the others. Undefined when the contract names none.
 */
export function responseOnlyProperties(
  contract: Contract,
): fc.Arbitrary<Record<string, unknown>> | undefined {
  const names = [...contract.fields.readOnly, ...contract.fields.serverManaged];
  if (names.length === 0) return undefined;
  const model = Object.fromEntries(
    names.map((name) => {
      const { type, format } = declaredType(contract, name);
      return [name, valueOfType(type, format)];
    }),
  );
  return fc
    .record(model, { requiredKeys: [] })
    .filter((extras) => Object.keys(extras).length > 0) as fc.Arbitrary<Record<string, unknown>>;
}

/** Names other APIs and older versions use for the same thing: a backend that still honours one is caught. */
const ALIASES: Partial<Record<FieldKind, string[]>> = {
  name: ['full_name', 'display_name', 'customer_name', 'first_name', 'company_name'],
  email: ['email_address', 'mail', 'e_mail'],
  phone: ['phone_number', 'mobile', 'telephone'],
  postal: ['zip', 'zip_code', 'postcode'],
  city: ['town'],
  state: ['province', 'region'],
  country: ['country_code'],
  line1: ['street', 'address'],
  line2: ['address2', 'suite'],
};

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/**
 * Unknown names that look like updatable ones: camelCase, PascalCase, upper and capitalised spellings (case-
 * insensitive JSON binders, such as Go's, take them for the real field) and common aliases of the same field.
 */
export function lookalikeNames(contract: Contract): string[] {
  const known = knownNames(contract);
  const names = contract.fields.updatable.flatMap((field) => {
    const c = camel(field);
    return [
      c,
      c.charAt(0).toUpperCase() + c.slice(1),
      field.toUpperCase(),
      field.charAt(0).toUpperCase() + field.slice(1),
      ...(ALIASES[fieldKind(field)] ?? []),
    ];
  });
  return [...new Set(names)].filter((name) => !known.has(name));
}

/** A look-alike name with a string value that differs from anything a valid body holds. */
export function lookalikeProperty(contract: Contract): fc.Arbitrary<Extra> | undefined {
  const names = lookalikeNames(contract);
  if (names.length === 0) return undefined;
  return fc.record({
    name: fc.constantFrom(...names),
    value: fc.stringMatching(/^[a-z0-9]{1,8}$/).map((s) => `lookalike ${s}`),
  });
}
