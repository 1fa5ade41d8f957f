/**
 * The token never shows: with the token in the environment, as in a real run, no formatter writes it, and
 * every curl line reads it from $API_TOKEN.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary } from '../../reporting/console-summary.ts';
import { curlFor } from '../../reporting/curl.ts';
import { formatFailure } from '../../reporting/format-failure.ts';
import { toHtml } from '../../reporting/html.ts';
import { toJunitXml } from '../../reporting/junit.ts';
import { toReportJson } from '../../reporting/report-json.ts';
import { toSummaryMarkdown } from '../../reporting/summary-md.ts';
import { writeReports } from '../../reporting/write-reports.ts';
import { failureFiles, passingResult, result, TOKEN } from './fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'no-token-'));
const saved = process.env['API_TOKEN'];
beforeAll(() => {
  process.env['API_TOKEN'] = TOKEN;
});
afterAll(() => {
  if (saved === undefined) delete process.env['API_TOKEN'];
  else process.env['API_TOKEN'] = saved;
  rmSync(work, { recursive: true, force: true });
});

describe('the token', () => {
  it('passes: appears in no output of any formatter', async () => {
    const outputs: string[] = [];
    for (const run of [result, passingResult]) {
      outputs.push(
        formatSummary(run),
        formatSummary(run, { color: true, failureFiles }),
        toJunitXml(run, failureFiles),
        JSON.stringify(toReportJson(run, failureFiles)),
        toSummaryMarkdown(run, failureFiles),
        toHtml(run, failureFiles),
      );
      for (const check of run.checks) {
        for (const failure of check.failures) {
          outputs.push(formatFailure(failure, { baseUrl: run.baseUrl, color: true }));
          outputs.push(...failure.exchanges.map((e) => curlFor(e, run.baseUrl)));
        }
      }
    }
    await writeReports(result, work, failureFiles);
    outputs.push(...readdirSync(work).map((name) => readFileSync(join(work, name), 'utf8')));
    expect(outputs.length).toBeGreaterThan(20);
    for (const output of outputs) expect(output).not.toContain(TOKEN);
  });

  it('fails with a useful message if a curl line would send no token: valid requests read $API_TOKEN', () => {
    const update = result.checks[1]?.failures[0]?.exchanges[1];
    expect(update?.spec.auth).toBe('valid');
    expect(curlFor(update!, result.baseUrl)).toContain('-H "Authorization: Bearer $API_TOKEN"');
  });
});
