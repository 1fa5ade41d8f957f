/**
 * mutation/equivalent.json names mutants by file, line, mutator and the code they put in: an entry that no longer
 * names a mutant of the code as it stands (a line moved, the code changed) would silently stop excusing its
 * survivor, or excuse another. Each entry must name a mutant that a run judges (not one excluded by a
 * `// Stryker disable` comment), say why, and appear once.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { listMutants, type ListedMutant } from '../../mutation/mutants.ts';
import type { Listed } from '../../mutation/survivors.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const listed = JSON.parse(readFileSync(`${ROOT}mutation/equivalent.json`, 'utf8')) as Listed[];
const key = (file: string, line: number, mutator: string, replacement: string) =>
  `${file}:${line} ${mutator} ${replacement}`;

function problemsOf(entries: readonly Listed[], mutants: readonly ListedMutant[]): string[] {
  const judged = new Set(
    mutants.filter((m) => !m.ignored).map((m) => key(m.file, m.line, m.mutatorName, m.replacement)),
  );
  const seen = new Set<string>();
  return entries.flatMap((entry) => {
    const at = key(entry.file, entry.line, entry.mutator, entry.replacement);
    const problems: string[] = [];
    if (!judged.has(at)) problems.push(`${at}: no such mutant (line moved or code changed?)`);
    if (entry.why.trim().length < 20) problems.push(`${at}: says too little why`);
    if (seen.has(at)) problems.push(`${at}: listed twice`);
    seen.add(at);
    return problems;
  });
}

describe('mutation/equivalent.json', () => {
  let mutants: ListedMutant[] = [];
  beforeAll(async () => {
    mutants = await listMutants(ROOT);
  });

  it('lists the mutants a run makes, numbered as a run numbers them', () => {
    expect(mutants.length).toBeGreaterThan(300);
    expect(mutants.map((m) => m.id)).toEqual(mutants.map((_, i) => String(i)));
    // The Bearer pattern's anchors, as the 2026-12-02 run logged them.
    expect(mutants.find((m) => m.id === '203')).toMatchObject({
      file: 'backend/reference-steps.ts',
      line: 35,
      mutatorName: 'Regex',
      replacement: '/bearer +(\\S+)$/i',
    });
  });

  it('names, entry by entry, a judged mutant of the code as committed, with a reason', () => {
    expect(problemsOf(listed, mutants)).toEqual([]);
  });

  it('reports an entry whose line moved, whose code changed, or that sits in excluded code', () => {
    const [first] = listed;
    if (!first) throw new Error('equivalent.json is empty');
    const excluded = mutants.find((m) => m.ignored);
    if (!excluded) throw new Error('no mutant excluded by a Stryker disable comment');
    const broken: Listed[] = [
      { ...first, line: first.line + 1 },
      { ...first, replacement: `${first.replacement} ` },
      {
        ...first,
        file: excluded.file,
        line: excluded.line,
        mutator: excluded.mutatorName,
        replacement: excluded.replacement,
      },
      { ...first, why: 'same' },
    ];
    expect(problemsOf(broken, mutants)).toHaveLength(4);
  });
});
