/**
 * The request after which a changed value is first seen (rules S3, A1, S4, S6): among the writes after the last
 * answer that still showed the value as it was, up to the first answer that shows it changed, the one whose
 * body carries the new value, else the earliest. A later request that merely observed the change (a GET, a
 * rejected PUT after the write that did it) is not the one named.
 */
import type { Exchange } from '../../core/exchange.ts';
import { bodyObject, deepEqual } from './values.ts';

/** Whether the request's body holds `value` in `field`. */
function carries(exchange: Exchange, field: string, value: unknown): boolean {
  const body = bodyObject(exchange.request.body);
  return body !== undefined && Object.hasOwn(body, field) && deepEqual(body[field], value);
}

/**
 * @param lastUnchanged index in `exchanges` of the last answer that showed the value as before (-1: none)
 * @param firstChanged index of the first answer that shows it changed
 */
export function changedAfter(
  exchanges: Exchange[],
  lastUnchanged: number,
  firstChanged: number,
  field: string,
  value: unknown,
): Exchange | undefined {
  const writes = exchanges
    .slice(lastUnchanged + 1, firstChanged + 1)
    .filter((e) => e.request.method.toUpperCase() !== 'GET');
  return writes.find((e) => carries(e, field, value)) ?? writes[0];
}

/** `{ changedAfterSeq }` for a violation, or nothing when no write precedes the change. */
export function changedAfterSeq(...args: Parameters<typeof changedAfter>): { changedAfterSeq?: number } {
  const write = changedAfter(...args);
  return write ? { changedAfterSeq: write.seq } : {};
}
