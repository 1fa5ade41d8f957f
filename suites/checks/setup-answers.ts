/**
 * The companion operations the suite sets up with (POST create, GET of what it created) are held to the rules
 * of the contract: a valid create body is accepted (B3), and the id a create answers is one the backend knows
 * (I2). Shape (R1) and 5xx or silence (R2) are judged by the general checks.
 */
import type { Exchange } from '../../core/exchange.ts';
import { createdId, find, setupRoles, type Trace } from '../scenarios/play.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import type { Check } from './check.ts';
import { dataOf, show } from './values.ts';

/** The backend's own words, short: what a developer greps their logs for. */
export function answerText(exchange: Exchange | undefined): string {
  if (!exchange?.response) return exchange?.error ?? 'no answer';
  const text = exchange.response.text.trim().replace(/\s+/g, ' ');
  const said = text === '' ? '' : `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
  return `${exchange.response.status}${said}`;
}

/** The create and read-back of a setup scenario's trace. */
function setupOf(
  trace: Trace,
  scenario: Scenario,
): { create?: Exchange | undefined; read?: Exchange | undefined } {
  if (scenario.kind !== 'setup') return {};
  const roles = setupRoles(scenario.of);
  return { create: find(trace, roles.create), read: find(trace, roles.read) };
}

export const createAccepted: Check = {
  name: 'create_accepted',
  rule: 'B3',
  applies: (trace, scenario) => setupOf(trace, scenario).create?.response !== undefined,
  run(trace, scenario) {
    const { create } = setupOf(trace, scenario);
    const status = create?.response?.status ?? 0;
    // A 5xx is R2's to report; a 409 says a customer with this email or name exists already (the same seed run
    // before, or a replay of its fixtures), which the rules let a backend refuse: set-up tries a fresh one.
    if (!create || (status >= 200 && status < 300) || status >= 500 || status === 409) return [];
    const what = scenario.kind === 'setup' && scenario.minimal ? 'only the required fields' : 'every field';
    return [
      {
        rule: 'B3',
        check: 'create_accepted',
        title: 'Valid create body refused',
        received: `POST ${create.request.path} answered ${answerText(create)}, to a body with ${what} set to a realistic value`,
        expected: 'MUST-ACCEPT: a 2xx with the created customer',
        exchangeSeq: create.seq,
      },
    ];
  },
};

/** A 2xx create whose data holds no id a customer can be read by (empty, or not a string). */
function unusableId(create: Exchange | undefined): { id: unknown } | undefined {
  const status = create?.response?.status ?? 0;
  const data = dataOf(create);
  if (status < 200 || status >= 300 || !data || createdId(create) !== undefined) return undefined;
  return { id: data['id'] };
}

export const createdIdKnown: Check = {
  name: 'created_id_known',
  rule: 'I2',
  applies: (trace, scenario) => {
    const { create, read } = setupOf(trace, scenario);
    return read?.response !== undefined || unusableId(create) !== undefined;
  },
  run(trace, scenario) {
    const { create, read } = setupOf(trace, scenario);
    const unusable = unusableId(create);
    if (create && unusable) {
      // Nothing can be read back by it: the created customer is lost to the client (and to the run).
      return [
        {
          rule: 'I2',
          check: 'created_id_known',
          pointer: '/data/id',
          exchangeSeq: create.seq,
          title: 'Created customer has no id to address it by',
          received: `POST ${create.request.path} answered ${create.response?.status} with data.id ${show(unusable.id)}`,
          expected: 'the non-empty id of the customer created, which a GET then finds',
        },
      ];
    }
    const id = createdId(create);
    const status = read?.response?.status ?? 0;
    if (!read || id === undefined || status >= 500) return [];
    const base = {
      rule: 'I2' as const,
      check: 'created_id_known',
      pointer: '/data/id',
      exchangeSeq: read.seq,
    };
    if (status !== 200) {
      return [
        {
          ...base,
          title: 'Created id unknown to the backend',
          received: `create answered data.id ${show(id)}; GET ${read.request.path} answered ${answerText(read)}`,
          expected: 'the id of the customer created: a GET of it answers 200 with that customer',
        },
      ];
    }
    const readId = dataOf(read)?.['id'];
    if (readId === undefined || readId === id) return [];
    return [
      {
        ...base,
        title: 'Created customer reads back with another id',
        received: `create answered data.id ${show(id)}; GET of it answered data.id ${show(readId)}`,
        expected: `${show(id)}, the id in the path`,
      },
    ];
  },
};
