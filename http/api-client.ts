/**
 * The suite's HTTP client: turns a RequestSpec into a supertest request against the base URL, with a
 * per-request timeout, a cap on requests in flight, waiting on 429, and redaction of the token.
 */
import { existsSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import request from 'supertest';
import type { Contract } from '../contracts/load.ts';
import type { Exchange, ReceivedResponse, RequestSpec, SentRequest } from '../core/exchange.ts';
import { authHeader, scrub } from './auth-header.ts';
import type { ExchangeLog } from './exchange-log.ts';
import { AdaptiveLimit, type ThrottleState } from './adaptive-limit.ts';
import type { OutageWatch } from './outage.ts';

export interface ClientOptions {
  baseUrl: string;
  token: string;
  contract: Contract;
  timeoutMs: number;
  concurrency: number;
  /** Ids of the fixture customers, by alias. */
  fixtures: Partial<Record<'A' | 'B', string>>;
  log?: ExchangeLog;
  maxThrottleRetries?: number;
  /** A file whose presence means the run was interrupted: no request is sent once it exists. */
  abortFile?: string;
  /** The lane these fixtures are (recorded on each exchange). */
  lane?: number;
  /** Told whenever the backend's 429s change how many requests may be in flight. */
  onThrottle?: (state: ThrottleState) => void;
  /** Told of every exchange once sent (a lane keeps what it last saw of its customers). */
  onExchanges?: (exchanges: Exchange[]) => void;
  /** Told of every request about to go out, with its path (which customer each value is sent to). */
  onSend?: (path: string, body: string | undefined) => void;
  /** Watches for a backend that stopped answering (it writes abortFile then). */
  outage?: OutageWatch;
}

export class RunInterrupted extends Error {}

const METHODS = { update: 'PUT', read: 'GET', create: 'POST', delete: 'DELETE' } as const;
const VERBS = { update: 'put', read: 'get', create: 'post', delete: 'delete' } as const;

export function pathFor(spec: RequestSpec, contract: Contract, fixtures: ClientOptions['fixtures']): string {
  const template =
    spec.op === 'delete' ? contract.tolerances.paths.delete : contract.tolerances.paths[spec.op];
  if (!template) throw new Error(`no ${spec.op} path is configured in the contract`);
  if (!template.includes('{id}')) return template;
  const target = spec.target;
  if (!target) throw new Error(`a ${spec.op} request needs a target customer`);
  const id = 'fixture' in target ? fixtures[target.fixture] : target.unknownId;
  if (id === undefined) throw new Error(`fixture ${JSON.stringify(target)} has no customer`);
  return template.replace('{id}', encodeURIComponent(id));
}

function retryDelayMs(header: string | undefined, attempt: number): number {
  const seconds = Number(header);
  if (header && Number.isFinite(seconds)) return Math.min(seconds * 1000, 30_000);
  const date = header ? Date.parse(header) : NaN;
  if (Number.isFinite(date)) return Math.min(Math.max(date - Date.now(), 0), 30_000);
  return Math.min(250 * 2 ** attempt, 8_000);
}

/**
 * How long a throttled request waits before it goes again: what Retry-After asks (or a back-off without one), plus
 * a random share. Requests throttled together then do not all come back together to meet the same limit again:
 * without it, a limiter refusing every 7th request refused one request six times in a row, and a conforming
 * backend was failed on that 429.
 */
export function retryWaitMs(header: string | undefined, attempt: number, random = Math.random): number {
  const asked = retryDelayMs(header, attempt);
  return asked + Math.round(random() * Math.max(asked / 2, 25 * 2 ** attempt));
}

/** Connections are kept open between requests: a new TCP (and TLS) handshake per request was most of the client's cost. */
const AGENTS = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

const STALE_CONNECTION = /ECONNRESET|EPIPE|socket hang up/i;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ApiClient {
  private readonly gate: AdaptiveLimit;

  constructor(
    readonly options: ClientOptions,
    gate?: AdaptiveLimit,
  ) {
    this.gate = gate ?? new AdaptiveLimit(options.concurrency, options.onThrottle);
  }

  /** 429s met and where the number of requests in flight stands (shared by every lane). */
  throttling(): ThrottleState {
    return this.gate.state();
  }

  /** Runs `task` with no other lane's request in flight (AdaptiveLimit.alone). */
  alone<T>(task: () => Promise<T>): Promise<T> {
    return this.gate.alone(task);
  }

  withFixtures(fixtures: ClientOptions['fixtures']): ApiClient {
    return new ApiClient({ ...this.options, fixtures }, this.gate);
  }

  /** The same client with another per-request timeout (a quick clean-up after the backend went silent). */
  withTimeout(timeoutMs: number): ApiClient {
    return new ApiClient({ ...this.options, timeoutMs }, this.gate);
  }

  /** The same client for another pair of customers: --concurrency stays one cap over every lane. */
  forLane(lane: Pick<ClientOptions, 'fixtures' | 'lane' | 'onExchanges'>): ApiClient {
    return new ApiClient({ ...this.options, ...lane }, this.gate);
  }

  /** Sends one request and logs it. */
  async send(spec: RequestSpec, role: string): Promise<Exchange> {
    const [exchange] = await this.sendAll([spec], role);
    return exchange as Exchange;
  }

  /**
   * Sends requests concurrently; they are numbered and logged in the order they were issued. A burst (more than
   * one) goes out alone: behind the other lanes' requests under the cap its requests would leave one by one as
   * slots freed, and the race between them that rule S7 is about would seldom happen.
   */
  async sendAll(specs: RequestSpec[], role: string): Promise<Exchange[]> {
    const send = () => Promise.all(specs.map((spec) => this.sendWithRetry(spec, role, specs.length > 1)));
    const attempts = specs.length > 1 ? await this.gate.alone(send) : await send();
    const exchanges = attempts.flat();
    for (const exchange of exchanges) {
      exchange.seq = this.options.log?.reserve() ?? 0;
      if (this.options.lane !== undefined) exchange.lane = this.options.lane;
    }
    this.options.log?.append(exchanges);
    this.options.onExchanges?.(exchanges);
    this.options.outage?.observe(exchanges);
    return attempts.map((list) => list[list.length - 1] as Exchange);
  }

  private async sendWithRetry(spec: RequestSpec, role: string, inBurst: boolean): Promise<Exchange[]> {
    const tries: Exchange[] = [];
    const maxRetries = this.options.maxThrottleRetries ?? 5;
    let resent = false;
    for (let attempt = 0; ; attempt++) {
      // Each attempt takes its own slot: a throttled request does not hold one while it waits.
      const exchange = await this.gate.run(() => this.sendOnce(spec, role));
      tries.push(exchange);
      // A kept-alive connection the server closed as the request went out: sent again once, on a new one.
      if (!resent && exchange.error !== undefined && STALE_CONNECTION.test(exchange.error)) {
        resent = true;
        exchange.role = `${role}:connection-reset`;
        continue;
      }
      if (exchange.response?.status !== 429) {
        if (exchange.response) this.gate.answered();
        return tries;
      }
      const header = exchange.response.headers['retry-after'];
      // Fewer in flight and nothing sent before Retry-After: the whole run slows down, not only this request.
      this.gate.throttle(retryDelayMs(header, attempt));
      if (attempt >= maxRetries) return tries;
      exchange.role = `${role}:throttled`;
      await sleep(retryWaitMs(header, attempt) + (inBurst ? attempt * 10 : 0));
    }
  }

  private async sendOnce(spec: RequestSpec, role: string): Promise<Exchange> {
    const { baseUrl, token, contract, fixtures, timeoutMs, abortFile } = this.options;
    // Checked before every request: the suites run in a worker the runner cannot stop mid-test otherwise.
    if (abortFile !== undefined && existsSync(abortFile)) throw new RunInterrupted('the run was interrupted');
    const method = METHODS[spec.op];
    const path = pathFor(spec, contract, fixtures);
    const auth = authHeader(spec.auth, token);
    const recorded: Record<string, string> = {};
    const agent = request(baseUrl);
    let pending = agent[VERBS[spec.op]](path)
      .agent(baseUrl.startsWith('https:') ? AGENTS.https : AGENTS.http)
      .timeout({ response: timeoutMs, deadline: timeoutMs })
      .ok(() => true)
      .buffer(true)
      .parse((res, callback) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => callback(null, text));
      });
    if (auth.sent !== undefined) {
      pending = pending.set('Authorization', auth.sent);
      recorded['authorization'] = auth.recorded ?? '';
    }
    if (spec.contentType !== undefined) {
      pending = pending.set('Content-Type', spec.contentType);
      recorded['content-type'] = spec.contentType;
    }
    this.options.onSend?.(path, spec.body);
    const sent: SentRequest = { method, path, headers: recorded };
    if (spec.body !== undefined) sent.body = spec.body;
    const started = performance.now();
    // The one place a request's wall-clock time is taken (replays rebuild timing from it).
    const exchange: Exchange = { seq: 0, role, spec, request: sent, durationMs: 0, sentAt: Date.now() };
    try {
      const response = spec.body !== undefined ? await pending.send(spec.body) : await pending;
      exchange.response = toReceived(
        response.status,
        response.headers as Record<string, unknown>,
        response.body,
        token,
      );
    } catch (error) {
      exchange.error = describeError(error, timeoutMs);
    }
    exchange.durationMs = Math.round((performance.now() - started) * 100) / 100;
    return exchange;
  }
}

function toReceived(
  status: number,
  headers: Record<string, unknown>,
  body: unknown,
  token: string,
): ReceivedResponse {
  const text = scrub(typeof body === 'string' ? body : '', token);
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'date') continue; // varies from run to run and says nothing about the contract
    flat[name.toLowerCase()] = scrub(Array.isArray(value) ? value.join(', ') : String(value), token);
  }
  const received: ReceivedResponse = { status, headers: flat, text };
  try {
    received.json = JSON.parse(text);
  } catch {
    // Not JSON: judged by R1 where a JSON body is required.
  }
  return received;
}

function describeError(error: unknown, timeoutMs: number): string {
  const e = error as { code?: string; timeout?: number; message?: string };
  if (e.timeout !== undefined || e.code === 'ECONNABORTED') return `no answer within ${timeoutMs} ms`;
  if (e.code) return `no answer: ${e.code}`;
  return `no answer: ${e.message ?? String(error)}`;
}
