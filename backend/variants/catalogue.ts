/**
 * The catalogue of broken variants of the reference backend: each differs from it by ONE realistic bug (one
 * replaced step or one wrapper around the handler) and names the rule a conformance run must fail it on.
 * The suite is judged on catching every one of them, and on passing the reference.
 */
import type { RuleId } from '../../core/rules.ts';
import type { ReferenceOptions } from '../reference-backend.ts';
import type { Handler } from '../types.ts';
import { ATOMICITY_VARIANTS } from './atomicity.ts';
import { AUTH_VARIANTS } from './auth.ts';
import { BODY_SHAPE_VARIANTS } from './body-shape.ts';
import { CONCURRENCY_VARIANTS } from './concurrency.ts';
import { CRASH_VARIANTS } from './crashes.ts';
import { ECHO_FIELD_VARIANTS } from './echo-fields.ts';
import { ECHO_STRING_VARIANTS } from './echo-strings.ts';
import { IDEMPOTENCE_VARIANTS } from './idempotence.ts';
import { IDENTITY_VARIANTS } from './identity.ts';
import { ISOLATION_VARIANTS } from './isolation.ts';
import { READ_AFTER_WRITE_VARIANTS } from './read-after-write.ts';
import { READ_ONLY_VARIANTS } from './read-only.ts';
import { RESPONSE_VARIANTS } from './response.ts';
import { TIMING_VARIANTS } from './timing.ts';
import { OUTAGE_VARIANTS } from './outages.ts';
import { SEMANTICS_VARIANTS } from './semantics.ts';
import { SETUP_ANSWER_VARIANTS } from './setup-answers.ts';
import { STORED_ROW_VARIANTS } from './stored-row.ts';
import { VALIDATION_VARIANTS } from './validation.ts';

export interface Variant {
  /** kebab-case, e.g. 'trims-names'. */
  id: string;
  /** The rule it breaks: a conformance run must report a failure of this rule. */
  rule: RuleId;
  /** One line: how a backend developer meets the bug. */
  description: string;
  /**
   * Source metadata its team pins non-null: the run uses a copy of contracts/ that leaves them out of
   * fields.mayBeNull (--contract-dir), since the bug breaks only that pinned contract.
   */
  pinnedNonNull?: readonly string[];
  /**
   * How a run ends against it: by default caught by `rule` (exit 1); 'exit-2' for a backend that stops
   * answering mid-run, which ends the run without a verdict, in bounded time.
   */
  expect?: 'exit-2';
  build(options: ReferenceOptions): Handler;
}

function unique(variants: readonly Variant[]): readonly Variant[] {
  const seen = new Set<string>();
  for (const variant of variants) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(variant.id)) {
      throw new Error(`variant catalogue: id "${variant.id}" is not kebab-case`);
    }
    if (seen.has(variant.id)) throw new Error(`variant catalogue: duplicate id "${variant.id}"`);
    seen.add(variant.id);
  }
  return Object.freeze([...variants]);
}

export const VARIANTS: readonly Variant[] = unique([
  ...ECHO_STRING_VARIANTS,
  ...ECHO_FIELD_VARIANTS,
  ...SEMANTICS_VARIANTS,
  ...READ_ONLY_VARIANTS,
  ...READ_AFTER_WRITE_VARIANTS,
  ...IDEMPOTENCE_VARIANTS,
  ...ISOLATION_VARIANTS,
  ...CONCURRENCY_VARIANTS,
  ...STORED_ROW_VARIANTS,
  ...VALIDATION_VARIANTS,
  ...BODY_SHAPE_VARIANTS,
  ...ATOMICITY_VARIANTS,
  ...AUTH_VARIANTS,
  ...IDENTITY_VARIANTS,
  ...RESPONSE_VARIANTS,
  ...CRASH_VARIANTS,
  ...TIMING_VARIANTS,
  ...SETUP_ANSWER_VARIANTS,
  ...OUTAGE_VARIANTS,
]);

const BY_ID = new Map(VARIANTS.map((variant) => [variant.id, variant]));

export function findVariant(id: string): Variant | undefined {
  return BY_ID.get(id);
}
