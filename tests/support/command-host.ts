/**
 * A long-lived command line for the tests: loads the runner once, then runs the commands its parent sends
 * (over the IPC channel) one after another, each exactly as `npm start` would run it but for the process
 * start-up, which the kill matrix would otherwise pay about eighty times. Started by command-hosts.ts.
 */
import { runCommand } from '../../runner/command.ts';

export interface HostJob {
  id: number;
  args: string[];
  /** Added to the host's own (clean) environment, as a child process's environment would be. */
  env: Record<string, string>;
}

export interface HostAnswer {
  id: number;
  code: number;
  stdout: string;
  stderr: string;
}

const baseEnv = { ...process.env };

process.on('message', (job: HostJob) => {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (text: string) => (stdout += text),
    stderr: (text: string) => (stderr += text),
    color: false,
  };
  void runCommand(job.args, { ...baseEnv, ...job.env }, io).then((code) => {
    const answer: HostAnswer = { id: job.id, code, stdout, stderr };
    process.send?.(answer);
  });
});
