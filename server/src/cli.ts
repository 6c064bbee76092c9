import { readFileSync } from 'node:fs';
import { relative, basename } from 'node:path';
import { lint, parseSep, parseTraceability, ruleInfo, type FinalSeps } from './sep';
import { fixAll } from './sep/fixes';
import { collectFiles, writeNoFollow } from './cli/files';
import { ConfigError, loadCliSettings } from './cli/config';
import type { ServerSettings } from './settings';
import { FORMATS, formatReport, summarize, summaryLine, type FileResult, type Format } from './cli/report';
import { runTrace } from './cli/trace';

const USAGE = `Usage: sep-lint [files|folders...] [--format text|json|github] [--max-warnings N]
                [--config FILE] [--final-seps quiet|full] [--fix]
       sep-lint trace <sep.md> [--yaml <sep-N.yaml>] [--format text|json|yaml]

Checks MCP SEP Markdown files, and conformance traceability files (SEP-2484)
named sep-<number>.yaml. A folder is searched for both: SEPs are Markdown
files in a seps/ folder (README.md and TEMPLATE.md excepted) or whose first
heading starts with "SEP-". Files named on the command line are always
checked. Symbolic links are followed only to places inside the folder being
checked. \`sep-lint trace --help\` explains the trace command.

Options:
  --format text|json|github
                       output format (default: text). json: an object with
                       "summary" (files, errors, warnings, information, hints)
                       and "findings". github: GitHub Actions annotations
                       (::error / ::warning / ::notice workflow commands)
  --max-warnings N     fail (exit 1) when there are more than N warnings
  --config FILE        read the sep.* settings from FILE (the shape of VS Code's
                       settings.json: "sep.rules", "sep.files.include"; comments
                       and trailing commas allowed) instead of
                       .vscode/settings.json in the current folder, which is
                       read when it exists
  --final-seps quiet|full
                       quiet (default): on a SEP whose Status is Final, findings
                       that do not make the published page wrong are hints,
                       left out of the text and github output and its counts
                       (the JSON output lists them); full: usual severities
  --fix                apply every certain fix (never a suggestion: nothing you
                       did not write), write the files in place (never through
                       a symbolic link), then report what is left
  -h, --help           show this help

Exit status: 0 no errors (and no more warnings than --max-warnings),
1 errors found or too many warnings, 2 usage error or a path that could not
be read (the other paths are still checked and reported).`;

interface Options {
  paths: string[];
  format: Format;
  fix: boolean;
  maxWarnings?: number;
  config?: string;
  /** From `--final-seps`; else the settings' `sep.finalSeps`. */
  finalSeps?: FinalSeps;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' {
  const opts: Options = { paths: [], format: 'text', fix: false };
  const value = (a: string, i: number): string | undefined => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--fix') {
      opts.fix = true;
    } else if (a === '--format' || a.startsWith('--format=')) {
      const v = value(a, a.includes('=') ? i : ++i);
      if (!(FORMATS as readonly string[]).includes(v ?? '')) throw new UsageError(`--format must be "text", "json" or "github", not ${JSON.stringify(v ?? '')}`);
      opts.format = v as Format;
    } else if (a === '--max-warnings' || a.startsWith('--max-warnings=')) {
      const v = value(a, a.includes('=') ? i : ++i);
      if (!v || !/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not ${JSON.stringify(v ?? '')}`);
      opts.maxWarnings = Number(v);
    } else if (a === '--config' || a.startsWith('--config=')) {
      const v = value(a, a.includes('=') ? i : ++i);
      if (!v) throw new UsageError('--config needs a file name');
      opts.config = v;
    } else if (a === '--final-seps' || a.startsWith('--final-seps=')) {
      const v = value(a, a.includes('=') ? i : ++i);
      if (v !== 'quiet' && v !== 'full') throw new UsageError(`--final-seps must be "quiet" or "full", not ${JSON.stringify(v ?? '')}`);
      opts.finalSeps = v;
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else {
      opts.paths.push(a);
    }
  }
  if (opts.paths.length === 0) throw new UsageError('no files or folders given');
  return opts;
}

/** Applies fix-all to one file and writes it back when it changed; returns the text now on disk. */
function fixFile(file: string, text: string, display: string, settings: ServerSettings, err: (s: string) => void): string {
  const result = fixAll(text, { fileName: basename(file), rules: settings.rules, finalSeps: settings.finalSeps });
  if (result.text === text) return text;
  const refused = writeNoFollow(file, result.text);
  if (refused) {
    err(`${display}: not fixed: ${refused}`);
    return text;
  }
  err(`${display}: fixed ${result.applied.length} problem(s)`);
  return result.text;
}

/** Checks (and with `--fix` fixes) one file; undefined, with the reason on stderr, when it cannot be read. */
function checkFile(file: string, opts: Options, settings: ServerSettings, err: (s: string) => void): FileResult | undefined {
  const display = relative(process.cwd(), file) || basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    err(`sep-lint: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return undefined;
  }
  try {
    if (isTraceFile(file)) return { file: display, findings: parseTraceability(text, basename(file), { rules: settings.rules }).findings };
    if (opts.fix) text = fixFile(file, text, display, settings, err);
    return { file: display, findings: lint(parseSep(text, { fileName: basename(file) }), { rules: settings.rules, finalSeps: settings.finalSeps }) };
  } catch (e) {
    err(`sep-lint: ${display}: the check failed: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** A `.yaml` / `.yml` file is read as a traceability file, whatever its name (the name check is `trace-sep-mismatch`'s). */
function isTraceFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

/**
 * Runs the CLI; returns the exit status. Output goes through the given writers so tests can capture it.
 * A path that cannot be read is reported on stderr and the others are still checked; the run then exits 2.
 */
export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  if (argv[0] === 'trace') return runTrace(argv.slice(1), out, err);
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    err(`sep-lint: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  if (opts === 'help') {
    out(USAGE);
    return 0;
  }
  let settings: ServerSettings;
  try {
    const loaded = loadCliSettings(opts.config, process.cwd());
    settings = { ...loaded.settings, finalSeps: opts.finalSeps ?? loaded.settings.finalSeps };
    const unknown = Object.keys(settings.rules).filter((id) => !ruleInfo(id));
    if (unknown.length) err(`sep-lint: ${loaded.source}: no rule ${unknown.map((id) => JSON.stringify(id)).join(', ')}; ignored`);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    err(`sep-lint: ${e.message}`);
    return 2;
  }
  const { files, skipped } = collectFiles(opts.paths, settings.files.include);
  let failed = false;
  for (const s of skipped) {
    err(s.fatal ? `sep-lint: cannot read ${s.path}: ${s.reason}` : `sep-lint: skipped ${s.path}: ${s.reason}`);
    failed ||= s.fatal;
  }
  const results: FileResult[] = [];
  for (const file of files) {
    const result = checkFile(file, opts, settings, err);
    if (result) results.push(result);
    else failed = true;
  }
  const report = formatReport(opts.format, results);
  if (report) out(report);
  const summary = summarize(results);
  if (opts.format !== 'json') err(summaryLine(summary));
  const tooManyWarnings = opts.maxWarnings !== undefined && summary.warnings > opts.maxWarnings;
  if (tooManyWarnings) err(`sep-lint: ${summary.warnings} warning(s), more than --max-warnings ${opts.maxWarnings}`);
  if (failed) return 2;
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
}
