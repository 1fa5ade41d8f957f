/**
 * Whether a 5xx was caused by a null. Shrinking leaves null in every optional field it can (fast-check shrinks an
 * optional string towards null), so a null in a crashing body proves nothing by itself, and a backend that crashes
 * on a null phone would be a new finding for each kind of case a seed happened to put the null in. So the
 * crashing request is sent once more, alone, with its nulls replaced by plain strings: a 5xx that then goes away
 * was the null's (`R2/5xx/null`, suites/fingerprint.ts).
 */
import type { Exchange } from '../core/exchange.ts';
import type { Violation } from '../core/failure.ts';
import { fingerprintOfViolation } from '../core/finding.ts';
import type { ApiClient } from '../http/api-client.ts';
import { bodyObject } from './checks/values.ts';

/** A plain value any string field accepts (the envelope's letters and digits, well under any length limit). */
const PLAIN = 'Probe 7';

function withoutNulls(body: string | undefined): string | undefined {
  const parsed = bodyObject(body);
  if (!parsed || !Object.values(parsed).includes(null)) return undefined;
  return JSON.stringify(
    Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v === null ? PLAIN : v])),
  );
}

const is5xx = (e: Exchange | undefined): boolean => (e?.response?.status ?? 0) >= 500;

/**
 * Each 5xx violation whose finding came back (`cameBack`: a crash its case causes every time), marked `nullCaused`
 * when the crashing request, its nulls replaced, is answered without one. A case whose class is the null itself
 * (`nullIsTheCase`: a required field sent null) is left as it is.
 */
export async function withCrashCauses(
  violations: Violation[],
  cameBack: ReadonlySet<string>,
  exchanges: readonly Exchange[],
  client: ApiClient,
  nullIsTheCase: boolean,
): Promise<Violation[]> {
  if (nullIsTheCase) return violations;
  const marked: Violation[] = [];
  for (const v of violations) {
    const exchange = exchanges.find((e) => e.seq === v.exchangeSeq);
    const body = withoutNulls(exchange?.request.body);
    const probed =
      v.check === 'no_server_error' && cameBack.has(fingerprintOfViolation(v)) && is5xx(exchange);
    if (!probed || body === undefined || exchange === undefined) {
      marked.push(v);
      continue;
    }
    const probe = await client.alone(() => client.send({ ...exchange.spec, body }, 'crash-cause'));
    marked.push(probe.response !== undefined && !is5xx(probe) ? { ...v, nullCaused: true } : v);
  }
  return marked;
}
