/**
 * report.html: one self-contained page for people (inline CSS, no scripts, no external resources): the
 * verdict, the rules × checks matrix, then each failure with its diagnosis, a sent/received diff, the exchange,
 * the curl line and the replay command. Every piece of data is escaped.
 */
import { bailLine, throttleLine } from './run-lines.ts';
import type { Exchange } from '../core/exchange.ts';
import type { Counterexample, Violation } from '../core/failure.ts';
import type { CheckResult, RuleSummary, RunResult } from '../core/result.ts';
import { RULES, type RuleId } from '../core/rules.ts';
import { curlFor, curlSetup } from './curl.ts';
import { charDiff, differingCodePoints, type Segment } from './diff.ts';
import { listFailures, requestExchange, requestName, shownExchange, type FailureEntry } from './failures.ts';
import { escapeHtml } from './markup.ts';
import { fingerprintsOf, type Finding } from '../core/finding.ts';
import {
  FINDING_WORD,
  findingCounts,
  findingGroups,
  knownReason,
  NOT_SEEN,
  type FindingGroups,
} from './findings.ts';
import { outageTitle } from './outage.ts';
import { coverageHtml } from './coverage-html.ts';
import {
  failureFilePath,
  notReproducedInRun,
  replayCommand,
  seedLine,
  type ReportOptions,
} from './replay.ts';
import { formatDuration, plural, prettyJson, showText, showTextShort, showValue } from './text.ts';

const MAX_BODY = 4000;

/** Data as HTML text: invisible characters as \u{XXXX}, then markup escaped. */
function t(text: string): string {
  return escapeHtml(showText(text));
}

const CSS = `
:root { --pass: #137333; --pass-bg: #e6f4ea; --fail: #b3261e; --fail-bg: #fce8e6; --na: #80868b; --na-bg: #f1f3f4;
  --err: #8a5a00; --err-bg: #fef3d6; --ink: #1f2328; --line: #d0d7de; --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #f6f8fa; }
main { max-width: 1240px; margin: 0 auto; padding: 0 20px 40px; }
header { padding: 18px 20px 14px; color: #fff; }
header.fail { background: var(--fail); } header.pass { background: var(--pass); }
header .inner { max-width: 1200px; margin: 0 auto; }
header h1 { margin: 0 0 2px; font-size: 22px; }
header .endpoint { font-family: var(--mono); opacity: .9; }
.verdict { display: inline-block; margin-left: 10px; padding: 2px 10px; border-radius: 12px; background: rgba(255,255,255,.2); font-size: 15px; vertical-align: 3px; letter-spacing: .04em; }
dl.meta { display: flex; flex-wrap: wrap; gap: 4px 26px; margin: 10px 0 0; }
dl.meta div { display: flex; gap: 6px; } dl.meta dt { opacity: .8; } dl.meta dd { margin: 0; font-weight: 600; }
h2 { font-size: 18px; margin: 26px 0 10px; }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; margin: 14px 0; }
table.matrix { border-collapse: collapse; font-size: 13px; background: #fff; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 3px 6px; text-align: center; }
.matrix th.check { vertical-align: bottom; font-weight: 500; font-family: var(--mono); font-size: 12px; }
.matrix th.check span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
.matrix th.check small { display: block; color: var(--na); }
.matrix td.id { font-weight: 700; font-family: var(--mono); }
.matrix td.title { text-align: left; min-width: 240px; max-width: 330px; }
.matrix td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.pass { background: var(--pass-bg); color: var(--pass); } td.fail { background: var(--fail-bg); color: var(--fail); font-weight: 700; }
td.na { background: var(--na-bg); color: var(--na); } td.err { background: var(--err-bg); color: var(--err); }
td.fail a { color: var(--fail); } td small { font-weight: 400; }
.badge { display: inline-block; min-width: 58px; padding: 1px 8px; border-radius: 10px; font-weight: 700; font-size: 12px; }
.badge.pass { background: var(--pass-bg); color: var(--pass); } .badge.fail { background: var(--fail); color: #fff; }
.badge.not-run { background: var(--na-bg); color: var(--na); }
.legend { color: var(--na); font-size: 12px; margin-top: 6px; }
.legend span { display: inline-block; padding: 0 6px; margin-right: 6px; border-radius: 3px; }
ol.toc li { margin: 2px 0; }
section.failure { border-left: 5px solid var(--fail); }
section.failure h3 { margin: 0 0 4px; font-size: 17px; }
.rule { font-family: var(--mono); background: var(--fail); color: #fff; padding: 1px 7px; border-radius: 4px; margin-right: 6px; }
.where { margin: 0 0 10px; color: #57606a; }
.violation { border-top: 1px solid var(--line); padding-top: 8px; margin-top: 8px; }
.violation h4 { margin: 0 0 6px; font-size: 15px; }
.diagnosis { font-size: 15px; margin: 6px 0; padding: 6px 10px; background: #fff8c5; border-radius: 4px; display: inline-block; }
dl.re { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0; }
dl.re dt { font-weight: 600; } dl.re dd { margin: 0; }
code, pre { font-family: var(--mono); font-size: 12.5px; white-space: pre-wrap; }
.esc { color: #8250df; background: #fbefff; border-radius: 2px; }
.card h2 { margin-top: 0; }
pre { margin: 0; padding: 8px 10px; background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; white-space: pre-wrap; word-break: break-all; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin: 8px 0; }
.pair figure { margin: 0; min-width: 0; } .pair figcaption { font-weight: 600; margin-bottom: 3px; }
del { background: #ffc1bd; color: #82071e; text-decoration: none; outline: 1px solid #ff8182; }
ins { background: #abf2bc; color: #055d20; text-decoration: none; outline: 1px solid #4ac26b; }
.codes { color: #57606a; margin: 2px 0 6px; font-family: var(--mono); font-size: 12px; }
ol.sequence { margin: 4px 0; padding-left: 22px; font-family: var(--mono); font-size: 12px; }
pre.cmd { background: #24292f; color: #f6f8fa; border-color: #24292f; }
h5 { margin: 12px 0 4px; font-size: 13px; }
.muted { color: #57606a; }
`;

