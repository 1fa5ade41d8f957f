/**
 * A backend team's project, as the package tests make it: the packed tarball installed into an empty temporary
 * project (with the vitest the team chose), an app file (the reference backend under `/api`, and a broken copy of it
 * that lets requests without valid credentials through: rule A2) and a vitest file using the helper.
 */
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT, runProcess, type CliResult } from '../support/run-cli.ts';

export const TOKEN = 'pack-test-token-0123456789';

/** The app under test, in a file of the team's project: a conforming one, or with BROKEN=1 one that skips auth. */
const APP = `import { referenceApp } from 'unified-customer-conformance';
export const token = '${TOKEN}';
export const app = referenceApp({ token, basePath: '/api' });
export const brokenApp = (request, response) => {
  request.headers.authorization = 'Bearer ' + token;
  app(request, response);
};
`;

const SUITE = `import { conformanceSuite } from 'unified-customer-conformance/vitest';
import { app, brokenApp, token } from '../app.mjs';

conformanceSuite({ app: process.env.BROKEN ? brokenApp : app, basePath: '/api', token, runs: 5, lanes: 2, reportDir: 'reports-vitest' });
`;

export function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Newest modification time under the folders the build compiles. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

const builtAt = (): number => {
  try {
    return statSync(join(ROOT, 'dist', 'runner', 'index.js')).mtimeMs;
  } catch {
    return 0;
  }
};

/**
 * npm test builds first (pretest); a file run alone rebuilds only when a source is newer than the build. Two
 * package test files may get here at once: a lock folder makes the second wait for the first one's build.
 */
async function ensureBuilt(): Promise<void> {
  const sources = ['contracts', 'core', 'generators', 'http', 'suites', 'runner', 'backend', 'reporting'];
  const lock = join(ROOT, 'node_modules', '.conformance-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (sources.some((dir) => newest(join(ROOT, dir)) > builtAt())) run('npm', ['run', 'build'], ROOT);
  } finally {
    rmdirSync(lock);
  }
}

/**
 * Packs this repository and installs the tarball into a new empty project, with `extra` packages in the same
 * install (e.g. a vitest version: npm then checks it against the declared peer range). Returns its folder.
 */
export async function teamProject(extra: string[] = []): Promise<string> {
  await ensureBuilt();
  const project = mkdtempSync(join(tmpdir(), 'conformance-pack-'));
  const tarball = run('npm', ['pack', '--ignore-scripts', '--pack-destination', project], ROOT)
    .trim()
    .split('\n')
    .at(-1);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'team-backend', version: '1.0.0', private: true, type: 'module' }),
  );
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...extra, `./${tarball}`], project);
  writeFileSync(join(project, 'app.mjs'), APP);
  mkdirSync(join(project, 'test'));
  writeFileSync(join(project, 'test', 'conformance.test.mjs'), SUITE);
  return project;
}

/** A command in the team's project, with a clean environment (no BASE_URL from vite, no colours). */
export const inProject = (
  project: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> => runProcess(command, args, { NO_COLOR: '1', ...env }, 240_000, project);

/** The team's `npx vitest run`, on the app (BROKEN unset) or on the broken one. */
export const teamVitest = (project: string, broken: boolean): Promise<CliResult> =>
  inProject(project, join(project, 'node_modules', '.bin', 'vitest'), ['run'], {
    CONFORMANCE_SEED: '11',
    ...(broken ? { BROKEN: '1' } : {}),
  });

/** The version of vitest the team's project has installed. */
export const installedVitest = (project: string): string =>
  (
    JSON.parse(readFileSync(join(project, 'node_modules', 'vitest', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/**
 * The helper in the team's vitest, with whichever vitest the project has: one test per rule (each passes, or is
 * skipped when so small a run judged no case of it), exit 0 on the app; exit 1 on the broken one, naming A2, the
 * replay command and the seed to re-run. Returns the broken run's output for the caller's own assertions.
 */
export async function expectHelperVerdicts(project: string): Promise<string> {
  const good = await teamVitest(project, false);
  expect(good.code, good.stdout + good.stderr).toBe(0);
  expect(good.stdout).toMatch(/Tests\s+(\d+) passed( \| (\d+) skipped)? \(20\)/);
  expect(good.stdout).not.toMatch(/failed/);
  const broken = await teamVitest(project, true);
  expect(broken.code, broken.stdout + broken.stderr).toBe(1);
  const output = broken.stdout + broken.stderr;
  expect(output).toMatch(/Tests\s+1 failed \| \d+ passed( \| \d+ skipped)? \(20\)/);
  expect(output).toMatch(/× .*A2 Missing or wrong credentials are refused/);
  expect(output).toContain('Received: status 200');
  expect(output).toMatch(/npx customer-conformance replay reports-vitest\/failures\/A2-1\.json/);
  expect(output).toContain(
    'Re-run the same cases: CONFORMANCE_SEED=11 npx vitest run test/conformance.test.mjs',
  );
  return output;
}
