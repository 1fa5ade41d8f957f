/**
 * A developer's shortcut: the kill matrix for a few variants only. A broken variant must be caught by its rule;
 * a conforming one (backend/variants/conforming.ts) must pass, in merge and in replace semantics; `reference`
 * runs the reference backend in all four modes.
 * npx tsx tests/kill-matrix/run-some.ts trims-names per-field-writes json-charset-upper-case reference
 */
import type { EdgePolicy, StoreSemantics } from '../../backend/types.ts';
import { VARIANTS } from '../../backend/variants/catalogue.ts';
import { CONFORMING_VARIANTS } from '../../backend/variants/conforming.ts';
import { pool, runAgainst } from './matrix.ts';
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
if (broken.length + conforming.length + reference.length === 0) {
  const ids = [...VARIANTS, ...CONFORMING_VARIANTS].map((v) => v.id);
  console.error(`give variant ids (or reference): ${ids.join(' ')}`);
  process.exit(2);
}
type Job = () => Promise<string>;
const jobs: Job[] = [
  ...reference.map(([semantics, edgePolicy]): Job => async () => {
    const r = await runAgainst(`reference-${semantics}-${edgePolicy}`, undefined, semantics, edgePolicy);
    const ok = r.cli.code === 0 && r.failedRules.length === 0;
    return `${ok ? 'CONFORMS' : 'FLAGGED'} reference ${semantics} ${edgePolicy} exit=${r.cli.code} rules=${r.failedRules.join(',')} ${r.cli.ms}ms`;
  }),
  ...conforming.flatMap((v) =>
    (['merge', 'replace'] as const).map((semantics): Job => async () => {
      const r = await runAgainst(`conforming-${v.id}`, v.build, semantics, 'lenient');
      const ok = r.cli.code === 0 && r.failedRules.length === 0;
      return `${ok ? 'CONFORMS' : 'FLAGGED'} ${v.id} (${semantics}) exit=${r.cli.code} rules=${r.failedRules.join(',')} ${r.cli.ms}ms`;
    }),
  ),
  ...broken.map((v): Job => async () => {
    // A backend that stops answering must end the run with exit 2, in bounded time: a short timeout.
    const outage = v.expect === 'exit-2';
    const args = [...(outage ? ['--timeout', '1000'] : []), ...pinnedContractArgs(v)];
    const r = await runAgainst(v.id, v.build, 'merge', 'lenient', args);
    const ok = outage ? r.cli.code === 2 : r.failedRules.includes(v.rule);
    const last = outage ? `\n  ${r.cli.stderr.trim().split('\n').at(-1) ?? ''}` : '';
    return `${ok ? 'CAUGHT' : 'MISSED'} ${v.id} ${outage ? 'exit-2' : v.rule} exit=${r.cli.code} rules=${r.failedRules.join(',')} ${r.cli.ms}ms${last}`;
  }),
];
await pool(jobs, 3, async (job) => console.log(await job()));
removePinnedContracts();
