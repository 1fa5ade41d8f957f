/** Small constructors shared by the body-case generators, so every BodyCase is built the same way. */
import type { BodyCase } from '../body-case.ts';

type CaseHead = Pick<BodyCase, 'outcome' | 'rule' | 'pointer' | 'label'>;

/** RFC 6901 pointer to a top-level property. */
export function pointerTo(name: string): string {
  return `/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/**
 * A case whose body is the JSON text of `value`; `value` is stored as parsed back from that text, so it is
 * exactly what a backend parses (an own "__proto__" key stays an own key).
 */
export function jsonCase(head: CaseHead, value: unknown, contentType?: string): BodyCase {
  const body = JSON.stringify(value);
  return {
    ...head,
    body,
    value: JSON.parse(body) as unknown,
    ...(contentType === undefined ? {} : { contentType }),
  };
}

/** A case whose body is not JSON (unparseable or empty): no value. */
export function textCase(head: CaseHead, body: string): BodyCase {
  return { ...head, body };
}

/** `body` with `name` set to `value`; a computed key never sets a prototype, so "__proto__" stays a property. */
export function withProperty(body: object, name: string, value: unknown): Record<string, unknown> {
  return { ...body, [name]: value };
}

export function withoutProperty(body: object, name: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== name));
}
