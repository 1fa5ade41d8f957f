/** A --bail run says in every report that it stopped early, so its "not run" rules are not read as passes. */
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../reporting/console-summary.ts';
import { toHtml } from '../../reporting/html.ts';
import { toJunitXml } from '../../reporting/junit.ts';
import { toReportJson } from '../../reporting/report-json.ts';
import { toSummaryMarkdown } from '../../reporting/summary-md.ts';
import { failureFiles, result } from './fixtures.ts';

const bailed = { ...result, bailed: { after: 'valid-updates', notRun: 7 } };
const LINE = 'Stopped early (--bail): valid-updates found a violation; 7 checks after it were not run';

describe('a run stopped by --bail', () => {
  it('says so in the console, summary.md, junit.xml and report.html', () => {
    expect(formatSummary(bailed)).toContain(LINE);
    // summary.md escapes markdown's punctuation; it renders as the line.
    expect(toSummaryMarkdown(bailed, failureFiles).replace(/\\(.)/g, '$1')).toContain(LINE);
    expect(toJunitXml(bailed, failureFiles)).toContain(`name="bailed" value="${LINE}"`);
    expect(toHtml(bailed, failureFiles)).toContain(LINE);
  });

  it('names the check it stopped after in report.json', () => {
    expect(toReportJson(bailed, failureFiles).bailedAfter).toBe('valid-updates');
    expect(toReportJson(result, failureFiles).bailedAfter).toBeNull();
  });

  it('says nothing of it when the run went to the end', () => {
    for (const text of [
      formatSummary(result),
      toSummaryMarkdown(result, failureFiles),
      toHtml(result, failureFiles),
    ])
      expect(text).not.toContain('--bail');
  });

  it('counts one check in the singular', () => {
    expect(formatSummary({ ...result, bailed: { after: 'auth-updates', notRun: 1 } })).toContain(
      'auth-updates found a violation; 1 check after it was not run',
    );
  });
});
