/**
 * The command line's work, from arguments and environment to an exit code: 0 conforms, 1 violations, 2 usage or
 * target. A thin caller of the API's run (run-conformance.ts) that prints what it returns. Its input and output are
 * parameters, so the same code serves the bin and `npm start` (cli.ts, which owns the process: signals and exit)
 * and a long-lived process that runs many commands one after another (the tests).
 */
import { formatSummary } from '../reporting/console-summary.ts';
import { flagName, HELP, parseOptions, UsageError } from './options.ts';
import type { Cleanup } from './run.ts';
import { ConformanceError, runChecked } from './run-conformance.ts';

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal that shows colours. */
  color: boolean;
}

export async function runCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  onCleanup: (cleanup: Cleanup | undefined) => void = () => {},
): Promise<number> {
  try {
    return await command(argv, env, io, onCleanup);
  } catch (error) {
    // Exit 2 with one line: bad input to the suite itself, never a verdict.
    const message =
      error instanceof UsageError
        ? `${error.message} (see --help)`
        : error instanceof ConformanceError
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
  const options = parseOptions(argv, env);
  if (options.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  const onProgress = (line: string) => io.stderr(`${line}\n`);
  const { result, output } = await runChecked(options, { onProgress, onCleanup }, flagName);
  if (result.noVerdictReason === undefined) {
    io.stdout(
      `${formatSummary(output.result, { color: io.color, failureFiles: output.failureFiles, reportDir: options.reportDir })}\n`,
    );
  }
  for (const note of result.notes) io.stdout(`note: ${note}\n`);
  io.stdout(`reports: ${result.reportPaths.join(', ')}\n`);
  // No verdict: the reports hold what was judged before; the last line says where the backend went silent.
  if (result.noVerdictReason !== undefined) io.stderr(`customer-conformance: ${result.noVerdictReason}\n`);
  return result.exitCode;
}
