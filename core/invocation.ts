/**
 * How the suite was started, so that every command it prints (re-run, replay) is one the reader can type:
 * `npx customer-conformance …` where it runs as an installed package, `npm start -- …` in its own repository.
 */
import { fileURLToPath } from 'node:url';

export interface Invocation {
  /** Prefix of a run's options: `npx customer-conformance --seed 1`. */
  run: string;
  /** Prefix of a failure file to replay: `npx customer-conformance replay reports/failures/S1-1.json`. */
  replay: string;
}

const INSTALLED = /[\\/]node_modules[\\/]/.test(fileURLToPath(import.meta.url));

export const INVOCATION: Invocation = INSTALLED
  ? { run: 'npx customer-conformance', replay: 'npx customer-conformance replay' }
  : { run: 'npm start --', replay: 'npm run replay --' };
