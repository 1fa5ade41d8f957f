/**
 * `npm run bench [-- --quick] [-- --sections a,b] [-- --out FILE]`: what a gating run costs on this machine,
 * against the embedded reference backend, and how much of it is the suite rather than the network.
 *
 *   startup     fixed cost: node alone, the command line's --help, npm start -- --help
 *   compiled    the command line through tsx against the compiled package (dist/, npm run build): start-up to
 *               the first request and peak memory of a default run, taken in turns
 *   gating      default gating runs (all rules, default run counts): wall, CPU, peak RSS, requests, phases
 *   overhead    the suite vs a bare HTTP loop replaying its exchanges.ndjson with the suite's lanes and
 *               concurrency (like for like), at --runs 100 and 1000, and at 20 ms per request
 *   components  generation, judging and logging per request, in-process (bench/components.ts)
 *   scaling     --runs 100, 1000, 10000: time and memory
 *   bugs        three planted bugs: time to the first failure and to the shrunk counterexample
 *   latency     default runs against the embedded backend at 0, 20 and 100 ms per request (--embedded-delay):
 *               wall, requests, requests in flight over time, the floor; `npm run bench -- --latency` runs
 *               it alone; `--baseline DIR` (a checkout of the code before, with its node_modules) runs that
 *               code right after each run, so the two are compared within the same minute
 *
 * Every run is a child process (node --import tsx runner/cli.ts), as `npm start` runs it. Prints the tables
 * and writes them as markdown to bench/results.md. --quick: fewer repetitions, no --runs 10000.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { spread, fmt, fmtSpread, now, table, type Row } from './lib/stats.ts';
import { hasGnuTime, runMeasured, ROOT, type Measured } from './lib/child.ts';
import { cliRun, type RunFigures } from './lib/cli-run.ts';
import {
  CONCURRENCY as SUITE_CONCURRENCY,
  overheadRep,
  REPLAY_MODES,
  type OverheadRep,
  type ReplayMode,
} from './lib/overhead.ts';
import { bugRun, PLANTED, type BugRun } from './lib/bugs.ts';
import { load, machine } from './lib/machine.ts';
import { compiledAvailable, compiledRep, type CompiledRep, type Entry } from './lib/compiled.ts';
import { CHAIN, CONCURRENCY, floorMs, latencyRun, type LatencyRun } from './lib/latency.ts';

const SECTIONS = [
  'startup',
  'compiled',
  'gating',
  'overhead',
  'components',
  'scaling',
  'bugs',
  'latency',
] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sections: { type: 'string' },
    out: { type: 'string' },
    latency: { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const baselineRoot = values.baseline;
const quick = values.quick;
// The latency section alone keeps its own file, so it does not replace a full bench's results.
const outFile = values.out ?? (values.latency ? 'bench/results-latency.md' : 'bench/results.md');
const wanted = new Set<Section>(
  values.latency
    ? ['latency']
    : values.sections
      ? (values.sections.split(',').map((s) => s.trim()) as Section[]).filter((s) => SECTIONS.includes(s))
      : SECTIONS,
);
const plan = quick
  ? {
      startupReps: 2,
      compiledReps: 2,
      gatingReps: 2,
      // [--runs, repetitions, ms per request]
      overhead: [
        [100, 1, 0],
        [1000, 1, 0],
        [100, 1, 20],
      ],
      scaling: [[1000, 1]],
      bugSeeds: 2,
      componentsRuns: 100,
      latencyReps: 1,
      oneLane: false,
    }
  : {
      startupReps: 3,
      compiledReps: 5,
      gatingReps: 5,
      overhead: [
        [100, 3, 0],
        [1000, 3, 0],
        [100, 3, 20],
      ],
      scaling: [
        [1000, 2],
        [10000, 1],
      ],
      bugSeeds: 5,
      componentsRuns: 300,
      latencyReps: 3,
      oneLane: true,
    };

const MB = (kb: number) => kb / 1024;
const s = (ms: number) => ms / 1000;
const say = (line: string) =>
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const out: string[] = [];
const emit = (markdown: string) => {
  out.push(markdown);
  process.stdout.write(`\n${markdown}\n\n`);
};

const benchStarted = now();
const info = machine();
const loadAtStart = load();
say(`${quick ? 'quick' : 'full'} bench; load average at start (1/5/15 min): ${loadAtStart}`);

// ---------------------------------------------------------------------------------------------- startup
async function startup(): Promise<void> {
  const commands: [string, Parameters<typeof runMeasured>[0]][] = [
    ['node -e 0', { nodeArgs: ['-e', '0'] }],
    ['node --import tsx runner/cli.ts --help', { nodeArgs: ['--import', 'tsx', 'runner/cli.ts', '--help'] }],
    ['npm start -- --help', { command: 'npm', nodeArgs: ['start', '--silent', '--', '--help'] }],
  ];
  const rows: Row[] = [];
  for (const [label, spec] of commands) {
    const runs: Measured[] = [];
    for (let i = 0; i < plan.startupReps; i++) runs.push(await runMeasured(spec));
    rows.push([
      label,
      fmtSpread(spread(runs.map((r) => s(r.wallMs))), 2),
      fmtSpread(spread(runs.map((r) => r.userS + r.sysS)), 2),
      fmtSpread(spread(runs.map((r) => MB(r.maxRssKb))), 0),
    ]);
    say(`startup: ${label} done`);
  }
  emit(
    `## Fixed cost of starting (${plan.startupReps} runs each)\n\n` +
      table(['command', 'wall s', 'CPU s', 'peak RSS MB'], rows) +
      "\n\n`--help` loads every module the command line imports (vitest's Node API, the contract, the reporters) " +
      'through tsx, then exits: the floor under any run. npm adds its own start-up on top.',
  );
}

// ---------------------------------------------------------------------------------------------- compiled
async function compiled(): Promise<void> {
  if (!compiledAvailable()) {
    emit('## Loader against compiled\n\nSkipped: no dist/ (run `npm run build` first).');
    return;
  }
  const reps: CompiledRep[] = [];
  for (let i = 0; i < plan.compiledReps; i++) {
    // In turns, so a change in the machine's load falls on both alike.
    for (const entry of (i % 2 === 0 ? ['loader', 'compiled'] : ['compiled', 'loader']) as Entry[]) {
      const rep = await compiledRep(entry, 31 + i);
      reps.push(rep);
      say(
        `compiled: ${entry} ${i + 1}/${plan.compiledReps}: exit ${rep.run.code}, first request ${fmt(s(rep.firstRequestMs), 2)} s`,
      );
    }
  }
  const of = (entry: Entry) => reps.filter((r) => r.entry === entry);
  const median = (entry: Entry, f: (r: CompiledRep) => number) => spread(of(entry).map(f)).median;
  const rows: Row[] = (['loader', 'compiled'] as Entry[]).map((entry) => [
    entry === 'loader'
      ? '`node --import tsx runner/cli.ts` (npm start)'
      : '`node dist/runner/cli.js` (the bin)',
    fmtSpread(spread(of(entry).map((r) => s(r.firstRequestMs))), 2),
    fmtSpread(spread(of(entry).map((r) => MB(peakKb(r)))), 0),
    `${fmtSpread(spread(of(entry).map((r) => MB(r.run.maxRssKb))), 0)} / ${fmtSpread(spread(of(entry).map((r) => MB(r.run.treePeakKb))), 0)} (${Math.max(...of(entry).map((r) => r.run.treeProcesses))})`,
    fmtSpread(spread(of(entry).map((r) => s(r.run.wallMs))), 2),
    fmtSpread(spread(of(entry).map((r) => r.run.userS + r.run.sysS)), 2),
    of(entry)
      .map((r) => String(r.run.code))
      .join(' '),
  ]);
  const ratio = (f: (r: CompiledRep) => number) => fmt(median('loader', f) / median('compiled', f), 2);
  compiledPeakMB = Math.max(...of('compiled').map((r) => MB(peakKb(r))));
  emit(
    `## Loader against compiled (${plan.compiledReps} runs each, in turns)\n\n` +
      table(
        [
          'command',
          'spawn → first request s',
          'peak memory MB',
          'GNU time / process tree sampled MB (processes)',
          'wall s',
          'CPU s',
          'exit',
        ],
        rows,
      ) +
      `\n\nLoader / compiled (medians): start-up ${ratio((r) => r.firstRequestMs)}×, peak memory ` +
      `${ratio(peakKb)}×, wall ${ratio((r) => r.run.wallMs)}×. Peak memory, wall and CPU: a default run ` +
      '(embedded backend, `--seed N`); spawn → first request: a run against a backend served by the bench, which ' +
      'times the first request it gets (the preflight). Peak memory is what the machine must have: the larger of ' +
      "GNU time's peak RSS (the largest process; vitest's worker is a thread of it) and the summed RSS of the " +
      'whole process tree sampled every 200 ms.',
  );
}

/** The larger of GNU time's peak (one process, exact) and the process tree's summed peak (sampled). */
const peakKb = (r: CompiledRep): number => Math.max(r.run.maxRssKb, r.run.treePeakKb);
let compiledPeakMB = NaN;

