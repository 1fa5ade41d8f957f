/** --put-semantics pins S2: a backend with the other semantics fails, one with the pinned semantics passes. */
import { afterAll, describe, expect, it } from 'vitest';
import { runAgainst } from '../kill-matrix/matrix.ts';
import { CommandHosts } from '../support/command-hosts.ts';

const hosts = new CommandHosts(1);
afterAll(() => hosts.close());
const via = (args: string[], env: Record<string, string>) => hosts.run(args, env);

describe('--put-semantics', () => {
  it('replace pinned, the backend merges: S2 fails', async () => {
    const row = await runAgainst(
      'pinned-replace-on-merge',
      undefined,
      'merge',
      'lenient',
      ['--put-semantics', 'replace', '--runs', '20'],
      via,
    );
    expect(row.cli.code, row.cli.stderr).toBe(1);
    expect(row.failedRules).toEqual(['S2']);
  }, 60_000);

  it('merge pinned, the backend replaces: S2 fails', async () => {
    const row = await runAgainst(
      'pinned-merge-on-replace',
      undefined,
      'replace',
      'lenient',
      ['--put-semantics', 'merge', '--runs', '20'],
      via,
    );
    expect(row.cli.code, row.cli.stderr).toBe(1);
    expect(row.failedRules).toEqual(['S2']);
  }, 60_000);

  it('pinned to what the backend does: conforms', async () => {
    const row = await runAgainst(
      'pinned-replace-on-replace',
      undefined,
      'replace',
      'lenient',
      ['--put-semantics', 'replace', '--runs', '20'],
      via,
    );
    expect(row.cli.code, row.cli.stdout.slice(-2000)).toBe(0);
  }, 60_000);
});
