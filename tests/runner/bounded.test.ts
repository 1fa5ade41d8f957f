/**
 * The command line always ends with 0, 1 or 2 and a line: an embedded backend that never listens, or whose close
 * never completes, and a run left waiting on nothing, are bounded.
 */
import { createServer, Server } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../backend/http-server.ts';
import { serve } from '../../backend/http-server.ts';
import { withinTime } from '../../runner/bounded.ts';
import { TargetError } from '../../runner/target-error.ts';
import { checkOptions } from '../../runner/options.ts';
import { boundedServer, EMBEDDED_BOUNDS, openTarget } from '../../runner/target.ts';
import { loadContract } from '../../contracts/load.ts';
import { ROOT, runScript } from '../support/run-cli.ts';

const never = <T>() => new Promise<T>(() => {});
const BOUNDS = { startMs: 200, stopMs: 200 };

describe('withinTime', () => {
  it('gives the work when it settles in time, and the fallback (or its error) when it does not', async () => {
    await expect(withinTime(Promise.resolve(1), 1000, () => 2)).resolves.toBe(1);
    await expect(withinTime(never<number>(), 20, () => 2)).resolves.toBe(2);
    await expect(
      withinTime(never<number>(), 20, () => {
        throw new TargetError('late');
      }),
    ).rejects.toThrow('late');
    await expect(withinTime(Promise.reject(new Error('no')), 1000, () => 2)).rejects.toThrow('no');
  });
});

describe('the embedded backend, bounded', () => {
  it('that never starts listening: a one-line TargetError naming the bound, not a hang', async () => {
    const started = Date.now();
    const error = await boundedServer(never<RunningServer>(), BOUNDS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetError);
    expect((error as Error).message).toMatch(/did not start listening within 0\.2 s; pass --base-url/);
    expect((error as Error).message).not.toContain('\n');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('that fails to start: a TargetError with the reason', async () => {
    const error = await boundedServer(Promise.reject(new Error('listen EADDRINUSE')), BOUNDS).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TargetError);
    expect((error as Error).message).toMatch(/could not start \(listen EADDRINUSE\)/);
  });

  it('whose close never completes: stop still resolves, within its bound', async () => {
    const stuck: RunningServer = { origin: 'http://127.0.0.1:1', port: 1, close: never };
    const server = await boundedServer(Promise.resolve(stuck), BOUNDS);
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('that starts and closes: the real server, stopped at once', async () => {
    const server = await boundedServer(
      serve(async () => ({ status: 204, headers: {}, body: '' })),
      { startMs: 10_000, stopMs: 10_000 },
    );
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('a command left waiting on nothing', () => {
  it('ends with exit 2 and one line instead of exit 13 and silence', async () => {
    const result = await runScript(join(ROOT, 'tests/runner/fixtures/never-settles.ts'), []);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^customer-conformance: internal error: .*no verdict.*\n$/);
    expect(result.stdout).toBe('');
  });
});

describe('an app in process, bounded', () => {
  it("the run's end does not wait for an app server whose close never completes", async () => {
    const server = createServer((_request, response) => response.end());
    // A close that never calls back, as a server holding an upgraded (WebSocket) connection open behaves.
    server.close = (() => server) as unknown as typeof server.close;
    const options = checkOptions({ app: server, token: 'secret-token' });
    const target = await openTarget(options, loadContract());
    const started = Date.now();
    await target.stop();
    expect(Date.now() - started).toBeLessThan(EMBEDDED_BOUNDS.stopMs + 2_000);
    server.closeAllConnections();
    Server.prototype.close.call(server);
  });
});