// ---------------------------------------------------------------------------------------------- gating
const gating: RunFigures[] = [];
async function gatingRuns(): Promise<void> {
  for (let i = 0; i < plan.gatingReps; i++) {
    const run = await cliRun(['--seed', String(11 + i)], { timeoutMs: 10 * 60_000 });
    gating.push(run);
    say(
      `gating ${i + 1}/${plan.gatingReps}: exit ${run.code}, ${fmt(s(run.wallMs), 2)} s, ${run.requests} requests`,
    );
  }
  const row = (label: string, r: RunFigures): Row => [
    label,
    String(r.code),
    fmt(s(r.wallMs), 2),
    fmt(r.cpuS, 2),
    fmt(MB(r.maxRssKb), 0),
    String(r.requests),
    fmt(r.requests / s(r.wallMs), 0),
    fmt(s(r.phases?.startupMs ?? NaN), 2),
    fmt(s(r.phases?.vitestMs ?? NaN), 2),
    fmt(s(r.phases?.checksMs ?? NaN), 2),
    fmt(s(r.phases?.windDownMs ?? NaN), 2),
  ];
  const med = (f: (r: RunFigures) => number, d: number, k = 1) =>
    fmtSpread(spread(gating.map((r) => f(r) * k)), d);
  emit(
    `## 1. Default gating run (embedded reference backend, all rules, --runs 100), ${gating.length} runs\n\n` +
      table(
        [
          'run (seed)',
          'exit',
          'wall s',
          'CPU s',
          'peak RSS MB',
          'requests',
          'req/s',
          'start-up s',
          'vitest s',
          'checks s',
          'wind-down s',
        ],
        [
          ...gating.map((r, i) => row(`${i + 1} (${11 + i})`, r)),
          [
            '**median (min–max)**',
            '',
            med((r) => s(r.wallMs), 2),
            med((r) => r.cpuS, 2),
            med((r) => MB(r.maxRssKb), 0),
            med((r) => r.requests, 0),
            med((r) => r.requests / s(r.wallMs), 0),
            med((r) => s(r.phases?.startupMs ?? NaN), 2),
            med((r) => s(r.phases?.vitestMs ?? NaN), 2),
            med((r) => s(r.phases?.checksMs ?? NaN), 2),
            med((r) => s(r.phases?.windDownMs ?? NaN), 2),
          ],
        ],
      ) +
      `\n\nWall: spawn to exit of \`node --import tsx runner/cli.ts --seed N\` (what \`npm start\` runs). ` +
      `CPU (user+sys) and peak RSS: ${hasGnuTime() ? "GNU time's rusage of the child (vitest's worker is a thread of it)" : 'sampled from /proc'}. ` +
      'Requests: lines of its exchanges.ndjson. Phases from the time each progress line reached stderr: start-up ' +
      '(spawn → "seed" line: node, tsx, modules, contract, backend, preflight, fixtures), vitest (→ first "suite" ' +
      'line), checks (→ last check line), wind-down (→ exit: vitest closing, fixtures, reports).',
  );
}

