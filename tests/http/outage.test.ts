/** The outage watch: one silent request is a case's R2; three in a row stop the run and say where. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../core/exchange.ts';
import { OutageWatch, readOutage, SILENT_IN_A_ROW } from '../../http/outage.ts';

let seq = 0;
const exchange = (answered: boolean): Exchange => ({
  seq: ++seq,
  role: 'update',
  spec: { op: 'read', target: { fixture: 'A' }, auth: 'valid' },
  request: { method: 'GET', path: '/unified/customer/cus_000001', headers: {} },
  ...(answered
    ? { response: { status: 200, headers: {}, text: '{}' } }
    : { error: 'no answer within 1000 ms' }),
  durationMs: 1,
});

const dirs: string[] = [];
function watch(): { watch: OutageWatch; file: string; abortFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'outage-watch-'));
  dirs.push(dir);
  const file = join(dir, 'results', '.outage');
  const abortFile = join(dir, 'results', '.interrupted');
  return { watch: new OutageWatch(file, abortFile), file, abortFile };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('outage watch', () => {
  it('lets single silent requests between answered ones pass: each is its case R2', () => {
    const { watch: w, file, abortFile } = watch();
    for (let i = 0; i < 10; i++) w.observe([exchange(true), exchange(false), exchange(false)]);
    expect(SILENT_IN_A_ROW).toBe(3);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(abortFile)).toBe(false);
  });

  it('stops the run after three in a row: the last answered, the first silent one, the abort file', () => {
    const { watch: w, file, abortFile } = watch();
    const answered = exchange(true);
    const first = exchange(false);
    w.observe([answered]);
    w.observe([first]);
    w.observe([exchange(false)]);
    expect(existsSync(abortFile)).toBe(false);
    w.observe([exchange(false)]);
    expect(existsSync(abortFile)).toBe(true);
    expect(readOutage(file)).toEqual({ unanswered: 3, lastAnswered: answered, inFlight: first });
  });

  it('counts a burst that goes unanswered as one: a deadlock on one customer is not an outage', () => {
    const { watch: w, file, abortFile } = watch();
    const burst = () => Array.from({ length: 12 }, () => exchange(false));
    w.observe(burst());
    expect(existsSync(abortFile)).toBe(false);
    w.observe([exchange(true)]);
    w.observe(burst());
    w.observe(burst());
    expect(existsSync(abortFile)).toBe(false);
    w.observe(burst());
    expect(readOutage(file)?.unanswered).toBe(3);
  });
});
