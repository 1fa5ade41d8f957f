/** The command line and its environment equivalents, checked into a typed RunOptions or a UsageError. */
import { parseArgs } from 'node:util';
import { isRuleId } from '../core/rules.ts';

export interface RunOptions {
  baseUrl?: string;
  token?: string;
  seed: number;
  seedGiven: boolean;
  runs: number;
  only: string[];
  /** Stop at the first check that finds a violation: a quicker exit 1, the checks after it not run. */
  bail: boolean;
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

export const DEFAULT_LANES = 12;

export const HELP = `customer-conformance: contract and conformance suite for PUT /unified/customer/{unifiedCustomerId}

Usage: npm start -- [options]        (or: npx customer-conformance [options])

Target
  --base-url URL        API base URL, e.g. https://dev-backend.thelinks.ai/api/v1   [env BASE_URL]
                        Without one, the suite runs against the embedded reference backend.
  --token TOKEN         bearer token; prefer the environment variable            [env API_TOKEN]
  --customer-id ID      use this existing customer instead of creating fixtures (repeatable; two ids
                        make a lane, give two for the isolation check S6). Each is snapshotted first and
                        restored at the end.
  --timeout MS          per-request timeout (default 10000)
  --concurrency N       most requests in flight at once (default 16)
  --lanes N             pairs of fixture customers worked on at once (default ${DEFAULT_LANES}); with
                        --customer-id the given ids form the lanes, two per lane

Cases
  --seed N              seed of every generated case; the same seed sends the same requests [env CONFORMANCE_SEED]
  --runs N              generated cases per property check (default 100)
  --only LIST           rule ids (B1..S7) or suite names (${SUITE_NAMES.join(', ')}), comma-separated, repeatable
  --bail                stop at the first check that finds a violation (set-up included): a quicker exit 1
                        for a release gate; the checks after it are not run, so a rule passes only on
                        the checks before the stop
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
or a backend that stopped answering mid-run (no verdict; the last line on stderr says where). With --baseline:
0 when every finding is known, 1 for a new finding or a saved regression that came back.`;

function integer(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): RunOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        seed: { type: 'string' },
        runs: { type: 'string' },
        only: { type: 'string', multiple: true },
        bail: { type: 'boolean' },
        'customer-id': { type: 'string', multiple: true },
        'put-semantics': { type: 'string' },
        'report-dir': { type: 'string' },
        timeout: { type: 'string' },
        concurrency: { type: 'string' },
        'contract-dir': { type: 'string' },
        'regressions-dir': { type: 'string' },
        'embedded-strict': { type: 'boolean' },
        'embedded-delay': { type: 'string' },
        lanes: { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}`);
  }
  const v = parsed.values;
  const baseUrl = v['base-url'] ?? (env['BASE_URL'] || undefined);
  if (baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new UsageError(
        `--base-url must be an http(s) URL such as https://dev-backend.thelinks.ai/api/v1, got "${baseUrl}"`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new UsageError(`--base-url must use http or https, got "${url.protocol}"`);
    }
    if (url.username || url.password)
      throw new UsageError('--base-url must not hold credentials: use API_TOKEN');
  }
  const token = v.token ?? (env['API_TOKEN'] || undefined);
  if (baseUrl !== undefined && token === undefined) {
    throw new UsageError('a base URL needs a bearer token: set API_TOKEN (or pass --token)');
  }
  const seedText = v.seed ?? (env['CONFORMANCE_SEED'] || undefined);
  const seed = integer('--seed', seedText, Math.floor(Math.random() * 2 ** 31), -(2 ** 31), 2 ** 31 - 1);
  const only = (v.only ?? [])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of only) {
    if (!isRuleId(item) && !SUITE_NAMES.includes(item)) {
      throw new UsageError(
        `--only takes rule ids (B1..S7) or suite names (${SUITE_NAMES.join(', ')}), got "${item}"`,
      );
    }
  }
  const semantics = v['put-semantics'];
  if (semantics !== undefined && semantics !== 'merge' && semantics !== 'replace' && semantics !== 'either') {
    throw new UsageError(`--put-semantics must be merge, replace or either, got "${semantics}"`);
  }
  const customerIds = v['customer-id'] ?? [];
  if (customerIds.some((id) => id.trim() === '')) throw new UsageError('--customer-id must not be empty');
  if (customerIds.length > 0 && baseUrl === undefined) {
    throw new UsageError('--customer-id names customers of a real backend: give --base-url too');
  }
  const baseline = v.baseline ?? (env['CONFORMANCE_BASELINE'] || undefined);
  if (baseline !== undefined && baseline.trim() === '') throw new UsageError('--baseline must name a file');
  const writeBaseline = v['write-baseline'];
  if (writeBaseline !== undefined && writeBaseline.trim() === '')
    throw new UsageError('--write-baseline must name a file');
  return {
    ...(baseline !== undefined ? { baseline } : {}),
    ...(writeBaseline !== undefined ? { writeBaseline } : {}),
    ...(baseUrl !== undefined ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}),
    ...(token !== undefined ? { token } : {}),
    seed,
    seedGiven: seedText !== undefined,
    runs: integer('--runs', v.runs, 100, 1, 1_000_000),
    only,
    bail: v.bail ?? false,
    customerIds,
    ...(semantics !== undefined ? { putSemantics: semantics } : {}),
    reportDir: v['report-dir'] ?? 'reports',
    timeoutMs: integer('--timeout', v.timeout, 10_000, 1, 600_000),
    concurrency: integer('--concurrency', v.concurrency, 16, 1, 1000),
    ...(v['contract-dir'] !== undefined ? { contractDir: v['contract-dir'] } : {}),
    regressionsDir: v['regressions-dir'] ?? 'regressions',
    embeddedStrict: v['embedded-strict'] ?? false,
    ...(v['embedded-delay'] !== undefined
      ? { embeddedDelayMs: integer('--embedded-delay', v['embedded-delay'], 0, 0, 60_000) }
      : {}),
    // Given customers form the lanes themselves: two ids a lane.
    lanes:
      customerIds.length > 0
        ? Math.ceil(customerIds.length / 2)
        : integer('--lanes', v.lanes, DEFAULT_LANES, 1, 64),
    help: v.help ?? false,
  };
}