// ---------------------------------------------------------------------------------------------- components
interface Components {
  runs: number;
  requests: number;
  perRequestUs: { generation: number; judging: number; logging: number; inProcessBackend: number };
  checks: {
    id: string;
    scenarios: number;
    requests: number;
    generationUsPerScenario: number;
    judgingUsPerScenario: number;
  }[];
}
let components: Components | undefined;
async function componentsBench(): Promise<void> {
  const m = await runMeasured({
    nodeArgs: ['--import', 'tsx', 'bench/components.ts', '--runs', String(plan.componentsRuns)],
  });
  if (m.code !== 0)
    throw new Error(`bench/components.ts exited ${m.code}: ${m.stderr.map((l) => l.text).join(' / ')}`);
  components = JSON.parse(m.stdout.trim().split('\n').pop() ?? '{}') as Components;
  const c = components;
  emit(
    `## Generation, judging, logging per request (in-process, ${c.runs} cases per property check, ${c.requests} requests)\n\n` +
      table(
        ['check', 'scenarios', 'requests', 'generation µs/scenario', 'judging µs/scenario'],
        c.checks.map((k) => [
          k.id,
          String(k.scenarios),
          String(k.requests),
          String(k.generationUsPerScenario),
          String(k.judgingUsPerScenario),
        ]),
      ) +
      `\n\nPer request, over the whole mix: generation **${c.perRequestUs.generation} µs**, judging **${c.perRequestUs.judging} µs**, ` +
      `exchange log (JSON.stringify + appendFileSync) **${c.perRequestUs.logging} µs**; the reference backend's handler called ` +
      `directly: ${c.perRequestUs.inProcessBackend} µs. CPU time (process.cpuUsage around each part), so a busy machine ` +
      "does not inflate it. Measured by bench/components.ts: the suites' arbitraries sampled with " +
      'fast-check (fc.sample, the same generate path fc.check uses), played through a stand-in client that calls the ' +
      "backend's handler in-process, judged with judge(), logged with ExchangeLog; after a warm-up pass. Fixed " +
      'catalogues are generated once per run, so their per-scenario figure includes their one-off cost.',
  );
}

// ---------------------------------------------------------------------------------------------- overhead
/** At 0 ms per request, by --runs (what the targets and the time split read). */
const overhead = new Map<number, OverheadRep[]>();
async function overheadRuns(): Promise<void> {
  for (const [runs, reps, delayMs] of plan.overhead as [number, number, number][]) {
    const list: OverheadRep[] = [];
    for (let i = 0; i < reps; i++) {
      // With latency, one request at a time takes minutes: only the like-for-like loop is played.
      const rep = await overheadRep(runs, 21 + i, delayMs, delayMs > 0 ? ['laned'] : REPLAY_MODES);
      list.push(rep);
      const bare = rep.replays.find((r) => r.mode === 'laned');
      say(
        `overhead --runs ${runs} at ${delayMs} ms ${i + 1}/${reps}: suite phase ${fmt(s(rep.spanMs), 2)} s, laned loop ${fmt(s(bare?.spanMs ?? NaN), 2)} s` +
          (rep.notes.length ? ` (${rep.notes.join('; ')})` : ''),
      );
    }
    if (delayMs === 0) overhead.set(runs, list);
    emit(overheadTable(runs, delayMs, list));
  }
}

