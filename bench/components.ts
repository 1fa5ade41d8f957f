/**
 * Where the suite's own time goes, per request, measured in-process with the suite's modules: generation
 * (fast-check sampling the scenario arbitraries), judging (judge(): every registered check over the trace),
 * recording which customer each value was sent to (suites/written-values.ts, every request body) and the exchange
 * log (JSON + append to disk), in CPU time (process.cpuUsage). HTTP is replaced by a direct call of the reference backend's
 * handler, so nothing here waits on the network; that call is timed apart and is not suite overhead.
 *
 *   node --import tsx bench/components.ts [--runs N]   (N generated cases per property check, default 200)
 *
 * The mix of checks and case counts is the suites' (suites/*.suite.ts); prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { loadContract, type Contract } from '../contracts/load.ts';
import { createReferenceBackend } from '../backend/reference-backend.ts';
import type { Exchange, ReceivedResponse, RequestSpec } from '../core/exchange.ts';
import { pathFor, type ApiClient } from '../http/api-client.ts';
import { authHeader, scrub } from '../http/auth-header.ts';
import { ExchangeLog } from '../http/exchange-log.ts';
import { createFixtures } from '../runner/fixtures.ts';
import type { JudgeContext } from '../suites/checks/check.ts';
import { judge } from '../suites/judge.ts';
import {
  authCatalogue,
  authUpdates,
  bursts,
  edgeUpdates,
  extraPropertyUpdates,
  invalidCatalogue,
  invalidUpdates,
  probe,
  repeats,
  unknownIdUpdates,
  validUpdates,
} from '../suites/scenarios/arbitraries.ts';
import { play } from '../suites/scenarios/play.ts';
import { WrittenValues } from '../suites/written-values.ts';
import type { Scenario } from '../suites/scenarios/scenario.ts';

const TOKEN = 'bench-components-token';
const METHODS = { update: 'PUT', read: 'GET', create: 'POST', delete: 'DELETE' } as const;

/** CPU time (user + system) spent in each part, in ms: unlike wall time, not inflated by a busy machine. */
const spent = { generation: 0, backend: 0, judging: 0, recording: 0, logging: 0 };
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Stands in for ApiClient: the same RequestSpec to Exchange mapping, answered by the handler in-process. */
class InProcessClient {
  constructor(
    private readonly contract: Contract,
    private readonly handler: ReturnType<typeof createReferenceBackend>['handler'],
    private readonly log: ExchangeLog,
    readonly options: { fixtures: Partial<Record<'A' | 'B', string>> },
    private readonly written = new WrittenValues(),
  ) {}

  withFixtures(fixtures: Partial<Record<'A' | 'B', string>>): InProcessClient {
    return new InProcessClient(this.contract, this.handler, this.log, { fixtures }, this.written);
  }

  async send(spec: RequestSpec, role: string): Promise<Exchange> {
    return (await this.sendAll([spec], role))[0] as Exchange;
  }

  async sendAll(specs: RequestSpec[], role: string): Promise<Exchange[]> {
    const recording = cpuMs();
    for (const spec of specs)
      this.written.record(pathFor(spec, this.contract, this.options.fixtures), spec.body);
    spent.recording += cpuMs() - recording;
    const started = cpuMs();
    const exchanges = await Promise.all(specs.map((spec) => this.sendOne(spec, role)));
    spent.backend += cpuMs() - started;
    const logged = cpuMs();
    for (const exchange of exchanges) exchange.seq = this.log.reserve();
    this.log.append(exchanges);
    spent.logging += cpuMs() - logged;
    return exchanges;
  }

  private async sendOne(spec: RequestSpec, role: string): Promise<Exchange> {
    const path = pathFor(spec, this.contract, this.options.fixtures);
    const auth = authHeader(spec.auth, TOKEN);
    const headers: Record<string, string> = {};
    const recorded: Record<string, string> = {};
    if (auth.sent !== undefined) {
      headers['authorization'] = auth.sent;
      recorded['authorization'] = auth.recorded ?? '';
    }
    if (spec.contentType !== undefined) headers['content-type'] = recorded['content-type'] = spec.contentType;
    const raw = await this.handler({
      method: METHODS[spec.op],
      path: `/api/v1${path}`,
      query: new URLSearchParams(),
      headers,
      body: spec.body ?? '',
    });
    const response: ReceivedResponse = {
      status: raw.status,
      headers: raw.headers,
      text: scrub(raw.body, TOKEN),
    };
    try {
      response.json = JSON.parse(response.text);
    } catch {
      // not JSON
    }
    const request = {
      method: METHODS[spec.op],
      path,
      headers: recorded,
      ...(spec.body !== undefined ? { body: spec.body } : {}),
    };
    return { seq: 0, role, spec, request, response, durationMs: 0 };
  }
}

