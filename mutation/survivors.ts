/**
 * Reads the judged mutants (reports/mutation/mutants*.jsonl) and prints the score, the timed-out mutants and each
 * survivor not listed as equivalent in mutation/equivalent.json (file:line, mutator, the code it puts in).
 * `--mutate-args` prints instead the lines of those survivors and timeouts, for `stryker run --mutate` (README.md).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One judged mutant, as mutant-log-reporter.js writes it. */
interface Judged {
  file: string;
  line: number;
  mutatorName: string;
  replacement?: string;
  status: string;
  statusReason?: string;
}
/**
 * A surviving mutant read one by one. `equivalent`: no request can tell it from the reference under the
 * conformance rules (left out of the score). `not-sent`: a request could, but the suite does not send it on
 * purpose (the why says why); it stays a survivor in the score, named but not reported as a gap. Found by file, line and the code it puts in (ids change between
 * runs); tests/mutation/equivalent-list.test.ts keeps each entry naming a mutant of the code as committed.
 */
export interface Listed {
  file: string;
  line: number;
  mutator: string;
  replacement: string;
  kind: 'equivalent' | 'not-sent';
  why: string;
}

/**
 * The lines mutant-log-reporter.js wrote as the run went (also when it was interrupted), merged over earlier runs'
 * logs kept as mutants-<name>.jsonl (a run restricted with --mutate to the rest): for each file and line, the
 * newest log that judged a mutant there wins.
 */
const dir = 'reports/mutation';
const logs = existsSync(dir)
  ? readdirSync(dir)
      .filter((name) => /^mutants.*\.jsonl$/.test(name))
      .map((name) => join(dir, name))
      .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
  : [];
if (logs.length === 0) {
  console.error(`no ${dir}/mutants*.jsonl: run npm run mutation first`);
  process.exit(2);
}
const byLine = new Map<string, Judged[]>();
for (const log of logs) {
  const entries = readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Judged);
  const fresh = new Map<string, Judged[]>();
  for (const entry of entries) {
    if (entry.status === 'Ignored' && entry.statusReason?.includes('outside')) continue;
    const at = `${entry.file}:${entry.line}`;
    fresh.set(at, [...(fresh.get(at) ?? []), entry]);
  }
  for (const [at, list] of fresh) byLine.set(at, list);
}
const judged = [...byLine.values()].flat();
console.error(`(read ${logs.join(', ')}: ${judged.length} mutants)`);

const listed = JSON.parse(readFileSync('mutation/equivalent.json', 'utf8')) as Listed[];
const key = (file: string, line: number, mutator: string, replacement: string) =>
  `${file}:${line}:${mutator}:${replacement}`;
const kinds = new Map(listed.map((e) => [key(e.file, e.line, e.mutator, e.replacement), e.kind]));

const counts: Record<string, number> = {};
const open: Judged[] = [];
const notSent: Judged[] = [];
const timedOut: Judged[] = [];
let timedOutEquivalent = 0;
let equivalent = 0;
for (const mutant of judged) {
  counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  if (!['Survived', 'NoCoverage', 'Timeout'].includes(mutant.status)) continue;
  // A listed equivalent that timed out is a survivor that ran long: left out of the score either way.
  const kind = kinds.get(key(mutant.file, mutant.line, mutant.mutatorName, mutant.replacement ?? ''));
  if (kind === 'equivalent') {
    if (mutant.status === 'Timeout') timedOutEquivalent++;
    else equivalent++;
  } else if (kind === 'not-sent' && mutant.status !== 'Timeout') {
    notSent.push(mutant);
  } else if (mutant.status === 'Timeout') {
    timedOut.push(mutant);
  } else {
    open.push(mutant);
  }
}

if (process.argv.includes('--mutate-args')) {
  // Whole lines: every mutant on a survivor's line is judged again (a few more runs, no column bookkeeping).
  const lines = [...open, ...timedOut].map(({ file, line }) => `${file}:${line}-${line}`);
  console.log([...new Set(lines)].join(','));
  process.exit(0);
}

// A timeout is left out of the score, not counted as detected as Stryker counts it: on a loaded machine the four
// runs of a surviving mutant can outlast Stryker's timeout. Each is named, to be judged again.
const detected = counts['Killed'] ?? 0;
const survived = (counts['Survived'] ?? 0) + (counts['NoCoverage'] ?? 0);
const total = detected + survived;
const nonEquivalent = total - equivalent;
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
console.log(`statuses: ${JSON.stringify(counts)}`);
console.log(`raw score (killed / killed or survived): ${detected}/${total} = ${pct(detected, total)}`);
console.log(
  `listed equivalent: ${equivalent} survived, ${timedOutEquivalent} timed out; score over the non-equivalent: ${detected}/${nonEquivalent} = ${pct(detected, nonEquivalent)}`,
);
for (const m of timedOut) {
  console.log(
    `TIMED OUT ${m.file}:${m.line} ${m.mutatorName}: ${(m.replacement ?? '').replace(/\s+/g, ' ')}`,
  );
}
for (const { file, line, mutatorName, replacement = '' } of notSent) {
  console.log(
    `NOT SENT ${file}:${line} ${mutatorName}: ${replacement.replace(/\s+/g, ' ')} (a survivor, listed with why)`,
  );
}
for (const { file, line, mutatorName, replacement = '' } of open) {
  console.log(`SURVIVED ${file}:${line} ${mutatorName}: ${replacement.replace(/\s+/g, ' ')}`);
}
// A listed mutant that was killed says its why is wrong (unless another mutant with the same code on that line,
// as two "" on one line, is the one that survived).
const survivedKeys = new Set(
  judged
    .filter((m) => m.status !== 'Killed')
    .map((m) => key(m.file, m.line, m.mutatorName, m.replacement ?? '')),
);
for (const { file, line, mutatorName, replacement = '' } of judged.filter((m) => m.status === 'Killed')) {
  const at = key(file, line, mutatorName, replacement);
  if (kinds.has(at) && !survivedKeys.has(at)) {
    console.log(`LISTED BUT KILLED ${file}:${line} ${mutatorName}: ${replacement.replace(/\s+/g, ' ')}`);
  }
}
