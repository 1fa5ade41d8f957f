/**
 * The coverage gate end to end: against a backend that refuses every edge case (the strict reference), what it
 * blocks is not reached, and --require-coverage (or the contract's coverage.require) ends the run with exit 2
 * and a line naming it; exempting it in the contract lets the same run pass. The gate passing on a whole run
 * against the lenient reference is in the kill matrix.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportJson } from '../../reporting/report-json.ts';
import { copyContract, editJson, removeCopies } from '../contracts/contract-dir.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { serveBackend, TEST_TOKEN } from '../support/serve-backend.ts';

const work = mkdtempSync(join(tmpdir(), 'require-coverage-'));
const hosts = new CommandHosts(1);
afterAll(async () => {
  await hosts.close();
  removeCopies();
  rmSync(work, { recursive: true, force: true });
});

async function strictRun(name: string, extra: string[]) {
  const served = await serveBackend(undefined, 'merge', 'strict');
  const reportDir = join(work, name);
  try {
    const cli = await hosts.run(
      [
        '--base-url',
        served.baseUrl,
        '--seed',
        '7',
        '--only',
        'edge-updates',
        '--runs',
        '30',
        '--report-dir',
        reportDir,
        '--regressions-dir',
        join(work, 'none'),
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

describe('--require-coverage against a backend that refuses every edge case', () => {
  it('fails the gate with exit 2, naming the classes it blocked; the verdict on the rules stands', async () => {
    const { cli, report } = await strictRun('required', ['--require-coverage']);
    expect(cli.code, cli.stdout + cli.stderr).toBe(2);
    const last = cli.stderr.trim().split('\n').at(-1) ?? '';
    expect(last).toMatch(
      /^customer-conformance: Coverage gate \(--require-coverage\): FAILED: \d+ required items not reached \(/,
    );
    expect(last).toContain('coverage.exempt');
    expect(cli.stdout).toContain('Verdict: CONFORMS');
    expect(report.verdict).toBe('conforms');
    expect(report.coverage?.required).toBe(true);
    expect(report.coverage?.shortfall).toEqual(
      expect.arrayContaining(['too-short', 'over-max', 'lone-surrogate', 'not-an-address']),
    );
    // Only what --only asked for: the envelope classes of valid-updates are not required here.
    expect(report.coverage?.shortfall.some((item) => /nfd|:string|null|number/.test(item))).toBe(false);
    expect(cli.stdout).toMatch(/Re-run: npm start -- .*--require-coverage/);
  }, 180_000);

  it('without the flag, the same run is exit 0 and still shows what it did not reach', async () => {
    const { cli, report } = await strictRun('shown', []);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/Coverage: \d+ of \d+ value classes reached, .*not reached: /);
    expect(report.coverage?.required).toBe(false);
    expect(report.coverage?.shortfall.length).toBeGreaterThan(0);
  }, 180_000);

  it('the contract can require coverage itself, and exempt what a team does not need: then the gate holds', async () => {
    const dir = copyContract();
    editJson(dir, 'tolerances.json', (tolerances) => {
      tolerances['coverage'] = { require: true, exempt: ['B4', 'S1', 'S4'] };
    });
    const { cli, report } = await strictRun('exempt', ['--contract-dir', dir]);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toContain('Coverage gate (--require-coverage): everything required was reached');
    expect(report.coverage?.required).toBe(true);
    expect(report.coverage?.shortfall).toEqual([]);
    const blocked = Object.values(report.coverage?.fields ?? {})
      .flat()
      .filter((c) => c.group === 'outside' && c.sent > 0);
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((c) => !c.reached && c.exempt)).toBe(true);
  }, 180_000);
});
