/**
 * Runs one command line as a child process and measures it from outside: wall time (this process's clock),
 * CPU time and peak RSS (GNU time's rusage of the child, when /usr/bin/time exists; else sampled from /proc),
 * each stderr line with the time it arrived, and the RSS over time (VmRSS/VmHWM sampled every 200 ms).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeRss } from './process-tree.ts';
import { now } from './stats.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GNU_TIME = '/usr/bin/time';
const CLOCK_TICK = 100; // USER_HZ on Linux

export interface Line {
  t: number;
  text: string;
}

export interface RssSample {
  t: number;
  rssKb: number;
  hwmKb: number;
}

export interface Measured {
  code: number | null;
  started: number;
  ended: number;
  wallMs: number;
  userS: number;
  sysS: number;
  maxRssKb: number;
  /** 'rusage' when GNU time measured CPU and peak RSS; 'sampled' when read from /proc while running. */
  source: 'rusage' | 'sampled';
  stdout: string;
  stderr: Line[];
  rss: RssSample[];
  /** Peak of the summed VmRSS of the command's whole process tree (sampled), and the most processes seen in it. */
  treePeakKb: number;
  treeProcesses: number;
}

export interface RunSpec {
  /** argv after `node`, e.g. ['--import', 'tsx', 'runner/cli.ts', '--runs', '100']. */
  nodeArgs: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Run through a command other than node (e.g. npm); nodeArgs are then its arguments. */
  command?: string;
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** The pid of the process GNU time started (its only child). */
function childOf(pid: number): number | undefined {
  const text = readProc(pid, `task/${pid}/children`);
  const first = text?.trim().split(/\s+/)[0];
  return first ? Number(first) : undefined;
}

function statusKb(status: string, key: string): number {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

/** utime + stime of a process and its waited-for children, in seconds (fields 14-17 of /proc/pid/stat). */
function cpuSeconds(pid: number): { user: number; sys: number } | undefined {
  const stat = readProc(pid, 'stat');
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const n = (i: number) => Number(fields[i - 3] ?? 0);
  return { user: (n(14) + n(16)) / CLOCK_TICK, sys: (n(15) + n(17)) / CLOCK_TICK };
}

export const hasGnuTime = (): boolean => existsSync(GNU_TIME);

export function runMeasured(spec: RunSpec): Promise<Measured> {
  const useTime = hasGnuTime();
  const scratch = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(scratch, 'time.txt');
  const command = spec.command ?? process.execPath;
  const argv = useTime ? ['-f', '%e %U %S %M', '-o', timeFile, command, ...spec.nodeArgs] : spec.nodeArgs;
  const started = now();
  const child = spawn(useTime ? GNU_TIME : command, argv, {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: a timeout ends vitest's worker too
  });
  const stderr: Line[] = [];
  const rss: RssSample[] = [];
  let stdout = '';
  let partial = '';
  let lastCpu: { user: number; sys: number } | undefined;
  let target: number | undefined = useTime ? undefined : child.pid;
  let treePeakKb = 0;
  let treeProcesses = 0;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    const t = now();
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const text of parts) stderr.push({ t, text });
  });
  const sample = () => {
    if (target === undefined && child.pid !== undefined) target = childOf(child.pid);
    if (target === undefined) return;
    const status = readProc(target, 'status');
    if (!status) return;
    rss.push({ t: now(), rssKb: statusKb(status, 'VmRSS'), hwmKb: statusKb(status, 'VmHWM') });
    const tree = treeRss(target);
    treePeakKb = Math.max(treePeakKb, tree.rssKb);
    treeProcesses = Math.max(treeProcesses, tree.processes);
    lastCpu = cpuSeconds(target) ?? lastCpu;
  };
  const poller = setInterval(sample, 200);
  const timer = setTimeout(
    () => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    },
    spec.timeoutMs ?? 30 * 60_000,
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const ended = now();
      clearInterval(poller);
      clearTimeout(timer);
      if (partial) stderr.push({ t: ended, text: partial });
      let userS = lastCpu?.user ?? NaN;
      let sysS = lastCpu?.sys ?? NaN;
      let maxRssKb = Math.max(0, ...rss.map((s) => s.hwmKb));
      let source: Measured['source'] = 'sampled';
      if (useTime && existsSync(timeFile)) {
        // GNU time may put "Command exited with non-zero status N" first; the figures are the last line.
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const [, user, sys, max] = last.split(' ').map(Number);
        if (user !== undefined && sys !== undefined && max !== undefined && Number.isFinite(max)) {
          userS = user;
          sysS = sys;
          maxRssKb = max;
          source = 'rusage';
        }
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({
        code,
        started,
        ended,
        wallMs: ended - started,
        userS,
        sysS,
        maxRssKb,
        source,
        stdout,
        stderr,
        rss,
        treePeakKb,
        treeProcesses,
      });
    });
  });
}

/** The conformance command line, as `npm start` runs it (tsx runner/cli.ts), measured. */
export const runCliMeasured = (
  args: string[],
  env?: Record<string, string>,
  timeoutMs?: number,
  /** Another checkout whose runner/cli.ts to run. */
  root?: string,
) =>
  runMeasured({
    nodeArgs: ['--import', 'tsx', root ? join(root, 'runner/cli.ts') : 'runner/cli.ts', ...args],
    ...(env !== undefined ? { env } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });

/** Peak RSS reached by a time (the high-water mark sampled last at or before it), in kB. */
export function hwmAt(samples: RssSample[], t: number): number {
  let hwm = 0;
  for (const s of samples) if (s.t <= t) hwm = s.hwmKb;
  return hwm;
}

/** RSS at a time (the sample nearest before it), in kB. */
export function rssAt(samples: RssSample[], t: number): number {
  let rss = 0;
  for (const s of samples) if (s.t <= t) rss = s.rssKb;
  return rss;
}