/** Escaped text with the \u{XXXX} escapes of invisible characters marked, so a reader tells them from text. */
function marked(html: string): string {
  return html.replace(/\\u\{[0-9A-F]{4,6}\}/g, (escape) => `<span class="esc">${escape}</span>`);
}

function segmentsHtml(segments: Segment[], tag: 'del' | 'ins'): string {
  return segments
    .map((s) => (s.changed ? `<${tag}>${escapeHtml(s.text)}</${tag}>` : escapeHtml(s.text)))
    .join('');
}

function headerHtml(result: RunResult, failures: number): string {
  // With a baseline, only new findings (and regressions) fail the gate: the header says which way it went.
  const failing = findingGroups(result).failing.length;
  const gated = result.baseline !== undefined && result.verdict === 'violations';
  const conforms = result.verdict === 'conforms' || (gated && failing === 0);
  const word = gated
    ? failing === 0
      ? 'NO NEW FINDINGS'
      : `NEW FINDINGS: ${failing}`
    : conforms
      ? 'CONFORMS'
      : `VIOLATIONS: ${plural(failures, 'failure')}`;
  const meta: Array<[string, string]> = [
    ['Seed', String(result.seed)],
    ['Target', `${result.baseUrl} (${result.target})`],
    ['Started', result.startedAt],
    ['Duration', formatDuration(result.durationMs)],
    ['Requests', String(result.requests)],
    ['Runs', String(result.runs)],
    ['PUT semantics', result.putSemantics],
    ['Re-run', result.rerunCommand],
  ];
  return `<header class="${conforms ? 'pass' : 'fail'}"><div class="inner">
<h1>Unified Customer API conformance <span class="verdict">${result.stopped ? 'NO VERDICT' : word}</span></h1>
<div class="endpoint">PUT /unified/customer/{id}</div>${result.stopped ? `\n<p class="stopped">No verdict: ${t(outageTitle(result.stopped))}. The checks below are those judged before.</p>` : ''}${result.bailed ? `\n<p class="stopped">${t(bailLine(result.bailed))}.</p>` : ''}${result.throttling ? `\n<p class="stopped">${t(throttleLine(result.throttling))}.</p>` : ''}
<dl class="meta">${meta.map(([k, v]) => `<div><dt>${t(k)}</dt><dd>${t(v)}</dd></div>`).join('')}</dl>
</div></header>`;
}