function replayOf(rep: OverheadRep, mode: ReplayMode) {
  return rep.replays.find((r) => r.mode === mode);
}

function overheadTable(runs: number, delayMs: number, reps: OverheadRep[]): string {
  const m = (f: (r: OverheadRep) => number, d = 2) => fmtSpread(spread(reps.map(f)), d);
  const span = (mode: ReplayMode) => (r: OverheadRep) => s(replayOf(r, mode)?.spanMs ?? NaN);
  const loop = (mode: ReplayMode) => (r: OverheadRep) => s(replayOf(r, mode)?.loopMs ?? NaN);
  const perReq = (a: (r: OverheadRep) => number, b: (r: OverheadRep) => number) => (r: OverheadRep) =>
    ((a(r) - b(r)) * 1e6) / r.suiteRequests;
  const suiteSpan = (r: OverheadRep) => s(r.spanMs);
  const rows: Row[] = [
    ["requests: all / the suites' own", `${m((r) => r.requests, 0)} / ${m((r) => r.suiteRequests, 0)}`],
    ['suite: process wall s', m((r) => s(r.suite.wallMs))],
    ['suite: start-up s (spawn → first suite request)', m((r) => s(r.startupMs))],
    ['suite: request phase s (first → last suite request)', m(suiteSpan)],
    ['suite: wind-down s (last suite request → exit)', m((r) => s(r.windDownMs))],
    [
      'suite: CPU s (child) / backend CPU s (this process)',
      `${m((r) => r.suite.cpuS)} / ${m((r) => r.backendCpuS)}`,
    ],
    [
      `bare loop, laned (the suite's lanes at once, at most ${SUITE_CONCURRENCY} in flight, keep-alive): all s / phase s`,
      `${m(loop('laned'))} / ${m(span('laned'))}`,
    ],
    [
      '**ratio, request phase: suite / bare laned loop (like for like: the suite’s own cost)**',
      `**${m((r) => suiteSpan(r) / span('laned')(r))}**`,
    ],
    [
      '**overhead per request µs** (suite − bare laned loop, request phase)',
      `**${m(perReq(suiteSpan, span('laned')), 0)}**`,
    ],
    [
      'bare loop, one request at a time, keep-alive: all requests s / same phase s',
      `${m(loop('keepalive'))} / ${m(span('keepalive'))}`,
    ],
    ['bare loop, new connection each: all s / phase s', `${m(loop('close'))} / ${m(span('close'))}`],
    [
      'suite client only (ApiClient, supertest): all s / phase s',
      `${m(loop('suite-client'))} / ${m(span('suite-client'))}`,
    ],
    [
      'CPU µs per request (process CPU / all requests): suite, bare keep-alive, new connection each, suite client',
      [
        (r: OverheadRep) => r.suite.cpuS,
        (r: OverheadRep) => replayOf(r, 'keepalive')?.cpuS ?? NaN,
        (r: OverheadRep) => replayOf(r, 'close')?.cpuS ?? NaN,
        (r: OverheadRep) => replayOf(r, 'suite-client')?.cpuS ?? NaN,
      ]
        .map((f) => m((r) => (f(r) * 1e6) / r.requests, 0))
        .join(', '),
    ],
    [
      'ratio, request phase: suite / bare one-at-a-time keep-alive (not like for like: the suite has lanes)',
      m((r) => suiteSpan(r) / span('keepalive')(r)),
    ],
    ['ratio, request phase: suite / bare new connection each', m((r) => suiteSpan(r) / span('close')(r))],
    [
      'ratio, whole run: suite process wall / bare laned loop',
      m((r) => s(r.suite.wallMs) / loop('laned')(r)),
    ],
    [
      'suite − bare one-at-a-time keep-alive µs per request (the split below starts from it)',
      m(perReq(suiteSpan, span('keepalive')), 0),
    ],
    [
      '  of which HTTP client (supertest, JSON parse, redaction) µs',
      m(perReq(span('suite-client'), span('keepalive')), 0),
    ],
    ['    of which a new TCP connection per request µs', m(perReq(span('close'), span('keepalive')), 0)],
  ];
  if (components) {
    const c = components.perRequestUs;
    rows.push(
      [
        '  generation / judging / exchange log µs (in-process, CPU)',
        `${c.generation} / ${c.judging} / ${c.logging}`,
      ],
      [
        '  rest µs (vitest loading suite files, fast-check loop, GC, waiting for a core)',
        m((r) => perReq(suiteSpan, span('suite-client'))(r) - c.generation - c.judging - c.logging, 0),
      ],
    );
  }
  rows.push(
    ['reporting µs per request (wind-down / all requests)', m((r) => (r.windDownMs * 1000) / r.requests, 0)],
    [
      'replay fidelity: answers with another status than logged',
      reps.map((r) => r.replays.map((x) => x.mismatches).join('/')).join(', '),
    ],
  );
  const notes = reps.flatMap((r) => [
    ...r.notes,
    ...r.replays.flatMap((x) => (x.note ? [`${x.mode}: ${x.note}`] : [])),
  ]);
  return (
    `## 2. Overhead over the network at --runs ${runs}, ${delayMs} ms per request (${reps.length} run${reps.length > 1 ? 's' : ''}, median (min–max))\n\n` +
    table(['figure', 'value'], rows) +
    '\n\nThe suite ran with --base-url against a reference backend served by the bench; its exchanges.ndjson was ' +
    'then replayed by bench/replay.ts (a child process) against a fresh reference backend answering as late (the ' +
    "same creates first, so the same ids). Like for like, the laned loop sends the same requests with the suite's " +
    `concurrency: each lane's requests in order, every lane at once, at most ${SUITE_CONCURRENCY} in flight (the suite's --concurrency), ` +
    'no barrier between checks; its ratio is the suite’s own cost. The other loops send one request at a time ' +
    '(each burst at once) and split that cost. Phase times are read at the backend over ' +
    "the suites' own requests (preflight, fixtures and clean-up excluded), so the suite's start-up and reports do " +
    'not count in the request-phase ratio; the whole-run ratio counts them. Client = suite-client replay − keep-alive ' +
    'replay; generation, judging and logging come from the components bench (CPU time, measured apart); the rest is ' +
    'what remains of the request phase (wall time: it includes waiting for a core on a busy machine, and can come ' +
    'out slightly negative when the parts were measured under a different load).' +
    (notes.length ? `\n\nNotes: ${notes.join('; ')}` : '')
  );
}

