/**
 * report.html as a person sees it: headless Chromium renders the fixture report to a PNG and dumps its DOM.
 * Not skipped when Chromium is missing: it fails and says how to install it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHtml } from '../../reporting/html.ts';
import { failureFiles, result } from './fixtures.ts';

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'html-in-browser-'));
const page = join(work, 'report.html');

function chromiumArgs(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${join(work, profile)}`,
    '--window-size=1280,1600',
  ];
}

async function chromium(profile: string, extra: string[]): Promise<string> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install chromium (apt-get install -y chromium)`);
  }
  const { stdout } = await run(CHROMIUM, [...chromiumArgs(profile), ...extra, `file://${page}`], {
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

beforeAll(() => {
  writeFileSync(page, toHtml(result, failureFiles, { reportDir: 'reports' }), 'utf8');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('report.html in Chromium', () => {
  it('renders to a screenshot of the full window', async () => {
    const png = join(work, 'report.png');
    await chromium('profile-shot', [`--screenshot=${png}`]);
    expect(existsSync(png), `no screenshot at ${png}`).toBe(true);
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      true,
    );
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 1600]);
    expect(bytes.length).toBeGreaterThan(20_000);
  });

  it('shows the failures in the DOM it builds, and runs no script from a body', async () => {
    const dom = await chromium('profile-dom', ['--dump-dom']);
    expect(dom).toContain('<section class="card failure" id="failure-1-S1">');
    expect(dom).toContain('<span class="rule">S1</span>');
    expect(dom).toContain('<strong>trimmed</strong>');
    expect(dom).toContain('<span class="rule">A2</span>');
    expect(dom).toContain('&lt;script&gt;alert');
    expect(dom).not.toMatch(/<script/i);
    expect(dom).toContain('npm run replay -- reports/failures/S1-1.json');
  });
});
