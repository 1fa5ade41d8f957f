/**
 * Set-up answers are part of the contract: a create or read-back that breaks it is a verdict (exit 1) with its
 * rule, request and answer in every report, not a configuration error (exit 2). The runs share a long-lived
 * command-line host: set-up is the runner's work, not the process's.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findVariant } from '../../backend/variants/catalogue.ts';
import { CONFORMING_VARIANTS } from '../../backend/variants/conforming.ts';
import type { FailureFile } from '../../core/failure-file.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import type { CliResult } from '../support/run-cli.ts';
import { serveBackend, TEST_TOKEN } from '../support/serve-backend.ts';

const hosts = new CommandHosts(1);
afterAll(() => hosts.close());
const runCli = (args: string[], env?: Record<string, string>) => hosts.run(args, env);

interface Run {
  cli: CliResult;
  failures: FailureFile[];
  reports: Record<string, string>;
}

async function runAgainst(variantId: string, args: string[] = []): Promise<Run> {
  const served = await serveBackend(findVariant(variantId)?.build);
  const dir = mkdtempSync(join(tmpdir(), 'setup-answers-'));
  try {
    const cli = await runCli(
      ['--base-url', served.baseUrl, '--seed', '20261126', '--report-dir', dir, ...args],
      {
        API_TOKEN: TEST_TOKEN,
      },
    );
    const failureDir = join(dir, 'failures');
    const failures = readdirSync(dir).includes('failures')
      ? readdirSync(failureDir).map(
          (f) => JSON.parse(readFileSync(join(failureDir, f), 'utf8')) as FailureFile,
        )
      : [];
    const reports = Object.fromEntries(
      ['junit.xml', 'report.json', 'summary.md', 'report.html'].map((f) => [
        f,
        readFileSync(join(dir, f), 'utf8'),
      ]),
    );
    return { cli, failures, reports };
  } finally {
    await served.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a backend whose emails are unique', () => {
  it('conforms when the same seed runs twice: a taken fixture email (409) is made unique, not a B3 verdict', async () => {
    const served = await serveBackend(
      CONFORMING_VARIANTS.find((v) => v.id === 'unique-email-on-create')?.build,
    );
    const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'setup-unique-')));
    try {
      const runs: CliResult[] = [];
      for (const dir of dirs) {
        const args = ['--base-url', served.baseUrl, '--seed', '7', '--runs', '10', '--report-dir', dir];
        runs.push(await runCli(args, { API_TOKEN: TEST_TOKEN }));
      }
      const [first, second] = runs;
      expect(first?.code, first?.stdout.slice(-1500)).toBe(0);
      expect(second?.code, second?.stdout.slice(-1500)).toBe(0);
      expect(second?.stdout).toMatch(/fixture customer A: its email or name was taken \(409\)/);
    } finally {
      await served.server.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});

function expectSetupVerdict(run: Run, rule: string, title: string): void {
  expect(run.cli.code, run.cli.stderr).toBe(1);
  expect(run.cli.stderr).not.toMatch(/^customer-conformance: (?!seed)/m);
  expect(run.cli.stdout).toMatch(new RegExp(`x ${rule} setup: ${title}`));
  const saved = run.failures.find((f) => f.checkId === 'setup' && f.rule === rule);
  expect(saved?.exchanges.some((e) => e.request.method === 'POST')).toBe(true);
  expect(saved?.replay).toMatch(/npm run replay -- /);
  for (const [name, text] of Object.entries(run.reports)) {
    expect(text, name).toContain(title);
  }
}

describe('set-up answers judged by the contract', () => {
  it('no { data } envelope anywhere: R1 at set-up, exit 1, the run stops there with the verdict', async () => {
    const run = await runAgainst('no-envelope-anywhere');
    expectSetupVerdict(run, 'R1', 'Response does not match the schema');
    expect(run.cli.stdout).toMatch(/stopped at set-up/);
    expect(run.failures[0]?.violations[0]?.received).toMatch(/must have required property 'data'/);
  });

  it('a create answering an id the backend does not know: I2, with the read-back and its error text', async () => {
    const run = await runAgainst('create-answers-wrong-id');
    expectSetupVerdict(run, 'I2', 'Created id unknown to the backend');
    expect(run.failures[0]?.violations[0]?.received).toMatch(
      /data\.id "src_1".*answered 404: .*customer not found/,
    );
    expect(run.cli.stdout).toMatch(
      /note: fixture customer A: GET \/unified\/customer\/src_1 answered 404: .*customer not found/,
    );
  });

  it('a create answering an empty id: I2 at set-up, exit 1, not "pass existing customers" (exit 2)', async () => {
    const run = await runAgainst('create-answers-empty-id');
    expectSetupVerdict(run, 'I2', 'Created customer has no id to address it by');
    expect(run.failures[0]?.violations[0]?.received).toMatch(/answered 201 with data\.id ""/);
    expect(run.cli.stdout).toMatch(/stopped at set-up/);
    expect(run.cli.stderr).not.toMatch(/--customer-id/);
  });

  it('a create refusing the full body: B3 with the backend error, then the run goes on with the minimal body', async () => {
    const run = await runAgainst('create-refuses-over-40', ['--only', 'S1', '--runs', '5']);
    expectSetupVerdict(run, 'B3', 'Valid create body refused');
    expect(run.failures[0]?.violations[0]?.received).toMatch(/400: .*shorter than or equal to 40 characters/);
    expect(run.cli.stdout).toMatch(
      /note: fixture customer A: POST \/unified\/customer answered 400: .*40 characters.*\nnote: fixture customer A: created with only the required fields instead/,
    );
    expect(run.cli.stdout).toMatch(/S1 .* PASS/);
  });
});
