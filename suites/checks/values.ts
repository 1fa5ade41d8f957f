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

/** Fields whose values differ between two snapshots. */
export function differing(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  fields: string[],
): string[] {
  return fields.filter((f) => !deepEqual(a[f], b[f]));
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
