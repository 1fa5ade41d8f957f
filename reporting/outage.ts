/** The one line that says where a backend went silent mid-run, and how to replay the request in flight. */
import type { Exchange } from '../core/exchange.ts';
import type { Outage } from '../core/outage.ts';
import { curlFor, curlSetup } from './curl.ts';

const request = (e: Exchange): string => `#${e.seq} ${e.request.method} ${e.request.path} (${e.role})`;

/** What the backend did to a request: its status, or why there was no answer. */
const fate = (e: Exchange): string =>
  e.response ? `answered ${e.response.status}` : (e.error ?? 'no answer');

export function outageLine(outage: Outage, baseUrl: string, reportDir: string): string {
  const { inFlight, lastAnswered } = outage;
  const setup = curlSetup(baseUrl);
  const after = lastAnswered
    ? `after request #${lastAnswered.seq}; the last it answered was ${request(lastAnswered)}, ${fate(lastAnswered)}`
    : 'before answering any request of the suites';
  return (
    `the backend stopped answering mid-run, so there is no verdict: it went silent ${after}; ` +
    `${outage.unanswered} requests in a row then got no answer, the first ${request(inFlight)}, ${fate(inFlight)}, ` +
    `which was in flight and may have crashed it: replay it with ${setup.command}; ${curlFor(inFlight)} (${setup.note}); ` +
    `what was judged before is in ${reportDir}`
  );
}

/** The short form, for report headers. */
export function outageTitle(outage: Outage): string {
  const after = outage.lastAnswered ? ` after request #${outage.lastAnswered.seq}` : '';
  return `the backend stopped answering${after}; request #${outage.inFlight.seq} was in flight (${outage.inFlight.request.method} ${outage.inFlight.request.path})`;
}
