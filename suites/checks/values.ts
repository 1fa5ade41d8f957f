/** Small helpers over response bodies shared by the checks. */
import type { Exchange } from '../../core/exchange.ts';

export function dataOf(exchange: Exchange | undefined): Record<string, unknown> | undefined {
  const json = exchange?.response?.json;
  if (typeof json !== 'object' || json === null) return undefined;
  const data = (json as Record<string, unknown>)['data'];
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : undefined;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

export function pick(data: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, data[f]]));
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Whether a field holds the same value in two answers. A date-time of a field the client cannot write may be
 * written two ways for one instant (2024-01-01T12:00:00Z, …00.000Z); an updatable field must match exactly.
 */
export function sameValue(field: string, a: unknown, b: unknown, updatable: string[]): boolean {
  if (deepEqual(a, b)) return true;
  if (updatable.includes(field) || typeof a !== 'string' || typeof b !== 'string') return false;
  return DATE_TIME.test(a) && DATE_TIME.test(b) && Date.parse(a) === Date.parse(b);
}

/** Fields whose values differ between two snapshots. */
export function differing(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  fields: string[],
  updatable: string[],
): string[] {
  return fields.filter((f) => !sameValue(f, a[f], b[f], updatable));
}

export function show(value: unknown): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}... (${text.length} chars)` : text;
}

export function sentObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A request body's text as the JSON object it holds, or undefined (no body, not JSON, not an object). */
export function bodyObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    return sentObject(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** The id in a request's path, percent-decoded: what rule I2 compares data.id with. */
export function pathIdOf(exchange: Exchange): string {
  const segment = exchange.request.path.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
