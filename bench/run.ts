/**
 * `npm run bench`: diagnostics latency and memory of our server against the
 * remark language server and VS Code's Markdown server, on the reference SEPs.
 * Writes bench/results.json (ignored) and bench/RESULTS.md (committed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { parseMarkdown } from '../server/src/sep/markdown';
import { RULES } from '../server/src/sep/rules/registry';
import { judge, renderMarkdown, stats, type Results, type ServerRow } from './report';
import { KEYSTROKES, OPEN_SESSIONS, openAllRun, openRuns, typingPoint, typingRun, type BenchContext } from './scenario';
import { serverSpecs } from './servers';

const repo = resolve(__dirname, '..');
const sepsDir = resolve(repo, '..', 'shared', 'reference', 'seps');

/** The "In the editor" section `npm run bench:editor` wrote into RESULTS.md, kept across stdio runs. */
function editorSection(): string {
  const file = join(repo, 'bench', 'RESULTS.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const s = old.indexOf('<!-- editor:start -->');
  const e = old.indexOf('<!-- editor:end -->');
  return s !== -1 && e !== -1 ? `\n${old.slice(s, e + '<!-- editor:end -->'.length)}\n` : '';
}

function main(): Promise<void> | void {
  if (!existsSync(sepsDir)) {
    console.error(`The reference SEPs are not at ${sepsDir}; the benchmark needs them.`);
    process.exitCode = 1;
    return;
  }
  if (!existsSync(join(repo, 'dist', 'server.js'))) {
    console.error('dist/server.js is missing: run `node esbuild.mjs --production` first (`npm run bench` does).');
    process.exitCode = 1;
    return;
  }
  return run();
}

async function run(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const ctx: BenchContext = { repo, node: process.execPath, markdownNode: markdownNode(), workspaceDir: workspace() };
  const specs = serverSpecs(ctx.markdownNode).filter((s) => !only || only.includes(s.id));
  const docs = readdirSync(sepsDir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md' && f !== 'TEMPLATE.md')
    .sort()
    .map((file) => ({ file, text: readFileSync(join(sepsDir, file), 'utf8') }));
  const bySize = [...docs].sort((a, b) => Buffer.byteLength(a.text) - Buffer.byteLength(b.text));
  const measured = [
    { role: 'smallest', ...bySize[0] },
    { role: 'median', ...bySize[(bySize.length - 1) >> 1] },
    { role: 'largest', ...bySize[bySize.length - 1] },
  ];
  const loadStart = loadavg();
  console.error(`bench: ${docs.length} SEPs; servers ${specs.map((s) => s.id).join(', ')}; markdown server on ${ctx.markdownNode}`);

  const typing: Results['typing'] = [];
  for (const m of measured) {
    const point = typingPoint(m.text);
    const runs: Record<string, ServerRow> = {};
    for (const spec of specs) {
      console.error(`bench: ${spec.id} typing into ${m.file}`);
      const r = await typingRun(spec, ctx, m.file, m.text);
      console.error(`bench: ${spec.id} opening ${m.file} in ${OPEN_SESSIONS} more fresh servers`);
      const o = await openRuns(spec, ctx, m.file, m.text);
      runs[spec.id] = {
        open: r.open,
        reopen: r.reopen,
        fresh: stats([r.open, ...o.fresh].map((x) => x.ms)),
        running: stats([r.reopen, ...o.reopen].map((x) => x.ms)),
        unseen: stats(o.unseen.map((x) => x.ms)),
        keystroke: stats(r.keystrokes.map((k) => k.ms)),
        counts: { open: r.open.count, last: r.keystrokes.at(-1)?.count ?? 0 },
        peakRssKb: r.peakRssKb,
        error: r.error ?? o.error,
      };
    }
    typing.push({ role: m.role, file: m.file, bytes: Buffer.byteLength(m.text), line: point.line, inSpecification: point.inSpecification, runs });
  }

  const openAll: Results['openAll'] = {};
  for (const spec of specs) {
    console.error(`bench: ${spec.id} opening every SEP`);
    const r = await openAllRun(spec, ctx, docs);
    openAll[spec.id] = { first: stats(r.files.map((f) => f.ms)), peakRssKb: r.peakRssKb, files: r.files, error: r.error };
  }

  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      commit: git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/RESULTS.md') ? ' (with uncommitted changes)' : ''),
      node: process.versions.node,
      markdownNode: execFileSync(ctx.markdownNode, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, ''),
      nproc: availableParallelism(),
      cpu: cpuModel(),
      loadavg: { start: loadStart, end: loadavg() },
      rules: RULES.length,
      keystrokes: KEYSTROKES,
    },
    servers: specs.map((s) => ({ id: s.id, label: s.label, mode: s.mode })),
    bundles: bundles(),
    parses: measured.map((m) => ({ role: m.role, file: m.file, bytes: Buffer.byteLength(m.text), ...parseFloor(m.text), remarkColdParseMs: coldParseFloor(m.file) })),
    typing,
    openAll,
    targets: [],
  };
  results.targets = judge(results);
  const markdown = renderMarkdown(results);
  writeFileSync(join(repo, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(repo, 'bench', 'RESULTS.md'), markdown + editorSection());
  console.log(markdown);
  console.error('bench: wrote bench/results.json and bench/RESULTS.md');
}

/** A workspace folder of our own: a link to the reference SEPs and a remark configuration. */
function workspace(): string {
  const dir = join(repo, '.cache', 'bench', 'workspace');
  mkdirSync(dir, { recursive: true });
  const config = { name: 'sep-bench-workspace', private: true, remarkConfig: { plugins: ['remark-preset-lint-recommended'] } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(config, null, 2) + '\n');
  if (!existsSync(join(dir, 'seps'))) symlinkSync(sepsDir, join(dir, 'seps'), 'dir');
  return dir;
}

/** VS Code's Markdown server runs on this Node unless BENCH_MARKDOWN_NODE names another binary. */
function markdownNode(): string {
  return process.env.BENCH_MARKDOWN_NODE || process.execPath;
}

/** Median of 10 warm parses: the bare remark floor, and our processor (gfm + frontmatter). */
function parseFloor(text: string): { remarkParseMs: number; oursFullParseMs: number } {
  const bare = unified().use(remarkParse);
  const time = (f: () => void) => {
    f();
    const xs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      f();
      xs.push(performance.now() - t0);
    }
    return stats(xs).p50;
  };
  return { remarkParseMs: time(() => bare.parse(text)), oursFullParseMs: time(() => parseMarkdown(text)) };
}

/** Processes started for the cold floor; their median is reported. */
const COLD_RUNS = 5;

/**
 * Median over fresh Node processes of one bare remark-parse of the file as the
 * process's first parse: what a freshly started remark-based server pays
 * before it can report anything, however little else it does.
 */
function coldParseFloor(file: string): number {
  const xs: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const out = execFileSync(process.execPath, [join(repo, 'bench', 'cold-parse.mjs'), join(sepsDir, file)], { cwd: repo, encoding: 'utf8' });
    xs.push(Number(out.trim()));
  }
  return stats(xs).p50;
}

function bundles(): Results['bundles'] {
  const dist = join(repo, 'dist');
  return readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => ({ file, bytes: statSync(join(dist, file)).size }));
}

function cpuModel(): string {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1].trim() ?? 'unknown CPU';
  } catch {
    return 'unknown CPU';
  }
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

void Promise.resolve(main()).catch((err) => {
  console.error(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exitCode = 1;
});
