/**
 * A burst's requests reach the backend together even while the other lanes fill the cap on requests in flight:
 * otherwise they leave one by one as slots free, and the race between them (rule S7) seldom happens.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContract } from '../../contracts/load.ts';
import type { RequestSpec } from '../../core/exchange.ts';
import { ApiClient } from '../../http/api-client.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers every request after 20 ms, counting how many burst requests it holds at once. */
let burstInFlight = 0;
let mostBurstAtOnce = 0;
const isBurst = (request: IncomingMessage) => request.method === 'PUT';
const server = createServer((request, response) => {
  const burst = isBurst(request);
  request.resume();
  request.on('end', () => {
    if (burst) mostBurstAtOnce = Math.max(mostBurstAtOnce, ++burstInFlight);
    setTimeout(() => {
      if (burst) burstInFlight--;
      response.setHeader('content-type', 'application/json');
      response.end('{"data":{}}');
    }, 20);
  });
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('ApiClient.sendAll', () => {
  it('sends a burst together while 15 other lanes keep the cap of 16 full', async () => {
    const client = new ApiClient({
      baseUrl,
      token: 'tok-test',
      contract: loadContract(),
      timeoutMs: 5_000,
      concurrency: 16,
      fixtures: { A: 'cus_1' },
    });
    const read: RequestSpec = { op: 'read', target: { fixture: 'A' }, auth: 'valid' };
    let stop = false;
    // 15 lanes reading one after another, as fast as the backend answers.
    const lanes = Array.from({ length: 15 }, async () => {
      while (!stop) await client.send(read, 'other');
    });
    await sleep(60);
    const put: RequestSpec = { op: 'update', target: { fixture: 'A' }, auth: 'valid', body: '{}' };
    const answers = await client.sendAll(
      Array.from({ length: 12 }, () => put),
      'burst',
    );
    stop = true;
    await Promise.all(lanes);
    expect(answers.map((a) => a.response?.status)).toEqual(Array.from({ length: 12 }, () => 200));
    expect(mostBurstAtOnce).toBe(12);
  });
});
