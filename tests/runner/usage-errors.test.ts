/**
 * Bad input to the suite itself: one line that says what to do, exit 2, never a stack trace or a verdict.
 * The help, the bin and one bad flag run as new processes, as a user types them; the other cases run the same
 * command-line code in a long-lived host (tests/support/command-hosts.ts), without a process start-up each.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../backend/reference-backend.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { ROOT, runCli } from '../support/run-cli.ts';
import { serveBackend, TEST_TOKEN } from '../support/serve-backend.ts';
import { loadContract } from '../../contracts/load.ts';

const hosts = new CommandHosts(1);
afterAll(() => hosts.close());
const cli = (args: string[], env?: Record<string, string>) => hosts.run(args, env);

function expectOneLineError(
  result: { code: number | null; stderr: string; stdout: string },
  mention: RegExp,
): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^customer-conformance: /);
  expect(lines[0]).toMatch(mention);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).not.toMatch(/Verdict/);
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 9;
}

describe('usage errors', () => {
  it('--help lists every option and the exit codes, exit 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const flag of [
      '--base-url',
      '--token',
      '--seed',
      '--runs',
      '--only',
      '--customer-id',
      '--put-semantics',
      '--report-dir',
      '--timeout',
      '--concurrency',
    ]) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toMatch(/0 the backend conforms, 1 contract violations found, 2 usage/);
  });

  it('the package bin runs the same command line', () => {
    // A clean environment: vite puts BASE_URL=/ into the environment of the tests themselves.
    const result = spawnSync(process.execPath, ['bin/customer-conformance.js', '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^customer-conformance: contract and conformance suite/);
  });

  it('a bad flag in a new process: exit 2 and one line on stderr', async () => {
    expectOneLineError(await runCli(['--no-such-flag']), /Unknown option '--no-such-flag'.*see --help/);
  });

  it.each([
    [['--no-such-flag'], /Unknown option '--no-such-flag'/],
    [['--runs', 'many'], /--runs must be a whole number/],
    [['--seed', '1.5'], /--seed must be a whole number/],
    [['--only', 'Z9'], /--only takes rule ids/],
    [['--put-semantics', 'sometimes'], /--put-semantics must be merge, replace or either/],
    [['--base-url', 'not a url'], /--base-url must be an http\(s\) URL/],
    [['--base-url', 'http://127.0.0.1:1/api/v1'], /needs a bearer token: set API_TOKEN/],
    [['--customer-id', 'cus_1'], /--customer-id names customers of a real backend: give --base-url/],
  ])('%j is refused with a one-line reason', async (args, mention) => {
    expectOneLineError(await cli(args), mention);
  });
});

describe('target errors', () => {
  it('a backend that is not listening: exit 2 within seconds, naming the URL', async () => {
    const port = await closedPort();
    const result = await cli(['--base-url', `http://127.0.0.1:${port}/api/v1`], { API_TOKEN: TEST_TOKEN });
    expectOneLineError(
      result,
      new RegExp(`cannot reach http://127.0.0.1:${port}/api/v1 \\(no answer: ECONNREFUSED`),
    );
    expect(result.ms).toBeLessThan(15_000);
  });

  it('takes the base URL and token from BASE_URL and API_TOKEN', async () => {
    const port = await closedPort();
    const result = await cli([], { BASE_URL: `http://127.0.0.1:${port}/api/v1`, API_TOKEN: TEST_TOKEN });
    expectOneLineError(result, new RegExp(`cannot reach http://127.0.0.1:${port}/api/v1`));
  });

  it('a token the backend refuses: exit 2, naming API_TOKEN, not a verdict', async () => {
    const served = await serveBackend();
    try {
      const result = await cli(['--base-url', served.baseUrl], { API_TOKEN: 'not-the-token' });
      expectOneLineError(result, /refused the token \(401\); check API_TOKEN/);
      expect(result.stderr).not.toContain('not-the-token');
    } finally {
      await served.server.close();
    }
  });

  it('a backend that never answers: exit 2 after the request timeout', async () => {
    const served = await serveBackend(() => () => new Promise(() => {}));
    try {
      const result = await cli(['--base-url', served.baseUrl, '--timeout', '300'], {
        API_TOKEN: TEST_TOKEN,
      });
      expectOneLineError(result, /no answer within 300 ms/);
    } finally {
      await served.server.close();
    }
  });

  it('a backend whose create endpoint fails: exit 2 with what to do', async () => {
    const served = await serveBackend((options) => {
      const { handler } = createReferenceBackend(options);
      return (request) =>
        request.method === 'POST'
          ? Promise.resolve({ status: 405, headers: {}, body: '' })
          : handler(request);
    });
    try {
      const result = await cli(['--base-url', served.baseUrl], { API_TOKEN: TEST_TOKEN });
      expectOneLineError(result, /creating fixture customer A .* answered 405.*--customer-id/);
    } finally {
      await served.server.close();
    }
  });

  it('the contract loads (sanity for the cases above)', () => {
    expect(loadContract().fields.required).toEqual(['email', 'name']);
  });
});
