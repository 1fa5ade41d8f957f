/**
 * A backend that stops answering mid-run: the run stops sending, reports what it judged before, and ends with
 * exit 2 in bounded time, naming where the backend went silent. One request that hangs while the others are
 * answered stays that case's violation (R2, exit 1).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReferenceBackend, type ReferenceOptions } from '../../backend/reference-backend.ts';
import type { Handler } from '../../backend/types.ts';
import { findVariant } from '../../backend/variants/catalogue.ts';
import { runCli, type CliResult } from '../support/run-cli.ts';
import { serveBackend, TEST_TOKEN } from '../support/serve-backend.ts';

const BOUND_MS = 60_000;

async function runAgainst(
  build: ((options: ReferenceOptions) => Handler) | undefined,
): Promise<{ cli: CliResult; read: (name: string) => string }> {
  const served = await serveBackend(build);
  const dir = mkdtempSync(join(tmpdir(), 'outage-'));
  try {
    const cli = await runCli(
      [
        '--base-url',
        served.baseUrl,
        '--seed',
        '20261126',
        // One lane: request N of the log is request N to the backend. Over several lanes, requests sent at once
        // may reach it out of their log order, and "silent after #300" would depend on that race.
        '--lanes',
        '1',
        '--runs',
        '20',
        '--timeout',
        '1000',
        '--report-dir',
        dir,
      ],
      { API_TOKEN: TEST_TOKEN },
      BOUND_MS * 2,
    );
    const files = Object.fromEntries(
      ['report.json', 'summary.md', 'junit.xml', 'report.html'].map((f) => [
        f,
        readFileSync(join(dir, f), 'utf8'),
      ]),
    );
    return { cli, read: (name) => files[name] ?? '' };
  } finally {
    await served.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a backend that stops answering mid-run', () => {
  it.each(['hangs-after-300-requests', 'exits-after-300-requests'])(
    '%s: exit 2 in bounded time, one line naming the silence and the request in flight, reports of what was judged',
    async (id) => {
      const { cli, read } = await runAgainst(findVariant(id)?.build);
      expect(cli.code, cli.stderr.slice(-2000)).toBe(2);
      expect(cli.ms).toBeLessThan(BOUND_MS);
      const last = cli.stderr.trim().split('\n').at(-1) ?? '';
      expect(last).toMatch(
        /^customer-conformance: the backend stopped answering mid-run, so there is no verdict: it went silent after request #300; the last it answered was #300 .*; 3 requests in a row then got no answer, the first #301 (PUT|GET) .*replay it with export BASE_URL=http:\/\/127\.0\.0\.1:\d+\/api\/v1; .*curl -i -X (PUT|GET) "\$BASE_URL\/unified\/customer\/cus_\d+"/,
      );
      expect(last).not.toContain(TEST_TOKEN);
      expect(cli.stdout).not.toMatch(/Verdict/);
      const report = JSON.parse(read('report.json')) as {
        verdict: string;
        stopped: string;
        checks: unknown[];
      };
      expect(report.verdict).toBe('no-verdict');
      expect(report.stopped).toMatch(/stopped answering after request #300/);
      expect(report.checks.length).toBeGreaterThan(0);
      expect(read('summary.md')).toMatch(/no verdict/);
      expect(read('junit.xml')).toMatch(/name="stopped"/);
      expect(read('report.html')).toMatch(/NO VERDICT/);
      // Nothing the dying backend was judged on is blamed on it as R2 "No answer".
      expect(read('report.json')).not.toMatch(/No answer/);
    },
    BOUND_MS * 2,
  );

  it(
    'one request that hangs while the others are answered stays R2, exit 1',
    async () => {
      const hangsOnce = (options: ReferenceOptions): Handler => {
        const { handler } = createReferenceBackend(options);
        let seen = 0;
        return (request) => (++seen === 301 ? new Promise(() => {}) : handler(request));
      };
      const { cli } = await runAgainst(hangsOnce);
      expect(cli.code, cli.stderr.slice(-2000)).toBe(1);
      expect(cli.stdout).toMatch(/x R2 .*No answer/);
      expect(cli.stderr).not.toMatch(/stopped answering/);
    },
    BOUND_MS * 2,
  );
});
