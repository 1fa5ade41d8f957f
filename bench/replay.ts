/**
 * Replays a run's exchanges.ndjson against a backend: the same requests in the same order (each 'burst' group
 * concurrently, as the suite sent it), with no generation, no judging and no reporting. Run as a child process
 * by bench/run.ts so that, like the suite, it is a separate process from the backend.
 *
 *   node --import tsx bench/replay.ts --log FILE --base-url URL --mode keepalive|close|suite-client|laned
 *     [--concurrency N]
 *   (token in API_TOKEN). Prints one JSON line: { requests, loopMs, mismatches, firstMismatch? }.
 *
 * keepalive     node:http, one keep-alive agent (up to 16 sockets): a bare HTTP loop.
 * close         node:http, a new connection for every request (as supertest opens one per request).
 * suite-client  the suite's own ApiClient (supertest, timeout, 429 handling, redaction, JSON parse), no log.
 * laned         node:http keep-alive, with the suite's concurrency: every lane at once, each in its own order, at
 *               most --concurrency requests in flight (lib/laned-replay.ts). The like-for-like bare loop.
 */
import { Agent, request as httpRequest } from 'node:http';
import { parseArgs } from 'node:util';
import { loadContract } from '../contracts/load.ts';
import type { Exchange } from '../core/exchange.ts';
import { ApiClient } from '../http/api-client.ts';
import { REDACTED } from '../http/auth-header.ts';
import { dataOf } from '../suites/checks/values.ts';
import { readLogged, steps, type Logged } from './lib/exchange-file.ts';
import { lanedPlan, planGroups, playLaned } from './lib/laned-replay.ts';

type Mode = 'keepalive' | 'close' | 'suite-client' | 'laned';
const MODES: Mode[] = ['keepalive', 'close', 'suite-client', 'laned'];

const { values } = parseArgs({
  options: {
    log: { type: 'string' },
    'base-url': { type: 'string' },
    mode: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
  },
});
const token = process.env['API_TOKEN'];
const mode = values.mode as Mode;
const concurrency = Number(values.concurrency);
if (
  !values.log ||
  !values['base-url'] ||
  !token ||
  !MODES.includes(mode) ||
  !Number.isInteger(concurrency) ||
  concurrency < 1
) {
  process.stderr.write(
    'usage: bench/replay.ts --log FILE --base-url URL --mode keepalive|close|suite-client|laned [--concurrency N]\n',
  );
  process.exit(2);
}
const baseUrl = new URL(values['base-url']);
const prefix = baseUrl.pathname.replace(/\/$/, '');
let received = 0;

function bare(agent: Agent | false) {
  return (entry: Logged): Promise<number> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(entry.request.headers)) {
        headers[name] = name === 'authorization' ? value.replace(REDACTED, token as string) : value;
      }
      const body = entry.request.body;
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const req = httpRequest(
        {
          host: baseUrl.hostname,
          port: baseUrl.port,
          method: entry.request.method,
          path: prefix + entry.request.path,
          headers,
          agent,
        },
        (res) => {
          // Read as text, as the suite does, and nothing more: no JSON parse, no checks.
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (received += chunk.length));
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

const log = await readLogged(values.log);
let groups = steps(log);
const statuses: (number | undefined)[] = [];
let loopMs: number;

if (mode === 'laned') {
  const plan = lanedPlan(log);
  const send = bare(new Agent({ keepAlive: true, maxSockets: concurrency }));
  const started = performance.now();
  const answers = await playLaned(plan, (index) => send(log[index] as Logged), concurrency);
  loopMs = performance.now() - started;
  // Compared group by group as the plan sent them (a lane's burst is one group).
  const sent = planGroups(plan);
  groups = sent.map((group) => group.map((index) => log[index] as Logged));
  for (const group of sent) for (const index of group) statuses.push(answers.get(index));
} else if (mode === 'suite-client') {
  const fixtures: Partial<Record<'A' | 'B', string>> = {};
  let client = new ApiClient({
    baseUrl: baseUrl.toString().replace(/\/$/, ''),
    token,
    contract: loadContract(),
    timeoutMs: 10_000,
    concurrency: 16,
    fixtures,
  });
  const started = performance.now();
  for (const group of groups) {
    const role = group[0]?.role ?? '';
    const sent: Exchange[] = await client.sendAll(
      group.map((e) => e.spec),
      role,
    );
    for (const e of sent) statuses.push(e.response?.status);
    const created = /^fixture-create-([AB])$/.exec(role)?.[1] as 'A' | 'B' | undefined;
    const id = dataOf(sent[0])?.['id'];
    if (created && typeof id === 'string') {
      fixtures[created] = id;
      client = client.withFixtures({ ...fixtures });
    }
  }
  loopMs = performance.now() - started;
} else {
  const send = bare(mode === 'keepalive' ? new Agent({ keepAlive: true, maxSockets: 16 }) : false);
  const started = performance.now();
  for (const group of groups) {
    if (group.length === 1) statuses.push(await send(group[0] as Logged));
    else statuses.push(...(await Promise.all(group.map(send))));
  }
  loopMs = performance.now() - started;
}

// Within a burst the order of answers may differ from the log's: compare each group as a multiset.
let mismatches = 0;
let firstMismatch: string | undefined;
let index = 0;
for (const group of groups) {
  const expected = group.map((e) => e.status ?? 0).sort();
  const got = statuses
    .slice(index, index + group.length)
    .map((s) => s ?? 0)
    .sort();
  index += group.length;
  if (expected.join() !== got.join()) {
    mismatches += group.length;
    firstMismatch ??= `seq ${group[0]?.seq} ${group[0]?.role}: logged ${expected.join(',')}, replayed ${got.join(',')}`;
  }
}
process.stdout.write(
  `${JSON.stringify({ requests: log.length, loopMs, mismatches, ...(mode === 'suite-client' ? {} : { receivedChars: received }), ...(firstMismatch ? { firstMismatch } : {}) })}\n`,
);
process.exit(0);
