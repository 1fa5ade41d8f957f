/** backend/serve.ts as `npm run serve` runs it: prints its base URL, serves, stops on SIGTERM; bad flags exit 2. */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runScript } from '../support/run-cli.ts';

const SCRIPT = 'backend/serve.ts';
const TOKEN = 'serve-test-token';
const LISTENING = /listening: BASE_URL=(http:\/\/127\.0\.0\.1:(\d+)\/api\/v1)\n/;
const started: ChildProcess[] = [];

afterAll(() => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts the server and resolves with its base URL once it prints the listening line. */
function startServer(
  args: string[],
): Promise<{ child: ChildProcess; baseUrl: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', API_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`no listening line in 45 s: ${stdout}${stderr}`)),
      45_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = LISTENING.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1], exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening: ${stderr}`));
    });
  });
}

function expectOneLine(stderr: string, ...parts: string[]): void {
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]?.startsWith('serve: ')).toBe(true);
  for (const part of parts) expect(lines[0]).toContain(part);
  expect(stderr).not.toContain('    at ');
}

describe('npm run serve', () => {
  it('--port 0 listens on a free port, takes API_TOKEN, serves POST and GET, and exits 0 on SIGTERM', async () => {
    const { child, baseUrl, exited } = await startServer(['--port', '0', '--semantics', 'replace']);
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const post = await fetch(`${baseUrl}/unified/customer`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: 'a@example.com', name: 'Acme', phone: '+1 555' }),
    });
    expect(post.status).toBe(201);
    const { data } = (await post.json()) as { data: { id: string } };
    const put = await fetch(`${baseUrl}/unified/customer/${data.id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ email: 'b@example.com', name: 'Beta' }),
    });
    expect(((await put.json()) as { data: Record<string, unknown> }).data['phone']).toBeNull();
    const get = await fetch(`${baseUrl}/unified/customer/${data.id}`, { headers });
    expect(((await get.json()) as { data: Record<string, unknown> }).data['name']).toBe('Beta');
    const noToken = await fetch(`${baseUrl}/unified/customer/${data.id}`);
    expect(noToken.status).toBe(401);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it.each([
    [['--semantics', 'sometimes'], '--semantics must be merge or replace'],
    [['--port', '70000'], '--port must be 0..65535'],
    [['--bogus'], 'usage: npm run serve'],
  ])('%j exits 2 with a one-line message', async (args, says) => {
    const result = await runScript(SCRIPT, args, { API_TOKEN: TOKEN }, 60_000);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, says);
    expect(result.stdout).toBe('');
  });

  it('without a token exits 2 and says how to give one', async () => {
    const result = await runScript(SCRIPT, ['--port', '0'], {}, 60_000);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, '--token or API_TOKEN');
  });
});