// ---------------------------------------------------------------------------------------------- scaling
const scaling = new Map<number, RunFigures[]>();
async function scalingRuns(): Promise<void> {
  if (gating.length > 0) scaling.set(100, gating);
  for (const [runs, reps] of plan.scaling as [number, number][]) {
    const list: RunFigures[] = [];
    for (let i = 0; i < reps; i++) {
      say(`scaling --runs ${runs} ${i + 1}/${reps} (load ${load()})`);
      const run = await cliRun(['--seed', String(31 + i), '--runs', String(runs)], {
        timeoutMs: 30 * 60_000,
      });
      list.push(run);
      say(
        `  exit ${run.code}, ${fmt(s(run.wallMs), 1)} s, ${run.requests} requests, peak ${fmt(MB(run.maxRssKb), 0)} MB${run.tail ? `: ${run.tail}` : ''}`,
      );
    }
    scaling.set(runs, list);
  }
  const base = scaling.get(100);
  const rows: Row[] = [...scaling.entries()].map(([runs, list]) => {
    const med = (f: (r: RunFigures) => number) => spread(list.map(f)).median;
    const marginal =
      base && runs !== 100
        ? ((med((r) => r.wallMs) - spread(base.map((r) => r.wallMs)).median) * 1000) /
          (med((r) => r.requests) - spread(base.map((r) => r.requests)).median)
        : NaN;
    return [
      String(runs),
      String(list.length),
      list.map((r) => String(r.code)).join(','),
      fmt(
        med((r) => r.requests),
        0,
      ),
      fmt(med((r) => r.logBytes) / 2 ** 20, 1),
      fmtSpread(spread(list.map((r) => s(r.wallMs))), 1),
      fmt(
        med((r) => r.cpuS),
        1,
      ),
      fmt(
        med((r) => s(r.phases?.checksMs ?? NaN)),
        1,
      ),
      fmt(
        med((r) => s(r.phases?.windDownMs ?? NaN)),
        2,
      ),
      fmt(
        med((r) => (r.requests / (r.phases?.checksMs ?? NaN)) * 1000),
        0,
      ),
      fmt(marginal, 0),
      fmt(MB(med((r) => r.rssMidChecksKb)), 0),
      fmt(MB(med((r) => r.hwmChecksEndKb)), 0),
      fmtSpread(spread(list.map((r) => MB(r.maxRssKb))), 0),
    ];
  });
  const failures = [...scaling.values()].flat().filter((r) => r.tail);
  emit(
    '## 3. How the cost grows (embedded backend, all rules)\n\n' +
      table(
        [
          '--runs',
          'runs',
          'exit',
          'requests',
          'log MiB',
          'wall s',
          'CPU s',
          'checks s',
          'wind-down s',
          'req/s in checks',
          'marginal µs/request',
          'RSS mid-checks MB',
          'peak RSS to end of checks MB',
          'peak RSS MB',
        ],
        rows,
      ) +
      '\n\nMarginal µs/request: (wall − wall at --runs 100) / (requests − requests at --runs 100). RSS mid-checks: ' +
      'VmRSS sampled halfway through the checks phase; peak to end of checks: VmHWM when the last check line came; ' +
      'peak: the whole run, wind-down included.' +
      (failures.length
        ? `\n\nRuns without a verdict: ${failures.map((r) => `${r.args.join(' ')} → exit ${r.code}: ${r.tail}`).join('; ')}`
        : ''),
  );
}