function cell(rule: RuleId, check: CheckResult, entries: FailureEntry[]): string {
  if (!check.rules.includes(rule)) return '<td class="na" title="not judged by this check">·</td>';
  const cases = check.cases[rule] ?? 0;
  const failing = entries.filter((e) => e.check === check && e.failure.rule === rule);
  const first = failing[0];
  if (first !== undefined) {
    return `<td class="fail" title="${t(`${rule} × ${check.id}: ${failing.length} failing of ${cases} cases`)}"><a href="#${first.anchor}">✗ ${failing.length}</a><small> / ${cases}</small></td>`;
  }
  if (check.error !== undefined) return `<td class="err" title="${t(check.error)}">error</td>`;
  return `<td class="pass" title="${t(`${rule} × ${check.id}: ${cases} cases passed`)}">${cases}</td>`;
}

const STATUS_LABEL: Record<RuleSummary['status'], string> = {
  pass: 'PASS',
  fail: 'FAIL',
  'not-run': 'not run',
};

function matrixHtml(result: RunResult, entries: FailureEntry[]): string {
  const head = result.checks
    .map(
      (c) =>
        `<th class="check" title="${t(`${c.title} (${c.suite})`)}"><span>${t(c.id)}</span><small>${t(c.suite)}</small></th>`,
    )
    .join('');
  const rows = result.rules
    .map(
      (r) =>
        `<tr id="rule-${r.rule}"><td class="id">${r.rule}</td><td class="title">${t(r.title)}</td>` +
        result.checks.map((c) => cell(r.rule, c, entries)).join('') +
        `<td class="num">${r.cases}</td><td class="num">${r.failures}</td>` +
        `<td><span class="badge ${r.status}">${STATUS_LABEL[r.status]}</span></td></tr>`,
    )
    .join('\n');
  return `<section class="card" id="rules"><h2>Rules × checks</h2>
<table class="matrix"><thead><tr><th>Rule</th><th>Title</th>${head}<th>Cases</th><th>Failures</th><th>Status</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="legend">Cells: cases judged by the check for the rule. <span class="badge pass">passed</span><span class="badge fail">✗ failures / cases</span><span class="badge not-run">· not judged</span></p>
</section>`;
}

function violationHtml(violation: Violation, number: number, failure: Counterexample): string {
  const failureRule: RuleId = failure.rule;
  const rule = violation.rule === failureRule ? '' : `${violation.rule} `;
  const pointer =
    violation.pointer === undefined
      ? ''
      : ` <span class="muted">at <code>${t(violation.pointer)}</code></span>`;
  const parts = [
    `<div class="violation"><h4>${number}. ${t(rule + violation.title)}${pointer} <span class="muted">[${t(violation.check)}]</span></h4>`,
  ];
  if (violation.diagnosis !== undefined) {
    parts.push(
      `<p class="diagnosis">What happened to the value: <strong>${t(violation.diagnosis)}</strong></p>`,
    );
  }
  const changed = failure.exchanges.filter((e) => e.seq === violation.changedAfterSeq);
  const after =
    changed.length === 1 && changed[0] !== undefined
      ? `<dt>Changed after</dt><dd>${t(requestName(changed[0]))}: <code>${t(`${changed[0].request.method} ${changed[0].request.path}`)}</code> → ${t(String(changed[0].response?.status ?? changed[0].error ?? 'no answer'))}</dd>`
      : '';
  parts.push(
    `<dl class="re"><dt>Received</dt><dd><code>${t(violation.received)}</code></dd><dt>Expected</dt><dd><code>${t(violation.expected)}</code></dd>${after}</dl>`,
  );
  if (violation.sent !== undefined || violation.got !== undefined) {
    const diff = charDiff(showValue(violation.sent), showValue(violation.got));
    parts.push(
      `<div class="pair"><figure><figcaption>Sent</figcaption><pre>${segmentsHtml(diff.left, 'del')}</pre></figure>` +
        `<figure><figcaption>Received</figcaption><pre>${segmentsHtml(diff.right, 'ins')}</pre></figure></div>`,
    );
    const codes = differingCodePoints(violation.sent, violation.got);
    if (codes !== undefined)
      parts.push(`<p class="codes">Differs: ${t(codes.sent)} sent, ${t(codes.got)} received</p>`);
  }
  parts.push('</div>');
  return parts.join('\n');
}

