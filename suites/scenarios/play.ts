/** Turns a scenario into its requests and sends them: the trace is what the checks judge. */
import type { Exchange, RequestSpec } from '../../core/exchange.ts';
import type { ApiClient } from '../../http/api-client.ts';
import type { FullBody, Scenario } from './scenario.ts';

export interface Trace {
  exchanges: Exchange[];
}

export function find(trace: Trace, role: string): Exchange | undefined {
  return trace.exchanges.find((e) => e.role === role);
}

export function findAll(trace: Trace, role: string): Exchange[] {
  return trace.exchanges.filter((e) => e.role === role);
}

const A = { fixture: 'A' } as const;
const B = { fixture: 'B' } as const;

function put(body: string, contentType: string | undefined, target: RequestSpec['target'] = A): RequestSpec {
  const spec: RequestSpec = { op: 'update', target, auth: 'valid', body };
  if (contentType !== undefined) spec.contentType = contentType;
  return spec;
}

const json = (body: FullBody): RequestSpec => put(JSON.stringify(body), 'application/json');

/** The request sequence of a scenario, by role, in order. Bursts are one step of concurrent requests. */
export function stepsOf(scenario: Scenario, hasB: boolean): { role: string; specs: RequestSpec[] }[] {
  const readA = { role: 'readback', specs: [{ op: 'read', target: A, auth: 'valid' } as RequestSpec] };
  const readB = hasB
    ? [{ role: 'other', specs: [{ op: 'read', target: B, auth: 'valid' } as RequestSpec] }]
    : [];
  const caseSpec = (): RequestSpec => {
    const c = 'case' in scenario ? scenario.case : undefined;
    if (!c) throw new Error('scenario has no case');
    // A body with no content type of its own is sent as JSON; an empty body is sent with no body at all.
    const spec = put(c.body, c.contentType ?? 'application/json');
    if (c.body === '') delete spec.body;
    return spec;
  };
  switch (scenario.kind) {
    case 'update':
      return [
        { role: 'baseline', specs: [json(scenario.baseline)] },
        { role: 'update', specs: [{ ...caseSpec(), auth: scenario.auth }] },
        readA,
        ...readB,
      ];
    case 'probe':
      return [
        { role: 'baseline', specs: [json(scenario.baseline)] },
        { role: 'update', specs: [caseSpec()] },
        readA,
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
        readA,
      ];
    case 'unknown-id': {
      const target = { unknownId: scenario.id };
      return [
        { role: 'update', specs: [{ ...caseSpec(), target }] },
        { role: 'readback', specs: [{ op: 'read', target, auth: 'valid' }] },
        ...readB,
      ];
    }
  }
}

export async function play(scenario: Scenario, client: ApiClient): Promise<Trace> {
  const exchanges: Exchange[] = [];
  for (const step of stepsOf(scenario, client.options.fixtures.B !== undefined)) {
    exchanges.push(...(await client.sendAll(step.specs, step.role)));
  }
  return { exchanges };
}
