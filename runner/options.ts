/**
 * A run's options: the API's object (`ConformanceOptions`) and the command line with its environment equivalents,
 * both checked by one function (`checkOptions`) into a typed RunOptions, or a UsageError naming the option as its
 * caller spells it (`--runs` on the command line, `runs` in the API). A new option is a field of
 * ConformanceOptions, a row of FLAGS (when it has a flag) and its check in checkOptions.
 */
import type { RequestListener, Server } from 'node:http';
import { parseArgs } from 'node:util';
import { INVOCATION } from '../core/invocation.ts';
import { isRuleId } from '../core/rules.ts';

/** An app in process: what `http.createServer` accepts (Express, Koa's `app.callback()`, …) or an http.Server. */
export type AppUnderTest = RequestListener | Server;

/** The options of a run, as `runConformance` takes them; each has a command-line flag except `app`/`basePath`. */
export interface ConformanceOptions {
  /** API base URL, e.g. https://dev-backend.example.com/api/v1; without it (and without `app`), the embedded backend. */
  baseUrl?: string;
  /** The app under test, served on a free loopback port for the run and closed after it (instead of baseUrl). */
  app?: AppUnderTest;
  /** Where `app` mounts the API, e.g. "/api/v1" (default ""). */
  basePath?: string;
  /** Bearer token the backend accepts; needed with baseUrl or app. */
  token?: string;
  /** Seed of every generated case (default: random, printed). */
  seed?: number;
  /** Generated cases per property check (default 100). */
  runs?: number;
  /** Rule ids (`S1`) or suite names (`valid-updates`) to run; default all. */
  only?: string[];
  /** Stop at the first check that finds a violation. */
  bail?: boolean;
  /** A rule or value class the run did not reach fails the gate: exit code 2 (see runner/coverage.ts). */
  requireCoverage?: boolean;
  /** Existing customers to use (two a lane), read first and put back at the end. */
  customerIds?: string[];
  /** Overrides the contract's PUT semantics. */
  putSemantics?: 'merge' | 'replace' | 'either';
  /** Where reports go (default "reports"). */
  reportDir?: string;
  /** Per-request timeout in ms (default 10000). */
  timeout?: number;
  /** Most requests in flight at once (default 16). */
  concurrency?: number;
  /** Pairs of fixture customers worked on at once (default 12). */
  lanes?: number;
  /** A contract folder (a copy of the package's contracts/ edited for your backend). */
  contractDir?: string;
  /** Saved failures replayed first (default "regressions"). */
  regressionsDir?: string;
  /** The embedded backend rejects every edge case it may reject. */
  embeddedStrict?: boolean;
  /** The embedded backend answers every request this many ms late. */
  embeddedDelay?: number;
  /** Known findings (a file --write-baseline wrote): a finding listed there does not fail the run. */
  baseline?: string;
  /** Where to write this run's findings as a baseline. */
  writeBaseline?: string;
  /** Keeps the ids of the fixture customers the run creates in this file, and reuses the ones kept there. */
  fixturesFile?: string;
}

export interface RunOptions {
  baseUrl?: string;
  app?: AppUnderTest;
  /** Prefix `app` mounts the API under: "" or "/api/v1" (no trailing slash). */
  basePath: string;
  token?: string;
  seed: number;
  seedGiven: boolean;
  runs: number;
  only: string[];
  /** Stop at the first check that finds a violation: a quicker exit 1, the checks after it not run. */
  bail: boolean;
  /** A value class or rule the run did not reach fails the gate (exit 2): see runner/coverage.ts. */
  requireCoverage: boolean;
  customerIds: string[];
  putSemantics?: 'merge' | 'replace' | 'either';
  reportDir: string;
  timeoutMs: number;
  concurrency: number;
  contractDir?: string;
  regressionsDir: string;
  embeddedStrict: boolean;
  /** The embedded backend answers every request this late (a remote backend's latency, for measuring). */
  embeddedDelayMs?: number;
  /** Independent pairs of fixture customers worked on at once. */
  lanes: number;
  /** Known findings: a finding whose fingerprint is listed there does not fail the run. */
  baseline?: string;
  /** Where to write this run's findings as a baseline. */
  writeBaseline?: string;
  /** Where the ids of the created fixture customers are kept, to be reused by the next run with this file. */
  fixturesFile?: string;
  help: boolean;
}

export class UsageError extends Error {}

export const SUITE_NAMES = [
  'regressions',
  'valid-updates',
  'invalid-updates',
  'edge-updates',
  'extra-properties',
  'auth',
  'identity',
  'stateful',
];