/** Header lines, each shown and escaped on its own. */
function headersHtml(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([name, value]) => t(`${name}: ${value}`));
}

/** A body for reading: JSON pretty-printed, anything else as it came; invisible characters as escapes. */
function bodyText(text: string): { text: string; pretty: boolean } {
  if (text === '') return { text: '(empty body)', pretty: false };
  const pretty = prettyJson(text);
  const shown = pretty ?? text;
  return { text: showTextShort(shown, MAX_BODY, { keepNewlines: true }), pretty: pretty !== undefined };
}

const PRETTY = ' <span class="muted">· JSON, pretty-printed</span>';

function exchangeHtml(exchange: Exchange): string {
  const { request, response } = exchange;
  const requestHead = [t(`${request.method} ${request.path}`), ...headersHtml(request.headers)].join('\n');
  const requestBody = request.body === undefined ? undefined : bodyText(request.body);
  const left =
    `<figure><figcaption>Request #${exchange.seq} (${t(exchange.role)}, auth ${t(exchange.spec.auth)})` +
    `${requestBody?.pretty === true ? PRETTY : ''}</figcaption>` +
    `<pre>${marked(requestHead + (requestBody === undefined ? '' : `\n\n${escapeHtml(requestBody.text)}`))}</pre></figure>`;
  if (response === undefined) {
    const right = `<figure><figcaption>No response</figcaption><pre>${t(exchange.error ?? 'no answer')}</pre></figure>`;
    return `<div class="pair">${left}${right}</div>`;
  }
  const body = bodyText(response.text);
  const right =
    `<figure><figcaption>Response ${response.status}${body.pretty ? PRETTY : ''}</figcaption>` +
    `<pre>${marked(`${headersHtml(response.headers).join('\n')}\n\n${escapeHtml(body.text)}`)}</pre></figure>`;
  return `<div class="pair">${left}${right}</div>`;
}

