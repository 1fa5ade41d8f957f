/** Runs the project's command lines as a user would (a child process), for end-to-end tests. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 240_000,
): Promise<CliResult> {
  return runProcess(process.execPath, ['--import', 'tsx', script, ...args], env, timeoutMs);
}

export function runProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
  cwd = ROOT,
): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout ends vitest's worker too, not only the runner.
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

export const runCli = (args: string[], env?: Record<string, string>, timeoutMs?: number) =>
  runScript('runner/cli.ts', args, env, timeoutMs);

export const runReplay = (args: string[], env?: Record<string, string>) =>
  runScript('runner/replay-cli.ts', args, env);

/** `npm start -- ARGS`, word for word as the README tells a user to type it. */
export const runNpmStart = (args: string[], env: Record<string, string> = {}, timeoutMs = 240_000) =>
  runProcess('npm', ['start', '--', ...args], env, timeoutMs);
