/**
 * Safe on shared environments: given existing customers, the suite puts them back as they were, also when
 * interrupted; a backend that throttles with 429 is waited for, not failed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../backend/reference-backend.ts';
import { loadContract } from '../../contracts/load.ts';
import { ROOT, runCli } from '../support/run-cli.ts';
import { serveBackend, TEST_TOKEN, type Served } from '../support/serve-backend.ts';

const work = mkdtempSync(join(tmpdir(), 'shared-env-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const contract = loadContract();
const auth = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' };

async function createCustomer(served: Served, body: object): Promise<string> {
  const response = await fetch(`${served.baseUrl}/unified/customer`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data: { id: string } };
  return json.data.id;
}

async function read(served: Served, id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${served.baseUrl}/unified/customer/${id}`, { headers: auth });
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

const REAL = {
  email: 'Real.Person@example.org',
  name: 'A Real Customer',
  address_line1: '1 Real Street',
  address_line2: null,
  phone: '+44 20 7946 0000',
};

const without = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([key]) => !contract.fields.serverManaged.includes(key)));

describe('--customer-id', () => {
  it('snapshots the given customers and restores them after the run', async () => {
    const served = await serveBackend();
    try {
      const ids = [
        await createCustomer(served, REAL),
        await createCustomer(served, { ...REAL, name: 'Another' }),
      ];
      const before = await Promise.all(ids.map((id) => read(served, id)));
      const run = await runCli(
        [
          '--base-url',
          served.baseUrl,
          '--seed',
          '3',
          '--runs',
          '10',
          '--report-dir',
          join(work, 'adopt'),
          ...ids.flatMap((id) => ['--customer-id', id]),
        ],
        { API_TOKEN: TEST_TOKEN },
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`customer ${ids[0]} restored to its state before the run`);
      const after = await Promise.all(ids.map((id) => read(served, id)));
      expect(after.map(without)).toEqual(before.map(without));
    } finally {
      await served.server.close();
    }
  }, 60_000);

  // SIGTERM: a child spawned from a test worker inherits an ignored SIGINT; both signals share one handler.
  it('restores them when the run is interrupted (SIGTERM)', async () => {
    const served = await serveBackend();
    try {
      const id = await createCustomer(served, REAL);
      const before = await read(served, id);
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'runner/cli.ts',
          '--base-url',
          served.baseUrl,
          '--customer-id',
          id,
          '--runs',
          '100000',
          '--report-dir',
          join(work, 'interrupted'),
        ],
        {
          cwd: ROOT,
          env: { PATH: process.env['PATH'] ?? '', API_TOKEN: TEST_TOKEN },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      const started = new Promise<void>((resolve) =>
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('suite ')) resolve();
        }),
      );
      await started;
      // Let it change the customer for a while before interrupting.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const changed = await read(served, id);
      expect(without(changed)).not.toEqual(without(before));
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(143);
      expect(stderr).toContain('SIGTERM received, putting fixtures back');
      expect(without(await read(served, id))).toEqual(without(before));
    } finally {
      await served.server.close();
    }
  }, 60_000);
});

describe('throttling', () => {
  it('waits on 429 (Retry-After) and retries instead of failing a conforming backend', async () => {
    let count = 0;
    const served = await serveBackend((options) => {
      const { handler } = createReferenceBackend(options);
      return (request) =>
        ++count % 7 === 0
          ? Promise.resolve({ status: 429, headers: { 'retry-after': '0' }, body: '' })
          : handler(request);
    });
    try {
      const run = await runCli(
        [
          '--base-url',
          served.baseUrl,
          '--seed',
          '8',
          '--runs',
          '10',
          '--report-dir',
          join(work, 'throttled'),
        ],
        {
          API_TOKEN: TEST_TOKEN,
        },
      );
      expect(run.code, run.stdout.slice(-2000)).toBe(0);
      expect(count).toBeGreaterThan(50);
    } finally {
      await served.server.close();
    }
  }, 60_000);
});
