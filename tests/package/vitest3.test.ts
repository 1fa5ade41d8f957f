/**
 * The peer range's lower half: a team still on vitest 3 installs the package beside its vitest 3 (npm checks it
 * against the declared peer range: no --force, no --legacy-peer-deps), and the helper works there as with vitest 4:
 * one test per rule, exit 0 on a conforming app, 1 with the failing rule on a broken one. The bin and the API do not
 * depend on which vitest runs them; pack.test.ts covers them with vitest 4.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHelperVerdicts, installedVitest, teamProject } from './team-project.ts';

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
    expect(installedVitest(project)).toMatch(/^3\.2\./);
  });

  it('the vitest helper: exit 0 when the app conforms, 1 with the failing rule when not', async () => {
    await expectHelperVerdicts(project);
  }, 400_000);
});
