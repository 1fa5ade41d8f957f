/**
 * What a failure that came back was about, found by sending its request once more, alone, changed in one way.
 * Shrinking and the generators put many things in a request besides its cause, and which of them a seed's case
 * happened to carry must not rename the bug:
 * - a 5xx: its nulls replaced by plain values. Gone, it was the null's (`nullCaused`: `R2/5xx/null`). Shrinking
 *   leaves null in every optional field it can, so a null in a crashing body proves nothing by itself.
 * - a valid body refused (4xx), in whatever case carried it (sent as `application/json; charset=utf-8`, with a
 *   lower-case `bearer`, in a burst, twice in a row, as a case's set-up write): sent as plain `application/json` with
 *   the valid credential, and, when it holds nulls, with them replaced too. Refused as plain JSON, the refusal is the
 *   body's (`refusedFor`: `B3/refused-4xx/valid-body`), or the null's when the nulls replaced are accepted
 *   (`B2/refused-4xx/valid-body-with-null`). Accepted as plain JSON, the refusal stays the case's own (B7's content
 *   type, A's credential, S7's concurrency).
 * Only what came back is probed: a failure that did not is not its request's doing every time.
 */
import type { Exchange, RequestSpec } from '../core/exchange.ts';
import type { Violation } from '../core/failure.ts';
import { fingerprintOfViolation } from '../core/finding.ts';
import type { ApiClient } from '../http/api-client.ts';
import { fieldKind } from '../generators/_internals/field-kind.ts';
import { bodyObject } from './checks/values.ts';

/** Plain values any field accepts: the envelope's letters and digits, well under any length limit. */
const PLAIN = 'Probe 7';
const PLAIN_EMAIL = 'probe7@example.com';
const JSON_TYPE = 'application/json';

/** The body with each null replaced by a plain value the field accepts; undefined when it holds no null. */
function withoutNulls(body: string | undefined): string | undefined {
  const parsed = bodyObject(body);
  if (!parsed || !Object.values(parsed).includes(null)) return undefined;
  const plain = (field: string) => (fieldKind(field) === 'email' ? PLAIN_EMAIL : PLAIN);
  return JSON.stringify(
    Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v === null ? plain(k) : v])),
  );
}

const statusOf = (e: Exchange | undefined): number => e?.response?.status ?? 0;
const is5xx = (e: Exchange | undefined): boolean => statusOf(e) >= 500;
const is4xx = (e: Exchange | undefined): boolean => statusOf(e) >= 400 && statusOf(e) < 500;

/** A violation that says a valid body was refused (status, set-up write, burst). */
function refusesValidBody(v: Violation): boolean {
  if (v.check === 'baseline_accepted') return true;
  if (v.check === 'burst_leaves_one_body') return v.title === 'Concurrent PUT refused';
  // A lower-case `bearer` answered 400/422 is blamed on its body's rule (status-in-expected-set.ts).
  return (
    v.check === 'status_in_expected_set' &&
    (v.title === 'Valid body not accepted' || v.rule === 'B2' || v.rule === 'B3')
  );
}

/**
 * Roles whose refusal its request alone can show again. The second of two identical PUTs is not one (a backend may
 * refuse a PUT that changes nothing): it takes the first's cause when the first was refused with the same body.
 */
const PROBED_ROLES = new Set(['update', 'first', 'burst', 'baseline', 'history']);

/** Whether a request is already sent as the probe would send it: alone, plain JSON, the valid credential. */
const asPlain = (e: Exchange): boolean =>
  e.role !== 'burst' && e.spec.auth === 'valid' && e.spec.contentType?.toLowerCase() === JSON_TYPE;

class CauseProbes {
  /** Per request body, what its refusal was for: one probe for the same body refused twice (a repeat, a burst). */
  private readonly refusals = new Map<string, 'body' | 'null' | undefined>();

  constructor(
    private readonly client: ApiClient,
    private readonly exchanges: readonly Exchange[],
    /** A case whose class is the null itself (a required field sent null): a crash on it is that case's finding. */
    private readonly nullIsTheCase: boolean,
  ) {}

  private send(spec: RequestSpec): Promise<Exchange> {
    return this.client.alone(() => this.client.send(spec, 'cause-probe'));
  }

  /** The violation marked with what caused it, when a probe can tell. */
  async mark(v: Violation): Promise<Violation> {
    const exchange = this.exchanges.find((e) => e.seq === v.exchangeSeq);
    if (exchange === undefined) return v;
    if (v.check === 'no_server_error' && is5xx(exchange) && !this.nullIsTheCase) {
      const body = withoutNulls(exchange.request.body);
      if (body === undefined) return v;
      const probe = await this.send({ ...exchange.spec, body });
      return probe.response !== undefined && !is5xx(probe) ? { ...v, nullCaused: true } : v;
    }
    if (refusesValidBody(v) && is4xx(exchange) && exchange.spec.body !== undefined) {
      const refusedFor = await this.refusalOf(exchange);
      return refusedFor === undefined ? v : { ...v, refusedFor };
    }
    return v;
  }

  private async refusalOf(exchange: Exchange): Promise<'body' | 'null' | undefined> {
    const body = exchange.spec.body as string;
    if (this.refusals.has(body)) return this.refusals.get(body);
    if (!PROBED_ROLES.has(exchange.role)) return undefined;
    const plain: RequestSpec = { ...exchange.spec, auth: 'valid', contentType: JSON_TYPE };
    let cause: 'body' | 'null' | undefined;
    if (asPlain(exchange) || is4xx(await this.send(plain))) {
      const noNulls = withoutNulls(body);
      const accepted = async (text: string) => {
        const answer = await this.send({ ...plain, body: text });
        return answer.response !== undefined && statusOf(answer) < 300;
      };
      cause = noNulls !== undefined && (await accepted(noNulls)) ? 'null' : 'body';
    }
    this.refusals.set(body, cause);
    return cause;
  }
}

/**
 * Each violation whose finding came back (`cameBack`) marked with its cause, where a probe tells it: `nullCaused`
 * for a crash, `refusedFor` for a valid body refused.
 */
export async function withCauses(
  violations: Violation[],
  cameBack: ReadonlySet<string>,
  exchanges: readonly Exchange[],
  client: ApiClient,
  nullIsTheCase: boolean,
): Promise<Violation[]> {
  const probes = new CauseProbes(client, exchanges, nullIsTheCase);
  const marked: Violation[] = [];
  for (const v of violations) marked.push(cameBack.has(fingerprintOfViolation(v)) ? await probes.mark(v) : v);
  return marked;
}
