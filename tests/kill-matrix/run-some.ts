/**
 * A developer's shortcut: the kill matrix for a few variants only.
 * npx tsx tests/kill-matrix/run-some.ts trims-names per-field-writes
 */
import { VARIANTS } from '../../backend/variants/catalogue.ts';
import { pool, runAgainst } from './matrix.ts';
const only = process.argv.slice(2);
const list = VARIANTS.filter((v) => only.includes(v.id));
if (list.length === 0) {
  console.error(`give variant ids: ${VARIANTS.map((v) => v.id).join(' ')}`);
  process.exit(2);
}
await pool(list, 3, async (v) => {
  const r = await runAgainst(v.id, v.build, 'merge', 'lenient');
  console.log(
    `${r.failedRules.includes(v.rule) ? 'CAUGHT' : 'MISSED'} ${v.id} ${v.rule} exit=${r.cli.code} rules=${r.failedRules.join(',')} ${r.cli.ms}ms`,
  );
});
