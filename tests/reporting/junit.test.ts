import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES } from '../../core/rules.ts';
import { toJunitXml } from '../../reporting/junit.ts';
import { escapeXml } from '../../reporting/markup.ts';
import { failureFiles, passingCheck, passingResult, result } from './fixtures.ts';
import { findAll, parseXml, type XmlElement } from './mini-xml.ts';

function testcases(root: XmlElement, suite: string): XmlElement[] {
  const element = findAll(root, 'testsuite').find((s) => s.attributes['name'] === suite);
  return element === undefined ? [] : findAll(element, 'testcase');
}

describe('toJunitXml', () => {
  it('passes: a passing run parses and lists one testcase per check and one per rule', () => {
    const root = parseXml(toJunitXml(passingResult));
    expect(root.name).toBe('testsuites');
    expect(root.attributes['failures']).toBe('0');
    expect(findAll(root, 'testsuite').map((s) => s.attributes['name'])).toEqual(['request-body', 'rules']);
    expect(
      testcases(root, 'request-body').map((c) => [c.attributes['classname'], c.attributes['name']]),
    ).toEqual([['B1,R2,A1', 'B1,R2,A1 Required fields missing, null or mistyped are rejected']]);
    const rules = testcases(root, 'rules');
    expect(rules.map((c) => c.attributes['name'])).toEqual(RULE_IDS.map((id) => `${id} ${RULES[id]}`));
    expect(findAll(root, 'failure')).toEqual([]);
    const skipped = rules.filter((c) => c.children.some((child) => child.name === 'skipped'));
    expect(skipped.map((c) => c.attributes['name']?.slice(0, 2))).not.toContain('B1');
    expect(skipped).toHaveLength(17);
  });

  it('fails with a useful message: the failing check carries the rule in its message and the formatted failure', () => {
    const xml = toJunitXml(result, failureFiles, { reportDir: 'reports' });
    const root = parseXml(xml);
    expect(root.attributes['failures']).toBe('6');
    const [echo] = testcases(root, 'stored-state');
    expect(echo?.attributes['name']).toBe('S1,S4,R1,R2 Valid updates are stored and echoed exactly');
    const failure = echo?.children.find((c) => c.name === 'failure');
    expect(failure?.attributes['message']).toBe(
      'S1 Every sent field is echoed exactly: Sent value not echoed (trimmed)',
    );
    expect(failure?.attributes['type']).toBe('S1');
    expect(failure?.text).toContain('Received: data.name = "Ada"');
    expect(failure?.text).toContain('<script>alert');
    expect(failure?.text).toContain('curl -i -X PUT "$BASE_URL/unified/customer/cus_000001"');
    expect(failure?.text).toContain('Replay: npm run replay -- reports/failures/S1-1.json');

    const [auth] = testcases(root, 'authentication');
    const authFailure = auth?.children.find((c) => c.name === 'failure');
    expect(authFailure?.attributes['message']).toMatch(
      /^A2 Missing or wrong credentials are refused: Wrong token accepted/,
    );
    expect(authFailure?.text).toContain('welcome admin\\u{0000}');

    const s1Rule = testcases(root, 'rules').find((c) => c.attributes['name']?.startsWith('S1 '));
    expect(s1Rule?.children[0]?.attributes['message']).toBe(
      'S1 Every sent field is echoed exactly: 1 of 18 cases failed (checks valid-updates)',
    );
  });

  it('stays valid XML whatever a title, an error or a body holds', () => {
    const nasty = 'a\u0000b\u0007c\ud800d\uFFFEe & <x> "q" \'a\' ]]> \r\n\t end';
    const broken = { ...passingCheck, id: 'weird', title: nasty, error: nasty };
    const xml = toJunitXml({ ...result, checks: [...result.checks, broken] }, failureFiles);
    const root = parseXml(xml);
    const weird = testcases(root, 'request-body').find((c) => c.attributes['name']?.endsWith('end'));
    expect(weird?.attributes['name']).toBe('B1,R2,A1 abcde & <x> "q" \'a\' ]]> \r\n\t end');
    expect(weird?.children.find((c) => c.name === 'error')?.attributes['message']).toContain(
      'check could not run: abcde',
    );
    expect(root.attributes['errors']).toBe('1');
  });
});

describe('escapeXml', () => {
  it('escapes markup and removes what XML 1.0 forbids', () => {
    expect(escapeXml('\u0000<a href="x">&\'</a>\u001f\udfff\ud800\uFFFF\t\n\r😀')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;\t\n&#13;😀',
    );
  });
});
