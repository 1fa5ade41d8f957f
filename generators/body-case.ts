/** What the body generators yield: a request body and what the contract says a backend must do with it. */
import type { Outcome, RuleId } from '../core/rules.ts';

export interface BodyCase {
  outcome: Outcome;
  /** The one rule this case exercises (B1..B7). */
  rule: RuleId;
  /** JSON pointer of the part that makes the case what it is ('' = whole body). */
  pointer: string;
  /** Short lower-case description, e.g. "name is a number". */
  label: string;
  /** Exact text sent: JSON.stringify of value, or the malformed text; '' for an empty body. */
  body: string;
  /** The parsed body when it is JSON; absent for unparseable or empty bodies. */
  value?: unknown;
  /** Only set for B7 cases (non-JSON content types); absent means application/json. */
  contentType?: string;
}

/** A PUT body the contract accepts: updatable fields only, each a string or null. */
export type UpdateBody = Record<string, string | null>;
