#!/usr/bin/env node
// The package's command, running the compiled runner (dist/, built by `npm run build`, which npm runs on install
// of this repository and before packing): `customer-conformance [options]` runs the suite,
// `customer-conformance replay <failure file> [options]` replays a saved failure.
import { existsSync } from 'node:fs';

const replay = process.argv[2] === 'replay';
if (replay) process.argv.splice(2, 1);
const entry = new URL(replay ? '../dist/runner/replay-cli.js' : '../dist/runner/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'customer-conformance: the compiled runner is missing: run `npm run build` in this package\n',
  );
  process.exit(2);
}
await import(entry.href);
