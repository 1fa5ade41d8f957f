/**
 * The embedded reference backend as a node:http request listener: a conforming app to try the API and the vitest
 * helper on before pointing them at your own, or to compare your app's answers with.
 */
import type { RequestListener } from 'node:http';
import { requestListener } from '../backend/http-server.ts';
import { createReferenceBackend } from '../backend/reference-backend.ts';
import { loadContract } from '../contracts/load.ts';

export interface ReferenceAppOptions {
  /** The bearer token it accepts. */
  token: string;
  /** How a PUT treats omitted optional fields (default merge). */
  semantics?: 'merge' | 'replace';
  /** Reject every edge case it may reject (default: accept them). */
  strict?: boolean;
  /** Where it mounts the API (default "/api/v1"). */
  basePath?: string;
}

export function referenceApp(options: ReferenceAppOptions): RequestListener {
  const backend = createReferenceBackend({
    contract: loadContract(),
    token: options.token,
    semantics: options.semantics ?? 'merge',
    edgePolicy: options.strict === true ? 'strict' : 'lenient',
    prefix: options.basePath ?? '/api/v1',
  });
  return requestListener(backend.handler);
}
