/**
 * StrykerJS's test command (stryker.config.json): judges the active mutant (Stryker passes it in the environment
 * as __STRYKER_ACTIVE_MUTANT__) by the suite as a user runs it, against the embedded reference backend, under each
 * reference configuration in turn (merge/replace x lenient/strict, as the kill matrix runs the reference), and stops
 * at the first configuration that does not end 0. Exit 0: every configuration conforms, the mutant survived.
 * The saved regressions are off (an empty folder): a mutant must be caught by the generated checks, not by a failure
 * someone saved from an earlier bug. The seed is fixed, so a re-run judges a mutant by the same requests.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = '20261126';

/** The reference configurations, the commonest kill first (most mutants then cost one run). */
const CONFIGURATIONS: { name: string; args: string[] }[] = [
  { name: 'merge-lenient', args: ['--put-semantics', 'merge'] },
  { name: 'replace-lenient', args: ['--put-semantics', 'replace'] },
  { name: 'merge-strict', args: ['--put-semantics', 'merge', '--embedded-strict'] },
  { name: 'replace-strict', args: ['--put-semantics', 'replace', '--embedded-strict'] },
];

/**
 * MUTATION_CONFIGURATIONS (names, comma-separated) judges a mutant under some configurations only: for re-judging
 * a mutant in code that only those reach (the strict checks), where the others run the reference's own code.
 */
const only = process.env['MUTATION_CONFIGURATIONS']
  ? process.env['MUTATION_CONFIGURATIONS'].split(',').map((name) => name.trim())
  : undefined;
const unknown = only?.filter((name) => !CONFIGURATIONS.some((c) => c.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(
    `MUTATION_CONFIGURATIONS: unknown ${unknown.join(', ')}; use ${CONFIGURATIONS.map((c) => c.name).join(', ')}`,
  );
  process.exit(2);
}
const configurations = only ? CONFIGURATIONS.filter((c) => only.includes(c.name)) : CONFIGURATIONS;

const mutant = process.env['__STRYKER_ACTIVE_MUTANT__'] ?? 'none';
const scratch = mkdtempSync(join(tmpdir(), `mutant-${mutant}-`));
const noRegressions = join(scratch, 'no-regressions');
mkdirSync(noRegressions);
/** One line per mutant (which configuration killed it, with what exit), for reading survivors and exit-2 kills. */
const log = process.env['MUTATION_JUDGE_LOG'];

let verdict = {
  mutant,
  killedBy: 'none',
  exit: 0,
  lastLine: '',
  configurations: configurations.map((c) => c.name),
};
try {
  for (const configuration of configurations) {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'runner/cli.ts',
        '--seed',
        SEED,
        '--bail',
        '--regressions-dir',
        noRegressions,
        '--report-dir',
        join(scratch, configuration.name),
        ...configuration.args,
      ],
      { cwd: ROOT, env: process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const exit = run.status ?? 128;
    if (exit !== 0) {
      const lines = `${run.stdout}\n${run.stderr}`.trim().split('\n');
      verdict = { ...verdict, killedBy: configuration.name, exit, lastLine: lines.at(-1) ?? '' };
      break;
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
if (log !== undefined) {
  mkdirSync(dirname(log), { recursive: true });
  appendFileSync(log, `${JSON.stringify(verdict)}\n`);
}
process.exit(verdict.exit === 0 ? 0 : 1);
