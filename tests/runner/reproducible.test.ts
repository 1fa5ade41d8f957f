/**
 * Reproducibility and secrecy, end to end: the same seed sends the same requests in the same order; a saved
 * failure replays to exit 1 while the bug is there and 0 on a correct backend; copied into the regression
 * folder it is replayed first and fails the run; the token appears in no output and no file.
 * The runs share one long-lived command-line host (as the kill matrix does), and the same-seed check compares
 * its last run with `npm start` typed as a user types it: so nothing of one run leaks into the next in a host.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findVariant } from '../../backend/variants/catalogue.ts';
import type { Exchange } from '../../core/exchange.ts';
import type { FailureFile } from '../../core/failure-file.ts';
import { RULE_IDS } from '../../core/rules.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { runNpmStart, runReplay, type CliResult } from '../support/run-cli.ts';
import { serveBackend, TEST_TOKEN, type Served } from '../support/serve-backend.ts';

const work = mkdtempSync(join(tmpdir(), 'reproducible-'));
const hosts = new CommandHosts(1);
const runCli = (args: string[], env?: Record<string, string>) => hosts.run(args, env);
const trimsNames = findVariant('trims-names');
if (!trimsNames) throw new Error('the catalogue has no trims-names variant');

let buggy: Served;
let correct: Served;
let buggyRun: CliResult;
const buggyReports = join(work, 'buggy');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const requestsOf = (dir: string) =>
  readFileSync(join(dir, 'exchanges.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { request, role } = JSON.parse(line) as Exchange;
      return { role, ...request };
    });

beforeAll(async () => {
  buggy = await serveBackend(trimsNames.build);
  correct = await serveBackend();
  buggyRun = await runCli(
    ['--base-url', buggy.baseUrl, '--seed', '77', '--runs', '40', '--report-dir', buggyReports],
    {
      API_TOKEN: TEST_TOKEN,
    },
  );
}, 120_000);

afterAll(async () => {
  await hosts.close();
  await buggy.server.close();
  await correct.server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a run against a backend with a planted bug (names are trimmed)', () => {
  it('exits 1 and saves an S1 failure diagnosed as trimmed', () => {
    expect(buggyRun.code, buggyRun.stderr).toBe(1);
    const failure = JSON.parse(
      readFileSync(join(buggyReports, 'failures', 'S1-1.json'), 'utf8'),
    ) as FailureFile;
    expect(failure.rule).toBe('S1');
    expect(failure.violations[0]?.diagnosis).toMatch(/trim/);
    // Shrunk: the two required fields and at most one more, the name as short as still fails.
    const body = (failure.scenario as { case: { value: Record<string, unknown> } }).case.value;
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['email', 'name']));
    expect(Object.keys(body).length).toBeLessThanOrEqual(3);
    expect(String(body['name']).length).toBeLessThanOrEqual(3);
    expect(buggyRun.stdout).toContain('npm run replay --');
  });

  it('writes every report, and junit.xml names each rule', () => {
    for (const file of ['junit.xml', 'report.json', 'summary.md', 'report.html', 'exchanges.ndjson']) {
      expect(existsSync(join(buggyReports, file)), file).toBe(true);
    }
    const junit = readFileSync(join(buggyReports, 'junit.xml'), 'utf8');
    expect(junit.startsWith('<?xml')).toBe(true);
    for (const rule of RULE_IDS) expect(junit).toContain(`${rule} `);
    expect(junit).toMatch(/<failure message="[^"]*S1/);
  });

  it('leaves the token in no output and no file it wrote', () => {
    expect(buggyRun.stdout + buggyRun.stderr).not.toContain(TEST_TOKEN);
    for (const file of filesUnder(buggyReports)) {
      expect(readFileSync(file, 'utf8').includes(TEST_TOKEN), file).toBe(false);
    }
    expect(readFileSync(join(buggyReports, 'exchanges.ndjson'), 'utf8')).toContain('Bearer [REDACTED]');
  });

  it('replays its saved failure: exit 1 against the buggy backend, 0 against a correct one', async () => {
    const file = join(buggyReports, 'failures', 'S1-1.json');
    const still = await runReplay([file, '--base-url', buggy.baseUrl], { API_TOKEN: TEST_TOKEN });
    expect(still.code, still.stderr).toBe(1);
    expect(still.stdout).toMatch(/STILL FAILING: S1/);
    expect(still.stdout).not.toContain(TEST_TOKEN);
    const fixed = await runReplay([file, '--base-url', correct.baseUrl], { API_TOKEN: TEST_TOKEN });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/FIXED: S1/);
    // Each of the 3 tries waits until its customer is as old as the run's was: seconds on a loaded machine.
  }, 180_000);

  it('refuses a file that is not a saved failure with exit 2', async () => {
    const result = await runReplay([join(buggyReports, 'report.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^replay: .*not a saved failure/);
  });

  it('as a regression file, is replayed first and fails the next run while the bug is there', async () => {
    const corpus = join(work, 'regressions');
    mkdirSync(corpus);
    cpSync(join(buggyReports, 'failures', 'S1-1.json'), join(corpus, 'trimmed-name.json'));
    const args = (dir: string) => [
      '--seed',
      '5',
      '--runs',
      '5',
      '--only',
      'regressions',
      '--regressions-dir',
      corpus,
      '--report-dir',
      dir,
    ];
    const again = await runCli(['--base-url', buggy.baseUrl, ...args(join(work, 'again'))], {
      API_TOKEN: TEST_TOKEN,
    });
    expect(again.code, again.stderr).toBe(1);
    const progress = again.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(progress[0]).toMatch(/FAIL S1 regression trimmed-name\.json/);
    const report = JSON.parse(readFileSync(join(work, 'again', 'report.json'), 'utf8')) as {
      checks: { id: string }[];
    };
    expect(report.checks.map((c) => c.id)).toContain('regression:trimmed-name');
    const healthy = await runCli(['--base-url', correct.baseUrl, ...args(join(work, 'healthy'))], {
      API_TOKEN: TEST_TOKEN,
    });
    expect(healthy.code, healthy.stdout).toBe(0);
  }, 90_000);
});

describe('the same seed', () => {
  it('with one lane, sends the same requests in the same order, fixture set-up and bursts included', async () => {
    const dirs = [join(work, 'seed-1'), join(work, 'seed-2')];
    const args = (dir: string) => ['--seed', '4242', '--runs', '15', '--lanes', '1', '--report-dir', dir];
    // The first as a user types it on a fresh shell; the second in the host that ran every run above.
    const typed = await runNpmStart(args(dirs[0] as string));
    expect(typed.code, typed.stderr).toBe(0);
    expect(typed.stdout).toMatch(/Verdict: CONFORMS/);
    const hosted = await runCli(args(dirs[1] as string));
    expect(hosted.code, hosted.stderr).toBe(0);
    const [first, second] = dirs.map(requestsOf);
    expect(first?.length).toBeGreaterThan(100);
    expect(second).toEqual(first);
    expect(first?.some((r) => r.role === 'burst')).toBe(true);
    expect(first?.[1]?.role).toBe('fixture-create-A');
    // Two whole runs on one lane, every request after the previous one: minutes on a loaded 2-core machine.
  }, 180_000);

  it('puts the same cases on the same lanes: each lane sends the same requests in the same order', async () => {
    const dirs = [join(work, 'lanes-1'), join(work, 'lanes-2')];
    for (const dir of dirs) {
      const run = await runCli(['--seed', '4242', '--runs', '15', '--lanes', '3', '--report-dir', dir]);
      expect(run.code, run.stderr).toBe(0);
    }
    const [first, second] = dirs.map(byLane);
    expect([...(first?.keys() ?? [])].sort()).toEqual(['0', '1', '2', 'set-up']);
    for (const [lane, requests] of first ?? []) {
      const again = second?.get(lane) ?? [];
      // Set-up and clean-up run lanes at once: the same requests, not necessarily in the same order.
      if (lane === 'set-up') expect(sorted(again)).toEqual(sorted(requests));
      else expect(again, `lane ${lane}`).toEqual(requests);
    }
    // A lane touches only its own customers (or ids that are no one's).
    const lanes = (
      JSON.parse(readFileSync(join(dirs[0] as string, 'fixtures.json'), 'utf8')) as {
        lanes: { ids: Record<string, string> }[];
      }
    ).lanes.map((lane) => Object.values(lane.ids));
    expect(lanes).toHaveLength(3);
    for (const [lane, requests] of first ?? []) {
      if (lane === 'set-up') continue;
      const others = lanes.filter((_, index) => String(index) !== lane).flat();
      for (const request of requests) {
        expect(
          others.some((id) => request.path.endsWith(`/${id}`)),
          request.path,
        ).toBe(false);
      }
    }
  }, 120_000);
});

function byLane(dir: string): Map<string, ReturnType<typeof requestsOf>> {
  const lanes = new Map<string, ReturnType<typeof requestsOf>>();
  const lines = readFileSync(join(dir, 'exchanges.ndjson'), 'utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    const { request, role, lane } = JSON.parse(line) as Exchange;
    const key = lane === undefined ? 'set-up' : String(lane);
    lanes.set(key, [...(lanes.get(key) ?? []), { role, ...request }]);
  }
  return lanes;
}

const sorted = (requests: ReturnType<typeof requestsOf>) => requests.map((r) => JSON.stringify(r)).sort();
