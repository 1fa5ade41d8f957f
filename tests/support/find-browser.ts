/**
 * Finds a headless-capable Chromium-family browser where people usually have one, for the report-page test:
 * CONFORMANCE_BROWSER (or CHROME_PATH) naming it, then the usual command names on PATH, then the usual install
 * paths of macOS and Windows. CONFORMANCE_REQUIRE_BROWSER=1 (set by .ci/run) turns "none found" into a failure.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export const BROWSER_VARIABLES = ['CONFORMANCE_BROWSER', 'CHROME_PATH'] as const;
export const REQUIRE_VARIABLE = 'CONFORMANCE_REQUIRE_BROWSER';

/** Chromium and its relatives: all take --headless, --screenshot and --dump-dom. */
const COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'google-chrome-beta',
  'chrome',
  'microsoft-edge',
  'microsoft-edge-stable',
  'brave-browser',
];

const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: apt-get install -y chromium; macOS: brew install --cask chromium) ' +
  'or point CONFORMANCE_BROWSER at a Chrome, Chromium or Edge binary';

export type BrowserLookup =
  | { found: true; path: string; via: string }
  /** `required`: the run asked for a browser (CONFORMANCE_REQUIRE_BROWSER, or a variable naming a missing one). */
  | { found: false; required: boolean; reason: string };

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(command: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const dirs = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  const names = platform === 'win32' ? [`${command}.exe`] : [command];
  for (const dir of dirs) {
    for (const name of names) {
      const path = join(dir, name);
      if (executable(path)) return path;
    }
  }
  return undefined;
}

function installPaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (root): root is string => root !== undefined && root !== '',
    );
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return [];
}

/** Any value but empty, 0 or false asks for a browser. */
export function requiresBrowser(env: NodeJS.ProcessEnv): boolean {
  const value = env[REQUIRE_VARIABLE]?.trim().toLowerCase() ?? '';
  return value !== '' && value !== '0' && value !== 'false';
}

export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): BrowserLookup {
  for (const variable of BROWSER_VARIABLES) {
    const value = env[variable]?.trim();
    if (!value) continue;
    // A variable that names a browser is a request for that one: a wrong value fails instead of skipping.
    const path = isAbsolute(value) || value.includes('/') ? value : onPath(value, env, platform);
    if (path !== undefined && executable(path)) return { found: true, path, via: variable };
    return {
      found: false,
      required: true,
      reason: `${variable}=${value} is not an executable browser: fix it, or unset it to look on PATH`,
    };
  }
  for (const command of COMMANDS) {
    const path = onPath(command, env, platform);
    if (path !== undefined) return { found: true, path, via: 'PATH' };
  }
  for (const path of installPaths(env, platform)) {
    if (executable(path)) return { found: true, path, via: 'install path' };
  }
  const required = requiresBrowser(env);
  const asked = required ? `, and ${REQUIRE_VARIABLE}=${env[REQUIRE_VARIABLE]} asks for one` : '';
  return {
    found: false,
    required,
    reason: `no Chromium-family browser found (looked at ${BROWSER_VARIABLES.join(', ')} and for ${COMMANDS.join(', ')} on PATH)${asked}: ${INSTALL_HINT}`,
  };
}
