import type { Sample } from './servers';
import { SERVER_NODE_OPTIONS } from '../common/serverProcess';

/** Nearest-rank percentiles of a latency series, in ms. */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function stats(values: number[]): Stats {
  const xs = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!xs.length) return { n: 0, p50: NaN, p95: NaN, max: NaN, mean: NaN };
  const rank = (p: number) => xs[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];
  return { n: xs.length, p50: rank(50), p95: rank(95), max: xs[xs.length - 1], mean: xs.reduce((a, b) => a + b, 0) / xs.length };
}

export interface ServerRow {
  /** The typing run's own open and re-open (after its keystrokes). */
  open: Sample;
  reopen: Sample;
  /** First diagnostics in a freshly started server: the typing run's open and those of the extra servers. */
  fresh: Stats;
  /** First diagnostics when the server is already running and has had the file open before (re-opens). */
  running: Stats;
  /** First diagnostics when the server is already running and opens the same text under a name it has not seen. */
  unseen: Stats;
  keystroke: Stats;
  /** Diagnostics in the first report and after the last keystroke: shows the server really checked the file. */
  counts: { open: number; last: number };
  peakRssKb?: number;
  error?: string;
}

export interface Results {
  meta: {
    date: string;
    commit: string;
    node: string;
    markdownNode: string;
    nproc: number;
    cpu: string;
    loadavg: { start: number[]; end: number[] };
    rules: number;
    keystrokes: number;
  };
  servers: { id: string; label: string; mode: string }[];
  bundles: { file: string; bytes: number }[];
  parses: {
    role: string;
    file: string;
    bytes: number;
    remarkParseMs: number;
    oursFullParseMs: number;
    /** Bare remark-parse as the first parse of a fresh process (median over several processes). */
    remarkColdParseMs: number;
  }[];
  typing: { role: string; file: string; bytes: number; line: number; inSpecification: boolean; runs: Record<string, ServerRow> }[];
  openAll: Record<string, { first: Stats; peakRssKb?: number; files: { file: string; bytes: number; ms: number; count: number }[]; error?: string }>;
  targets: { name: string; limit: string; value: string; met: boolean }[];
}

