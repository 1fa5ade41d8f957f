/**
 * The mutants StrykerJS makes of the reference backend, listed without a run: its own instrumenter over the files
 * of stryker.config.json, in the order a run numbers them (by path), so ids and lines match a run's. Lines are
 * 1-based, as in the run's logs and mutation/equivalent.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@stryker-mutator/api/logging';
import { Instrumenter } from '@stryker-mutator/instrumenter';

export interface ListedMutant {
  id: string;
  file: string;
  line: number;
  mutatorName: string;
  replacement: string;
  /** Excluded by a `// Stryker disable` comment. */
  ignored: boolean;
}

const quiet: Logger = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => false,
  isErrorEnabled: () => false,
  isFatalEnabled: () => false,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  fatal: () => undefined,
};

export async function listMutants(root: string): Promise<ListedMutant[]> {
  const config = JSON.parse(readFileSync(join(root, 'stryker.config.json'), 'utf8')) as { mutate: string[] };
  const files = [...config.mutate].sort().map((name) => ({
    name,
    mutate: true as const,
    content: readFileSync(join(root, name), 'utf8'),
  }));
  const { mutants } = await new Instrumenter(quiet).instrument(files, {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
  });
  return mutants.map((m) => ({
    id: m.id,
    file: m.fileName,
    line: m.location.start.line + 1,
    mutatorName: m.mutatorName,
    replacement: m.replacement,
    ignored: m.status === 'Ignored',
  }));
}
