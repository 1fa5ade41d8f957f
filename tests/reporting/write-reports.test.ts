import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../reporting/write-reports.ts';
import { failureFiles, passingResult, result } from './fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'write-reports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writeReports', () => {
  it('passes: writes the four reports into a new nested folder and returns their paths', async () => {
    const dir = join(work, 'a', 'b');
    const paths = await writeReports(passingResult, dir, new Map());
    expect(paths).toEqual(
      ['junit.xml', 'report.json', 'summary.md', 'report.html'].map((name) => join(dir, name)),
    );
    for (const path of paths) expect(statSync(path).size).toBeGreaterThan(100);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({ verdict: 'conforms' });
  });

  it('fails with a useful message: the replay commands name the folder the reports went to', async () => {
    const dir = join(work, 'run');
    await writeReports(result, dir, failureFiles);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain(`npm run replay -- ${join(dir, 'failures/S1-1.json')}`);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<a href="failures/S1-1.json">');
  });
});
