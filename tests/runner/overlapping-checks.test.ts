/**
 * Checks that overlap on the lanes (suites/schedule.ts), end to end: against a backend whose bug several checks
 * of two groups find (rounds after a muted finding, shrinking, failing cases played again), the same seed still
 * makes each lane send the same requests in the same order, every request of a lane addresses only that lane's
 * customers, and the findings are the same; and a lane done with one group's last check goes on with the next
 * group's first while another lane still plays its share (no idle lane at a group boundary).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findVariant } from '../../backend/variants/catalogue.ts';
import type { Exchange } from '../../core/exchange.ts';
import type { ReportJson } from '../../reporting/report-json.ts';
import { CommandHosts } from '../support/command-hosts.ts';
import { serveBackend, TEST_TOKEN } from '../support/serve-backend.ts';

const work = mkdtempSync(join(tmpdir(), 'overlap-'));
const hosts = new CommandHosts(1);
afterAll(async () => {
  await hosts.close();
  rmSync(work, { recursive: true, force: true });
});

function byLane(dir: string): Map<string, string[]> {
  const lanes = new Map<string, string[]>();
  const lines = readFileSync(join(dir, 'exchanges.ndjson'), 'utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    const { request, role, lane } = JSON.parse(line) as Exchange;
    if (lane === undefined) continue; // set-up and clean-up run lanes at once
    const key = String(lane);
    lanes.set(key, [...(lanes.get(key) ?? []), JSON.stringify({ role, ...request })]);
  }
  return lanes;
}

const findings = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ReportJson).checks
    .filter((check) => check.failures.length > 0)
    .map((check) => `${check.id}: ${check.failures.map((f) => f.rule).join(',')}`);

describe('overlapping checks', () => {
  it('keep every lane’s requests and order for one seed, against a backend several checks fail', async () => {
    const broken = findVariant('saves-name-before-validation');
    if (!broken) throw new Error('the catalogue has no saves-name-before-validation variant');
    const dirs = [join(work, 'a'), join(work, 'b')];
    for (const dir of dirs) {
      // A fresh backend each time, so both runs meet the same ids.
      const served = await serveBackend(broken.build);
      try {
        const run = await hosts.run(
          [
            '--base-url',
            served.baseUrl,
            '--seed',
            '77',
            '--runs',
            '15',
            '--lanes',
            '3',
            '--only',
            'invalid-updates,stateful',
            '--report-dir',
            dir,
          ],
          { API_TOKEN: TEST_TOKEN },
        );
        expect(run.code, run.stderr.slice(-2000)).toBe(1);
      } finally {
        await served.server.close();
      }
    }
    const [first, second] = dirs.map(byLane);
    expect([...(first?.keys() ?? [])].sort()).toEqual(['0', '1', '2']);
    for (const [lane, requests] of first ?? []) expect(second?.get(lane), `lane ${lane}`).toEqual(requests);
    // Both checks of invalid-updates find the bug: the overlap had failures to shrink and replay.
    const found = findings(dirs[0] as string);
    expect(found.filter((f) => f.startsWith('invalid-')).length).toBe(2);
    expect(findings(dirs[1] as string)).toEqual(found);
    // Each lane addressed only its own customers.
    const fixtures = JSON.parse(readFileSync(join(dirs[0] as string, 'fixtures.json'), 'utf8')) as {
      lanes: { ids: Record<string, string> }[];
    };
    const ids = fixtures.lanes.map((lane) => Object.values(lane.ids));
    for (const [lane, requests] of first ?? []) {
      const others = ids.filter((_, index) => String(index) !== lane).flat();
      for (const request of requests) {
        const { path } = JSON.parse(request) as { path: string };
        expect(
          others.some((id) => path.endsWith(`/${id}`)),
          path,
        ).toBe(false);
      }
    }
  }, 180_000);

  it('go on across groups: a lane starts the next group’s first check while another still plays the last one’s', async () => {
    const dir = join(work, 'boundary');
    // 25 auth-updates cases over 3 lanes: lane 0 has one more than the others, which then have nothing of it left.
    const run = await hosts.run(
      [
        ...['--seed', '5', '--runs', '100', '--lanes', '3', '--embedded-delay', '20'],
        ...['--only', 'auth,identity', '--report-dir', dir],
      ],
      { API_TOKEN: TEST_TOKEN },
    );
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    const sent = readFileSync(join(dir, 'exchanges.ndjson'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Exchange)
      .filter((e) => e.lane !== undefined && e.sentAt !== undefined);
    // auth's cases send a refused credential; identity's first check (unknown-ids) addresses unknown ids.
    const authAnswered = Math.max(
      ...sent.filter((e) => e.spec.auth !== 'valid').map((e) => (e.sentAt ?? 0) + e.durationMs),
    );
    const unknown = sent.filter((e) => e.spec.target !== undefined && 'unknownId' in e.spec.target);
    expect(unknown.length).toBeGreaterThan(0);
    expect(Math.min(...unknown.map((e) => e.sentAt ?? Infinity))).toBeLessThan(authAnswered);
    // Each check is still reported on its own, with its cases.
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ReportJson;
    expect(report.checks.map((check) => check.id).sort()).toEqual([
      'auth-catalogue',
      'auth-updates',
      'id-spellings',
      'unknown-ids',
    ]);
    for (const check of report.checks) expect(Object.keys(check.cases).length, check.id).toBeGreaterThan(0);
  }, 180_000);
});