function failureHtml(
  entry: FailureEntry,
  result: RunResult,
  relative: string | undefined,
  reportDir: string | undefined,
): string {
  const { failure, check, anchor } = entry;
  const parts = [
    `<section class="card failure" id="${anchor}">`,
    `<h3><span class="rule">${failure.rule}</span>${t(RULES[failure.rule])}</h3>`,
    `<p class="where">Check <code>${t(check.id)}</code> (${t(check.title)}, suite ${t(check.suite)}) · ${failure.outcome} · PUT semantics ${failure.putSemantics} · ${t(seedLine(failure))}</p>`,
    `<p class="where">Finding ${fingerprintsOf(failure)
      .map((f) => `<code>${t(f)}</code>`)
      .join(', ')}</p>`,
    ...failure.violations.map((v, i) => violationHtml(v, i + 1, failure)),
  ];
  const flaky = notReproducedInRun(failure);
  if (flaky !== undefined) parts.splice(3, 0, `<p class="where">${t(flaky)}</p>`);
  const shown = shownExchange(failure);
  if (shown !== undefined) parts.push('<h5>Exchange</h5>', exchangeHtml(shown));
  if (failure.exchanges.length > 1) {
    const items = failure.exchanges.map((e) => {
      const status = e.response === undefined ? (e.error ?? 'no answer') : String(e.response.status);
      return `<li>#${e.seq} ${t(e.role)}: ${t(`${e.request.method} ${e.request.path}`)} → ${t(status)}</li>`;
    });
    parts.push('<h5>Requests of this case, in order</h5>', `<ol class="sequence">${items.join('')}</ol>`);
  }
  const toSend = [requestExchange(failure), shown].filter(
    (e, i, all): e is Exchange => e !== undefined && all.indexOf(e) === i,
  );
  if (toSend.length > 0) {
    const setup = curlSetup(result.baseUrl);
    const lines = [setup.command, ...toSend.map((e) => curlFor(e, result.baseUrl))];
    parts.push(
      `<h5>Reproduce with curl <span class="muted">(${t(setup.note)})</span></h5>`,
      `<pre class="cmd">${escapeHtml(lines.join('\n'))}</pre>`,
    );
  }
  if (relative !== undefined) {
    const file = failureFilePath(relative, reportDir);
    const link = /^[a-z][a-z0-9+.-]*:|^\//i.test(relative)
      ? t(relative)
      : `<a href="${escapeHtml(relative)}">${t(relative)}</a>`;
    parts.push(
      '<h5>Replay and re-judge</h5>',
      `<pre class="cmd">${t(replayCommand(file))}</pre>`,
      `<p class="muted">Failure file: ${link}</p>`,
    );
  } else {
    parts.push(
      `<p class="muted">No failure file was saved; re-run with <code>${t(result.rerunCommand)}</code>.</p>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function findingItem(finding: Finding, anchorOf: Map<Counterexample, string>): string {
  const links = finding.failures
    .map((f, i) => `<a href="#${anchorOf.get(f) ?? ''}">failure ${i + 1}</a>`)
    .join(', ');
  const reason = finding.status === 'known' ? ` <span class="muted">${t(knownReason(finding))}</span>` : '';
  return `<li><strong>${FINDING_WORD[finding.status]}</strong> <code>${t(finding.fingerprint)}</code> ${t(finding.title)}${reason} · ${links}</li>`;
}

/** Findings first: the ones that fail the run, then the known ones folded, then baseline entries not seen. */
function findingsHtml(groups: FindingGroups, anchorOf: Map<Counterexample, string>): string {
  const total = groups.failing.length + groups.known.length;
  if (total === 0 && groups.notSeen.length === 0) return '';
  const parts = [`<section class="card" id="findings"><h2>Findings (${t(findingCounts(groups))})</h2>`];
  if (groups.failing.length > 0)
    parts.push(`<ul class="findings">${groups.failing.map((f) => findingItem(f, anchorOf)).join('')}</ul>`);
  if (groups.known.length > 0)
    parts.push(
      `<details class="known"><summary>Known findings (${groups.known.length}): in the baseline, they do not fail the run</summary><ul>${groups.known.map((f) => findingItem(f, anchorOf)).join('')}</ul></details>`,
    );
  if (groups.notSeen.length > 0)
    parts.push(
      `<details class="not-seen" open><summary>Baseline entries ${t(NOT_SEEN)} (${groups.notSeen.length})</summary><ul>${groups.notSeen.map((e) => `<li><code>${t(e.fingerprint)}</code> ${t(e.title)}</li>`).join('')}</ul></details>`,
    );
  parts.push('</section>');
  return parts.join('\n');
}

export function toHtml(
  result: RunResult,
  failureFiles: Map<Counterexample, string>,
  options: ReportOptions = {},
): string {
  const entries = listFailures(result);
  const conforms = result.verdict === 'conforms';
  const title = `${result.stopped ? 'No verdict' : conforms ? 'Conforms' : `${plural(entries.length, 'violation')}`}: Unified Customer API conformance`;
  const toc =
    entries.length === 0
      ? '<p>No failures.</p>'
      : `<ol class="toc">${entries
          .map(
            (e) =>
              `<li><a href="#${e.anchor}"><strong>${e.failure.rule}</strong> ${t(e.failure.violations[0]?.title ?? RULES[e.failure.rule])}</a>${e.failure.violations[0]?.diagnosis === undefined ? '' : `: <strong>${t(e.failure.violations[0].diagnosis)}</strong>`} <span class="muted">(check ${t(e.check.id)})</span></li>`,
          )
          .join('')}</ol>`;
  const broken = result.checks.filter((c) => c.error !== undefined);
  const anchorOf = new Map(entries.map((e) => [e.failure, e.anchor]));
  const findings = findingsHtml(findingGroups(result), anchorOf);
  const brokenHtml =
    broken.length === 0
      ? ''
      : `<section class="card"><h2>Checks that could not run</h2><ul>${broken.map((c) => `<li><code>${t(c.id)}</code>: ${t(c.error ?? '')}</li>`).join('')}</ul></section>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(title)}</title>
<style>${CSS}</style>
</head>
<body>
${headerHtml(result, entries.length)}
<main>
${findings}
${matrixHtml(result, entries)}
${coverageHtml(result)}
<section class="card" id="failures"><h2>Failures (${entries.length})</h2>${toc}</section>
${brokenHtml}
${entries.map((e) => failureHtml(e, result, failureFiles.get(e.failure), options.reportDir)).join('\n')}
</main>
</body>
</html>
`;
}
