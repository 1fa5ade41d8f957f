/**
 * The command line's work, from arguments and environment to an exit code: 0 conforms, 1 violations, 2 usage or
 * target. Its input and output are parameters, so the same code serves `npm start` (cli.ts, which owns the
 * process: signals and exit) and a long-lived process that runs many commands one after another (the tests).
 */
import { formatSummary } from '../reporting/console-summary.ts';
import { outageLine } from '../reporting/outage.ts';
import { ContractError, loadContract } from '../contracts/load.ts';
import { HELP, parseOptions, UsageError } from './options.ts';
import { exitCodeOf } from './gate.ts';
import { conformanceRun, type Cleanup } from './run.ts';
import { TargetError } from './target-error.ts';

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal that shows colours. */
  color: boolean;
}

/** Exit 2 with one line: bad input to the suite itself, never a verdict. */
class UsageExit extends Error {}

export async function runCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  onCleanup: (cleanup: Cleanup | undefined) => void = () => {},
): Promise<number> {
  try {
    return await command(argv, env, io, onCleanup);
  } catch (error) {
    const message =
      error instanceof UsageExit
        ? error.message
        : `internal error: ${(error as Error).message ?? String(error)}; please report it with the command you ran`;
    io.stderr(`customer-conformance: ${message}\n`);
    return 2;
  }
}

async function command(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  onCleanup: (cleanup: Cleanup | undefined) => void,
): Promise<number> {
  let options;
  try {
    options = parseOptions(argv, env);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageExit(`${error.message} (see --help)`);
    throw error;
  }
  if (options.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  let contract;
  try {
    contract = loadContract(options.contractDir);
  } catch (error) {
    if (error instanceof ContractError)
      throw new UsageExit(`${error.message}; fix the file or point --contract-dir at a valid contract`);
    throw error;
  }
  try {
    const progress = { write: (line: string) => io.stderr(`${line}\n`) };
    const output = await conformanceRun(options, contract, progress, onCleanup);
    const stopped = output.result.stopped;
    if (stopped) {
      // No verdict: the reports hold what was judged before; the line says where the backend went silent.
      for (const note of output.notes) io.stdout(`note: ${note}\n`);
      io.stdout(`reports: ${output.reportPaths.join(', ')}\n`);
      throw new UsageExit(outageLine(stopped, output.result.baseUrl, options.reportDir));
    }
    io.stdout(
      `${formatSummary(output.result, { color: io.color, failureFiles: output.failureFiles, reportDir: options.reportDir })}\n`,
    );
    for (const note of output.notes) io.stdout(`note: ${note}\n`);
    io.stdout(`reports: ${output.reportPaths.join(', ')}\n`);
    return exitCodeOf(output.result);
  } catch (error) {
    if (error instanceof TargetError) throw new UsageExit(error.message);
    throw error;
  }
}
