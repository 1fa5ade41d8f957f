/**
 * `npm run replay -- <failure.json> [--base-url URL] [--token T]`: re-sends a saved failure's requests (fixture
 * set-up included) and judges them again. Exit 1 while the bug is there, 0 once it is fixed, 2 on bad input.
 */
import { parseArgs } from 'node:util';
import { ContractError, loadContract } from '../contracts/load.ts';
import { formatFailure } from '../reporting/format-failure.ts';
import { FailureFileError, readFailureFile } from '../suites/failure-file-io.ts';
import { replaySaved } from '../suites/replay-saved.ts';
import { resolveSemantics } from '../suites/semantics.ts';
import { createFixturesFrom, releaseFixtures } from './fixtures.ts';
import { preflight } from './preflight.ts';
import { SetupFailed } from './setup-judge.ts';
import { clientFor, openTarget } from './target.ts';
import { TargetError } from './target-error.ts';
import { UsageError, parseOptions } from './options.ts';

const USAGE =
  'usage: npm run replay -- <failures/RULE-N.json> [--base-url URL] [--token T] [--timeout MS] [--contract-dir DIR]';

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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) fail(`give exactly one failure file; ${USAGE}`);
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
  let fixtures;
  try {
    await preflight(base, target.baseUrl, saved.seed);
    fixtures = await createFixturesFrom(base, contract, saved.fixtures, saved.seed);
    const client = base.withFixtures(fixtures.ids);
    const semantics = await resolveSemantics(contract, client, saved.seed);
    const judging = { contract, semantics, initial: fixtures.initial };
    const { failure } = await replaySaved(saved, saved.checkId, client, judging);
    const where = target.kind === 'embedded' ? 'the embedded reference backend' : target.baseUrl;
    if (!failure) {
      process.stdout.write(`FIXED: ${saved.rule} ${saved.title} no longer fails against ${where}\n`);
      return 0;
    }
    process.stdout.write(`${formatFailure(failure, { baseUrl: target.baseUrl, failureFile: path })}\n`);
    process.stdout.write(`STILL FAILING: ${saved.rule} ${saved.title} against ${where}\n`);
    return 1;
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
    if (fixtures) await releaseFixtures(base.withFixtures(fixtures.ids), contract, fixtures).catch(() => []);
    await target.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => fail(`internal error: ${(error as Error).message ?? String(error)}`),
);
