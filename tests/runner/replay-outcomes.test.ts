/**
 * The replay's three outcomes, end to end. A bug that shows only a second or more after the customer's creation
 * (MariaDB's ON UPDATE CURRENT_TIMESTAMP) is still failing when replayed against that backend, since the replay
 * waits until its fresh customer is as old as the run's was, and FIXED against the reference; the S3 failure
 * names the baseline PUT that changed the field, not the 401 after it. A one-off bug that does not come back is
 * "not reproduced" (exit 3), never FIXED, and as a regression it passes the run but is said.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceOptions } from '../../backend/reference-backend.ts';
import type { Handler } from '../../backend/types.ts';
import { findVariant, type Variant } from '../../backend/variants/catalogue.ts';
import type { FailureFile } from '../../core/failure-file.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { runReplay } from '../support/run-cli.ts';
import { serveBackend, TEST_TOKEN, type Served } from '../support/serve-backend.ts';

const work = mkdtempSync(join(tmpdir(), 'replay-outcomes-'));
// The runs that make the failure files share a long-lived command-line host; each replay is a real process.
const hosts = new CommandHosts(1);
const runCli = (args: string[], env?: Record<string, string>) => hosts.run(args, env);
const env = { API_TOKEN: TEST_TOKEN };

function variant(id: string): Variant {
  const found = findVariant(id);
  if (!found) throw new Error(`the catalogue has no ${id} variant`);
  return found;
}

/** 15 ms of latency per request, as a remote database adds: the run's customers grow old enough on any machine. */
const slow =
  (build: Variant['build']) =>
  (options: ReferenceOptions): Handler => {
    const handler = build(options);
    return async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      return handler(request);
    };
  };

function failures(dir: string): { file: string; saved: FailureFile }[] {
  const folder = join(dir, 'failures');
  return readdirSync(folder).map((name) => ({
    file: join(folder, name),
    saved: JSON.parse(readFileSync(join(folder, name), 'utf8')) as FailureFile,
  }));
}

let timed: Served;
let oneOff: Served;
let reference: Served;

beforeAll(async () => {
  timed = await serveBackend(slow(variant('created-at-on-update-current-timestamp').build));
  oneOff = await serveBackend(variant('crashes-once-on-cache-rebuild').build);
  reference = await serveBackend();
});

afterAll(async () => {
  await hosts.close();
  await Promise.all([timed, oneOff, reference].map((served) => served.server.close()));
  rmSync(work, { recursive: true, force: true });
});

describe('a bug that shows only a second or more after creation', () => {
  it('is still failing against its backend, FIXED against the reference, and blamed on the baseline PUT', async () => {
    const dir = join(work, 'timed');
    const run = await runCli(
      ['--base-url', timed.baseUrl, '--seed', '11', '--runs', '10', '--only', 'auth', '--report-dir', dir],
      env,
    );
    expect(run.code, run.stderr).toBe(1);
    const s3 = failures(dir).filter((f) => f.saved.rule === 'S3');
    const oldest = s3.sort((a, b) => (b.saved.timing?.ageMs?.A ?? 0) - (a.saved.timing?.ageMs?.A ?? 0))[0];
    if (!oldest) throw new Error(`no S3 failure saved: ${run.stdout.slice(-2000)}`);
    expect(oldest.saved.timing?.ageMs?.A).toBeGreaterThan(1000);
    expect(oldest.saved.reproducedInRun).toBe(true);

    // Named: the baseline PUT whose answer first shows the rewritten field, not a later 401.
    for (const { saved } of s3) {
      const violation = saved.violations.find((v) => v.pointer === '/data/source_data_created_at');
      const named = saved.exchanges.find((e) => e.seq === violation?.changedAfterSeq);
      expect(named?.role, saved.checkId).toBe('baseline');
      expect(named?.response?.status).toBe(200);
    }
    expect(run.stdout).toMatch(
      /S3 auth-updates: Read-only field changed; changed after request #\d+ \(baseline PUT\)/,
    );

    const still = await runReplay([oldest.file, '--base-url', timed.baseUrl], env);
    expect(still.code, still.stderr).toBe(1);
    expect(still.stdout).toMatch(/STILL FAILING: S3 Read-only field changed .* \(try 1 of 3\)/);
    expect(still.stderr).toMatch(/replay: try 1 of 3: waiting \d+\.\d s so the customer is \d+\.\d s old/);

    const fixed = await runReplay([oldest.file, '--base-url', reference.baseUrl], env);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(
      /FIXED: S3 Read-only field changed no longer fails .* \(3 of 3 tries under the recorded conditions\)/,
    );
  }, 240_000);
});

describe('a one-off bug that does not come back', () => {
  const dir = join(work, 'one-off');

  it('is not reproduced (exit 3) against its own backend, never FIXED', async () => {
    const run = await runCli(
      ['--base-url', oneOff.baseUrl, '--seed', '3', '--runs', '20', '--report-dir', dir],
      env,
    );
    expect(run.code, run.stderr).toBe(1);
    const r2 = failures(dir).find((f) => f.saved.rule === 'R2');
    if (!r2) throw new Error(`no R2 failure saved: ${run.stdout.slice(-2000)}`);
    expect(r2.saved.reproducedInRun).toBe(false);
    const replay = await runReplay([r2.file, '--base-url', oneOff.baseUrl, '--tries', '2'], env);
    expect(replay.code, replay.stdout + replay.stderr).toBe(3);
    expect(replay.stdout).toContain(
      'not reproduced in 2 tries: the bug may depend on timing or on state the replay could not rebuild (it did not come back when the run played the case again either)',
    );
    expect(replay.stdout).not.toContain('FIXED');
  }, 240_000);

  it('as a regression, passes the run and says it was not reproduced', async () => {
    const corpus = join(work, 'regressions');
    mkdirSync(corpus);
    const r2 = failures(dir).find((f) => f.saved.rule === 'R2');
    cpSync(r2?.file ?? '', join(corpus, 'one-off-500.json'));
    const run = await runCli(
      [
        '--base-url',
        reference.baseUrl,
        '--seed',
        '5',
        '--only',
        'regressions',
        '--regressions-dir',
        corpus,
        '--report-dir',
        join(work, 'reg'),
      ],
      env,
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Regressions not reproduced (1):');
    expect(run.stderr).toMatch(/ok {3}R2 regression one-off-500\.json.*: not reproduced in 3 tries/);
  }, 240_000);

  it('refuses --tries 0 with exit 2 and one line', async () => {
    const r2 = failures(dir).find((f) => f.saved.rule === 'R2');
    const replay = await runReplay([r2?.file ?? '', '--tries', '0'], env);
    expect(replay.code).toBe(2);
    expect(replay.stderr.trim().split('\n')).toHaveLength(1);
    expect(replay.stderr).toMatch(/^replay: --tries must be a number of at least 1/);
  });
});
