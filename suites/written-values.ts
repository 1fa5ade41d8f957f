/**
 * Which customer each string value was sent to in this run (run-wide, every lane). A customer that shows a value
 * its own requests never sent, but another fixture customer's did, got it from that write: a leak between
 * customers (S6), whichever check happened to read it. Lanes run at once, so which check reads a leaked value,
 * and what that value resembles there (a case-swapped name, another field's value), is chance: the leak is one
 * finding (suites/fingerprint.ts), not one per check that met it.
 *
 * A string is traced at once: the generated ones are all but unique, so where one came from is plain. null (and a
 * string many customers are sent, such as spaces) proves nothing by itself: it is blamed on another customer's
 * write only when the failure did not come back as its case was played again alone, and another customer was
 * sent that value in that field (`attributeUnconfirmed`).
 */
import type { Exchange } from '../core/exchange.ts';
import type { Violation } from '../core/failure.ts';
import { bodyObject, dataOf } from './checks/values.ts';

/**
 * The checks that judge what a case's customer holds after the case's own requests: what they see changed may
 * have been written by another customer's request. (S6's own checks already blame the other write; a burst's
 * mix, S7, is judged among the burst's bodies.)
 */
const STORED_VALUE_CHECKS = new Set([
  'read_after_write',
  'rejection_is_atomic',
  'spelled_id_leaves_customer',
  'omitted_fields_follow_semantics',
  'echoes_sent_values',
  'same_put_same_data',
]);

// A string is keyed as itself (no JSON.stringify per value: every request's body passes through here).
const valueKey = (field: string, value: unknown) =>
  `${field}\u0000${typeof value === 'string' ? `s${value}` : JSON.stringify(value)}`;

/**
 * The customers a value was sent to: nearly always one (generated values are all but unique), kept as a plain
 * string until a second one comes, so a run's thousands of values cost a map entry each, not a Set each.
 */
type Customers = string | Set<string>;

/** The field a violation points at in a customer's data (`/data/name`), if it does. */
const fieldOf = (v: Violation): string | undefined => /^\/data\/([^/]+)$/.exec(v.pointer ?? '')?.[1];

export class WrittenValues {
  /** Per string value: every customer a body sent it to (in any field), and the customers per field and value. */
  private readonly anyField = new Map<string, Customers>();
  private readonly byField = new Map<string, Customers>();
  /**
   * The fixture customers, by each path that addresses one (the read and the update path may differ): only a
   * value sent to one of them can be said to come from it. Another path (an unknown id, another spelling of an
   * id) is its own key.
   */
  private readonly customerAt = new Map<string, string>();

  /** A fixture customer: the paths that address it, and what it holds at the start of the run. */
  addCustomer(paths: readonly string[], initial: Record<string, unknown> = {}): void {
    const key = paths[0] ?? '';
    for (const path of paths) this.customerAt.set(path, key);
    this.recordBody(key, initial);
  }

  /** A request about to be sent to `path` (its body, if any, may be written there). */
  record(path: string, body: string | undefined): void {
    const sent = bodyObject(body);
    if (sent) this.recordBody(this.customerAt.get(path) ?? path, sent);
  }

  private recordBody(customer: string, body: Record<string, unknown>): void {
    for (const [field, value] of Object.entries(body)) {
      add(this.byField, valueKey(field, value), customer);
      if (typeof value === 'string') add(this.anyField, value, customer);
    }
  }

  /** Another fixture customer than the one at `path` that a request sent `value` in `field`, if any. */
  private sentToAnother(path: string, field: string, value: unknown): string | undefined {
    const customer = this.customerAt.get(path);
    for (const other of customersOf(this.byField, valueKey(field, value))) {
      if (other !== customer && this.isCustomer(other)) return other;
    }
    return undefined;
  }

  private isCustomer = (key: string): boolean => this.customerAt.get(key) === key;

  /**
   * The other fixture customer whose request sent `value` in `field`, when the customer at `path` was never
   * sent it, in any field, and no request of the case itself sent it anywhere but to a fixture customer (a PUT
   * to another spelling of this customer's id writes here if the backend folds the spelling: that is the case's
   * own write, not a leak).
   */
  cameFrom(path: string, field: string, value: unknown, own: readonly Exchange[]): string | undefined {
    const customer = this.customerAt.get(path);
    if (customer === undefined || typeof value !== 'string') return undefined;
    if ([...customersOf(this.anyField, value)].includes(customer)) return undefined;
    const ownElsewhere = own.some(
      (e) =>
        !this.customerAt.has(e.request.path) &&
        Object.values(bodyObject(e.request.body) ?? {}).includes(value),
    );
    if (ownElsewhere) return undefined;
    return this.sentToAnother(path, field, value);
  }

  /**
   * Each violation about a value a customer shows (`/data/<field>`, with `got`), marked with the customer whose
   * write it came from, when that is another fixture customer and no diagnosis explains it otherwise. The customer is the one the violation's request
   * addressed.
   */
  attribute(violations: Violation[], exchanges: readonly Exchange[]): Violation[] {
    return violations.map((v) => {
      const field = fieldOf(v);
      const exchange = exchanges.find((e) => e.seq === v.exchangeSeq);
      // A value the diagnosis explains as what this customer was sent, transformed (NFC, trimmed, "" for null), is
      // that bug's, even when another customer happened to be sent the result as it is.
      const explained = v.diagnosisKind !== undefined && v.diagnosisKind.kind !== 'changed';
      if (field === undefined || !exchange || explained) return v;
      const from = this.cameFrom(exchange.request.path, field, v.got, exchanges);
      return from === undefined ? v : fromAnother(v, from);
    });
  }

  /**
   * A violation whose finding did not come back when its case was played again alone (suites/comes-back.ts):
   * marked as coming from another customer when a check of the customer's stored values saw a value (null
   * included) that a request sent in that field to another fixture customer, and that no earlier answer of the
   * case showed there (a stale read of the customer's own earlier value is S4's, not a leak).
   */
  attributeUnconfirmed(v: Violation, exchanges: readonly Exchange[]): Violation {
    const field = fieldOf(v);
    const at = exchanges.findIndex((e) => e.seq === v.exchangeSeq);
    const exchange = exchanges[at];
    if (v.fromAnotherCustomer !== undefined || !STORED_VALUE_CHECKS.has(v.check)) return v;
    if (field === undefined || !exchange || !this.customerAt.has(exchange.request.path)) return v;
    if (!Object.hasOwn(v, 'got')) return v;
    const heldBefore = exchanges
      .slice(0, at)
      .some((e) => e.request.path === exchange.request.path && shows(e, field, v.got));
    if (heldBefore) return v;
    const from = this.sentToAnother(exchange.request.path, field, v.got);
    return from === undefined ? v : fromAnother(v, from);
  }
}

function fromAnother(v: Violation, from: string): Violation {
  return { ...v, fromAnotherCustomer: from, diagnosis: `a value sent to another customer (${from})` };
}

/** Whether an answer's data holds `value` in `field`. */
function shows(exchange: Exchange, field: string, value: unknown): boolean {
  const data = dataOf(exchange);
  return (
    data !== undefined && Object.hasOwn(data, field) && JSON.stringify(data[field]) === JSON.stringify(value)
  );
}

function add(map: Map<string, Customers>, key: string, customer: string): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, customer);
  else if (typeof held !== 'string') held.add(customer);
  else if (held !== customer) map.set(key, new Set([held, customer]));
}

function customersOf(map: Map<string, Customers>, key: string): Iterable<string> {
  const held = map.get(key);
  if (held === undefined) return [];
  return typeof held === 'string' ? [held] : held;
}
