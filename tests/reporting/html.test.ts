import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES } from '../../core/rules.ts';
import { curlFor } from '../../reporting/curl.ts';
import { toHtml } from '../../reporting/html.ts';
import { failureFiles, passingResult, result, s1Failure } from './fixtures.ts';

/** HTML text back to plain text: tags out, the five entities this report writes decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(lt|gt|quot|#39|amp);/g,
      (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '',
    );
}

const html = toHtml(result, failureFiles, { reportDir: 'reports' });

describe('toHtml', () => {
  it('passes: a passing run shows CONFORMS, the matrix and no failure sections', () => {
    const page = toHtml(passingResult, new Map());
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<header class="pass">');
    expect(page).toContain('CONFORMS');
    expect(page).toContain('<p>No failures.</p>');
    expect(page).not.toContain('class="card failure"');
  });

  it('fails with a useful message: a header with the verdict, seed, target and duration', () => {
    expect(html).toContain('<header class="fail">');
    expect(html).toContain('VIOLATIONS: 2 failures');
    expect(html).toContain('<dt>Seed</dt><dd>1234567</dd>');
    expect(html).toContain('<dt>Target</dt><dd>http://127.0.0.1:40123/api/v1 (remote)</dd>');
    expect(html).toContain('<dt>Duration</dt><dd>5.8 s</dd>');
  });

  it('draws the rules matrix: a row per rule, a column per check, cells coloured by outcome', () => {
    for (const id of RULE_IDS)
      expect(html).toContain(
        `<tr id="rule-${id}"><td class="id">${id}</td><td class="title">${RULES[id]}</td>`,
      );
    const row = (id: string): string =>
      html.split('\n').find((line) => line.startsWith(`<tr id="rule-${id}">`)) ?? '';
    expect(row('S1')).toContain('<td class="fail"');
    expect(row('S1')).toContain('<a href="#failure-1-S1">✗ 1</a><small> / 18</small>');
    expect(row('S1')).toContain('<span class="badge fail">FAIL</span>');
    expect(row('B1')).toMatch(/<td class="pass"[^>]*>120<\/td><td class="na"/);
    expect(row('S7')).toContain('<span class="badge not-run">not run</span>');
    expect(html).toContain('<span>valid-updates</span>');
  });

  it('gives each failure a section with an anchor: rule, Received/Expected, diagnosis in bold, sent/received diff', () => {
    expect(html).toContain('<section class="card failure" id="failure-1-S1">');
    expect(html).toContain('<section class="card failure" id="failure-2-A2">');
    expect(html).toContain('<span class="rule">S1</span>Every sent field is echoed exactly');
    expect(html).toContain('<dt>Received</dt><dd><code>data.name = &quot;Ada&quot;</code></dd>');
    expect(html).toContain('What happened to the value: <strong>trimmed</strong>');
    expect(html).toContain('<pre>&quot;<del>  </del>Ada<del>  </del>&quot;</pre>');
    expect(html).toContain('<pre>&quot;Ada&quot;</pre>');
  });

  it('shows the request and response, escaped, with invisible characters as escapes', () => {
    expect(html).toContain('&lt;script&gt;alert(\\&quot;pwned\\&quot;)&lt;/script&gt;');
    expect(html).toContain(
      'welcome admin<span class="esc">\\u{0000}</span><span class="esc">\\u{001B}</span>[31m &lt;b&gt;ok&lt;/b&gt;',
    );
    expect(html).not.toMatch(/(?![\t\n])\p{Cc}/u);
  });

  it('pretty-prints JSON bodies for reading, and shows other bodies as they came', () => {
    expect(html).toContain('Response 200 <span class="muted">· JSON, pretty-printed</span>');
    expect(html).toContain('\n    &quot;name&quot;: &quot;Ada&quot;,\n');
    expect(html).toContain('<figcaption>Response 200</figcaption>');
  });

  it('gives the curl line and the replay command of each failure', () => {
    expect(textOf(html)).toContain(curlFor(s1Failure.exchanges[1]!, result.baseUrl));
    expect(html).toContain('npm run replay -- reports/failures/S1-1.json');
    expect(html).toContain('<a href="failures/A2-1.json">failures/A2-1.json</a>');
  });

  it('escapes everything: no script, and no external resource (self-contained)', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i);
    expect(html).not.toMatch(/(src|href|action)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import/i);
    const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(links.every((href) => href?.startsWith('#') || href?.startsWith('failures/'))).toBe(true);
  });
});
