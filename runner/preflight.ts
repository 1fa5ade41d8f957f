/** Before any case: is the backend there, and does it take the token? Either failing is exit 2, not a verdict. */
import type { ApiClient } from '../http/api-client.ts';
import { TargetError } from './target-error.ts';

export async function preflight(client: ApiClient, baseUrl: string, seed: number): Promise<void> {
  const probe = await client.send(
    {
      op: 'read',
      target: { unknownId: `conformance-preflight-${(seed >>> 0).toString(16)}` },
      auth: 'valid',
    },
    'preflight',
  );
  if (probe.error !== undefined) {
    throw new TargetError(
      `cannot reach ${baseUrl} (${probe.error}); check --base-url / BASE_URL and that the backend is up`,
    );
  }
  const status = probe.response?.status;
  if (status === 401 || status === 403) {
    throw new TargetError(`the backend refused the token (${status}); check API_TOKEN`);
  }
}
