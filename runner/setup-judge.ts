/**
 * Creating the fixture customers, judged by the contract: the create and the read-back are companion
 * operations held to the same rules as any answer (B3 a valid body accepted, R1 the shape, I2 the id, R2 no
 * 5xx or silence). A violation is a verdict, reported with the run's others; the run goes on where it can (a
 * refused full body is tried again with the required fields only) and stops with the verdict where it cannot
 * (no id to write to). Only what the user must fix ends the run with exit 2: the token refused, no create
 * route at the configured path.
 */
import type { Contract } from '../contracts/load.ts';
import type { Exchange } from '../core/exchange.ts';
import type { Counterexample, Violation } from '../core/failure.ts';
import { fingerprintOfViolation } from '../core/finding.ts';
import type { CheckResult } from '../core/result.ts';
import type { RuleId } from '../core/rules.ts';
import type { ApiClient } from '../http/api-client.ts';
import { answerText } from '../suites/checks/setup-answers.ts';
import { dataOf } from '../suites/checks/values.ts';
import { judge } from '../suites/judge.ts';
import { expectationFor } from '../suites/scenarios/expectation.ts';
import { createdId, find, play, setupRoles, type Trace } from '../suites/scenarios/play.ts';
import type { Alias, SetupScenario } from '../suites/scenarios/scenario.ts';
import { TargetError } from './target-error.ts';

export const SETUP_CHECK = {
  id: 'setup',
  title: 'the fixture customers are created and read back as the contract says',
  suite: 'setup',
  rules: ['B3', 'I2', 'R1', 'R2'] as RuleId[],
};

/** Setup met a violation it cannot go on from: the run's verdict is the setup's result. */
export class SetupFailed extends Error {
  constructor(
    readonly result: CheckResult,
    readonly createBodies: Partial<Record<Alias, string>>,
    /** What each failing set-up request was answered, in the backend's words. */
    readonly notes: string[],
  ) {
    super(result.failures[0]?.violations[0]?.title ?? 'setup failed');
  }
}

export interface CreatedFixture {
  id: string;
  /** The create body that was accepted (the minimal one when the full one was refused). */
  body: string;
  /** Documented fields as the read-back showed them. */
  initial: Record<string, unknown>;
  /** When its POST was sent (ms since the epoch): its age, for replays. */
  createdAt?: number;
}

/** Answers that say the user must fix something, not the backend: one line and exit 2. */
function userMustFix(create: Exchange | undefined, alias: Alias, contract: Contract): void {
  const status = create?.response?.status;
  const what = `creating fixture customer ${alias} with POST ${contract.tolerances.paths.create}`;
  if (status === 401 || status === 403) {
    throw new TargetError(`the token was refused (${answerText(create)}) when ${what}; check API_TOKEN`);
  }
  if (status === 404 || status === 405) {
    throw new TargetError(
      `${what} answered ${answerText(create)}: no create route there; set paths.create in the contract (--contract-dir), or pass existing customers with --customer-id`,
    );
  }
}

const muteKey = (v: Violation) => fingerprintOfViolation(v);

/** The body with its email and name tagged by the time: what a backend that wants them unique accepts again. */
function uniqueBody(body: string): string {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  const tag = Date.now().toString(36);
  if (typeof parsed['email'] === 'string') parsed['email'] = parsed['email'].replace('@', `.${tag}@`);
  if (typeof parsed['name'] === 'string') parsed['name'] = `${parsed['name']} ${tag}`;
  return JSON.stringify(parsed);
}

export class SetupJudge {
  private readonly failures: Counterexample[] = [];
  private readonly cases: Partial<Record<RuleId, number>> = {};
  private readonly reported = new Set<string>();
  private readonly tried: Partial<Record<Alias, string>> = {};
  private readonly started = performance.now();
  /** Violations seen, reported or muted as a repeat: whether a failed set-up has a rule to blame. */
  private violated = 0;
  /** What the run should say about its set-up (each failing request in the backend's words, a body replaced). */
  readonly notes: string[] = [];

