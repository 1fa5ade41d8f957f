/**
 * Lanes end to end: a failure found on one lane holds that lane's requests only and replays alone, re-sending
 * them unchanged; S6 catches a backend that writes to another lane's customer; an interrupted run with
 * several lanes of given customers puts every one of them back. The runs share a long-lived command-line host;
 * the replay and the interrupted run are real processes (the signal is what is under test there).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReferenceBackend, type ReferenceOptions } from '../../backend/reference-backend.ts';
import type { Handler } from '../../backend/types.ts';
import { findVariant } from '../../backend/variants/catalogue.ts';
import { loadContract } from '../../contracts/load.ts';
import type { FailureFile } from '../../core/failure-file.ts';
import type { ReportJson } from '../../reporting/report-json.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { ROOT, runReplay } from '../support/run-cli.ts';
import { serveBackend, TEST_TOKEN, type Served } from '../support/serve-backend.ts';

const work = mkdtempSync(join(tmpdir(), 'lanes-'));
const hosts = new CommandHosts(1);
const runCli = (args: string[], env?: Record<string, string>) => hosts.run(args, env);
afterAll(async () => {
  await hosts.close();
  rmSync(work, { recursive: true, force: true });
});

const contract = loadContract();
const auth = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' };

function variant(id: string): (options: ReferenceOptions) => Handler {
  const found = findVariant(id);
  if (!found) throw new Error(`the catalogue has no ${id} variant`);
  return found.build;
}

function failuresIn(dir: string): FailureFile[] {
  const folder = join(dir, 'failures');
  return readdirSync(dir).includes('failures')
    ? readdirSync(folder).map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as FailureFile)
    : [];
}

describe('a failure found on one lane', () => {
  it('holds its own lane’s requests only, and replays alone, sending them unchanged', async () => {
    const buggy = await serveBackend(variant('trims-names'));
    const dir = join(work, 'trims');
    try {
      const run = await runCli(
        [
          ...['--base-url', buggy.baseUrl, '--seed', '7', '--runs', '30'],
          ...['--lanes', '4', '--only', 'valid-updates', '--report-dir', dir],
        ],
        { API_TOKEN: TEST_TOKEN },
      );
      expect(run.code, run.stderr).toBe(1);
    } finally {
      await buggy.server.close();
    }
    const failure = failuresIn(dir).find((f) => f.rule === 'S1');
    expect(failure?.lane).toBeGreaterThan(0);
    expect(failure?.exchanges.every((e) => e.lane === failure.lane)).toBe(true);
    // Its fixtures are its own lane's, so a replay creates that lane's pair and nothing else.
    expect(failure?.fixtures.A).toContain(`lane ${failure?.lane}`);

    // Replayed against a fresh buggy backend that records what it is sent.
    const seen: string[] = [];
    const recording = await serveBackend((options) => {
      const handler = variant('trims-names')(options);
      return (request) => {
        if (request.method === 'PUT') seen.push(request.body);
        return handler(request);
      };
    });
    try {
      const replay = await runReplay([join(dir, 'failures', 'S1-1.json'), '--base-url', recording.baseUrl], {
        API_TOKEN: TEST_TOKEN,
      });
      expect(replay.code, replay.stderr).toBe(1);
      expect(replay.stdout).toMatch(/STILL FAILING: S1/);
    } finally {
      await recording.server.close();
    }
    // The saved requests go out as saved, in order (after the replay's own semantics probe).
    const saved = (failure?.requests ?? []).filter((r) => r.op === 'update').map((r) => r.body ?? '');
    expect(saved.length).toBeGreaterThan(0);
    expect(seen.join('\n')).toContain(saved.join('\n'));
  }, 180_000);
});

describe('S6 across lanes', () => {
  it('catches a backend that writes to another lane’s customer, which one lane alone cannot see', async () => {
    const leaky = await serveBackend(variant('leaks-name-to-next-pair'));
    try {
      const args = (lanes: string, dir: string) => [
        ...['--base-url', leaky.baseUrl, '--seed', '12', '--runs', '20', '--only', 'S6'],
        ...['--lanes', lanes, '--report-dir', join(work, dir)],
      ];
      const several = await runCli(args('4', 'leak-4'), { API_TOKEN: TEST_TOKEN });
      expect(several.code, several.stderr).toBe(1);
      expect(failuresIn(join(work, 'leak-4')).map((f) => f.rule)).toContain('S6');
      // With one lane its customers are the only ones: the write two rows on lands on no one.
      const one = await runCli(args('1', 'leak-1'), { API_TOKEN: TEST_TOKEN });
      expect(one.code, one.stdout.slice(-2000)).toBe(0);
    } finally {
      await leaky.server.close();
    }
  }, 180_000);
});

async function createCustomer(served: Served, name: string): Promise<string> {
  const body = { email: 'given.customer@example.org', name, phone: '+44 20 7946 0000' };
  const response = await fetch(`${served.baseUrl}/unified/customer`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { data: { id: string } }).data.id;
}

async function read(served: Served, id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${served.baseUrl}/unified/customer/${id}`, { headers: auth });
  const data = ((await response.json()) as { data: Record<string, unknown> }).data;
  return Object.fromEntries(
    Object.entries(data).filter(([key]) => !contract.fields.serverManaged.includes(key)),
  );
}

describe('an interrupted run with several lanes of given customers', () => {
  it('puts every one of them back (SIGTERM)', async () => {
    const served = await serveBackend();
    try {
      const ids = await Promise.all(['One', 'Two', 'Three', 'Four'].map((n) => createCustomer(served, n)));
      const before = await Promise.all(ids.map((id) => read(served, id)));
      const child = spawn(
        process.execPath,
        [
          ...['--import', 'tsx', 'runner/cli.ts', '--base-url', served.baseUrl, '--runs', '100000'],
          ...['--report-dir', join(work, 'interrupted'), ...ids.flatMap((id) => ['--customer-id', id])],
        ],
        {
          cwd: ROOT,
          env: { PATH: process.env['PATH'] ?? '', API_TOKEN: TEST_TOKEN },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      await new Promise<void>((resolve) =>
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('suite ')) resolve();
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 2000));
      // Both lanes are writing: a customer of each has changed.
      const during = await Promise.all(ids.map((id) => read(served, id)));
      expect(
        during.filter((data, i) => JSON.stringify(data) !== JSON.stringify(before[i])).length,
      ).toBeGreaterThan(1);
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(143);
      expect(await Promise.all(ids.map((id) => read(served, id)))).toEqual(before);
    } finally {
      await served.server.close();
    }
  }, 90_000);
});

describe('a backend that rate limits', () => {
  it('is met with fewer requests in flight, and the summary says how many 429s and where it settled', async () => {
    let inFlight = 0;
    let throttled = 0;
    const limited = await serveBackend((options) => {
      const handler = createReferenceBackend(options).handler;
      return async (request) => {
        inFlight++;
        try {
          if (inFlight > 2) {
            throttled++;
            return { status: 429, headers: { 'retry-after': '0' }, body: '' };
          }
          // Answers take a while, so requests overlap as they would over a network.
          await new Promise((resolve) => setTimeout(resolve, 5));
          return await handler(request);
        } finally {
          inFlight--;
        }
      };
    }, 'merge');
    try {
      const run = await runCli(
        [
          ...['--base-url', limited.baseUrl, '--seed', '8', '--runs', '10', '--lanes', '4'],
          ...['--report-dir', join(work, 'limited')],
        ],
        { API_TOKEN: TEST_TOKEN },
      );
      expect(run.code, run.stdout.slice(-2000)).toBe(0);
      const line =
        /Throttled: (\d+) answers? (?:was|were) 429; requests in flight went down to (\d+) and settled at (\d+) \(of 16\)/.exec(
          run.stdout,
        );
      expect(line, run.stdout.slice(0, 600)).not.toBeNull();
      expect(Number(line?.[1])).toBe(throttled);
      expect(Number(line?.[2])).toBeLessThanOrEqual(2);
      expect(Number(line?.[3])).toBeLessThan(16);
      // The same figures reach report.json and the CI job summary, not only the console.
      const report = JSON.parse(readFileSync(join(work, 'limited', 'report.json'), 'utf8')) as ReportJson;
      expect(report.throttling?.responses).toBe(throttled);
      expect(readFileSync(join(work, 'limited', 'summary.md'), 'utf8')).toMatch(/Throttled: \d+ answers/);
    } finally {
      await limited.server.close();
    }
  }, 120_000);
});
