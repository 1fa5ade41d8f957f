/** The API client the suite-level tests play their cases with: against a loopback backend, no exchange log kept. */
import type { Contract } from '../../contracts/load.ts';
import { ApiClient } from '../../http/api-client.ts';
import { ExchangeLog } from '../../http/exchange-log.ts';

export function testClient(origin: string, token: string, contract: Contract): ApiClient {
  return new ApiClient({
    baseUrl: `${origin}/api/v1`,
    token,
    contract,
    timeoutMs: 5000,
    concurrency: 4,
    fixtures: {},
    log: new ExchangeLog(undefined),
  });
}