/**
 * Lanes by default: one per request the cap lets in flight (each lane has one request in flight at a time, so
 * fewer lanes than --concurrency would leave the cap unfilled), at most MAX_LANES.
 */
export const DEFAULT_CONCURRENCY = 16;
export const MAX_LANES = 64;
export const defaultLanes = (concurrency: number): number => Math.min(concurrency, MAX_LANES);
export const DEFAULT_LANES = defaultLanes(DEFAULT_CONCURRENCY);

export const HELP = `customer-conformance: contract and conformance suite for PUT /unified/customer/{unifiedCustomerId}

Usage: ${INVOCATION.run} [options]
       ${INVOCATION.replay} <failure file> [options]   (--help for its own)

Target
  --base-url URL        API base URL, e.g. https://dev-backend.thelinks.ai/api/v1   [env BASE_URL]
                        Without one, the suite runs against the embedded reference backend.
  --token TOKEN         bearer token; prefer the environment variable            [env API_TOKEN]
  --customer-id ID      use this existing customer instead of creating fixtures (repeatable; two ids
                        make a lane, give two for the isolation check S6). Each is snapshotted first and
                        restored at the end.
  --timeout MS          per-request timeout (default 10000)
  --concurrency N       most requests in flight at once (default ${DEFAULT_CONCURRENCY})
  --lanes N             pairs of fixture customers worked on at once (default: --concurrency, at most
                        ${MAX_LANES}, so ${DEFAULT_LANES}); with --customer-id the given ids form the lanes, two per lane
  --fixtures-file FILE  keep the ids of the fixture customers the run creates in FILE, and reuse the ones
                        an earlier run kept there (reset first; only what is missing is created), so runs
                        leave no new customers behind; runs sharing a file must not overlap
                                                                                 [env CONFORMANCE_FIXTURES_FILE]

Cases
  --seed N              seed of every generated case; the same seed sends the same requests [env CONFORMANCE_SEED]
  --runs N              generated cases per property check (default 100)
  --only LIST           rule ids (B1..S7) or suite names (${SUITE_NAMES.join(', ')}), comma-separated, repeatable
  --bail                stop at the first check that finds a violation (set-up included): a quicker exit 1
                        for a release gate; the checks after it are not run, so a rule passes only on
                        the checks before the stop
  --require-coverage    fail the gate (exit 2) when a rule, or a value class of a field (null, NFD, the
                        longest string, …), was never judged: see "Coverage" in the reports; the
                        contract's coverage.exempt lists what a team does not require
  --put-semantics S     merge, replace or either: overrides the contract's putSemantics
  --contract-dir DIR    contract folder (default: contracts/ of this project)
  --regressions-dir DIR saved failures replayed first on every run (default regressions/)
  --embedded-strict     the embedded backend rejects every edge case it may reject (default: accepts them)
  --embedded-delay MS   the embedded backend answers each request MS ms late, like a remote one (default 0)

Known findings
  --baseline FILE       findings already known (a file --write-baseline wrote, committed beside your CI
                        config): reported as known, they do not fail the run; only a new one does
                                                                                 [env CONFORMANCE_BASELINE]
  --write-baseline FILE write this run's findings to FILE (entries already in it keep their reason and date);
                        the run then exits 0 unless a regression came back

Output
  --report-dir DIR      where reports go (default reports/)
  --help                this text

Exit codes: 0 the backend conforms, 1 contract violations found, 2 usage, configuration or connection error,
or a backend that stopped answering mid-run, or --require-coverage not met (no verdict; the last line on
stderr says why). With --baseline: 0 when every finding is known, 1 for a new finding or a saved regression
that came back.`;

/** Each option with a flag: its flag (and environment variable); `name` spells an option as the caller does. */
const FLAGS = {
  baseUrl: { flag: 'base-url', type: 'string', env: 'BASE_URL' },
  token: { flag: 'token', type: 'string', env: 'API_TOKEN' },
  seed: { flag: 'seed', type: 'string', env: 'CONFORMANCE_SEED' },
  runs: { flag: 'runs', type: 'string' },
  only: { flag: 'only', type: 'string', multiple: true },
  bail: { flag: 'bail', type: 'boolean' },
  requireCoverage: { flag: 'require-coverage', type: 'boolean' },
  customerIds: { flag: 'customer-id', type: 'string', multiple: true },
  putSemantics: { flag: 'put-semantics', type: 'string' },
  reportDir: { flag: 'report-dir', type: 'string' },
  timeout: { flag: 'timeout', type: 'string' },
  concurrency: { flag: 'concurrency', type: 'string' },
  contractDir: { flag: 'contract-dir', type: 'string' },
  regressionsDir: { flag: 'regressions-dir', type: 'string' },
  embeddedStrict: { flag: 'embedded-strict', type: 'boolean' },
  embeddedDelay: { flag: 'embedded-delay', type: 'string' },
  lanes: { flag: 'lanes', type: 'string' },
  baseline: { flag: 'baseline', type: 'string', env: 'CONFORMANCE_BASELINE' },
  writeBaseline: { flag: 'write-baseline', type: 'string' },
  fixturesFile: { flag: 'fixtures-file', type: 'string', env: 'CONFORMANCE_FIXTURES_FILE' },
} as const satisfies Partial<
  Record<
    keyof ConformanceOptions,
    { flag: string; type: 'string' | 'boolean'; env?: string; multiple?: boolean }
  >
