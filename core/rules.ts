/** The rule ids of shared/design/conformance-rules.md, with the short titles reports print. */
export const RULES = {
  B1: 'Required fields missing, null or mistyped are rejected',
  B2: 'Optional fields accept null and reject other non-strings',
  B3: 'Envelope strings are accepted and stored exactly',
  B4: 'Strings outside the envelope: clean 4xx or stored exactly',
  B5: 'A body that is not a JSON object is rejected',
  B6: 'Unknown and response-only properties change nothing',
  B7: 'Other content types: clean 4xx or accepted',
  A1: 'A rejected request changes nothing',
  A2: 'Missing or wrong credentials are refused',
  I1: 'An unknown id answers 404 and is not created',
  I2: 'data.id equals the id in the path',
  R1: 'A 200 is JSON and matches the response schema',
  R2: 'No request gets a 5xx',
  S1: 'Every sent field is echoed exactly',
  S2: 'Omitted optional fields follow one PUT semantics',
  S3: 'Read-only fields are left as they were',
  S4: 'A GET after a 200 returns what the PUT returned',
  S5: 'The same PUT twice gives the same data',
  S6: 'A PUT changes no other customer',
  S7: 'Concurrent PUTs leave exactly one body stored',
} as const;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULES, value);
}

/** The outcome classes of the rules: what a backend may answer to a case. */
export type Outcome = 'MUST-ACCEPT' | 'MUST-REJECT' | 'MAY-EITHER';
