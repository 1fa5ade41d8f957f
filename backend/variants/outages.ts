/**
 * Backends that stop answering mid-run (R2 for every request after): the run must stop sending, report what it
 * judged before, and end with exit 2 in bounded time, naming where the backend went silent.
 */
import { BackendExit } from '../http-server.ts';
import { createReferenceBackend } from '../reference-backend.ts';
import type { Variant } from './catalogue.ts';

/** Past the set-up and into the suites of a default run, as a leak or a crash after a while would be. */
const ANSWERED = 300;

export const OUTAGE_VARIANTS: readonly Variant[] = [
  {
    id: 'hangs-after-300-requests',
    rule: 'R2',
    expect: 'exit-2',
    description:
      'the connection pool leaks one connection per request and, once exhausted after 300 requests, every request waits forever',
    build(options) {
      const { handler } = createReferenceBackend(options);
      let seen = 0;
      return (request) => (++seen > ANSWERED ? new Promise(() => {}) : handler(request));
    },
  },
  {
    id: 'exits-after-300-requests',
    rule: 'R2',
    expect: 'exit-2',
    description:
      'the process runs out of memory after 300 requests and exits: connections are dropped and the port is closed',
    build(options) {
      const { handler } = createReferenceBackend(options);
      let seen = 0;
      return async (request) => {
        if (++seen > ANSWERED) throw new BackendExit('out of memory');
        return handler(request);
      };
    },
  },
];
