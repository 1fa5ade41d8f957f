// A StrykerJS reporter plugin: one JSON line per mutant as soon as it is judged (reports/mutation/mutants.jsonl), so an
// interrupted run still leaves its results (Stryker's own JSON report is written only at the end).
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';

const LOG = 'reports/mutation/mutants.jsonl';

class MutantLogReporter {
  static inject = [];

  constructor() {
    mkdirSync('reports/mutation', { recursive: true });
    writeFileSync(LOG, '');
  }

  onMutantTested(result) {
    const { id, fileName, mutatorName, replacement, location, status, statusReason } = result;
    const file = fileName.replace(`${process.cwd()}/`, '');
    const line = { id, file, line: location.start.line, mutatorName, replacement, status, statusReason };
    appendFileSync(LOG, `${JSON.stringify(line)}\n`);
  }
}

export const strykerPlugins = [{ kind: 'Reporter', name: 'mutant-log', injectableClass: MutantLogReporter }];