// ---------------------------------------------------------------------------------------------- bugs
const bugs: BugRun[] = [];
async function bugRuns(): Promise<void> {
  for (const planted of PLANTED) {
    for (let i = 0; i < plan.bugSeeds; i++) {
      const run = await bugRun(planted.id, 41 + i);
      bugs.push(run);
      say(
        `bug ${planted.id} seed ${41 + i}: exit ${run.code}, first failure at case ${run.numRuns}, ${fmt(s(run.firstFailureMs), 2)} s; shrunk ${fmt(s(run.shrunkMs), 2)} s`,
      );
    }
  }
  const rows: Row[] = PLANTED.map((planted) => {
    const list = bugs.filter((b) => b.variant === planted.id);
    const m = (f: (b: BugRun) => number, d = 2) => fmtSpread(spread(list.map(f)), d);
    return [
      `${planted.id} (${planted.what})`,
      `${list.filter((b) => b.code === 1).length}/${list.length} (${[...new Set(list.flatMap((b) => b.rules))].join(' ')})`,
      m((b) => b.numRuns, 0),
      m((b) => s(b.firstFailureMs)),
      m((b) => s(b.firstFailureInCheckMs)),
      `${m((b) => b.numShrinks, 0)} / ${m((b) => b.shrinkPlays, 0)}`,
      m((b) => s(b.shrunkMs)),
      m((b) => s(b.exitMs)),
      m((b) => b.requests, 0),
    ];
  });
  const notes = bugs.flatMap((b) => b.notes.map((n) => `${b.variant} seed ${b.seed}: ${n}`));
  emit(
    `## 4. Bugs found per second (--only valid-updates, --runs 100, ${plan.bugSeeds} seeds each, median (min–max))\n\n` +
      table(
        [
          'planted bug',
          'caught (rules)',
          'cases to 1st failure',
          '1st failure s',
          '1st failure s (in check)',
          'shrinks: kept / tried',
          'shrunk s',
          'exit s',
          'requests',
        ],
        rows,
      ) +
      '\n\nTimes from the spawn of the command line, read at the backend (served by the bench, timed per request): ' +
      "the first failure is the last answer of the check's numRuns-th case (fast-check's numRuns counts the failing " +
      'run; cases are found in exchanges.ndjson by their roles); "in check" counts from the check\'s first request ' +
      "instead. Shrinking ends where the property's next round starts (it replays the first case again, same seed), " +
      "or at the check's last request; kept = fast-check's numShrinks, tried = cases played meanwhile (the suite stops " +
      'trying after 120). Exit: the failure file and reports are written.' +
      (notes.length ? `\n\nNotes: ${notes.join('; ')}` : ''),
  );
}

// ---------------------------------------------------------------------------------------------- latency
const DELAYS = [0, 20, 100];
const latency = new Map<number, LatencyRun[]>();
const oneLane = new Map<number, LatencyRun>();
const medianWall = (runs: LatencyRun[] | undefined) => spread((runs ?? []).map((r) => r.run.wallMs)).median;
/** Start-up as the runs with no delay show it: spawn → first suite line (node, tsx, modules, fixtures, vitest). */
const latencyStartupMs = () =>
  spread(
    (latency.get(0) ?? []).map((r) => (r.run.phases ? r.run.phases.startupMs + r.run.phases.vitestMs : NaN)),
  ).median;

/** The same runs of the code before (--baseline), each right after its counterpart: same seed, same minute. */
const before = new Map<number, LatencyRun[]>();
const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : fmt(s(ms), 1));

async function latencyRuns(): Promise<void> {
  for (const delay of DELAYS) {
    const runs: LatencyRun[] = [];
    const was: LatencyRun[] = [];
    for (let i = 0; i < plan.latencyReps; i++) {
      const run = await latencyRun(11 + i, delay);
      runs.push(run);
      say(
        `latency ${delay} ms ${i + 1}/${plan.latencyReps}: exit ${run.run.code}, ${fmt(s(run.run.wallMs), 2)} s`,
      );
      if (baselineRoot) {
        const old = await latencyRun(11 + i, delay, undefined, baselineRoot);
        was.push(old);
        say(`latency ${delay} ms ${i + 1}/${plan.latencyReps}, before: ${fmt(s(old.run.wallMs), 2)} s`);
      }
    }
    latency.set(delay, runs);
    if (was.length > 0) before.set(delay, was);
  }
  // One lane: how every run went before lanes (each case after the previous one).
  if (plan.oneLane) {
    for (const delay of [0, 20]) {
      const run = await latencyRun(11, delay, 1);
      oneLane.set(delay, run);
      say(`latency ${delay} ms, one lane: exit ${run.run.code}, ${fmt(s(run.run.wallMs), 2)} s`);
    }
  }
  const startup = latencyStartupMs();
  const row = (label: string, delay: number, runs: LatencyRun[], at0: number): Row => {
    const med = (f: (r: LatencyRun) => number) => spread(runs.map(f)).median;
    const requests = med((r) => r.requests);
    const floor = floorMs(startup, requests, delay);
    const wall = med((r) => r.run.wallMs);
    return [
      label,
      runs.map((r) => String(r.run.code)).join(','),
      fmtSpread(spread(runs.map((r) => s(r.run.wallMs))), 2),
      fmt(requests, 0),
      fmt(
        med((r) => r.inFlight),
        1,
      ),
      fmt(
        med((r) => r.profile?.average ?? NaN),
        1,
      ),
      seconds(med((r) => r.profile?.atCapMs ?? NaN)),
      seconds(med((r) => r.profile?.lowMs ?? NaN)),
      fmt(s(floor), 2),
      fmt(wall / floor, 2),
      fmt(wall / at0, 2),
    ];
  };
  const at0 = medianWall(latency.get(0));
  const rows: Row[] = DELAYS.map((d) => row(`${d} ms`, d, latency.get(d) ?? [], at0));
  for (const [delay, runs] of before)
    rows.push(row(`${delay} ms, before`, delay, runs, medianWall(before.get(0))));
  for (const [delay, run] of oneLane) rows.push([...row(`${delay} ms, --lanes 1`, delay, [run], at0)]);
  emit(
    `## Latency: a default run against the embedded backend answering each request late (${plan.latencyReps} runs each)\n\n` +
      table(
        [
          'delay per request',
          'exit',
          'wall s',
          'requests',
          'in flight (avg over wall)',
          'in flight (avg while sending)',
          `${CONCURRENCY} in flight s`,
          `under ${CONCURRENCY / 4} in flight s`,
          'floor s',
          'wall / floor',
          'wall / wall at 0 ms',
        ],
        rows,
      ) +
      `\n\n\`npm start -- --seed N --embedded-delay D\` (default lanes and --concurrency ${CONCURRENCY}). In flight over ` +
      "wall: the sum of every request's time in exchanges.ndjson over the wall time; while sending: the same, " +
      'weighted by time, from the first request sent to the last answered, with how long the cap was full and how ' +
      `long fewer than ${CONCURRENCY / 4} requests were in flight (lanes waiting on one slow lane, work one lane does alone, ` +
      `set-up, the wait for vitest). Floor: start-up (spawn → first suite line, ` +
      `median of the runs at 0 ms: ${fmt(s(startup), 2)} s) + the larger of requests × delay / ${CONCURRENCY} and the ` +
      `longest chain of requests that must follow one another (${CHAIN}: preflight, a lane's set-up, the semantics ` +
      'probe, the longest case, the end-of-run read, the put-back) × delay.' +
      (before.size > 0
        ? ` "before": the code in ${baselineRoot}, run right after each run above with the same seed.`
        : ''),
  );
}

