import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, basename } from 'node:path';
import { isSepFile, lint, parseSep, type FinalSeps, type Finding } from './sep';
import { fixAll } from './sep/fixes';

const USAGE = `Usage: sep-lint [files|folders...] [--format text|json] [--final-seps quiet|full] [--fix]

Checks MCP SEP Markdown files. A folder is searched for SEPs: Markdown files
in a seps/ folder (README.md and TEMPLATE.md excepted) or whose first heading
starts with "SEP-". Files named on the command line are always checked.

Options:
  --format text|json   output format (default: text)
  --final-seps quiet|full
                       quiet (default): on a SEP whose Status is Final, findings
                       that do not make the published page wrong are hints,
                       left out of the text output and its counts (the JSON
                       output lists them); full: usual severities
  --fix                apply every automatic fix, write the files in place,
                       then report what is left
  -h, --help           show this help

Exit status: 0 no errors, 1 errors found, 2 usage or I/O error.`;

interface Options {
  paths: string[];
  format: 'text' | 'json';
  fix: boolean;
  finalSeps: FinalSeps;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' {
  const opts: Options = { paths: [], format: 'text', fix: false, finalSeps: 'quiet' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--fix') {
      opts.fix = true;
      continue;
    }
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be "text" or "json", not ${JSON.stringify(v ?? '')}`);
      opts.format = v;
    } else if (a === '--final-seps' || a.startsWith('--final-seps=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
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

/** Files to check: named files as given, folders searched for SEPs (node_modules and dot folders skipped). */
function collect(paths: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (/\.(md|markdown)$/i.test(name) && isSepFile(resolve(full).split('\\').join('/'), readFileSync(full, 'utf8'))) files.push(full);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`cannot read ${p}: no such file or folder`);
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return files;
}

interface FileResult {
  file: string;
  findings: Finding[];
}

function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      if (f.severity === 'hint') continue;
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}`);
    }
  }
  return lines.join('\n');
}

function formatJson(results: FileResult[]): string {
  return JSON.stringify(
    results.flatMap(({ file, findings }) =>
      findings.map((f) => ({
        file,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        rule: f.rule,
        message: f.message,
      })),
    ),
    null,
    2,
  );
}

/** Applies fix-all to one file and writes it back when it changed; returns the new text. */
function fixFile(file: string, text: string, display: string, err: (s: string) => void): string {
  const result = fixAll(text, { fileName: basename(file) });
  if (result.text === text) return text;
  try {
    writeFileSync(file, result.text, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  err(`${display}: fixed ${result.applied.length} problem(s)`);
  return result.text;
}

/** Runs the CLI; returns the exit status. Output goes through the given writers so tests can capture it. */
export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let opts;
  try {
    opts = parseArgs(argv);
    if (opts === 'help') {
      out(USAGE);
      return 0;
    }
    const results: FileResult[] = [];
    for (const file of collect(opts.paths)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      const display = relative(process.cwd(), file) || basename(file);
      if (opts.fix) text = fixFile(file, text, display, err);
      results.push({ file: display, findings: lint(parseSep(text, { fileName: basename(file) }), { finalSeps: opts.finalSeps }) });
    }
    const report = opts.format === 'json' ? formatJson(results) : formatText(results);
    if (report) out(report);
    const count = (s: string) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
    const errors = count('error');
    if (opts.format === 'text') {
      const hints = count('hint') ? `; ${count('hint')} hint(s) on Final SEPs not shown (--format json lists them)` : '';
      err(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${errors} error(s), ${count('warning')} warning(s), ${count('information')} note(s)${hints}`);
    }
    return errors > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`sep-lint: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    err(`sep-lint: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
}
