/** Reads a saved failure file and checks it is one, so a wrong file is a clear error, not a crash. */
import { readFileSync } from 'node:fs';
import { FAILURE_FORMAT, type FailureFile } from '../core/failure-file.ts';
import { isRuleId } from '../core/rules.ts';
import { SCENARIO_KINDS } from './scenarios/scenario.ts';

export class FailureFileError extends Error {}

export function readFailureFile(path: string): FailureFile {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not valid JSON';
    throw new FailureFileError(`${path}: ${reason}; give a failures/<rule>-<n>.json file written by a run`);
  }
  const file = value as Partial<FailureFile>;
  if (file.format !== FAILURE_FORMAT || typeof file.scenario !== 'object' || !isRuleId(String(file.rule))) {
    throw new FailureFileError(
      `${path}: not a saved failure (format ${FAILURE_FORMAT}); give a failures/<rule>-<n>.json file`,
    );
  }
  const kind = (file.scenario as { kind?: unknown }).kind;
  if (!(SCENARIO_KINDS as readonly unknown[]).includes(kind)) {
    throw new FailureFileError(`${path}: unknown scenario kind ${JSON.stringify(kind)}`);
  }
  return file as FailureFile;
}
