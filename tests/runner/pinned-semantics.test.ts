/** --put-semantics pins S2: a backend with the other semantics fails, one with the pinned semantics passes. */
import { afterAll, describe, expect, it } from 'vitest';
import type { StoreSemantics } from '../../backend/types.ts';
import { runAgainst } from '../kill-matrix/matrix.ts';
import { CommandHosts } from '../support/command-hosts.ts';

const hosts = new CommandHosts(1);
afterAll(() => hosts.close());
const via = (args: string[], env: Record<string, string>) => hosts.run(args, env);

const cases: [pinned: StoreSemantics, backend: StoreSemantics, failed: string[]][] = [
  ['replace', 'merge', ['S2']],
  ['merge', 'replace', ['S2']],
  ['replace', 'replace', []],
];

describe('--put-semantics', () => {
  it.each(cases)(
    '%s pinned, the backend does %s: rules failed %j',
    async (pinned, backend, failed) => {
      const row = await runAgainst(
        `pinned-${pinned}-on-${backend}`,
        undefined,
        backend,
        'lenient',
        ['--put-semantics', pinned, '--runs', '20'],
        via,
      );
      expect(row.failedRules, row.cli.stdout.slice(-2000)).toEqual(failed);
      expect(row.cli.code, row.cli.stderr).toBe(failed.length > 0 ? 1 : 0);
    },
    60_000,
  );
});
