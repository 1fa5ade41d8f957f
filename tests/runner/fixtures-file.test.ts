/**
 * --fixtures-file: a run keeps the ids of the customers it created, the next run with the file reuses them
 * (reset first) and creates only what is missing; a customer that is no longer the suite's own is left
 * untouched, one the backend no longer knows is created again, and a file that is not ours is exit 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../../backend/reference-backend.ts';
import { FIXTURES_FILE_FORMAT, type FixturesFile } from '../../runner/fixtures-file.ts';
import { parseOptions, UsageError } from '../../runner/options.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { serveBackend, TEST_TOKEN, type Served } from '../support/serve-backend.ts';

const work = mkdtempSync(join(tmpdir(), 'fixtures-file-'));
const hosts = new CommandHosts(1);
afterAll(async () => {
  await hosts.close();
  rmSync(work, { recursive: true, force: true });
});

const auth = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' };

/** The reference backend, counting the customers created on it. */
async function counted(): Promise<{ served: Served; creates: () => number }> {
  let creates = 0;
  const served = await serveBackend((options) => {
    const { handler } = createReferenceBackend(options);
    return (request) => {
      if (request.method === 'POST') creates++;
      return handler(request);
    };
  });
  return { served, creates: () => creates };
}

const run = (served: Served, file: string, extra: string[] = []) =>
  hosts.run(
    [
      '--base-url',
      served.baseUrl,
      '--seed',
      '5',
      '--runs',
      '3',
      '--only',
      'I2',
      '--lanes',
      '2',
      '--report-dir',
      join(work, 'reports'),
      ...extra,
    ],
    { API_TOKEN: TEST_TOKEN, CONFORMANCE_FIXTURES_FILE: file },
  );

const kept = (file: string, served: Served) =>
  (JSON.parse(readFileSync(file, 'utf8')) as FixturesFile).backends[served.baseUrl]?.lanes ?? [];

async function read(served: Served, id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${served.baseUrl}/unified/customer/${id}`, { headers: auth });
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

describe('--fixtures-file', () => {
  it('keeps the ids a run created; the next run reuses them and creates nothing', async () => {
    const { served, creates } = await counted();
    const file = join(work, 'kept', 'reuse.json');
    try {
      const first = await run(served, file);
      expect(first.code, first.stderr).toBe(0);
      expect(creates()).toBe(4);
      expect(first.stdout).toContain(
        `4 fixture customers created, 0 reused, 4 left in place (no delete path in the contract; reset to their creation bodies); their ids are in ${file}`,
      );
      // One line for them all, not one a customer.
      expect(first.stdout).not.toMatch(/fixture customer \S+ is left in place/);
      const lanes = kept(file, served);
      expect(lanes).toHaveLength(2);
      expect(lanes.flatMap((lane) => [lane.A, lane.B]).every((id) => typeof id === 'string')).toBe(true);

      const second = await run(served, file);
      expect(second.code, second.stderr).toBe(0);
      expect(creates()).toBe(4);
      expect(second.stdout).toContain('0 fixture customers created, 4 reused, 4 left in place');
      expect(kept(file, served)).toEqual(lanes);
      // Reused, a customer is put back to its creation body as a created one is.
      expect(await read(served, lanes[0]?.A as string)).toMatchObject({ name: 'Conformance fixture A 5' });

      // More lanes than kept: the kept ones are reused, only the new lane is created.
      const wider = await run(served, file, ['--lanes', '3']);
      expect(wider.code, wider.stderr).toBe(0);
      expect(creates()).toBe(6);
      expect(wider.stdout).toContain('2 fixture customers created, 4 reused, 6 left in place');
      expect(kept(file, served).slice(0, 2)).toEqual(lanes);
    } finally {
      await served.server.close();
    }
  }, 120_000);

  it('leaves a customer that is no longer the suite’s own untouched, and creates one the backend lost', async () => {
    const { served, creates } = await counted();
    const file = join(work, 'changed.json');
    try {
      const first = await run(served, file, ['--lanes', '1']);
      expect(first.code, first.stderr).toBe(0);
      const [lane] = kept(file, served);
      const taken = lane?.A as string;
      // Someone made customer A their own; B's id is replaced by one the backend never knew.
      const renamed = { email: 'someone@example.org', name: 'Somebody Real' };
      await fetch(`${served.baseUrl}/unified/customer/${taken}`, {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify(renamed),
      });
      const before = await read(served, taken);
      writeFileSync(
        file,
        JSON.stringify({
          format: FIXTURES_FILE_FORMAT,
          backends: { [served.baseUrl]: { lanes: [{ A: taken, B: 'gone-4711' }] } },
        }),
      );
      const second = await run(served, file, ['--lanes', '1']);
      expect(second.code, second.stdout + second.stderr).toBe(0);
      expect(second.stdout).toContain(
        `customer ${taken} (${file}) is no longer a fixture of this suite (its name or email changed), so it was left untouched and a new one was created`,
      );
      // The lost one is created again without a word (it is no verdict, nor news).
      expect(second.stdout).not.toContain('gone-4711');
      expect(second.stdout).toContain('2 fixture customers created, 0 reused, 2 left in place');
      expect(creates()).toBe(4);
      expect(await read(served, taken)).toEqual(before);
      const [now] = kept(file, served);
      expect(now?.A).not.toBe(taken);
      expect(now?.B).not.toBe('gone-4711');
    } finally {
      await served.server.close();
    }
  }, 120_000);

  it('refuses a file that is not a fixtures file with one line and exit 2, creating nothing', async () => {
    const { served, creates } = await counted();
    const file = join(work, 'foreign.json');
    writeFileSync(file, JSON.stringify({ ids: ['a', 'b'] }));
    try {
      const result = await run(served, file);
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`--fixtures-file ${file} is not a fixtures file written by this suite`);
      expect(creates()).toBe(0);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ids: ['a', 'b'] });
    } finally {
      await served.server.close();
    }
  }, 60_000);
});

describe('--fixtures-file options', () => {
  const remote = ['--base-url', 'http://127.0.0.1:1/api/v1', '--token', 't'];
  it('takes the flag or CONFORMANCE_FIXTURES_FILE, the flag first', () => {
    expect(parseOptions([...remote, '--fixtures-file', 'a.json'], {}).fixturesFile).toBe('a.json');
    expect(parseOptions(remote, { CONFORMANCE_FIXTURES_FILE: 'b.json' }).fixturesFile).toBe('b.json');
    expect(
      parseOptions([...remote, '--fixtures-file', 'a.json'], { CONFORMANCE_FIXTURES_FILE: 'b.json' })
        .fixturesFile,
    ).toBe('a.json');
  });
  it('refuses it beside --customer-id (given customers are put back, not kept); the environment yields', () => {
    expect(() => parseOptions([...remote, '--customer-id', 'c1', '--fixtures-file', 'a.json'], {})).toThrow(
      UsageError,
    );
    const options = parseOptions([...remote, '--customer-id', 'c1'], { CONFORMANCE_FIXTURES_FILE: 'b.json' });
    expect(options.fixturesFile).toBeUndefined();
  });
});
