/**
 * JSON values of the wrong type for a string field (rules B1, B2): a random arbitrary per kind that shrinks to
 * 0, false, {} and [], and one fixed, realistic mistake per kind for the catalogue.
 */
import fc from 'fast-check';

export const WRONG_KINDS = ['number', 'boolean', 'object', 'array'] as const;

export type WrongKind = (typeof WRONG_KINDS)[number];

export const ARTICLE: Record<WrongKind | 'string', string> = {
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  string: 'a string',
};

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

export function wrongValue(kind: WrongKind): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'number':
      // JSON has no NaN or Infinity: JSON.stringify would send null, which is another case.
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'boolean':
      return fc.boolean();
    case 'object':
      return fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 3, noNullPrototype: true });
    case 'array':
      return fc.array(leaf, { maxLength: 3 });
  }
}

/** The mistakes a client makes: a number, true, the string wrapped in an object or in an array. */
export function wrongExample(kind: WrongKind, validString: string): unknown {
  switch (kind) {
    case 'number':
      return 12345;
    case 'boolean':
      return true;
    case 'object':
      return { value: validString };
    case 'array':
      return [validString];
  }
}