// ---------------------------------------------------------------------------------------------- targets
function verdicts(): void {
  const rows: Row[] = [];
  const verdict = (ok: boolean | undefined) =>
    ok === undefined ? 'not measured' : ok ? '**met**' : '**NOT met**';
  const wall = gating.length ? spread(gating.map((r) => s(r.wallMs))).median : NaN;
  rows.push([
    'default gating run under 20 s wall',
    `${fmt(wall, 2)} s (median of ${gating.length})`,
    verdict(gating.length ? wall < 20 : undefined),
  ]);
  const at1000 = overhead.get(1000) ?? [];
  const ratio = at1000.length
    ? spread(at1000.map((r) => r.spanMs / (replayOf(r, 'laned')?.spanMs ?? NaN))).median
    : NaN;
  const whole = at1000.length
    ? spread(at1000.map((r) => r.suite.wallMs / (replayOf(r, 'laned')?.loopMs ?? NaN))).median
    : NaN;
  rows.push([
    'overhead ratio under 1.5 at --runs 1000',
    `${fmt(ratio, 2)} request phase vs the same requests from a bare loop with the same lanes and cap (whole run: ${fmt(whole, 2)})`,
    verdict(at1000.length ? ratio < 1.5 : undefined),
  ]);
  rows.push([
    'peak memory of a compiled default run under 250 MB',
    Number.isNaN(compiledPeakMB) ? 'n/a' : `${fmt(compiledPeakMB, 0)} MB (the highest of its runs)`,
    verdict(Number.isNaN(compiledPeakMB) ? undefined : compiledPeakMB < 250),
  ]);
  const big = scaling.get(10000) ?? [];
  const peak = big.length ? spread(big.map((r) => MB(r.maxRssKb))).median : NaN;
  rows.push([
    'peak memory under 300 MB at --runs 10000',
    big.length ? `${fmt(peak, 0)} MB (exit ${big.map((r) => r.code).join(',')})` : 'skipped (--quick)',
    verdict(big.length ? peak < 300 && big.every((r) => r.code === 0) : undefined),
  ]);
  if (latency.size > 0) {
    const at0 = medianWall(latency.get(0));
    const at20 = medianWall(latency.get(20));
    const at100 = medianWall(latency.get(100));
    const was0 = before.size > 0 ? medianWall(before.get(0)) : undefined;
    const floor100 = floorMs(
      latencyStartupMs(),
      spread((latency.get(100) ?? []).map((r) => r.requests)).median,
      100,
    );
    rows.push(
      [
        'at 0 ms per request no slower than the code before (--baseline, same minute)',
        was0 === undefined
          ? `${fmt(s(at0), 2)} s (no --baseline)`
          : `${fmt(s(at0), 2)} s against ${fmt(s(was0), 2)} s (${fmt(at0 / was0, 2)} ×)`,
        // Within 5 %: two runs in the same minute on a shared machine differ by that much with the same code.
        verdict(was0 === undefined ? undefined : at0 <= was0 * 1.05),
      ],
      [
        'at 20 ms per request at most 1.5 × the wall time at 0 ms',
        `${fmt(at20 / at0, 2)} × (${fmt(s(at20), 2)} s)`,
        verdict(at20 / at0 <= 1.5),
      ],
      [
        'at 100 ms per request within 1.3 × the floor',
        `${fmt(at100 / floor100, 2)} × (${fmt(s(at100), 2)} s, floor ${fmt(s(floor100), 2)} s)`,
        verdict(at100 / floor100 <= 1.3),
      ],
    );
  }
  emit('## Targets\n\n' + table(['target', 'measured', 'verdict'], rows));
}

