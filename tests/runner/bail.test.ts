/**
 * --bail end to end: against a backend with a planted bug the run stops at the first check that finds a
 * violation (exit 1, every check after it skipped and counted as not run, the re-run command keeps --bail);
 * against a conforming backend it runs every selected check, as without --bail.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findVariant } from '../../backend/variants/catalogue.ts';
import type { ReportJson } from '../../reporting/report-json.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { serveBackend, TEST_TOKEN } from '../support/serve-backend.ts';

const work = mkdtempSync(join(tmpdir(), 'bail-'));
const hosts = new CommandHosts(1);
afterAll(async () => {
  await hosts.close();
  rmSync(work, { recursive: true, force: true });
});

/** No saved regressions: the first failing check is one of the suites', wherever the corpus stands. */
const noRegressions = ['--regressions-dir', join(work, 'none')];

async function bailRun(build: Parameters<typeof serveBackend>[0], name: string, extra: string[] = []) {
  const served = await serveBackend(build);
  const reportDir = join(work, name);
  try {
    const cli = await hosts.run(
      [
        '--base-url',
        served.baseUrl,
        '--seed',
        '4',
        '--bail',
        '--report-dir',
        reportDir,
        ...noRegressions,
        ...extra,
      ],
      { API_TOKEN: TEST_TOKEN },
    );
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as ReportJson;
    return { cli, report };
  } finally {
    await served.server.close();
  }
}

describe('--bail', () => {
  it('stops at the first check that finds a violation, and says how many checks it did not run', async () => {
    const { cli, report } = await bailRun(findVariant('trims-names')?.build, 'buggy');
    expect(cli.code, cli.stderr).toBe(1);
    const stopped =
      /Stopped early \(--bail\): (\S+) found a violation; (\d+) checks? after it (?:was|were) not run/.exec(
        cli.stdout,
      );
    expect(stopped, cli.stdout).not.toBeNull();
    const [, after, notRun] = stopped ?? [];
    expect(report.bailedAfter).toBe(after);
    expect(report.checks.find((c) => c.id === after)?.failures.length).toBeGreaterThan(0);

    // Progress lines: the first FAIL is the last check that ran; every check after it is a skip.
    const lines = cli.stderr.split('\n').filter((line) => /^ {2}(ok|FAIL|skip) /.test(line));
    const firstFail = lines.findIndex((line) => line.startsWith('  FAIL '));
    expect(firstFail).toBeGreaterThanOrEqual(0);
    const after_ = lines.slice(firstFail + 1);
    expect(after_.length).toBeGreaterThan(0);
    expect(after_.every((line) => line.startsWith('  skip '))).toBe(true);
    expect(after_).toHaveLength(Number(notRun));
    expect(report.checks).toHaveLength(firstFail + 1);
    expect(report.rules.some((r) => r.status === 'not-run')).toBe(true);
    expect(cli.stdout).toMatch(/Re-run: npm start -- .*--bail/);
  }, 120_000);

  it('stops before the first check when the set-up answers break the contract', async () => {
    const { cli, report } = await bailRun(findVariant('create-refuses-over-40')?.build, 'setup', [
      '--only',
      'auth',
    ]);
    expect(cli.code, cli.stderr).toBe(1);
    expect(cli.stdout).toContain('x B3 setup: Valid create body refused');
    expect(cli.stdout).toMatch(
      /Stopped early \(--bail\): setup found a violation; 2 checks after it were not run/,
    );
    expect(cli.stderr).not.toMatch(/^ {2}(ok|FAIL) /m);
    expect(report.bailedAfter).toBe('setup');
  }, 120_000);

  it('says nothing of stopping when the violation is in the last check selected', async () => {
    // The identity suite's last check (id spellings) is the one that catches a case-insensitive id.
    const { cli, report } = await bailRun(findVariant('case-insensitive-id')?.build, 'last', [
      '--only',
      'identity',
    ]);
    expect(cli.code, cli.stderr).toBe(1);
    expect(cli.stderr).toMatch(/^ {2}FAIL I1 I2 A1 R2 another spelling/m);
    expect(cli.stdout).not.toContain('Stopped early');
    expect(report.bailedAfter).toBeNull();
  }, 120_000);

  it('runs every selected check against a backend that conforms, and stops nothing', async () => {
    const { cli, report } = await bailRun(undefined, 'reference', ['--only', 'auth,identity']);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).not.toContain('Stopped early');
    expect(cli.stderr).not.toMatch(/^ {2}skip /m);
    expect(report.bailedAfter).toBeNull();
    expect(report.checks.map((c) => c.suite).sort()).toEqual(['auth', 'auth', 'identity', 'identity']);
  }, 120_000);
});
