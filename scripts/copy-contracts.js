// Part of `npm run build`: the contract's JSON files sit beside the compiled contracts/load.js, which reads them
// from its own folder at run time (the default --contract-dir), as it does beside load.ts in this repository.
import { cpSync, readdirSync } from 'node:fs';

const from = new URL('../contracts/', import.meta.url);
const to = new URL('../dist/contracts/', import.meta.url);
for (const entry of readdirSync(from, { withFileTypes: true })) {
  if (entry.isDirectory() || entry.name.endsWith('.json')) {
    cpSync(new URL(entry.name, from), new URL(entry.name, to), {
      recursive: true,
      filter: (source) => !source.endsWith('.ts'),
    });
  }
}
