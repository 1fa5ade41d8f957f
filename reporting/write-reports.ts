/** Writes the report files of a run into one folder; the only reporting module that does I/O. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Counterexample } from '../core/failure.ts';
import type { RunResult } from '../core/result.ts';
import { toHtml } from './html.ts';
import { toJunitXml } from './junit.ts';
import { toReportJson } from './report-json.ts';
import { toSummaryMarkdown } from './summary-md.ts';

/**
 * junit.xml, report.json, summary.md and report.html in `dir` (created if missing); returns their paths.
 * `failureFiles` holds each counterexample's failure file relative to `dir` (written by the runner).
 */
export async function writeReports(
  result: RunResult,
  dir: string,
  failureFiles: Map<Counterexample, string>,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const options = { reportDir: dir };
  const files: Array<[string, string]> = [
    ['junit.xml', toJunitXml(result, failureFiles, options)],
    ['report.json', `${JSON.stringify(toReportJson(result, failureFiles, options), null, 2)}\n`],
    ['summary.md', toSummaryMarkdown(result, failureFiles, options)],
    ['report.html', toHtml(result, failureFiles, options)],
  ];
  const paths: string[] = [];
  for (const [name, text] of files) {
    const path = join(dir, name);
    await writeFile(path, text, 'utf8');
    paths.push(path);
  }
  return paths;
}