  constructor(
    private readonly client: ApiClient,
    private readonly contract: Contract,
    private readonly seed: number,
  ) {}

  /** Creates one fixture, with the full body or else the minimal one; throws SetupFailed when neither gives one. */
  async create(alias: Alias, body: string, minimalBody: string): Promise<CreatedFixture> {
    const violatedBefore = this.violated;
    let full = await this.attempt({ kind: 'setup', of: alias, body });
    if (full.created) return full.created;
    const roles = setupRoles(alias);
    if (find(full.trace, roles.create)?.response?.status === 409) {
      // The customer exists already (a re-run of the seed, a replay): the same body made unique once.
      const fresh = uniqueBody(body);
      full = await this.attempt({ kind: 'setup', of: alias, body: fresh });
      if (full.created) {
        this.notes.push(
          `fixture customer ${alias}: its email or name was taken (409), so it was made unique`,
        );
        return full.created;
      }
    }
    const create = find(full.trace, roles.create);
    const status = create?.response?.status ?? 0;
    const refused = status < 200 || status >= 300;
    if (refused && minimalBody !== body) {
      const minimal = await this.attempt({ kind: 'setup', of: alias, body: minimalBody, minimal: true });
      if (minimal.created) {
        this.notes.push(
          `fixture customer ${alias}: created with only the required fields instead, and the run went on`,
        );
        return minimal.created;
      }
    }
    if (this.violated === violatedBefore) {
      // Nothing the contract names, yet no customer to write to: say what happened, without a verdict.
      throw new TargetError(
        `creating fixture customer ${alias} gave no customer to write to (${answerText(find(full.trace, roles.read) ?? create)}); pass existing customers with --customer-id`,
      );
    }
    throw new SetupFailed(this.result(), { ...this.tried }, [...this.notes]);
  }

  /** The setup as a check of the run: its failures, and the cases judged. */
  result(): CheckResult {
    return {
      ...SETUP_CHECK,
      cases: { ...this.cases },
      failures: [...this.failures],
      durationMs: Math.round(performance.now() - this.started),
    };
  }

  private async attempt(scenario: SetupScenario): Promise<{ trace: Trace; created?: CreatedFixture }> {
    const trace = await play(scenario, this.client);
    const roles = setupRoles(scenario.of);
    this.tried[scenario.of] = scenario.body;
    userMustFix(find(trace, roles.create), scenario.of, this.contract);
    const ctx = { contract: this.contract, semantics: undefined, initial: {} };
    const { violations, judged } = judge(trace, scenario, ctx);
    this.violated += violations.length;
    for (const rule of judged) this.cases[rule] = (this.cases[rule] ?? 0) + 1;
    const fresh = violations.filter((v) => !this.reported.has(muteKey(v)));
    for (const v of fresh) this.reported.add(muteKey(v));
    const first = fresh[0];
    if (first) {
      this.failures.push({
        checkId: SETUP_CHECK.id,
        rule: first.rule,
        outcome: expectationFor(scenario, this.contract).outcome,
        violations: fresh,
        scenario,
        exchanges: trace.exchanges,
        seed: this.seed,
        path: `setup:${scenario.of}${scenario.minimal ? ':minimal' : ''}`,
        numRuns: 1,
        numShrinks: 0,
        putSemantics: 'unknown',
      });
    }
    for (const exchange of trace.exchanges) {
      const status = exchange.response?.status ?? 0;
      const failed = exchange.spec.op === 'create' ? status < 200 || status >= 300 : status !== 200;
      if (failed) {
        const what = `${exchange.request.method} ${exchange.request.path}`;
        this.notes.push(`fixture customer ${scenario.of}: ${what} answered ${answerText(exchange)}`);
      }
    }
    const id = createdId(find(trace, roles.create));
    const read = find(trace, roles.read);
    const data = dataOf(read);
    if (id === undefined || read?.response?.status !== 200 || !data) return { trace };
    const sentAt = find(trace, roles.create)?.sentAt;
    const created: CreatedFixture = { id, body: scenario.body, initial: data };
    if (sentAt !== undefined) created.createdAt = sentAt;
    return { trace, created };
  }
}
