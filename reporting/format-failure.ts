/**
 * One failure as a multi-line block, in the Schemathesis shape: title, "Received: … / Expected: …", the
 * diagnosis, sent against received, the request and response, then how to reproduce it (curl, replay, seed).
 */
import type { Exchange } from '../core/exchange.ts';
import type { Counterexample, Violation } from '../core/failure.ts';
import { RULES } from '../core/rules.ts';
import { paint, type Paint } from './ansi.ts';
import { curlFor, curlSetup } from './curl.ts';
import { differingCodePoints } from './diff.ts';
import { requestExchange, requestName, shownExchange } from './failures.ts';
import { notReproducedInRun, replayCommand, seedLine } from './replay.ts';
import { showText, showTextShort, showValueShort } from './text.ts';

export interface FailureContext {
  /** The run's target (already redacted), named next to the curl lines. */
  baseUrl: string;
  /** The saved failure file, as the replay command names it (e.g. reports/failures/S1-1.json). */
  failureFile?: string | undefined;
  color?: boolean | undefined;
  /** Longest body shown, in UTF-16 code units (default 1000). */
  maxBody?: number | undefined;
}

const INDENT = '    ';

function violationLines(violation: Violation, number: number, c: Counterexample, p: Paint): string[] {
  const failureRule = c.rule;
  const rule = violation.rule === failureRule ? '' : `${violation.rule} `;
  const where = violation.pointer === undefined ? '' : ` at ${violation.pointer}`;
  const lines = [
    `${number}. ${p.bold(`${rule}${showText(violation.title)}`)}${where} [${violation.check}]`,
    '',
    `${INDENT}Received: ${showText(violation.received)}`,
    `${INDENT}Expected: ${showText(violation.expected)}`,
  ];
  const changed = c.exchanges.filter((e) => e.seq === violation.changedAfterSeq);
  if (changed.length === 1 && changed[0] !== undefined) {
    const e = changed[0];
    lines.push(
      `${INDENT}Changed after ${requestName(e)}: ${e.request.method} ${showText(e.request.path)} -> ${e.response?.status ?? e.error ?? 'no answer'}`,
    );
  }
  if (violation.diagnosis !== undefined) {
    lines.push(`${INDENT}What happened to the value: ${p.bold(showText(violation.diagnosis))}`);
  }
  if (violation.sent !== undefined || violation.got !== undefined) {
    lines.push(
      '',
      `${INDENT}Sent:     ${showValueShort(violation.sent, 200)}`,
      `${INDENT}Received: ${showValueShort(violation.got, 200)}`,
    );
    const codes = differingCodePoints(violation.sent, violation.got);
    if (codes !== undefined) lines.push(`${INDENT}Differs:  ${codes.sent} sent, ${codes.got} received`);
  }
  return lines;
}

function headerLines(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([name, value]) => `${INDENT}${name}: ${showText(value)}`);
}

function exchangeLines(exchange: Exchange, maxBody: number): string[] {
  const { request, response } = exchange;
  const lines = [
    `Request #${exchange.seq} (${exchange.role}, auth ${exchange.spec.auth}): ${request.method} ${showText(request.path)}`,
    ...headerLines(request.headers),
  ];
  if (request.body !== undefined) lines.push(`${INDENT}${showTextShort(request.body, maxBody)}`);
  if (response === undefined) {
    lines.push(`No response: ${showText(exchange.error ?? 'no answer')}`);
    return lines;
  }
  const contentType = Object.entries(response.headers).find(
    ([name]) => name.toLowerCase() === 'content-type',
  );
  lines.push(
    `[${response.status}] ${contentType === undefined ? '(no content type)' : showText(contentType[1])}`,
  );
  lines.push(`${INDENT}${response.text === '' ? '(empty body)' : showTextShort(response.text, maxBody)}`);
  return lines;
}

/** The block printed for one counterexample; ends with how to reproduce it. */
export function formatFailure(c: Counterexample, ctx: FailureContext): string {
  const p = paint(ctx.color);
  const maxBody = ctx.maxBody ?? 1000;
  const lines = [
    p.red(p.bold(`- ${c.rule} ${RULES[c.rule]}`)) +
      ` (check ${c.checkId}, ${c.outcome}, PUT semantics ${c.putSemantics})`,
  ];
  c.violations.forEach((violation, i) => lines.push('', ...violationLines(violation, i + 1, c, p)));

  const shown = shownExchange(c);
  if (shown !== undefined) lines.push('', ...exchangeLines(shown, maxBody));
  if (c.exchanges.length > 1) {
    lines.push('', 'Requests of this case, in order:');
    for (const e of c.exchanges) {
      const status = e.response === undefined ? (e.error ?? 'no answer') : String(e.response.status);
      lines.push(
        `${INDENT}#${e.seq} ${e.role}: ${e.request.method} ${showText(e.request.path)} -> ${status}`,
      );
    }
  }

  const toSend = [requestExchange(c), shown].filter(
    (e, i, all): e is Exchange => e !== undefined && all.indexOf(e) === i,
  );
  if (toSend.length > 0) {
    const setup = curlSetup(ctx.baseUrl);
    lines.push('', `Reproduce with curl (${setup.note}):`, `${INDENT}${setup.command}`);
    for (const e of toSend) lines.push(`${INDENT}${curlFor(e, ctx.baseUrl)}`);
  }
  lines.push('');
  if (ctx.failureFile !== undefined) lines.push(`Replay: ${replayCommand(ctx.failureFile)}`);
  lines.push(seedLine(c));
  const flaky = notReproducedInRun(c);
  if (flaky !== undefined) lines.push(flaky);
  return lines.join('\n');
}