interface CheckTiming {
  id: string;
  scenarios: number;
  requests: number;
  generationMs: number;
  judgingMs: number;
}

async function measure(runs: number, seed: number): Promise<{ checks: CheckTiming[]; requests: number }> {
  const contract = loadContract();
  const backend = createReferenceBackend({
    contract,
    token: TOKEN,
    semantics: 'merge',
    edgePolicy: 'lenient',
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-components-'));
  try {
    const log = new ExchangeLog(join(dir, 'exchanges.ndjson'));
    const bare = new InProcessClient(contract, backend.handler, log, { fixtures: {} });
    const fixtures = await createFixtures(bare as unknown as ApiClient, contract, seed);
    const client = bare.withFixtures(fixtures.ids);
    const ctx: JudgeContext = { contract, semantics: 'merge', initial: fixtures.initial };
    const quarter = Math.max(10, Math.ceil(runs / 4));
    const ids = Object.values(fixtures.ids);
    const generated: [string, () => Scenario[]][] = [
      ['invalid-catalogue (fixed)', () => invalidCatalogue(contract, seed)],
      ['auth-catalogue (fixed)', () => authCatalogue(contract, seed)],
      ['put-semantics (fixed)', () => [probe(contract, seed)]],
      ['valid-updates', () => fc.sample(validUpdates(contract), { seed, numRuns: runs })],
      ['edge-updates', () => fc.sample(edgeUpdates(contract), { seed, numRuns: runs })],
      ['invalid-updates', () => fc.sample(invalidUpdates(contract), { seed, numRuns: runs })],
      [
        'response-only-properties',
        () => fc.sample(extraPropertyUpdates(contract, 'response-only'), { seed, numRuns: quarter }),
      ],
      [
        'look-alike-properties',
        () => fc.sample(extraPropertyUpdates(contract, 'look-alike'), { seed, numRuns: quarter }),
      ],
      ['auth-updates', () => fc.sample(authUpdates(contract), { seed, numRuns: quarter })],
      ['unknown-ids', () => fc.sample(unknownIdUpdates(contract, ids), { seed, numRuns: quarter })],
      ['idempotence', () => fc.sample(repeats(contract), { seed, numRuns: quarter })],
      [
        'concurrency',
        () => fc.sample(bursts(contract), { seed, numRuns: contract.tolerances.concurrency.bursts }),
      ],
    ];
    const checks: CheckTiming[] = [];
    let requests = 0;
    for (const [id, generate] of generated) {
      const genStart = cpuMs();
      const scenarios = generate();
      const generationMs = cpuMs() - genStart;
      spent.generation += generationMs;
      let judgingMs = 0;
      let checkRequests = 0;
      for (const scenario of scenarios) {
        const trace = await play(scenario, client as unknown as ApiClient);
        checkRequests += trace.exchanges.length;
        const judged = cpuMs();
        judge(trace, scenario, ctx);
        judgingMs += cpuMs() - judged;
      }
      spent.judging += judgingMs;
      requests += checkRequests;
      checks.push({ id, scenarios: scenarios.length, requests: checkRequests, generationMs, judgingMs });
    }
    return { checks, requests };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' } } });
const runs = Number(values.runs);
await measure(20, 7); // warm-up: the JIT and the contract's compiled schemas, as in a run's later cases
for (const key of Object.keys(spent) as (keyof typeof spent)[]) spent[key] = 0;
const { checks, requests } = await measure(runs, 20261126);
const us = (ms: number) => Math.round((ms * 1000) / requests);
process.stdout.write(
  `${JSON.stringify({
    runs,
    requests,
    scenarios: checks.reduce((n, c) => n + c.scenarios, 0),
    perRequestUs: {
      generation: us(spent.generation),
      judging: us(spent.judging),
      recording: us(spent.recording),
      logging: us(spent.logging),
      inProcessBackend: us(spent.backend),
    },
    checks: checks.map((c) => ({
      id: c.id,
      scenarios: c.scenarios,
      requests: c.requests,
      generationUsPerScenario: Math.round((c.generationMs * 1000) / Math.max(1, c.scenarios)),
      judgingUsPerScenario: Math.round((c.judgingMs * 1000) / Math.max(1, c.scenarios)),
    })),
  })}\n`,
);
