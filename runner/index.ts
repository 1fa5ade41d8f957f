/** The package's API: `import { runConformance } from 'unified-customer-conformance'`. */
export {
  runConformance,
  ConformanceError,
  ConformanceOptionsError,
  ConformanceTargetError,
  type ConformanceResult,
  type ConformanceViolation,
  type ConformanceHooks,
} from './run-conformance.ts';
export type { ConformanceOptions, AppUnderTest } from './options.ts';
export type { ExitCode } from './exit-code.ts';
export { referenceApp, type ReferenceAppOptions } from './reference-app.ts';
export { RULES, RULE_IDS, type RuleId } from '../core/rules.ts';
export type { RuleSummary, RunResult, CheckResult } from '../core/result.ts';
