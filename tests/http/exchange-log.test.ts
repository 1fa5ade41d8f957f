/** The exchange log numbers exchanges across writers and counts a log far larger than one chunk. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../core/exchange.ts';
import { countLines, ExchangeLog } from '../../http/exchange-log.ts';

const dir = mkdtempSync(join(tmpdir(), 'exchange-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exchange = (role: string): Exchange => ({
  seq: 0,
  role,
  spec: { op: 'read', auth: 'valid' },
  request: { method: 'GET', path: '/x', headers: {} },
  durationMs: 1,
});

describe('countLines', () => {
  it('is 0 for a missing or empty file', () => {
    expect(countLines(join(dir, 'missing'))).toBe(0);
    writeFileSync(join(dir, 'empty'), '');
    expect(countLines(join(dir, 'empty'))).toBe(0);
  });

  it('counts lines across chunk boundaries of a multi-megabyte file', () => {
    const line = `${'x'.repeat(999)}\n`; // 1000 bytes: lines straddle the 1 MiB chunks
    writeFileSync(join(dir, 'big'), line.repeat(3500));
    expect(countLines(join(dir, 'big'))).toBe(3500);
  });
});

describe('ExchangeLog', () => {
  it('carries on the numbering of a log another writer started', () => {
    const path = join(dir, 'log.ndjson');
    const first = new ExchangeLog(path);
    first.append([exchange('a'), exchange('b')].map((e) => ({ ...e, seq: first.reserve() })));
    const second = new ExchangeLog(path);
    expect(second.reserve()).toBe(3);
    expect(countLines(path)).toBe(2);
  });
});
