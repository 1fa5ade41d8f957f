/** Where the report-page test looks for a browser, and when a missing one is a skip or a failure. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from './find-browser.ts';

const root = mkdtempSync(join(tmpdir(), 'find-browser-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder holding executable stubs of the given names (and `plain`, a file that is not executable). */
function bin(name: string, commands: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const command of commands) {
    writeFileSync(join(dir, command), '#!/bin/sh\n');
    chmodSync(join(dir, command), 0o755);
  }
  writeFileSync(join(dir, 'plain'), '');
  return dir;
}

describe('findBrowser', () => {
  const none = bin('none', []);
  const both = bin('both', ['google-chrome', 'chromium']);
  const chromeOnly = bin('chrome-only', ['google-chrome-stable']);

  it('finds chromium before google-chrome on PATH, and the later PATH entries too', () => {
    expect(findBrowser({ PATH: `${none}:${both}` }, 'linux')).toEqual({
      found: true,
      path: join(both, 'chromium'),
      via: 'PATH',
    });
    expect(findBrowser({ PATH: `${none}:${chromeOnly}` }, 'linux')).toMatchObject({
      found: true,
      path: join(chromeOnly, 'google-chrome-stable'),
    });
  });

  it('takes the browser a variable names first, as a path or as a command on PATH', () => {
    const named = join(chromeOnly, 'google-chrome-stable');
    expect(findBrowser({ PATH: both, CONFORMANCE_BROWSER: named }, 'linux')).toEqual({
      found: true,
      path: named,
      via: 'CONFORMANCE_BROWSER',
    });
    expect(
      findBrowser({ PATH: `${both}:${chromeOnly}`, CHROME_PATH: 'google-chrome-stable' }, 'linux'),
    ).toEqual({
      found: true,
      path: named,
      via: 'CHROME_PATH',
    });
  });

  it('without a browser: a skip that says how to install one, unless one is required', () => {
    const skipped = findBrowser({ PATH: none }, 'linux');
    expect(skipped).toMatchObject({ found: false, required: false });
    expect(!skipped.found && skipped.reason).toContain('apt-get install -y chromium');
    for (const value of ['', '0', 'false']) {
      expect(findBrowser({ PATH: none, CONFORMANCE_REQUIRE_BROWSER: value }, 'linux')).toMatchObject({
        required: false,
      });
    }
    const required = findBrowser({ PATH: none, CONFORMANCE_REQUIRE_BROWSER: '1' }, 'linux');
    expect(required).toMatchObject({ found: false, required: true });
    expect(!required.found && required.reason).toContain('CONFORMANCE_REQUIRE_BROWSER=1 asks for one');
  });

  it('a variable naming no executable browser is a failure, not a skip nor a fallback to PATH', () => {
    for (const value of [join(none, 'plain'), join(none, 'missing'), 'no-such-browser']) {
      const lookup = findBrowser({ PATH: both, CONFORMANCE_BROWSER: value }, 'linux');
      expect(lookup).toMatchObject({ found: false, required: true });
      expect(!lookup.found && lookup.reason).toContain(
        `CONFORMANCE_BROWSER=${value} is not an executable browser`,
      );
    }
  });
});
