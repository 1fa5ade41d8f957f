/**
 * A developer's shortcut: the kill matrix for a few variants only.
 * npx tsx tests/kill-matrix/run-some.ts trims-names per-field-writes
 */
import { VARIANTS } from '../../backend/variants/catalogue.ts';
import { CONFORMING_VARIANTS } from '../../backend/variants/conforming.ts';
import { pool, runAgainst } from './matrix.ts';
const only = process.argv.slice(2);
const list = VARIANTS.filter((v) => only.includes(v.id));
const conforming = CONFORMING_VARIANTS.filter((v) => only.includes(v.id));
if (list.length + conforming.length === 0) {
  console.error(`give variant ids: ${[...VARIANTS, ...CONFORMING_VARIANTS].map((v) => v.id).join(' ')}`);
  process.exit(2);
}
await pool(list, 3, async (v) => {
  const outage = v.expect === 'exit-2';
  const r = await runAgainst(v.id, v.build, 'merge', 'lenient', outage ? ['--timeout', '1000'] : []);
  const ok = outage ? r.cli.code === 2 : r.failedRules.includes(v.rule);
  console.log(
    `${ok ? 'CAUGHT' : 'MISSED'} ${v.id} ${outage ? 'exit-2' : v.rule} exit=${r.cli.code} rules=${r.failedRules.join(',')} ${r.cli.ms}ms`,
  );
  if (outage) console.log(`  ${r.cli.stderr.trim().split('\n').at(-1) ?? ''}`);
});
// Conforming variants run as the kill matrix runs them: replace semantics, lenient.
await pool(conforming, 3, async (v) => {
  const r = await runAgainst(v.id, v.build, 'replace', 'lenient');
  console.log(
    `${r.cli.code === 0 && r.failedRules.length === 0 ? 'PASSES' : 'FLAGGED'} ${v.id} exit=${r.cli.code} rules=${r.failedRules.join(',')} ${r.cli.ms}ms`,
  );
});
