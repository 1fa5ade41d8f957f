/**
 * A developer's shortcut: the kill matrix for a few variants only. A broken variant must be caught by its rule;
 * a conforming one (backend/variants/conforming.ts) must pass, in merge and in replace semantics.
 * npx tsx tests/kill-matrix/run-some.ts trims-names per-field-writes json-charset-upper-case
 */
import { VARIANTS } from '../../backend/variants/catalogue.ts';
import { CONFORMING_VARIANTS } from '../../backend/variants/conforming.ts';
import { pool, runAgainst } from './matrix.ts';
import { pinnedContractArgs, removePinnedContracts } from './pinned-contract.ts';
const only = process.argv.slice(2);
const list = VARIANTS.filter((v) => only.includes(v.id));
const conforming = CONFORMING_VARIANTS.filter((v) => only.includes(v.id)).flatMap((v) =>
  (['merge', 'replace'] as const).map((semantics) => ({ variant: v, semantics })),
);
if (list.length + conforming.length === 0) {
  console.error(`give variant ids: ${[...VARIANTS, ...CONFORMING_VARIANTS].map((v) => v.id).join(' ')}`);
  process.exit(2);
}
await pool(list, 3, async (v) => {
  const r = await runAgainst(v.id, v.build, 'merge', 'lenient', pinnedContractArgs(v));
  console.log(
    `${r.failedRules.includes(v.rule) ? 'CAUGHT' : 'MISSED'} ${v.id} ${v.rule} exit=${r.cli.code} rules=${r.failedRules.join(',')} ${r.cli.ms}ms`,
  );
});
await pool(conforming, 3, async ({ variant: v, semantics }) => {
  const r = await runAgainst(v.id, v.build, semantics, 'lenient');
  console.log(
    `${r.cli.code === 0 && r.failedRules.length === 0 ? 'PASSED' : 'FALSE ALARM'} ${v.id} (${semantics}) exit=${r.cli.code} rules=${r.failedRules.join(',')} ${r.cli.ms}ms`,
  );
});
removePinnedContracts();
