/**
 * S6 across lanes: while a lane sends no write to one of its customers, the customer keeps what the lane last
 * read in it. Lanes write only their own customers, so any other change came from a PUT to someone else's.
 */
import type { Contract } from '../../contracts/load.ts';
import type { Exchange } from '../../core/exchange.ts';
import type { Violation } from '../../core/failure.ts';
import { dataOf, differing, show } from './values.ts';

export const LANE_CUSTOMERS_KEPT = 'lane_customers_hold_last_write';

export interface KeptInput {
  lane: number;
  alias: 'A' | 'B';
  /** What the lane last saw stored (or the customer's state before the run, when it never wrote it). */
  expected: Record<string, unknown>;
  /** The request that last wrote it, if any, and the answer that last showed it. */
  written?: Exchange;
  seen?: Exchange;
  final: Exchange;
  /** When `final` was read, as the summary says it (default: at the end of the run). */
  when?: string;
}

export function laneCustomerKept(input: KeptInput, contract: Contract): Violation[] {
  const { lane, alias, expected, written, seen, final } = input;
  const when = input.when ?? 'at the end of the run';
  const now = dataOf(final);
  const base = { rule: 'S6' as const, check: LANE_CUSTOMERS_KEPT, exchangeSeq: final.seq };
  const last = written
    ? `as lane ${lane} last wrote it (request #${written.seq})${seen && seen !== written ? ` and read it back (#${seen.seq})` : ''}`
    : `as before the run (lane ${lane} never wrote it)`;
  if (final.response?.status !== 200 || !now) {
    return [
      {
        ...base,
        title: `Customer unreadable ${when}`,
        received: `GET of lane ${lane}'s customer ${alias} answered ${final.response?.status ?? final.error ?? 'nothing'}`,
        expected: `200 with the customer ${last}`,
      },
    ];
  }
  return differing(expected, now, contract.fields.kept, contract.fields.updatable).map((field) => ({
    ...base,
    title: 'Another lane’s PUT changed this customer',
    received: `lane ${lane}'s customer ${alias}: ${field} = ${show(now[field])} ${when}`,
    expected: `${show(expected[field])}, ${last}`,
    pointer: `/data/${field}`,
    sent: expected[field],
    got: now[field],
  }));
}
