/**
 * The regression corpus: every saved failure file in the regressions folder is replayed first, with its exact
 * requests, and judged again; each is reported under its own name.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test } from 'vitest';
import type { CheckResult } from '../core/result.ts';
import { readFailureFile } from './failure-file-io.ts';
import { harness, recordResult } from './harness.ts';
import { replaySaved } from './replay-saved.ts';
import { suiteEnv } from './env.ts';

const env = suiteEnv();
const dir = env.regressionsDir;
const files =
  dir && existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
const wanted = (rule: string) =>
  env.only.length === 0 || env.only.includes('regressions') || env.only.includes(rule);

for (const name of files) {
  const path = join(dir as string, name);
  const saved = readFailureFile(path);
  if (!wanted(saved.rule)) continue;
  const id = `regression:${basename(name, '.json')}`;
  test(`${saved.rule} regression ${name}: ${saved.title}`, async ({ task }) => {
    const h = harness();
    const started = performance.now();
    const run = await h.run(id);
    const { failure, judged } = await replaySaved(saved, id, h.client, run.ctx);
    const failures = failure ? [failure] : [];
    const result: CheckResult = {
      id,
      title: `regression ${name}: ${saved.title}`,
      suite: 'regressions',
      rules: [saved.rule],
      cases: Object.fromEntries(judged.map((rule) => [rule, 1])),
      failures,
      durationMs: Math.round(performance.now() - started),
    };
    recordResult(env, result, task);
    expect(failures.flatMap((f) => f.violations.map((v) => `${v.rule} ${v.title}: ${v.received}`))).toEqual(
      [],
    );
  });
}
