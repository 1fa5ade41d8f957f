/**
 * The API's options: checked by the same function as the command line's flags, named as the caller spells them,
 * refused with a typed error before anything runs; an app in process served and closed as supertest does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkOptions, parseOptions, UsageError } from '../../runner/options.ts';
import { runConformance, ConformanceOptionsError } from '../../runner/run-conformance.ts';
import { rerunCommand } from '../../runner/run.ts';
import { serveApp } from '../../runner/serve-app.ts';

const listener = (_request: unknown, response: { end(text: string): void }) => response.end('ok');

describe('checkOptions', () => {
  it('gives the same RunOptions for the API object as for the flags', () => {
    const api = checkOptions({
      baseUrl: 'http://x.test/api/',
      token: 't',
      seed: 5,
      runs: 20,
      only: ['S1'],
      lanes: 3,
    });
    const cli = parseOptions(
      [
        '--base-url',
        'http://x.test/api/',
        '--token',
        't',
        '--seed',
        '5',
        '--runs',
        '20',
        '--only',
        'S1',
        '--lanes',
        '3',
      ],
      {},
    );
    expect(api).toEqual(cli);
    expect(api).toMatchObject({ baseUrl: 'http://x.test/api', seed: 5, seedGiven: true, runs: 20, lanes: 3 });
  });

  it('gives one lane per request the cap lets in flight, unless told otherwise, and a re-run keeps the lanes', () => {
    // Each lane has one request in flight at a time: fewer lanes than --concurrency would leave the cap unfilled.
    expect(checkOptions({}).lanes).toBe(16);
    expect(checkOptions({}).concurrency).toBe(16);
    const fewer = parseOptions(['--concurrency', '4', '--seed', '3'], {});
    expect(fewer.lanes).toBe(4);
    // The re-run uses the default cap: it must name the lanes the cases were spread over.
    expect(rerunCommand(fewer)).toMatch(/ --lanes 4$/);
    expect(checkOptions({ concurrency: 200 }).lanes).toBe(64);
    expect(checkOptions({ concurrency: 32, lanes: 2 }).lanes).toBe(2);
    expect(rerunCommand(checkOptions({ seed: 3 }))).not.toMatch(/--lanes/);
  });

  it.each([
    [{ runs: 0 }, /^runs must be a whole number from 1 to 1000000, got "0"$/],
    [{ seed: 1.5 }, /^seed must be a whole number/],
    [{ only: ['Z9'] }, /^only takes rule ids/],
    [{ putSemantics: 'upsert' }, /^putSemantics must be merge, replace or either/],
    [{ baseUrl: 'http://x.test' }, /needs a bearer token: set API_TOKEN \(or pass token\)/],
    [{ app: listener }, /^an app needs the bearer token it accepts: pass token$/],
    [{ app: listener, baseUrl: 'http://x.test', token: 't' }, /^give app or baseUrl, not both$/],
    [{ app: 'express', token: 't' }, /^app must be a request listener/],
    [{ app: listener, token: 't', basePath: 'api' }, /^basePath must be a path such as "\/api\/v1"/],
    [{ basePath: '/api' }, /^basePath goes with app/],
    [{ runz: 5 }, /^unknown option "runz"$/],
    [{ bail: 'yes' }, /^bail must be true or false/],
  ])('refuses %j', (given, message) => {
    expect(() => checkOptions(given as never)).toThrow(UsageError);
    expect(() => checkOptions(given as never)).toThrow(message);
  });

  it('takes an app with a base path, trailing slash dropped, and needs no base URL', () => {
    expect(checkOptions({ app: listener, token: 't', basePath: '/api/v1/' })).toMatchObject({
      app: listener,
      basePath: '/api/v1',
    });
  });

  it('the re-run command of an app in process is the same call with the seed', () => {
    const options = checkOptions({ app: listener, token: 't', seed: 9 });
    expect(rerunCommand(options)).toBe('the same runConformance call with { seed: 9 }');
    expect(rerunCommand(checkOptions({ seed: 9, runs: 5 }))).toBe('npm start -- --seed 9 --runs 5');
  });
});

describe('runConformance, refused before it runs', () => {
  it('throws a ConformanceOptionsError for bad options, naming the API option', async () => {
    await expect(runConformance({ lanes: 99 })).rejects.toThrow(ConformanceOptionsError);
    await expect(runConformance({ lanes: 99 })).rejects.toThrow(
      /^runConformance: lanes must be a whole number/,
    );
  });

  it('throws a ConformanceOptionsError for a contract folder that is not one', async () => {
    await expect(runConformance({ contractDir: '/nonexistent-contract' })).rejects.toThrow(
      /point contractDir at a valid contract/,
    );
  });
});

describe('serveApp', () => {
  it('serves a request listener on a loopback port and closes it', async () => {
    const served = await serveApp(listener as never);
    expect(served.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${served.origin}/x`)).text()).toBe('ok');
    await served.close();
    await expect(fetch(`${served.origin}/x`)).rejects.toThrow();
  });

  it('starts an http.Server that is not listening and closes it after; leaves one already listening open', async () => {
    const idle = createServer(listener as never);
    const served = await serveApp(idle);
    expect(idle.listening).toBe(true);
    await served.close();
    expect(idle.listening).toBe(false);

    const running = createServer(listener as never);
    await new Promise<void>((done) => running.listen(0, '127.0.0.1', done));
    const reused = await serveApp(running);
    expect(reused.origin).toBe(`http://127.0.0.1:${(running.address() as AddressInfo).port}`);
    await reused.close();
    expect(running.listening).toBe(true);
    await new Promise((done) => running.close(done));
  });
});