/** Where the time of a --runs 100 run goes, from the overhead runs (same requests, split by what was measured). */
function whereTimeGoes(): void {
  const reps = overhead.get(100);
  if (!reps?.length) return;
  const med = (f: (r: OverheadRep) => number) => spread(reps.map(f)).median;
  const wall = med((r) => r.suite.wallMs);
  const n = med((r) => r.suiteRequests);
  const bare = med((r) => replayOf(r, 'laned')?.spanMs ?? NaN);
  const client = med(
    (r) => (replayOf(r, 'suite-client')?.spanMs ?? NaN) - (replayOf(r, 'keepalive')?.spanMs ?? NaN),
  );
  const span = med((r) => r.spanMs);
  const c = components?.perRequestUs;
  const parts: [string, number][] = [
    ['start-up: node, tsx, modules, fixtures, vitest (spawn → first suite request)', med((r) => r.startupMs)],
    ['the network and the backend (bare loop, same requests, same lanes and cap)', bare],
    ['HTTP client: supertest, a connection per request, JSON parse', client],
  ];
  if (c) {
    parts.push(
      ['generation (fast-check arbitraries)', (c.generation * n) / 1000],
      ['judging (the checks)', (c.judging * n) / 1000],
      ['exchange log', (c.logging * n) / 1000],
      [
        'rest of the request phase (vitest loading suite files, fast-check loop, GC, waiting for a core)',
        span - bare - client - ((c.generation + c.judging + c.logging) * n) / 1000,
      ],
    );
  } else {
    parts.push([
      'generation, judging, logging, vitest (not split: components skipped)',
      span - bare - client,
    ]);
  }
  parts.push(['wind-down: vitest close, fixtures, reports', med((r) => r.windDownMs)]);
  const rows = parts.map(([label, ms]): Row => [label, fmt(s(ms), 2), `${fmt((ms / wall) * 100, 0)} %`]);
  rows.push(['**whole run (process wall)**', `**${fmt(s(wall), 2)}**`, '100 %']);
  const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 2);
  emit(
    '## What dominates the time (--runs 100, suite against the bench-served backend)\n\n' +
      table(['part', 's', 'share'], rows) +
      `\n\nLargest: ${top.map(([label, ms]) => `${label.split(':')[0]} (${fmt((ms / wall) * 100, 0)} %)`).join(', then ')}. ` +
      "Network = the laned bare loop's time over the same requests; client = the suite's ApiClient replaying them " +
      'one at a time minus a bare loop doing the same; generation/judging/logging = per-request costs of the components bench × requests; the rest is what ' +
      'remains of the measured request phase.',
  );
}

// ---------------------------------------------------------------------------------------------- main
const steps: [Section, () => Promise<void>][] = [
  ['startup', startup],
  ['compiled', compiled],
  ['gating', gatingRuns],
  ['components', componentsBench],
  ['overhead', overheadRuns],
  ['scaling', scalingRuns],
  ['bugs', bugRuns],
  ['latency', latencyRuns],
];
const errors: string[] = [];
for (const [name, step] of steps) {
  if (!wanted.has(name)) continue;
  say(`${name} (load ${load()})`);
  try {
    await step();
  } catch (error) {
    errors.push(`${name}: ${(error as Error).stack ?? String(error)}`);
    say(`${name} FAILED: ${(error as Error).message}`);
  }
}
whereTimeGoes();
verdicts();

const header =
  `# Benchmark results (${quick ? '`npm run bench -- --quick`' : '`npm run bench`'})\n\n` +
  `- Date: ${info.date}\n` +
  `- Machine: ${info.cores} cores (nproc), ${info.cpu}, ${info.memoryGiB} GiB RAM; Node ${info.node}; ${ROOT}\n` +
  `- Load average (1/5/15 min) at start: ${loadAtStart}; at end: ${load()} (the machine may be shared: ` +
  'wall times include waiting for a core, CPU times do not)\n' +
  `- Bench wall time: ${fmt((now() - benchStarted) / 60000, 1)} min; sections: ${[...wanted].join(', ')}\n` +
  (errors.length ? `- Errors: ${errors.map((e) => e.split('\n')[0]).join('; ')}\n` : '');
// Formatted as the repository's prettier config wants it, so `npm run format:check` stays clean after a bench.
const markdown = `${header}\n${out.join('\n\n')}\n`;
const prettier = await import('prettier').catch(() => undefined);
const config = (await prettier?.resolveConfig(outFile)) ?? {};
writeFileSync(
  outFile,
  prettier ? await prettier.format(markdown, { ...config, filepath: outFile }) : markdown,
);
say(`written ${outFile}`);
if (errors.length) {
  for (const e of errors) process.stderr.write(`${e}\n`);
  process.exit(1);
}
process.exit(0);
