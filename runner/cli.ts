/** `npm start -- [options]`: runs the conformance suite and exits 0 (conforms), 1 (violations) or 2 (usage/target). */
import { guardUnsettled } from './bounded.ts';
import { runCommand } from './command.ts';
import type { Cleanup } from './run.ts';
import { stopSuites } from './run-suites.ts';

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

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  color: process.stdout.isTTY === true,
};
const code = await guardUnsettled(
  runCommand(process.argv.slice(2), process.env, io, (c) => (cleanup = c)),
  io.stderr,
);
process.exit(code);