const ms = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (kb: number | undefined) => (kb === undefined ? 'n/a' : (kb / 1024).toFixed(1));
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`;

/** The targets of issue 7, judged on this run. */
export function judge(r: Results): Results['targets'] {
  const row = (role: string, id: string) => r.typing.find((t) => t.role === role)?.runs[id];
  const largest = row('largest', 'sep');
  const vsMarkdown = row('largest', 'markdown');
  const out: Results['targets'] = [];
  const add = (name: string, limit: string, value: number | undefined, max: number, unit = ' ms') =>
    out.push({ name, limit, value: value === undefined || !Number.isFinite(value) ? 'n/a' : `${ms(value)}${unit}`, met: value !== undefined && value <= max });
  add('Largest SEP: per-keystroke p95', '≤ 20 ms', largest?.keystroke.p95, 20);
  const half = vsMarkdown ? vsMarkdown.keystroke.p95 * 0.5 : NaN;
  out.push({
    name: 'Largest SEP: p95 vs VS Code Markdown server',
    limit: `≤ 0.5× (${ms(half)} ms)`,
    value: ratio(largest?.keystroke.p95, vsMarkdown?.keystroke.p95),
    met: largest !== undefined && Number.isFinite(half) && largest.keystroke.p95 <= half,
  });
  add(`Largest SEP: first diagnostics, fresh server (median of ${largest?.fresh.n ?? 0} servers)`, '≤ 100 ms', largest?.fresh.p50, 100);
  add(`Largest SEP: first diagnostics, server already running (median of ${largest?.running.n ?? 0} re-opens)`, '≤ 100 ms', largest?.running.p50, 100);
  add('Median SEP: per-keystroke p95', '≤ 10 ms', row('median', 'sep')?.keystroke.p95, 10);
  add('Smallest SEP: per-keystroke p95', '≤ 5 ms', row('smallest', 'sep')?.keystroke.p95, 5);
  const rss = r.openAll.sep?.peakRssKb;
  out.push({ name: 'Peak RSS after opening every reference SEP', limit: '≤ 100 MB', value: `${mb(rss)} MB`, met: rss !== undefined && rss <= 100 * 1024 });
  return out;
}

/** The whole report as Markdown: also what the bench prints. */
export function renderMarkdown(r: Results): string {
  const ids = r.servers.map((s) => s.id);
  const peers = ids.filter((id) => id !== 'sep');
  const head = ['', 'ours', ...peers.flatMap((p) => [p, `ours ÷ ${p}`])];
  const lines: string[] = [];
  const table = (rows: string[][]) => {
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };
  const m = r.meta;
  lines.push('# Benchmark results', '');
  lines.push(`Run ${m.date} on commit \`${m.commit}\`: ${m.nproc} CPUs (${m.cpu}), Node ${m.node} (VS Code Markdown server on Node ${m.markdownNode}), ${m.rules} SEP rules. Load average at start ${m.loadavg.start.map((x) => x.toFixed(2)).join(' / ')}, at end ${m.loadavg.end.map((x) => x.toFixed(2)).join(' / ')}.`, '');
  lines.push('Servers:', ...r.servers.map((s) => `- \`${s.id}\`: ${s.label} (${s.mode} diagnostics)`), '');
  lines.push(
    'Method: one server at a time, a fresh process per measured file, a workspace folder whose `seps/` links to the reference SEPs. ' +
      'Times run from sending the notification to receiving the diagnostics of that document version. ' +
      'Per measured file and server, first diagnostics are timed in several freshly started servers (the typing run\'s and a few more that only open the file), and re-opens (close, then open again) in those running servers; the table gives the median and the slowest. ' +
      'Each of those servers then opens the same text under another name (`<file>-copy.md`), which it has never parsed: our server keeps the parse of its four most recently closed files, so a re-open is not the same as opening a file it has not seen. ' +
      'The VS Code Markdown server gets its markdown-it tokens from the bench (`markdown/parse`, as VS Code\'s extension host answers it), so its times include that parse and its RSS does not; ' +
      'the remark server asks for full-text sync, so it receives the whole document on every keystroke. ' +
      `Our server is the production bundle the .vsix ships (\`dist/server.js\`, minified), started with the options the extension starts it with (\`${SERVER_NODE_OPTIONS.join(' ')}\`); the others with V8's defaults. ` +
      'The bench is a plain LSP client: it does not ask our server for its status-bar notification (`sep/status`), which the extension asks for.',
    '',
  );
  const busy = Math.max(m.loadavg.start[0], m.loadavg.end[0]);
  if (busy > m.nproc) lines.push(`**The machine was busy** (load average up to ${busy.toFixed(1)} on ${m.nproc} CPUs): absolute times are inflated; the ratios between servers, measured in the same run, are the steadier figures.`, '');
  lines.push('## Targets', '', '| target | limit | measured | met |', '|---|---|---|---|');
  for (const t of r.targets) lines.push(`| ${t.name} | ${t.limit} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`);
  lines.push('');
  const cold = r.parses.find((p) => p.role === 'largest');
  if (cold && Number.isFinite(cold.remarkColdParseMs)) {
    lines.push(
      `For scale: a bare \`remark-parse\` of ${cold.file}, as the first parse of a new Node process with V8's default settings, takes ${ms(cold.remarkColdParseMs)} ms here ` +
        `(median of several processes), and ${ms(cold.remarkParseMs)} ms once V8 has optimised it. A freshly started server pays the first figure before it can report anything.`,
      '',
    );
  }
  for (const t of r.typing) {
    lines.push(`## ${t.role} SEP: ${t.file} (${(t.bytes / 1024).toFixed(1)} KB)`, '');
    lines.push(`${m.keystrokes} characters typed one at a time at line ${t.line + 1}${t.inSpecification ? ', in the middle of `## Specification`' : ' (no `## Specification`: middle of the document)'}; times in ms from the notification to that version's diagnostics.`, '');
    const cell = (id: string, f: (x: ServerRow) => number | undefined, fmt = ms) => (t.runs[id]?.error ? 'failed' : fmt(t.runs[id] ? f(t.runs[id]) : undefined));
    const line = (label: string, f: (x: ServerRow) => number | undefined, fmt = ms) => [
      label,
      cell('sep', f, fmt),
      ...peers.flatMap((p) => [cell(p, f, fmt), ratio(t.runs.sep && f(t.runs.sep), t.runs[p] && f(t.runs[p]))]),
    ];
    table([
      line(`first diagnostics, fresh server: median of ${t.runs.sep?.fresh.n ?? 0}`, (x) => x.fresh.p50),
      line('first diagnostics, fresh server: slowest', (x) => x.fresh.max),
      line(`first diagnostics, running server (re-open): median of ${t.runs.sep?.running.n ?? 0}`, (x) => x.running.p50),
      line('first diagnostics, running server (re-open): slowest', (x) => x.running.max),
      line(`first diagnostics, running server, the same text as a file it has not opened: median of ${t.runs.sep?.unseen.n ?? 0}`, (x) => x.unseen.p50),
      line('keystroke p50', (x) => x.keystroke.p50),
      line('keystroke p95', (x) => x.keystroke.p95),
      line('keystroke max', (x) => x.keystroke.max),
      ['diagnostics at open / after typing', ...['sep', ...peers.flatMap((p) => [p, ''])].map((id) =>
        id && t.runs[id] && !t.runs[id].error ? `${t.runs[id].counts.open} / ${t.runs[id].counts.last}` : id ? 'n/a' : '')],
      line('peak RSS (MB)', (x) => x.peakRssKb, (kb) => mb(kb)),
    ]);
    for (const [id, run] of Object.entries(t.runs)) if (run.error) lines.push(`- \`${id}\` failed: ${run.error.split('\n')[0]}`, '');
  }
  lines.push(`## Every reference SEP opened once (${Object.values(r.openAll)[0]?.files.length ?? 0} files, one server each, left open)`, '');
  const all = (f: (x: Results['openAll'][string]) => number | undefined, fmt = ms) => [
    fmt(r.openAll.sep && f(r.openAll.sep)),
    ...peers.flatMap((p) => [fmt(r.openAll[p] && f(r.openAll[p])), ratio(r.openAll.sep && f(r.openAll.sep), r.openAll[p] && f(r.openAll[p]))]),
  ];
  table([
    ['first diagnostics p50', ...all((x) => x.first.p50)],
    ['first diagnostics p95', ...all((x) => x.first.p95)],
    ['first diagnostics max', ...all((x) => x.first.max)],
    ['peak RSS after all (MB)', ...all((x) => x.peakRssKb, mb)],
  ]);
  lines.push(
    '## Floors and sizes',
    '',
    '| file | KB | bare remark-parse (ms, median of 10) | our full parse: remark-parse + GFM without autolink literals + frontmatter (ms, median of 10) | bare remark-parse as the first parse of a fresh process (ms, median of 5 processes) |',
    '|---|---|---|---|---|',
  );
  for (const p of r.parses) lines.push(`| ${p.file} (${p.role}) | ${(p.bytes / 1024).toFixed(1)} | ${ms(p.remarkParseMs)} | ${ms(p.oursFullParseMs)} | ${ms(p.remarkColdParseMs)} |`);
  lines.push('', '| bundle | KB |', '|---|---|', ...r.bundles.map((b) => `| dist/${b.file} | ${(b.bytes / 1024).toFixed(0)} |`), '');
  return lines.join('\n');
}
