import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES } from '../../core/rules.ts';
import { toSummaryMarkdown } from '../../reporting/summary-md.ts';
import { failureFiles, passingResult, result } from './fixtures.ts';

/** The Markdown with code blocks and code spans taken out: what GitHub would read as text and HTML. */
function outsideCode(markdown: string): string {
  return markdown.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2$/gm, '').replace(/(`+)[^`][\s\S]*?\1/g, '');
}

describe('toSummaryMarkdown', () => {
  it('passes: the verdict and one table row per rule', () => {
    const md = toSummaryMarkdown(passingResult, new Map());
    expect(md.split('\n')[0]).toBe('## ✅ Unified Customer API conformance: conforms');
    for (const id of RULE_IDS) expect(md).toContain(`| ${id} | ${RULES[id].replace(/-/g, '\\-')} |`);
    expect(md).toContain(
      '| B1 | Required fields missing, null or mistyped are rejected | 120 | 0 | ✅ pass |',
    );
    expect(md).not.toContain('### Findings');
  });

  it('fails with a useful message: failures with diagnosis, Received/Expected, body, replay and curl', () => {
    const md = toSummaryMarkdown(result, failureFiles);
    expect(md.split('\n')[0]).toBe('## ❌ Unified Customer API conformance: 2 violations');
    expect(md).toContain('| S1 | Every sent field is echoed exactly | 18 | 1 | ❌ **FAIL** |');
    expect(md).toContain('### Findings (2 findings: 2 new, 0 known)');
    // Findings first, before the rules table, each with its failures beneath.
    expect(md.indexOf('### Findings')).toBeLessThan(md.indexOf('| Rule |'));
    expect(md).toContain('#### ❌ NEW `S1/trimmed`: Sent value not echoed');
    expect(md).toContain('2. **S1** `valid-updates`: Sent value not echoed \\(trimmed\\)');
    expect(md).toContain('Received: `data.name = "Ada"` · Expected: `data.name = "  Ada  " (the sent value');
    expect(md).toContain('Replay: `npm run replay -- reports/failures/S1-1.json`');
    expect(md).toContain('Replay: `npm run replay -- reports/failures/A2-1.json`');
    expect(md).toContain(
      '   curl -i -X PUT "$BASE_URL/unified/customer/cus_000001" -H "Authorization: Bearer $API_TOKEN"',
    );
    expect(md).toContain('Re-run: `npm start -- --seed 1234567`');
  });

  it('lets no body text act as HTML or Markdown outside code', () => {
    const md = toSummaryMarkdown(result, failureFiles);
    const text = outsideCode(md);
    expect(text).not.toMatch(/<script/i);
    expect(text.match(/<[a-z/][^>]*>/gi)?.every((tag) => /^<\/?(details|summary)>$/.test(tag))).toBe(true);
    expect(md).not.toMatch(/(?![\t\n])\p{Cc}/u);
  });
});
