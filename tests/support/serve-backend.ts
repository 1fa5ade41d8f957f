/** Serves the reference backend, or one broken variant of it, on a free loopback port for a test. */
import { loadContract } from '../../contracts/load.ts';
import { serve, type RunningServer } from '../../backend/http-server.ts';
import { createReferenceBackend, type ReferenceOptions } from '../../backend/reference-backend.ts';
import type { EdgePolicy, Handler, StoreSemantics } from '../../backend/types.ts';

export const TEST_TOKEN = 'tok-SECRET-test-7f3a9c';

export interface Served {
  server: RunningServer;
  baseUrl: string;
}

export async function serveBackend(
  build: (options: ReferenceOptions) => Handler = (options) => createReferenceBackend(options).handler,
  semantics: StoreSemantics = 'merge',
  edgePolicy: EdgePolicy = 'lenient',
): Promise<Served> {
  const handler = build({ contract: loadContract(), token: TEST_TOKEN, semantics, edgePolicy });
  const server = await serve(handler, 0);
  return { server, baseUrl: `${server.origin}/api/v1` };
}
