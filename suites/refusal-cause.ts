/**
 * Whether a valid body refused under `application/json` with parameters (rule B7) was refused for its content type
 * or for the body. A backend that refuses some valid strings (one character, 255 of them) refuses them whatever
 * the content type, and which of its cases a seed happened to put such a string in (a plain valid body, or one sent
 * as `application/json; charset=utf-8`) is chance: the same bug must not be B3's at one seed and B7's at another.
 * So the refused request is sent once more, alone, as plain `application/json`: refused again, the refusal is the
 * body's (`B3/refused-4xx/valid-body`, suites/fingerprint.ts).
 */
import type { Exchange } from '../core/exchange.ts';
import type { Violation } from '../core/failure.ts';
import { fingerprintOfViolation } from '../core/finding.ts';
import type { ApiClient } from '../http/api-client.ts';

const JSON_TYPE = 'application/json';
const is4xx = (e: Exchange | undefined): boolean => {
  const status = e?.response?.status ?? 0;
  return status >= 400 && status < 500;
};

/**
 * Each B7 status violation whose finding came back (`cameBack`) on a request sent with a content type other than
 * plain `application/json`, marked `refusedAsPlainJson` when the same request sent as `application/json` is
 * refused too.
 */
export async function withRefusalCauses(
  violations: Violation[],
  cameBack: ReadonlySet<string>,
  exchanges: readonly Exchange[],
  client: ApiClient,
): Promise<Violation[]> {
  const marked: Violation[] = [];
  for (const v of violations) {
    const exchange = exchanges.find((e) => e.seq === v.exchangeSeq);
    const contentType = exchange?.spec.contentType;
    const probed =
      v.rule === 'B7' &&
      v.check === 'status_in_expected_set' &&
      cameBack.has(fingerprintOfViolation(v)) &&
      exchange !== undefined &&
      is4xx(exchange) &&
      contentType !== undefined &&
      contentType.toLowerCase() !== JSON_TYPE;
    if (!probed) {
      marked.push(v);
      continue;
    }
    const plain = await client.alone(() =>
      client.send({ ...exchange.spec, contentType: JSON_TYPE }, 'refusal-cause'),
    );
    marked.push(is4xx(plain) ? { ...v, refusedAsPlainJson: true } : v);
  }
  return marked;
}
