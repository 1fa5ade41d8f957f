/**
 * The published shape, as a backend team gets it: the packed tarball installed into an empty project (its
 * dependencies from the npm cache where it has them), then, there, the bin (help, the embedded backend, a URL, a
 * replay), `runConformance({ app })` on a conforming and a broken app in process, and a vitest file using the helper.
 * The broken app is one realistic bug: it lets requests without valid credentials through (rule A2).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceApp } from '../../runner/reference-app.ts';
import { ROOT, type CliResult } from '../support/run-cli.ts';
import {
  expectHelperVerdicts,
  inProject as inTeamProject,
  installedVitest,
  run,
  teamProject,
  TOKEN,
} from './team-project.ts';

const SMALL = ['--runs', '5', '--lanes', '2', '--seed', '7'];

const API = `import { createServer } from 'node:http';
import { ConformanceOptionsError, runConformance } from 'unified-customer-conformance';
import { app, brokenApp, token } from './app.mjs';

const signals = process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');
const small = { token, basePath: '/api', runs: 5, lanes: 2, seed: 7 };
const server = createServer(app); // an http.Server, not listening: the run starts it and closes it
const good = await runConformance({ ...small, app: server, reportDir: 'reports-api-good' });
const broken = await runConformance({ ...small, app: brokenApp, reportDir: 'reports-api-broken' });
let error;
try {
  await runConformance({ app, token, runs: 0 });
} catch (caught) {
  error = caught;
}
console.log(JSON.stringify({
  exitCodes: [good.exitCode, broken.exitCode],
  verdicts: [good.verdict, broken.verdict],
  rules: [...new Set(broken.violations.map((v) => v.rule))],
  failureFile: broken.violations[0]?.failureFile ?? null,
  fingerprinted: broken.violations.every((v) => typeof v.fingerprint === 'string' && v.fingerprint.startsWith(v.rule + '/')),
  knownWithoutBaseline: broken.violations.some((v) => 'known' in v),
  reportPaths: good.reportPaths.length,
  serverListening: server.listening,
  signalHandlersLeft: process.listenerCount('SIGINT') + process.listenerCount('SIGTERM') - signals,
  optionsError: error instanceof ConformanceOptionsError ? error.message : String(error),
}));
`;

/** Compiled with the package's .d.ts only: a wrong type there (or none) fails the check. */
const TYPED = `import { createServer } from 'node:http';
import { runConformance, type ConformanceOptions, type ConformanceResult } from 'unified-customer-conformance';
import { conformanceSuite } from 'unified-customer-conformance/vitest';

const options: ConformanceOptions = { app: createServer(), basePath: '/api', token: 't', runs: 10, only: ['S1'] };
export const result: Promise<ConformanceResult> = runConformance(options);
export const code = (r: ConformanceResult): 0 | 1 | 2 => r.exitCode;
export const files = (r: ConformanceResult): (string | undefined)[] => r.violations.map((v) => v.failureFile);
conformanceSuite({ app: (_request, response) => response.end(), token: 't', suiteTimeout: 1000 });
// @ts-expect-error runs is a number
void runConformance({ runs: '10' });
`;

let project: string;
let brokenServer: Server;
let brokenUrl: string;

const inProject = (command: string, args: string[], env?: Record<string, string>): Promise<CliResult> =>
  inTeamProject(project, command, args, env);

const bin = (args: string[], env?: Record<string, string>) =>
  inProject(join(project, 'node_modules', '.bin', 'customer-conformance'), args, env);

beforeAll(async () => {
  project = await teamProject();
  writeFileSync(join(project, 'api.mjs'), API);

  const reference = referenceApp({ token: TOKEN });
  brokenServer = createServer((request, response) => {
    request.headers.authorization = `Bearer ${TOKEN}`;
    reference(request, response);
  });
  await new Promise<void>((done) => brokenServer.listen(0, '127.0.0.1', done));
  brokenUrl = `http://127.0.0.1:${(brokenServer.address() as AddressInfo).port}/api/v1`;
}, 400_000);

afterAll(() => {
  brokenServer?.closeAllConnections();
  brokenServer?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed package, installed into an empty project', () => {
  it('ships compiled code and no TypeScript loader', () => {
    const manifest = JSON.parse(run('npm', ['pkg', 'get', 'dependencies'], ROOT)) as Record<string, string>;
    expect(Object.keys(manifest)).not.toContain('tsx');
    const installed = readdirSync(join(project, 'node_modules'));
    expect(installed).not.toContain('tsx');
    const files = readdirSync(join(project, 'node_modules', 'unified-customer-conformance', 'dist'), {
      recursive: true,
    }).map(String);
    expect(files).toContain(join('runner', 'index.d.ts'));
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('its types: the API and the helper type-check in a TypeScript file of the project', async () => {
    writeFileSync(join(project, 'typed.ts'), TYPED);
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const flags = [
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
    ];
    const types = ['--typeRoots', join(ROOT, 'node_modules', '@types'), '--types', 'node', '--skipLibCheck'];
    const result = await inProject(process.execPath, [tsc, '--noEmit', ...flags, ...types, 'typed.ts']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  }, 120_000);

  it('npx customer-conformance --help names the commands as typed there', async () => {
    const result = await bin(['--help']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Usage: npx customer-conformance [options]');
  });

  it('runs against the embedded backend: exit 0, and the re-run command is npx', async () => {
    const result = await bin([...SMALL, '--report-dir', 'reports-embedded']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Re-run: npx customer-conformance --seed 7 --runs 5 --lanes 2');
  }, 300_000);

  it('runs against a URL (exit 1 on a broken backend) and replays the failure file', async () => {
    const env = { API_TOKEN: TOKEN };
    const result = await bin(
      [...SMALL, '--only', 'A2', '--base-url', brokenUrl, '--report-dir', 'reports-url'],
      env,
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/npx customer-conformance replay reports-url\/failures\/A2-1\.json/);
    const replay = await bin(['replay', 'reports-url/failures/A2-1.json', '--base-url', brokenUrl], env);
    expect(replay.code, replay.stderr).toBe(1);
    expect(replay.stdout).toContain('STILL FAILING: A2');
  }, 300_000);

  it('runConformance: an app in process, conforming (0) then broken (1) in one process, then a typed error', async () => {
    const result = await inProject(process.execPath, ['api.mjs']);
    // The script ends by itself, with exit code 0: nothing left open, no process.exit, no exit code set.
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      exitCodes: [0, 1],
      verdicts: ['conforms', 'violations'],
      rules: ['A2'],
      failureFile: join(realpathSync(project), 'reports-api-broken', 'failures', 'A2-1.json'),
      fingerprinted: true,
      knownWithoutBaseline: false,
      reportPaths: 4,
      serverListening: false,
      signalHandlersLeft: 0,
      optionsError: 'runConformance: runs must be a whole number from 1 to 1000000, got "0"',
    });
  }, 300_000);

  it('the vitest helper: one test per rule; exit 0 when the app conforms, 1 with the failing rule when not', async () => {
    // With no vitest of its own, the project got the newest one the peer range allows.
    expect(installedVitest(project)).toMatch(/^4\./);
    const output = await expectHelperVerdicts(project);
    expect(output).toContain('A2 Missing or wrong credentials are refused: ');
  }, 400_000);
});
