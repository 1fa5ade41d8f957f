/**
 * What qualifies a verdict is said in every report: a --bail run stopped early (its "not run" rules were not
 * tried), and a backend that answered 429 slowed the run.
 */
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

  it('says a rule passed only before the stop, and why a rule was not run', () => {
    expect(formatSummary(bailed)).toMatch(/Verdict: .* \d+ passed before the stop \(--bail\), \d+ not run/);
    expect(toJunitXml(bailed, failureFiles)).toMatch(
      /was judged by no check in this run \(--bail stopped the run after valid-updates\)/,
    );
  });

  it('names the check it stopped after in report.json', () => {
    expect(toReportJson(bailed, failureFiles).bailedAfter).toBe('valid-updates');
    expect(toReportJson(result, failureFiles).bailedAfter).toBeNull();
  });

  it('says nothing of it when the run went to the end', () => {
    for (const text of [
      formatSummary(result),
      toSummaryMarkdown(result, failureFiles),
      toJunitXml(result, failureFiles),
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

describe('a run the backend throttled', () => {
  const throttled = { ...result, throttling: { responses: 37, settledAt: 4, lowest: 2, max: 16 } };
  const THROTTLED =
    'Throttled: 37 answers were 429; requests in flight went down to 2 and settled at 4 (of 16)';

  it('says how many 429s and where the requests in flight settled, in every report', () => {
    expect(formatSummary(throttled)).toContain(THROTTLED);
    expect(toSummaryMarkdown(throttled, failureFiles).replace(/\\(.)/g, '$1')).toContain(THROTTLED);
    expect(toJunitXml(throttled, failureFiles)).toContain(`name="throttled" value="${THROTTLED}"`);
    expect(toHtml(throttled, failureFiles)).toContain(THROTTLED);
    expect(toReportJson(throttled, failureFiles).throttling).toEqual(throttled.throttling);
  });

  it('says nothing of it when no answer was 429', () => {
    expect(toReportJson(result, failureFiles).throttling).toBeNull();
    for (const text of [
      formatSummary(result),
      toSummaryMarkdown(result, failureFiles),
      toJunitXml(result, failureFiles),
      toHtml(result, failureFiles),
    ])
      expect(text).not.toContain('Throttled');
  });
});
