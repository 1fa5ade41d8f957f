/** What a scenario's main request may be answered with, and which rule a wrong answer breaks. */
import { edgeRejections, type Contract } from '../../contracts/load.ts';
import type { Outcome, RuleId } from '../../core/rules.ts';
import { isMisplacedToken, keepsBearerScheme } from '../../http/auth-header.ts';
import type { Scenario } from './scenario.ts';

export interface Expectation {
  outcome: Outcome;
  rule: RuleId;
  statuses: number[];
}

const union = (...sets: number[][]): number[] => [...new Set(sets.flat())].sort((a, b) => a - b);

export function expectationFor(scenario: Scenario, contract: Contract): Expectation {
  const { statuses } = contract.tolerances;
  if (scenario.kind === 'burst') return { outcome: 'MUST-ACCEPT', rule: 'S7', statuses: statuses.accept };
  if (scenario.kind === 'unknown-id')
    return { outcome: 'MUST-REJECT', rule: 'I1', statuses: statuses.notFound };
  if (scenario.kind === 'setup') return { outcome: 'MUST-ACCEPT', rule: 'B3', statuses: [200, 201] };
  // Another spelling of a real id is an id that does not exist (I1: ids compare exactly), like an unknown id.
  if (scenario.kind === 'id-spelling')
    return { outcome: 'MUST-REJECT', rule: 'I1', statuses: statuses.notFound };
  const bodyCase = scenario.case;
  if (scenario.kind === 'update' && scenario.auth !== 'valid') {
    if (scenario.auth === 'valid-lowercase-scheme') {
      return {
        outcome: 'MAY-EITHER',
        rule: 'A2',
        statuses: union(statuses.accept, statuses.unauthenticated),
      };
    }
    // The Bearer scheme with credentials that are not the token (text after it, two of it) is a wrong token to
    // a backend that reads the whole credential, and a malformed header to one that parses it: either set.
    const refused =
      scenario.auth === 'wrong-token'
        ? statuses.wrongToken
        : isMisplacedToken(scenario.auth) && keepsBearerScheme(scenario.auth)
          ? union(statuses.wrongToken, statuses.unauthenticated)
          : statuses.unauthenticated;
    return { outcome: 'MUST-REJECT', rule: 'A2', statuses: refused };
  }
  switch (bodyCase.outcome) {
    case 'MUST-ACCEPT':
      return { outcome: bodyCase.outcome, rule: bodyCase.rule, statuses: statuses.accept };
    case 'MUST-REJECT':
      return { outcome: bodyCase.outcome, rule: bodyCase.rule, statuses: statuses.reject };
    case 'MAY-EITHER': {
      // "A clean 4xx" (the rules): any 4xx unless the team pinned a list; A1 still holds after it.
      const refused = edgeRejections(contract.tolerances);
      return { outcome: bodyCase.outcome, rule: bodyCase.rule, statuses: union(statuses.accept, refused) };
    }
  }
}
