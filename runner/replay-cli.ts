/**
 * `npm run replay -- <failure.json> [--base-url URL] [--token T]`: re-creates the fixtures, re-sends the saved
 * case's whole request sequence with its recorded timing, judges it again, up to --tries times.
 * Exit 0 FIXED, 1 still failing, 3 not reproduced (it did not come back, but the replay cannot say it is
 * fixed), 2 bad input.
 */
import { parseArgs } from 'node:util';
import { INVOCATION } from '../core/invocation.ts';
import { ContractError, loadContract } from '../contracts/load.ts';
import { formatFailure } from '../reporting/format-failure.ts';
import { notReproducedLine } from '../reporting/replay.ts';
import { FailureFileError, readFailureFile } from '../suites/failure-file-io.ts';
import { REPLAY_MAX_WAIT_MS, REPLAY_TRIES, replaySaved, type ReplaySetup } from '../suites/replay-saved.ts';
import type { Resolved } from '../suites/checks/check.ts';
import { resolveSemantics } from '../suites/semantics.ts';
import { createFixturesFrom, releaseFixtures, type FixtureSet } from './fixtures.ts';
import { preflight } from './preflight.ts';
import { SetupFailed } from './setup-judge.ts';
import { clientFor, openTarget } from './target.ts';
import { TargetError } from './target-error.ts';
import { UsageError, parseOptions } from './options.ts';

const USAGE = `usage: ${INVOCATION.replay} <failures/RULE-N.json> [--base-url URL] [--token T] [--timeout MS] [--contract-dir DIR] [--tries N] [--max-wait SECONDS]`;

const HELP = `
Re-creates the fixture customers, waits until they are as old as when the case was first played, and sends the
case's whole request sequence with its recorded spacing; up to --tries times (default ${REPLAY_TRIES}), waiting at most
--max-wait seconds per try (default ${REPLAY_MAX_WAIT_MS / 1000}).

Exit: 0 FIXED, 1 STILL FAILING, 3 NOT REPRODUCED (it did not come back, but the replay could not rebuild every
condition, or it did not come back in the run either: not a verdict), 2 bad input or an unreachable backend.
`;

/** The replay's exit code when the failure did not come back but cannot be called fixed. */
export const NOT_REPRODUCED = 3;

function count(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n) || n < min) {
    fail(`--${name} must be a number of at least ${min}, got ${JSON.stringify(value)}; ${USAGE}`);
  }
  return n;
}

function fail(message: string): never {
  process.stderr.write(`replay: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        timeout: { type: 'string' },
        'contract-dir': { type: 'string' },
        tries: { type: 'string' },
        'max-wait': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n${HELP}`);
    return 0;
  }
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) fail(`give exactly one failure file; ${USAGE}`);
  const tries = Math.floor(count(parsed.values.tries, 'tries', REPLAY_TRIES, 1));
  const maxWaitMs = count(parsed.values['max-wait'], 'max-wait', REPLAY_MAX_WAIT_MS / 1000, 0) * 1000;
  let saved;
  try {
    saved = readFailureFile(path);
  } catch (error) {
    if (error instanceof FailureFileError) fail(error.message);
    throw error;
  }
  const forwarded = ['base-url', 'token', 'timeout', 'contract-dir'].flatMap((name) => {
    const value = parsed.values[name as 'token'];
    return value === undefined ? [] : [`--${name}`, value];
  });
  let options;
  try {
    options = parseOptions([...forwarded, `--seed=${saved.seed}`], process.env);
  } catch (error) {
    if (error instanceof UsageError) fail(error.message);
    throw error;
  }
  let contract;
  try {
    contract = loadContract(options.contractDir);
  } catch (error) {
    if (error instanceof ContractError) fail(error.message);
    throw error;
  }
  const target = await openTarget(options, contract);
  // Not logged to a file; the exchanges are numbered all the same, so a violation points at the right one.
  const base = clientFor(target, options, contract);
  const where = target.kind === 'embedded' ? 'the embedded reference backend' : target.baseUrl;
  let fixtures: FixtureSet | undefined;
  const putAway = async () => {
    if (fixtures) await releaseFixtures(base.withFixtures(fixtures.ids), contract, fixtures).catch(() => []);
    fixtures = undefined;
  };
  try {
    await preflight(base, target.baseUrl, saved.seed);
    let semantics: Resolved | 'unresolved' = 'unresolved';
    // Each try on fresh customers made from the saved create bodies: the state and the age the case began with.
    const setUp = async (): Promise<ReplaySetup> => {
      fixtures = await createFixturesFrom(base, contract, saved.fixtures, saved.seed);
      const client = base.withFixtures(fixtures.ids);
      // The probe writes to the customers, so it runs once, on the first try's, before its case.
      if (semantics === 'unresolved') semantics = await resolveSemantics(contract, client, saved.seed);
      return {
        client,
        ctx: { contract, semantics, initial: fixtures.initial },
        createdAt: fixtures.createdAt,
        release: putAway,
      };
    };
    const outcome = await replaySaved(saved, saved.checkId, {
      tries,
      maxWaitMs,
      setUp,
      onWait: (line) => process.stderr.write(`replay: ${line}\n`),
    });
    const what = `${saved.rule} ${saved.title}`;
    switch (outcome.kind) {
      case 'still-failing':
        process.stdout.write(
          `${formatFailure(outcome.failure, { baseUrl: target.baseUrl, failureFile: path })}\n`,
        );
        process.stdout.write(`STILL FAILING: ${what} against ${where} (try ${outcome.tries} of ${tries})\n`);
        return 1;
      case 'fixed':
        for (const note of outcome.notes) process.stdout.write(`note: ${note}\n`);
        process.stdout.write(
          `FIXED: ${what} no longer fails against ${where} (${outcome.tries} of ${outcome.tries} tries under the recorded conditions)\n`,
        );
        return 0;
      case 'not-reproduced':
        process.stdout.write(
          `NOT REPRODUCED: ${what} against ${where}: ${notReproducedLine(outcome.tries, outcome.reasons)}\n`,
        );
        return NOT_REPRODUCED;
    }
  } catch (error) {
    if (error instanceof TargetError) fail(error.message);
    if (error instanceof SetupFailed) {
      // The fixtures cannot be set up: the backend's set-up answers break the contract, which is a failure too.
      for (const failure of error.result.failures) {
        process.stdout.write(`${formatFailure(failure, { baseUrl: target.baseUrl })}\n`);
      }
      process.stdout.write(
        `STILL FAILING: setting up the fixtures breaks the contract against ${target.baseUrl}\n`,
      );
      return 1;
    }
    throw error;
  } finally {
    await putAway();
    await target.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => fail(`internal error: ${(error as Error).message ?? String(error)}`),
);
