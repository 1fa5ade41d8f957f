/**
 * Bodies that are not parseable JSON (rule B5), each made from a valid body's text with one classic mistake,
 * so a lenient parser (JSON5, a "fixing" middleware) shows up as a backend that accepts them.
 */
import fc from 'fast-check';

export const MALFORMATIONS = [
  'is truncated',
  'has a trailing comma',
  'uses single quotes',
  'has unquoted keys',
  'has a comment',
  'holds two objects',
  'has trailing text',
  'has a raw tab inside a string',
  'is only whitespace',
] as const;

export type Malformation = (typeof MALFORMATIONS)[number];

/** The text of `body` with `kind`; `at` picks the cut of a truncation (any proper prefix is unparseable). */
export function malformed(body: Record<string, unknown>, kind: Malformation, at = 0): string {
  const text = JSON.stringify(body);
  // An empty object has no key to misquote: fall back to one member.
  const entries = Object.entries(body).length > 0 ? Object.entries(body) : [['note', 'text']];
  const members = entries.map(([key, value]) => [JSON.stringify(key), JSON.stringify(value)] as const);
  const join = (parts: string[]) => `{${parts.join(',')}}`;
  switch (kind) {
    case 'is truncated':
      return text.slice(0, 1 + (at % (text.length - 1)));
    case 'has a trailing comma':
      return `${text.slice(0, -1)},}`;
    case 'uses single quotes':
      return join(members.map(([key, value]) => `'${key.slice(1, -1)}':${value}`));
    case 'has unquoted keys':
      return join(members.map(([key, value]) => `${key.slice(1, -1)}:${value}`));
    case 'has a comment':
      return `{/* customer */${text.slice(1)}`;
    case 'holds two objects':
      return text + text;
    case 'has trailing text':
      return `${text} ok`;
    case 'has a raw tab inside a string': {
      // JSON forbids raw control characters in strings; a tab right after the first value's opening quote.
      const index = members.findIndex(([, value]) => value.startsWith('"'));
      if (index === -1) return join([...members.map(([key, value]) => `${key}:${value}`), '"note":"\t"']);
      return join(members.map(([key, value], i) => `${key}:${i === index ? `"\t${value.slice(1)}` : value}`));
    }
    case 'is only whitespace':
      return ' \r\n\t ';
  }
}

export function malformedBody(
  valid: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<{ kind: Malformation; text: string }> {
  return fc
    .tuple(valid, fc.constantFrom(...MALFORMATIONS), fc.nat())
    .map(([body, kind, at]) => ({ kind, text: malformed(body, kind, at) }));
}
