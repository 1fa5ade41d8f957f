/**
 * A developer's shortcut: the kill matrix for a few variants only (broken ones must be caught by their rule,
 * conforming ones must pass), two at a time in long-lived command-line hosts like the kill matrix itself.
 * npx tsx tests/kill-matrix/run-some.ts trims-names per-field-writes extra-response-properties
 */
import { VARIANTS } from '../../backend/variants/catalogue.ts';
import { CONFORMING_VARIANTS } from '../../backend/variants/conforming.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { pool, runAgainst } from './matrix.ts';

const only = process.argv.slice(2);
const broken = VARIANTS.filter((v) => only.includes(v.id));
const conforming = CONFORMING_VARIANTS.filter((v) => only.includes(v.id));
const unknown = only.filter((id) => ![...broken, ...conforming].some((v) => v.id === id));
if (only.length === 0 || unknown.length > 0) {
  console.error(
    `${unknown.length > 0 ? `unknown: ${unknown.join(' ')}\n` : ''}give variant ids: ${[...VARIANTS, ...CONFORMING_VARIANTS].map((v) => v.id).join(' ')}`,
  );
  process.exit(2);
}
const hosts = new CommandHosts(2);
const via = (args: string[], env: Record<string, string>) => hosts.run(args, env);
const jobs = [
  ...broken.map((v) => ({ id: v.id, build: v.build, semantics: 'merge' as const, expect: v.rule })),
  ...conforming.map((v) => ({ id: v.id, build: v.build, semantics: 'replace' as const, expect: undefined })),
];
let bad = 0;
await pool(jobs, 2, async (job) => {
  const r = await runAgainst(job.id, job.build, job.semantics, 'lenient', [], via);
  const ok = job.expect ? r.failedRules.includes(job.expect) && r.cli.code === 1 : r.cli.code === 0;
  if (!ok) bad++;
  const verdict = job.expect ? (ok ? 'CAUGHT' : 'MISSED') : ok ? 'CLEAN ' : 'FLAGGED';
  console.log(
    `${verdict} ${job.id} ${job.expect ?? 'conforming'} exit=${r.cli.code} rules=${r.failedRules.join(',')} ${r.cli.ms}ms`,
  );
  if (r.cli.code === 2 || r.cli.code === null) console.log(r.cli.stderr.slice(-2000));
});
await hosts.close();
process.exit(bad > 0 ? 1 : 0);
