/**
 * The gate on new findings, end to end through the command line (issue 18): a baseline written, then gated on;
 * a known finding does not hide a new one in the same check; regressions fail even when known; the reference
 * with a baseline has every entry "not seen"; bad baseline files are exit 2 with one line. Runs share a
 * long-lived command-line host (tests/support/command-hosts.ts).
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSteps } from '../../backend/variants/kit.ts';
import type { ReferenceOptions } from '../../backend/reference-backend.ts';
import type { BaselineFile } from '../../core/baseline.ts';
import type { FailureFile } from '../../core/failure-file.ts';
import type { ReportJson } from '../../reporting/report-json.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { serveBackend, TEST_TOKEN, type Served } from '../support/serve-backend.ts';

const hosts = new CommandHosts(1);
const work = mkdtempSync(join(tmpdir(), 'gate-cli-'));
const noRegressions = join(work, 'no-regressions');
mkdirSync(noRegressions);

/** Two bugs a developer fixes separately, caught by the same check under the same rule: trimmed names, lower-cased emails. */
const twoBugs = (options: ReferenceOptions) =>
  withSteps(options, {
    storeString(value: string, field: string) {
      if (field === 'name') return value.trim();
      if (field === 'email') return value.toLowerCase();
      return value;
    },
  }).handler;

let broken: Served;
let reference: Served;
beforeAll(async () => {
  broken = await serveBackend(twoBugs);
  reference = await serveBackend();
});
afterAll(async () => {
  await hosts.close();
  await broken.server.close();
  await reference.server.close();
  rmSync(work, { recursive: true, force: true });
});

function run(served: Served, name: string, args: string[]) {
  const reportDir = join(work, name);
  const common = [
    '--base-url',
    served.baseUrl,
    '--report-dir',
    reportDir,
    '--regressions-dir',
    noRegressions,
  ];
  return hosts.run([...common, ...args], { API_TOKEN: TEST_TOKEN }).then((cli) => ({
    cli,
    reportDir,
    report: () => JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as ReportJson,
    text: (file: string) => readFileSync(join(reportDir, file), 'utf8'),
  }));
}

function baselineFile(
  name: string,
  entries: { fingerprint: string; reason?: string; rule?: string }[],
): string {
  const path = join(work, `${name}.json`);
  const findings = entries.map((e) => ({
    fingerprint: e.fingerprint,
    rule: e.rule ?? e.fingerprint.split('/')[0],
    title: 'known',
    reason: e.reason ?? '',
  }));
  writeFileSync(path, JSON.stringify({ format: 'customer-conformance/baseline@1', findings }, null, 2));
  return path;
}

