/**
 * Reads StrykerJS's JSON report (reports/mutation/mutation.json) and prints the score over the mutants that were
 * judged, each surviving mutant (file:line, mutator, the code it puts in), and whether it is in mutation/equivalent.json.
 * `--mutate-args` prints instead the `--mutate` ranges of the survivors not listed as equivalent, for a re-run of
 * only those after a better check: npm run mutation -- --force --mutate "$(npx tsx mutation/survivors.ts --mutate-args)"
 */
import { existsSync, readFileSync } from 'node:fs';

/** One judged mutant, as mutant-log-reporter.js writes it (and as read from Stryker's JSON report). */
interface Judged {
  file: string;
  line: number;
  mutatorName: string;
  replacement?: string;
  status: string;
}
interface Report {
  files: Record<
    string,
    { mutants: (Omit<Judged, 'file' | 'line'> & { location: { start: { line: number } } })[] }
  >;
}

/**
 * A surviving mutant read one by one, found by file, line and the code it puts in (ids change between runs):
 * 'equivalent' when no request can tell it from the reference under the conformance rules (left out of the
 * score); 'open-21a' when it is a real bug that issue 21a's new checks catch (still counted as a survivor here).
 */
export interface Listed {
  file: string;
  line: number;
  mutator: string;
  replacement: string;
  kind: 'equivalent' | 'open-21a';
  why: string;
}

/** Stryker's report when the run finished; else the lines the reporter wrote as it went (an interrupted run). */
const reportPath = 'reports/mutation/mutation.json';
const logPath = 'reports/mutation/mutants.jsonl';
let judged: Judged[];
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
  judged = Object.entries(report.files).flatMap(([file, { mutants }]) =>
    mutants.map((m) => ({ ...m, file, line: m.location.start.line })),
  );
} else if (existsSync(logPath)) {
  judged = readFileSync(logPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Judged);
  console.log(
    `(no ${reportPath}: the run did not finish; reading the ${judged.length} mutants in ${logPath})`,
  );
} else {
  console.error(`no ${reportPath} nor ${logPath}: run npm run mutation first`);
  process.exit(2);
}
const listed = JSON.parse(readFileSync('mutation/equivalent.json', 'utf8')) as Listed[];
const key = (file: string, line: number, mutator: string, replacement: string) =>
  `${file}:${line}:${mutator}:${replacement}`;
const kinds = new Map(listed.map((e) => [key(e.file, e.line, e.mutator, e.replacement), e.kind]));

const counts: Record<string, number> = {};
const open: Judged[] = [];
let equivalent = 0;
for (const mutant of judged) {
  counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
  if (
    kinds.get(key(mutant.file, mutant.line, mutant.mutatorName, mutant.replacement ?? '')) === 'equivalent'
  ) {
    equivalent++;
  } else {
    open.push(mutant);
  }
}

if (process.argv.includes('--mutate-args')) {
  // Whole lines: every mutant on a survivor's line is judged again (a few more runs, no column bookkeeping).
  console.log([...new Set(open.map(({ file, line }) => `${file}:${line}-${line}`))].join(','));
  process.exit(0);
}

const detected = (counts['Killed'] ?? 0) + (counts['Timeout'] ?? 0);
const survived = (counts['Survived'] ?? 0) + (counts['NoCoverage'] ?? 0);
const total = detected + survived;
const nonEquivalent = total - equivalent;
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
console.log(`statuses: ${JSON.stringify(counts)}`);
console.log(`raw score (killed or timed out / run): ${detected}/${total} = ${pct(detected, total)}`);
// A timeout counts as detected (as Stryker counts it), but on a loaded machine it may be a slow survivor: named.
for (const m of judged.filter((j) => j.status === 'Timeout')) {
  console.log(
    `TIMED OUT ${m.file}:${m.line} ${m.mutatorName}: ${(m.replacement ?? '').replace(/\s+/g, ' ')}`,
  );
}
console.log(
  `listed equivalent: ${equivalent}; score over the non-equivalent: ${detected}/${nonEquivalent} = ${pct(detected, nonEquivalent)}`,
);
for (const { file, line, mutatorName, replacement = '' } of open) {
  const note = kinds.get(key(file, line, mutatorName, replacement)) === 'open-21a' ? ' (issue 21a)' : '';
  console.log(`SURVIVED ${file}:${line} ${mutatorName}: ${replacement.replace(/\s+/g, ' ')}${note}`);
}
