/** The runner's command line turns a bad contract folder into one line on stderr and exit code 2. */
import { afterAll, describe, expect, it } from 'vitest';
import { CommandHosts } from '../support/command-hosts.ts';
import { copyContract, editJson, removeCopies } from './contract-dir.ts';

// The command line's code in a long-lived host: a process start-up per case buys nothing here.
const hosts = new CommandHosts(1);
afterAll(async () => {
  await hosts.close();
  removeCopies();
});
const cli = (args: string[]) => hosts.run(args);

function expectOneLineError(stderr: string, file: string): string {
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(lines, stderr).toHaveLength(1);
  const line = lines[0] ?? '';
  expect(line.startsWith('customer-conformance:')).toBe(true);
  expect(line).toContain(file);
  expect(stderr).not.toContain('    at ');
  return line;
}

describe('customer-conformance --contract-dir <bad folder>', () => {
  it('a tolerance out of range: exit 2, one line naming the file and the pointer', async () => {
    const dir = copyContract();
    editJson(dir, 'tolerances.json', (t) => ((t['statuses'] as Record<string, unknown>)['reject'] = [200]));
    const result = await cli(['--contract-dir', dir]);
    expect(result.code).toBe(2);
    const line = expectOneLineError(result.stderr, 'tolerances.json');
    expect(line).toContain('/statuses/reject/0');
    expect(result.stdout).toBe('');
  });

  it('a folder that does not exist: exit 2, one line naming the file it could not read', async () => {
    const result = await cli(['--contract-dir', '/nonexistent/contract-dir']);
    expect(result.code).toBe(2);
    const line = expectOneLineError(result.stderr, 'schemas/update-request.schema.json');
    expect(line).toContain('--contract-dir');
  });
});
