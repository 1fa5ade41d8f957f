/**
 * What a field holds, read from its name, so realistic values follow the contract's field list instead of a
 * copy of it. A field no pattern knows is 'text': it still gets every envelope string, just no tailored value.
 */
export type FieldKind =
  'email' | 'phone' | 'postal' | 'city' | 'country' | 'state' | 'line2' | 'line1' | 'name' | 'text';

// Order matters: the first match wins ("shipping_address_city" is a city before it is an address line).
const PATTERNS: readonly [RegExp, FieldKind][] = [
  [/e-?mail/i, 'email'],
  [/phone|mobile|fax/i, 'phone'],
  [/postal|zip/i, 'postal'],
  [/city|town/i, 'city'],
  [/country/i, 'country'],
  [/state|province|region/i, 'state'],
  [/line_?2/i, 'line2'],
  [/line_?1|street|address/i, 'line1'],
  [/name/i, 'name'],
];

export function fieldKind(field: string): FieldKind {
  return PATTERNS.find(([pattern]) => pattern.test(field))?.[1] ?? 'text';
}