>;

type Flagged = keyof typeof FLAGS;

/** Options as given: the command line's numbers are still text, checked with the API's. */
type GivenOptions = {
  [K in keyof ConformanceOptions]: ConformanceOptions[K] | (K extends Flagged ? string : never);
};

/** How a caller spells an option in messages. */
export type OptionName = (key: keyof ConformanceOptions) => string;

export const flagName: OptionName = (key) => (key in FLAGS ? `--${FLAGS[key as Flagged].flag}` : key);
export const apiName: OptionName = (key) => key;

function integer(
  name: string,
  value: string | number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  const text = String(value);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return parsed;
}

function isServer(app: unknown): app is Server {
  return typeof app === 'object' && app !== null && typeof (app as Server).listen === 'function';
}

/** The command line: flags, then their environment variables, checked as the API's options are. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): RunOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(
          Object.values(FLAGS).map(({ flag, type, ...rest }) => [
            flag,
            { type, ...('multiple' in rest ? { multiple: true } : {}) },
          ]),
        ),
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}`);
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const given: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(FLAGS)) {
    const value = values[spec.flag] ?? ('env' in spec ? env[spec.env] || undefined : undefined);
    if (value !== undefined) given[key] = value;
  }
  // Given customers are put back, not kept: the environment's fixtures file then has nothing to keep (the flag
  // beside --customer-id is an error).
  if (values['fixtures-file'] === undefined && given['customerIds'] !== undefined)
    delete given['fixturesFile'];
  return { ...checkOptions(given as GivenOptions, flagName), help: values['help'] === true };
}

/** Checks a run's options, however given; throws a UsageError naming the option as `name` spells it. */
export function checkOptions(given: GivenOptions, name: OptionName = apiName): RunOptions {
  const known = new Set<string>([...Object.keys(FLAGS), 'app', 'basePath']);
  for (const key of Object.keys(given)) {
    if (!known.has(key)) throw new UsageError(`unknown option "${key}"`);
  }
  const app = given.app;
  if (app !== undefined && typeof app !== 'function' && !isServer(app)) {
    throw new UsageError(
      `${name('app')} must be a request listener (an Express app, Koa's app.callback(), Fastify's app.routing) or an http.Server`,
    );
  }
  const basePath = given.basePath ?? '';
  if (typeof basePath !== 'string' || (basePath !== '' && !/^\/[^?#\s]*$/.test(basePath))) {
    throw new UsageError(
      `${name('basePath')} must be a path such as "/api/v1" (or ""), got "${String(basePath)}"`,
    );
  }
  if (given.basePath !== undefined && app === undefined) {
    throw new UsageError(
      `${name('basePath')} goes with ${name('app')}; with a base URL, put the path in the URL`,
    );
  }
  const baseUrl = given.baseUrl;
  if (baseUrl !== undefined && app !== undefined) {
    throw new UsageError(`give ${name('app')} or ${name('baseUrl')}, not both`);
  }
  if (baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new UsageError(
        `${name('baseUrl')} must be an http(s) URL such as https://dev-backend.thelinks.ai/api/v1, got "${baseUrl}"`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new UsageError(`${name('baseUrl')} must use http or https, got "${url.protocol}"`);
    }
    if (url.username || url.password)
      throw new UsageError(`${name('baseUrl')} must not hold credentials: use API_TOKEN`);
  }
  const token = given.token;
  if (token !== undefined && (typeof token !== 'string' || token === '')) {
    throw new UsageError(`${name('token')} must be a non-empty string`);
  }
  if (baseUrl !== undefined && token === undefined) {
    throw new UsageError(`a base URL needs a bearer token: set API_TOKEN (or pass ${name('token')})`);
  }
  if (app !== undefined && token === undefined) {
    throw new UsageError(`an app needs the bearer token it accepts: pass ${name('token')}`);
  }
  const seedGiven = given.seed !== undefined;
  const seed = integer(
    name('seed'),
    given.seed,
    Math.floor(Math.random() * 2 ** 31),
    -(2 ** 31),
    2 ** 31 - 1,
  );
  const onlyGiven = given.only ?? [];
  const only = (typeof onlyGiven === 'string' ? [onlyGiven] : onlyGiven)
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of only) {
    if (!isRuleId(item) && !SUITE_NAMES.includes(item)) {
      throw new UsageError(
        `${name('only')} takes rule ids (B1..S7) or suite names (${SUITE_NAMES.join(', ')}), got "${item}"`,
      );
    }
  }
  const semantics = given.putSemantics;
  if (semantics !== undefined && semantics !== 'merge' && semantics !== 'replace' && semantics !== 'either') {
    throw new UsageError(
      `${name('putSemantics')} must be merge, replace or either, got "${String(semantics)}"`,
    );
  }
  const customerIdsGiven = given.customerIds ?? [];
  const customerIds = typeof customerIdsGiven === 'string' ? [customerIdsGiven] : customerIdsGiven;
  if (customerIds.some((id) => typeof id !== 'string' || id.trim() === ''))
    throw new UsageError(`${name('customerIds')} must not be empty`);
  if (customerIds.length > 0 && baseUrl === undefined && app === undefined) {
    throw new UsageError(
      `${name('customerIds')} names customers of a real backend: give ${name('baseUrl')} too`,
    );
  }
  const flag = (key: 'bail' | 'embeddedStrict' | 'requireCoverage'): boolean => {
    const value = given[key];
    if (value !== undefined && typeof value !== 'boolean') {
      throw new UsageError(`${name(key)} must be true or false, got "${String(value)}"`);
    }
    return value ?? false;
  };
  const text = (key: 'reportDir' | 'contractDir' | 'regressionsDir'): string | undefined => {
    const value = given[key];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new UsageError(`${name(key)} must be a folder path, got "${String(value)}"`);
    }
    return value;
  };
  const contractDir = text('contractDir');
  const file = (key: 'baseline' | 'writeBaseline'): string | undefined => {
    const value = given[key];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === ''))
      throw new UsageError(`${name(key)} must name a file, got "${String(value)}"`);
    return value;
  };
  const baseline = file('baseline');
  const writeBaseline = file('writeBaseline');
  // A file of the customers the suite creates; given customers are put back, not kept.
  const fixturesFile = given.fixturesFile;
  if (fixturesFile !== undefined && (typeof fixturesFile !== 'string' || fixturesFile.trim() === ''))
    throw new UsageError(`${name('fixturesFile')} must name a file`);
  if (fixturesFile !== undefined && customerIds.length > 0) {
    throw new UsageError(
      `${name('fixturesFile')} keeps the customers the suite creates, ${name('customerIds')} uses given ones: pass one or the other`,
    );
  }
  const concurrency = integer(name('concurrency'), given.concurrency, DEFAULT_CONCURRENCY, 1, 1000);
  return {
    ...(baseline !== undefined ? { baseline } : {}),
    ...(writeBaseline !== undefined ? { writeBaseline } : {}),
    ...(baseUrl !== undefined ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}),
    ...(app !== undefined ? { app } : {}),
    basePath: basePath.replace(/\/+$/, ''),
    ...(token !== undefined ? { token } : {}),
    seed,
    seedGiven,
    runs: integer(name('runs'), given.runs, 100, 1, 1_000_000),
    only,
    bail: flag('bail'),
    requireCoverage: flag('requireCoverage'),
    customerIds,
    ...(semantics !== undefined ? { putSemantics: semantics } : {}),
    reportDir: text('reportDir') ?? 'reports',
    timeoutMs: integer(name('timeout'), given.timeout, 10_000, 1, 600_000),
    concurrency,
    ...(contractDir !== undefined ? { contractDir } : {}),
    regressionsDir: text('regressionsDir') ?? 'regressions',
    embeddedStrict: flag('embeddedStrict'),
    ...(given.embeddedDelay !== undefined
      ? { embeddedDelayMs: integer(name('embeddedDelay'), given.embeddedDelay, 0, 0, 60_000) }
      : {}),
    // Given customers form the lanes themselves: two ids a lane.
    lanes:
      customerIds.length > 0
        ? Math.ceil(customerIds.length / 2)
        : integer(name('lanes'), given.lanes, defaultLanes(concurrency), 1, MAX_LANES),
    ...(fixturesFile !== undefined ? { fixturesFile } : {}),
    help: false,
  };
}
