/**
 * A developer's shortcut: the kill matrix for a few variants only, two at a time in long-lived command-line hosts
 * like the kill matrix itself. A broken variant must be caught by its rule (or end with exit 2 when it stops
 * answering); a conforming one (backend/variants/conforming.ts) must pass, in merge and in replace semantics;
 * `reference` runs the reference backend in all four modes. Exits 1 when any job does not do what it must.
 * npx tsx tests/kill-matrix/run-some.ts trims-names per-field-writes json-charset-upper-case reference
 */
import type { EdgePolicy, StoreSemantics } from '../../backend/types.ts';
import { VARIANTS } from '../../backend/variants/catalogue.ts';
import { CONFORMING_VARIANTS } from '../../backend/variants/conforming.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { pool, runAgainst, runBroken, type MatrixRow } from './matrix.ts';
import { pinnedContractArgs, removePinnedContracts } from './pinned-contract.ts';

const MODES: [StoreSemantics, EdgePolicy][] = [
  ['merge', 'lenient'],
  ['replace', 'lenient'],
  ['merge', 'strict'],
  ['replace', 'strict'],
];

const only = process.argv.slice(2);
const broken = VARIANTS.filter((v) => only.includes(v.id));
const conforming = CONFORMING_VARIANTS.filter((v) => only.includes(v.id));
const reference = only.includes('reference') ? MODES : [];
const unknown = only.filter(
  (id) => id !== 'reference' && ![...broken, ...conforming].some((v) => v.id === id),
);
if (only.length === 0 || unknown.length > 0) {
  const ids = [...VARIANTS, ...CONFORMING_VARIANTS].map((v) => v.id);
  console.error(
    `${unknown.length > 0 ? `unknown: ${unknown.join(' ')}\n` : ''}give variant ids (or reference): ${ids.join(' ')}`,
  );
  process.exit(2);
}

const hosts = new CommandHosts(2);
const via = (args: string[], env: Record<string, string>) => hosts.run(args, env);
const line = (r: MatrixRow) => `exit=${r.cli.code} rules=${r.failedRules.join(',')} ${r.cli.ms}ms`;
const clean = (r: MatrixRow) => r.cli.code === 0 && r.failedRules.length === 0;

type Job = () => Promise<{ ok: boolean; text: string }>;
const jobs: Job[] = [
  ...reference.map(([semantics, edgePolicy]): Job => async () => {
    const r = await runAgainst(
      `reference-${semantics}-${edgePolicy}`,
      undefined,
      semantics,
      edgePolicy,
      [],
      via,
    );
    return {
      ok: clean(r),
      text: `${clean(r) ? 'CLEAN ' : 'FLAGGED'} reference ${semantics} ${edgePolicy} ${line(r)}`,
    };
  }),
  ...conforming.flatMap((v) =>
    (['merge', 'replace'] as const).map((semantics): Job => async () => {
      const r = await runAgainst(`conforming-${v.id}`, v.build, semantics, 'lenient', [], via);
      return { ok: clean(r), text: `${clean(r) ? 'CLEAN ' : 'FLAGGED'} ${v.id} (${semantics}) ${line(r)}` };
    }),
  ),
  ...broken.map((v): Job => async () => {
    // A backend that stops answering must end the run with exit 2, in bounded time: a short timeout.
    const outage = v.expect === 'exit-2';
    const r = outage
      ? await runAgainst(
          v.id,
          v.build,
          'merge',
          'lenient',
          ['--timeout', '1000', ...pinnedContractArgs(v)],
          via,
        )
      : await runBroken(v, pinnedContractArgs(v), via);
    const ok = outage ? r.cli.code === 2 : r.cli.code === 1 && r.failedRules.includes(v.rule);
    const last = outage || r.cli.code === 2 ? `\n  ${r.cli.stderr.trim().split('\n').at(-1) ?? ''}` : '';
    return {
      ok,
      text: `${ok ? 'CAUGHT' : 'MISSED'} ${v.id} ${outage ? 'exit-2' : v.rule} ${line(r)} ${r.run}${last}`,
    };
  }),
];
let bad = 0;
await pool(jobs, 2, async (job) => {
  const { ok, text } = await job();
  if (!ok) bad++;
  console.log(text);
});
await hosts.close();
removePinnedContracts();
process.exit(bad > 0 ? 1 : 0);
