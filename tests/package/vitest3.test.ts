/**
 * The peer range's lower half: a team still on vitest 3 installs the package beside its vitest 3 (npm checks it
 * against the declared peer range: no --force, no --legacy-peer-deps), and the helper works there as with vitest 4:
 * one test per rule, exit 0 on a conforming app, 1 with the failing rule on a broken one. The bin and the API do not
 * depend on which vitest runs them; pack.test.ts covers them with vitest 4.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamProject, teamVitest } from './team-project.ts';

let project: string;

beforeAll(async () => {
  // The newest vitest 3 (the npm cache's, when it has one): the range a team on vitest 3 is most likely to have.
  project = await teamProject(['vitest@^3.2.0']);
}, 400_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed package with vitest 3 in the project', () => {
  it('installs beside vitest 3 without forcing the peer range', () => {
    const installed = JSON.parse(
      readFileSync(join(project, 'node_modules', 'vitest', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toMatch(/^3\.2\./);
  });

  it('the vitest helper: exit 0 when the app conforms, 1 with the failing rule when not', async () => {
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
  }, 400_000);
});
