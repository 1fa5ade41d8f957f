/**
 * report.html as a person sees it: a headless Chromium-family browser renders the fixture report to a PNG and
 * dumps its DOM. Without a browser both tests are skipped, saying why and how to install one; with
 * CONFORMANCE_REQUIRE_BROWSER=1 (CI) or a CONFORMANCE_BROWSER that names no browser, they fail instead.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { toHtml } from '../../reporting/html.ts';
import { failureFiles, result } from './fixtures.ts';
import { findBrowser } from '../support/find-browser.ts';

const run = promisify(execFile);
const browser = findBrowser();
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

/** The browser to use, or the test skipped (or failed, where a browser is required) with the reason. */
function browserPath(ctx: TestContext): string {
  if (browser.found) return browser.path;
  if (browser.required) throw new Error(browser.reason);
  return ctx.skip(`skipped: ${browser.reason}`);
}

async function chromium(ctx: TestContext, profile: string, extra: string[]): Promise<string> {
  const { stdout } = await run(browserPath(ctx), [...chromiumArgs(profile), ...extra, `file://${page}`], {
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

beforeAll(() => {
  // Printed once in the default reporter's output, where a skip note alone would not show.
  if (!browser.found && !browser.required)
    console.warn(`report.html in a browser: skipped: ${browser.reason}`);
  writeFileSync(page, toHtml(result, failureFiles, { reportDir: 'reports' }), 'utf8');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('report.html in a headless browser', () => {
  it('renders to a screenshot of the full window', async (ctx) => {
    const png = join(work, 'report.png');
    await chromium(ctx, 'profile-shot', [`--screenshot=${png}`]);
    expect(existsSync(png), `no screenshot at ${png}`).toBe(true);
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      true,
    );
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 1600]);
    expect(bytes.length).toBeGreaterThan(20_000);
  });

  it('shows the failures in the DOM it builds, and runs no script from a body', async (ctx) => {
    const dom = await chromium(ctx, 'profile-dom', ['--dump-dom']);
    expect(dom).toContain('<section class="card failure" id="failure-1-S1">');
    expect(dom).toContain('<span class="rule">S1</span>');
    expect(dom).toContain('<strong>trimmed</strong>');
    expect(dom).toContain('<span class="rule">A2</span>');
    expect(dom).toContain('&lt;script&gt;alert');
    expect(dom).not.toMatch(/<script/i);
    expect(dom).toContain('npm run replay -- reports/failures/S1-1.json');
  });
});