// Each run is a whole command line against a served backend: minutes on a loaded 2-core machine.
describe('gating on new findings', { timeout: 300_000 }, () => {
  it('a known finding does not hide a new one in the same check: exit 1 naming the new one', async () => {
    const baseline = baselineFile('trim-known', [
      { fingerprint: 'S1/trimmed', reason: 'JIRA-123, fix in 2.4' },
    ]);
    const r = await run(broken, 'two-bugs', ['--seed', '11', '--only', 'S1', '--baseline', baseline]);
    expect(r.cli.code, r.cli.stderr).toBe(1);
    expect(r.cli.stdout).toMatch(/^ {2}NEW {3}S1\/case-folded /m);
    expect(r.cli.stdout).toMatch(/^ {2}KNOWN S1\/trimmed .*known: JIRA-123, fix in 2\.4$/m);
    expect(r.cli.stdout).toMatch(/Verdict: NEW FINDINGS: .*S1\/case-folded/);

    const report = r.report();
    expect(report.exitCode).toBe(1);
    expect(report.baseline?.new).toEqual(['S1/case-folded']);
    expect(report.baseline?.known).toEqual([{ fingerprint: 'S1/trimmed', reason: 'JIRA-123, fix in 2.4' }]);
    expect(report.baseline?.notSeen).toEqual([]);
    expect(report.findings.map((f) => [f.fingerprint, f.status])).toEqual([
      ['S1/case-folded', 'new'],
      ['S1/trimmed', 'known'],
    ]);
    // Each failure file names its findings.
    const files = readdirSync(join(r.reportDir, 'failures')).map(
      (f) => JSON.parse(r.text(join('failures', f))) as FailureFile,
    );
    expect([...new Set(files.flatMap((f) => f.fingerprints ?? []))].sort()).toEqual([
      'S1/case-folded',
      'S1/trimmed',
    ]);

    // junit.xml: the known finding is a skipped test case carrying its reason; the new one fails.
    const junit = r.text('junit.xml');
    expect(junit).toMatch(
      /<testcase classname="findings" name="S1\/trimmed [^"]*" time="0.000">\s*<skipped message="known: JIRA-123, fix in 2.4"\/>/,
    );
    expect(junit).toMatch(
      /<testcase classname="findings" name="S1\/case-folded [^"]*" time="0.000">\s*<failure /,
    );
    // summary.md and report.html: new first, known folded below.
    const md = r.text('summary.md');
    expect(md.split('\n')[0]).toBe('## ❌ Unified Customer API conformance: 1 new finding (1 known)');
    expect(md.indexOf('NEW `S1/case-folded`')).toBeLessThan(
      md.indexOf('<details><summary>Known findings (1)'),
    );
    expect(md.indexOf('<details><summary>Known findings (1)')).toBeLessThan(md.indexOf('KNOWN `S1/trimmed`'));
    const html = r.text('report.html');
    expect(html).toContain('NEW FINDINGS: 1');
    expect(html.indexOf('<code>S1/case-folded</code>')).toBeLessThan(html.indexOf('<details class="known">'));
    expect(html).toContain('known: JIRA-123, fix in 2.4');
  });

  it('--write-baseline records every finding, sorted; gating on it passes, and writing it again changes nothing', async () => {
    const path = join(work, 'written', 'baseline.json');
    const first = await run(broken, 'write-1', ['--seed', '5', '--only', 'S1', '--write-baseline', path]);
    expect(first.cli.code, first.cli.stderr).toBe(0);
    expect(first.cli.stdout).toContain(`Baseline written: ${path} (2 findings)`);
    const written = JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
    expect(written.format).toBe('customer-conformance/baseline@1');
    expect(written.findings.map((f) => f.fingerprint)).toEqual(['S1/case-folded', 'S1/trimmed']);
    for (const entry of written.findings) {
      expect(entry).toMatchObject({ rule: 'S1', reason: '' });
      expect(entry.title).not.toBe('');
      expect(entry.failureFile).toMatch(/^failures\/S1-\d+\.json$/);
      expect(entry.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // A person fills in a reason; gating at another seed passes, and the reason shows.
    written.findings[0]!.reason = 'wontfix: lookups need it';
    writeFileSync(path, JSON.stringify(written, null, 2) + '\n');
    const before = readFileSync(path, 'utf8');
    const gated = await run(broken, 'gate-1', ['--seed', '6', '--only', 'S1', '--baseline', path]);
    expect(gated.cli.code, gated.cli.stdout).toBe(0);
    expect(gated.cli.stdout).toMatch(/Verdict: NO NEW FINDINGS: 2 findings: 0 new, 2 known/);
    expect(gated.cli.stdout).toContain('known: wontfix: lookups need it');
    // Rewritten at another seed on the unchanged backend: the same file, byte for byte (reasons kept).
    const again = await run(broken, 'write-2', ['--seed', '8', '--only', 'S1', '--write-baseline', path]);
    expect(again.cli.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('the reference with a baseline of findings: exit 0, every entry "not seen"; an unknown rule is a warning', async () => {
    const baseline = baselineFile('stale', [
      { fingerprint: 'S1/trimmed', reason: 'JIRA-1' },
      { fingerprint: 'R2/5xx/control' },
      { fingerprint: 'Z9/from-a-newer-suite' },
    ]);
    const r = await run(reference, 'reference', ['--seed', '3', '--only', 'S1,R2', '--baseline', baseline]);
    expect(r.cli.code, r.cli.stdout).toBe(0);
    expect(r.cli.stdout).toContain(
      'Baseline entries not seen this run: fixed? remove it from the baseline (3):',
    );
    for (const f of ['S1/trimmed', 'R2/5xx/control', 'Z9/from-a-newer-suite'])
      expect(r.cli.stdout).toMatch(new RegExp(`^ {2}- ${f.replace(/\//g, '\\/')} `, 'm'));
    expect(r.cli.stdout).toMatch(
      /note: baseline file .*Z9\/from-a-newer-suite names rule "Z9", which the contract does not have/,
    );
    const report = r.report();
    expect(report.baseline?.notSeen.map((e) => e.fingerprint)).toEqual([
      'S1/trimmed',
      'R2/5xx/control',
      'Z9/from-a-newer-suite',
    ]);
    expect(report.baseline?.new).toEqual([]);
    expect(r.text('junit.xml')).toMatch(
      /name="S1\/trimmed known" time="0.000">\s*<skipped message="not seen this run: fixed\? remove it from the baseline \(known: JIRA-1\)"\/>/,
    );
  });

  it('a saved regression that comes back fails the run even when its fingerprint is known', async () => {
    const first = await run(broken, 'for-regression', ['--seed', '5', '--only', 'S1']);
    expect(first.cli.code).toBe(1);
    const regressions = join(work, 'regressions');
    mkdirSync(regressions);
    const files = readdirSync(join(first.reportDir, 'failures'));
    copyFileSync(join(first.reportDir, 'failures', files[0]!), join(regressions, 'saved.json'));
    const baseline = baselineFile('all-known', [
      { fingerprint: 'S1/trimmed' },
      { fingerprint: 'S1/case-folded' },
    ]);
    const reportDir = join(work, 'regression-run');
    const cli = await hosts.run(
      [
        '--base-url',
        broken.baseUrl,
        '--report-dir',
        reportDir,
        '--regressions-dir',
        regressions,
        '--seed',
        '5',
        '--only',
        'regressions',
        '--baseline',
        baseline,
      ],
      { API_TOKEN: TEST_TOKEN },
    );
    expect(cli.code, cli.stdout).toBe(1);
    expect(cli.stdout).toMatch(/^ {2}REGRESSION S1\//m);
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as ReportJson;
    expect(report.baseline?.regressions).toHaveLength(1);
  });
});

describe('bad baseline files: exit 2 and one line', () => {
  const cases: [string, () => string, RegExp][] = [
    [
      'missing',
      () => join(work, 'nope.json'),
      /baseline file .*nope\.json not found: write one with --write-baseline/,
    ],
    ['not JSON', () => writeAt('broken.json', '{"format": '), /baseline file .*broken\.json is not JSON/],
    [
      'another format version',
      () => writeAt('v2.json', JSON.stringify({ format: 'customer-conformance/baseline@2', findings: [] })),
      /has format "customer-conformance\/baseline@2", but this suite reads "customer-conformance\/baseline@1"/,
    ],
    [
      'an entry without a fingerprint',
      () =>
        writeAt(
          'nofp.json',
          JSON.stringify({
            format: 'customer-conformance/baseline@1',
            findings: [{ rule: 'S1', reason: 'x' }],
          }),
        ),
      /entry 1 of "findings" has no "fingerprint"/,
    ],
  ];
  function writeAt(name: string, text: string): string {
    const path = join(work, name);
    writeFileSync(path, text);
    return path;
  }
  for (const [what, file, message] of cases) {
    it(`${what}`, async () => {
      const cli = await hosts.run(['--base-url', reference.baseUrl, '--baseline', file()], {
        API_TOKEN: TEST_TOKEN,
      });
      expect(cli.code).toBe(2);
      const lines = cli.stderr.trim().split('\n');
      expect(lines, cli.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^customer-conformance: /);
      expect(lines[0]).toMatch(message);
      expect(cli.stdout).not.toMatch(/Verdict/);
    });
  }
  it('CONFORMANCE_BASELINE is --baseline from the environment', async () => {
    const cli = await hosts.run(['--base-url', reference.baseUrl], {
      API_TOKEN: TEST_TOKEN,
      CONFORMANCE_BASELINE: join(work, 'from-env.json'),
    });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/baseline file .*from-env\.json not found/);
  });
});
