/** `npm start -- [options]`: runs the conformance suite and exits 0 (conforms), 1 (violations) or 2 (usage/target). */
import { formatSummary } from '../reporting/console-summary.ts';
import { outageLine } from '../reporting/outage.ts';
import { ContractError, loadContract } from '../contracts/load.ts';
import { HELP, parseOptions, UsageError } from './options.ts';
import { stderrProgress } from './progress.ts';
import { conformanceRun, type Cleanup } from './run.ts';
import { stopSuites } from './run-suites.ts';
import { TargetError } from './target-error.ts';

function fail(message: string): never {
  process.stderr.write(`customer-conformance: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message} (see --help)`);
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  let contract;
  try {
    contract = loadContract(options.contractDir);
  } catch (error) {
    if (error instanceof ContractError)
      fail(`${error.message}; fix the file or point --contract-dir at a valid contract`);
    throw error;
  }

  let cleanup: Cleanup | undefined;
  const interrupt = (signal: NodeJS.Signals) => {
    process.stderr.write(`customer-conformance: ${signal} received, putting fixtures back before exiting\n`);
    const release = cleanup; // taken now: the run clears it when it ends, and stopping the suites ends it
    const stopped = stopSuites().catch(() => undefined);
    void stopped
      .then(() => (release ? release() : []))
      .then((notes) => {
        for (const note of notes) process.stderr.write(`  ${note}\n`);
        process.exit(signal === 'SIGINT' ? 130 : 143);
      });
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  try {
    const output = await conformanceRun(options, contract, stderrProgress, (c) => (cleanup = c));
    const stopped = output.result.stopped;
    if (stopped) {
      // No verdict: the reports hold what was judged before; the line says where the backend went silent.
      for (const note of output.notes) process.stdout.write(`note: ${note}\n`);
      process.stdout.write(`reports: ${output.reportPaths.join(', ')}\n`);
      fail(outageLine(stopped, output.result.baseUrl, options.reportDir));
    }
    process.stdout.write(
      `${formatSummary(output.result, { color: process.stdout.isTTY === true, failureFiles: output.failureFiles, reportDir: options.reportDir })}\n`,
    );
    for (const note of output.notes) process.stdout.write(`note: ${note}\n`);
    process.stdout.write(`reports: ${output.reportPaths.join(', ')}\n`);
    return output.result.verdict === 'conforms' ? 0 : 1;
  } catch (error) {
    if (error instanceof TargetError) fail(error.message);
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) =>
    fail(
      `internal error: ${(error as Error).message ?? String(error)}; please report it with the command you ran`,
    ),
);
