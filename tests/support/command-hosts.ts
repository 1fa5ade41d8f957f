/**
 * Runs the command line in a few long-lived processes (command-host.ts) instead of one new process per run:
 * the same code and the same clean environment as runCli, without paying the start-up of tsx, the runner and
 * vitest's Node API every time. At most one command at a time per host (the runner's signal handling and
 * vitest instance are per process), so `size` hosts run `size` commands at once.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HostAnswer, HostJob } from './command-host.ts';
import { ROOT, type CliResult } from './run-cli.ts';

const SCRIPT = fileURLToPath(new URL('./command-host.ts', import.meta.url));

interface Host {
  child: ChildProcess;
  /** What the host itself printed outside any command: shown if it dies. */
  output: string;
  busy: boolean;
}

interface Pending {
  args: string[];
  env: Record<string, string>;
  timeoutMs: number;
  resolve(result: CliResult): void;
}

export class CommandHosts {
  private readonly hosts: Host[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly size: number) {}

  /** Like runCli: the command's exit code and output; code null when the host died or timed out. */
  run(args: string[], env: Record<string, string> = {}, timeoutMs = 240_000): Promise<CliResult> {
    if (this.closed) return Promise.reject(new Error('command hosts already closed'));
    return new Promise((resolve) => {
      this.queue.push({ args, env, timeoutMs, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.hosts.map((host) => stop(host)));
    this.hosts.length = 0;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const host =
        this.hosts.find((h) => !h.busy) ?? (this.hosts.length < this.size ? this.spawn() : undefined);
      if (!host) return;
      this.send(host, this.queue.shift() as Pending);
    }
  }

  private spawn(): Host {
    const child = fork(SCRIPT, [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      // The clean environment runCli gives a child (vite sets BASE_URL=/ in the tests' own environment).
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Its own process group, so a timeout ends its vitest worker too.
      detached: true,
    });
    const host: Host = { child, output: '', busy: false };
    child.stdout?.on('data', (chunk: Buffer) => (host.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (host.output += chunk.toString()));
    child.on('exit', () => {
      const index = this.hosts.indexOf(host);
      if (index >= 0) this.hosts.splice(index, 1);
      if (!this.closed) this.dispatch();
    });
    this.hosts.push(host);
    return host;
  }

  private send(host: Host, job: Pending): void {
    host.busy = true;
    const id = this.nextId++;
    const started = Date.now();
    const finish = (result: Omit<CliResult, 'ms'>) => {
      clearTimeout(timer);
      host.child.off('message', onMessage);
      host.child.off('exit', onExit);
      host.busy = false;
      job.resolve({ ...result, ms: Date.now() - started });
      if (!this.closed) this.dispatch();
    };
    const onMessage = (answer: HostAnswer) => {
      if (answer.id === id) finish({ code: answer.code, stdout: answer.stdout, stderr: answer.stderr });
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish({
        code: null,
        stdout: '',
        stderr: `command host ended (${signal ?? code}) mid-run:\n${host.output}`,
      });
    const timer = setTimeout(() => {
      if (host.child.pid !== undefined) process.kill(-host.child.pid, 'SIGKILL');
    }, job.timeoutMs);
    host.child.on('message', onMessage);
    host.child.once('exit', onExit);
    const message: HostJob = { id, args: job.args, env: job.env };
    host.child.send(message);
  }
}

function stop(host: Host): Promise<void> {
  if (host.child.exitCode !== null || host.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    host.child.once('exit', () => resolve());
    if (host.child.pid !== undefined) process.kill(-host.child.pid, 'SIGKILL');
  });
}
