/** Turns a scenario into its requests and sends them: the trace is what the checks judge. */
import type { Exchange, RequestSpec, Target } from '../../core/exchange.ts';
import type { ApiClient } from '../../http/api-client.ts';
import { spellId } from './id-spellings.ts';
import { targetsOf, type Alias, type FullBody, type Scenario } from './scenario.ts';

export interface Trace {
  exchanges: Exchange[];
}

export function find(trace: Trace, role: string): Exchange | undefined {
  return trace.exchanges.find((e) => e.role === role);
}

export function findAll(trace: Trace, role: string): Exchange[] {
  return trace.exchanges.filter((e) => e.role === role);
}

/** The writes that set up the state a case starts from: the baseline, then any history after it. */
export const SETUP_WRITES = ['baseline', 'history'];

/** The last of the baseline and history writes: its answer shows the customer as the case found it. */
export function lastSetupWrite(trace: Trace): Exchange | undefined {
  return trace.exchanges.filter((e) => SETUP_WRITES.includes(e.role)).at(-1);
}

function put(body: string, contentType: string | undefined, target: Target): RequestSpec {
  const spec: RequestSpec = { op: 'update', target, auth: 'valid', body };
  if (contentType !== undefined) spec.contentType = contentType;
  return spec;
}

/** The request sequence of a scenario, by role, in order. Bursts are one step of concurrent requests. */
export function stepsOf(scenario: Scenario, hasB: boolean): { role: string; specs: RequestSpec[] }[] {
  const { on, other } = targetsOf(scenario, hasB);
  const target = { fixture: on };
  const json = (body: FullBody): RequestSpec => put(JSON.stringify(body), 'application/json', target);
  const read = (role: string, alias: 'A' | 'B') => ({
    role,
    specs: [{ op: 'read', target: { fixture: alias }, auth: 'valid' } as RequestSpec],
  });
  const readBack = read('readback', on);
  const otherBefore = other ? [read('other-before', other)] : [];
  const otherAfter = other ? [read('other', other)] : [];
  const caseSpec = (): RequestSpec => {
    const c = 'case' in scenario ? scenario.case : undefined;
    if (!c) throw new Error('scenario has no case');
    // A body with no content type of its own is sent as JSON; an empty body is sent with no body at all.
    const spec = put(c.body, c.contentType ?? 'application/json', target);
    if (c.body === '') delete spec.body;
    return spec;
  };
  switch (scenario.kind) {
    case 'update':
      return [
        ...otherBefore,
        { role: 'baseline', specs: [json(scenario.baseline)] },
        ...(scenario.history ?? []).map((body) => ({ role: 'history', specs: [json(body)] })),
        { role: 'update', specs: [{ ...caseSpec(), auth: scenario.auth }] },
        readBack,
        ...otherAfter,
      ];
    case 'probe':
      return [
        { role: 'baseline', specs: [json(scenario.baseline)] },
        { role: 'update', specs: [caseSpec()] },
        readBack,
      ];
    case 'repeat':
      return [
        { role: 'baseline', specs: [json(scenario.baseline)] },
        { role: 'first', specs: [caseSpec()] },
        { role: 'second', specs: [caseSpec()] },
      ];
    case 'burst':
      return [
        { role: 'baseline', specs: [json(scenario.baseline)] },
        { role: 'burst', specs: scenario.bodies.map(json) },
        readBack,
      ];
    case 'unknown-id': {
      const unknown = { unknownId: scenario.id };
      return [
        ...otherBefore,
        { role: 'update', specs: [{ ...caseSpec(), target: unknown }] },
        { role: 'readback', specs: [{ op: 'read', target: unknown, auth: 'valid' }] },
        ...otherAfter,
      ];
    }
    case 'setup':
      return [
        {
          role: setupRoles(scenario.of).create,
          specs: [{ op: 'create', auth: 'valid', contentType: 'application/json', body: scenario.body }],
        },
      ];
    case 'id-spelling': {
      const spelled = { unknownId: scenario.id };
      return [
        read('real-before', on),
        { role: 'update', specs: [{ ...caseSpec(), target: spelled }] },
        { role: 'readback', specs: [{ op: 'read', target: spelled, auth: 'valid' }] },
        read('real-after', on),
      ];
    }
  }
}

/** An id spelling is made again from the fixture at hand: a replay's fixtures have other ids. */
export function respelled(scenario: Scenario, fixtures: Partial<Record<Alias, string>>): Scenario {
  if (scenario.kind !== 'id-spelling') return scenario;
  const real = fixtures[scenario.on];
  const id = real === undefined ? undefined : spellId(real, scenario.spelling);
  return id === undefined ? scenario : { ...scenario, id };
}

/** Roles of a fixture's creation and read-back, as the exchange log names them. */
export function setupRoles(alias: Alias): { create: string; read: string } {
  return { create: `fixture-create-${alias}`, read: `fixture-read-${alias}` };
}

/** data.id of a 2xx answer, when it is a non-empty string. */
export function createdId(exchange: Exchange | undefined): string | undefined {
  const status = exchange?.response?.status ?? 0;
  const json = exchange?.response?.json as { data?: { id?: unknown } } | undefined;
  const id =
    status >= 200 && status < 300 && typeof json === 'object' && json !== null ? json.data?.id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Plays a scenario; `pace`, when given, is awaited before each step (a replay keeps the recorded timing). */
export async function play(
  scenario: Scenario,
  client: ApiClient,
  pace?: (step: number) => Promise<void>,
): Promise<Trace> {
  const exchanges: Exchange[] = [];
  const { fixtures } = client.options;
  for (const [index, step] of stepsOf(respelled(scenario, fixtures), fixtures.B !== undefined).entries()) {
    if (pace) await pace(index);
    exchanges.push(...(await client.sendAll(step.specs, step.role)));
  }
  // A created customer is read back by the id its create answered: that id is only known now.
  const created = scenario.kind === 'setup' ? createdId(exchanges[0]) : undefined;
  if (scenario.kind === 'setup' && created !== undefined) {
    const read: RequestSpec = { op: 'read', target: { unknownId: created }, auth: 'valid' };
    exchanges.push(await client.send(read, setupRoles(scenario.of).read));
  }
  return { exchanges };
}
