/**
 * `sep-lint trace`: a SEP's normative statements, its draft traceability file, and with `--yaml` the coverage of
 * the statements by an existing traceability file (SEP-2484). The engine does the work; this reads files and prints.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  normativeStatements,
  parseSep,
  parseTraceability,
  sepNumberOf,
  traceabilitySkeleton,
  traceCoverage,
  type Coverage,
  type NormativeStatement,
  type TraceabilityFile,
} from '../sep';

export const TRACE_USAGE = `Usage: sep-lint trace <sep.md> [--yaml <sep-N.yaml>] [--format text|json|yaml]

Lists the normative statements of a SEP: each sentence, list item sentence,
table cell or heading of its Specification section holding a capitalised
BCP 14 keyword (MUST, MUST NOT, REQUIRED, SHALL, SHALL NOT, SHOULD,
SHOULD NOT, RECOMMENDED, NOT RECOMMENDED, MAY, OPTIONAL) outside code.

Options:
  --yaml FILE          also match the statements with the rows of this
                       conformance traceability file and report the MUST- and
                       SHOULD-level statements no row covers
  --format text|json|yaml
                       text (default): one line per statement. json:
                       { "sep", "statements": [{ "line", "endLine", "level",
                       "heading", "text" }], "coverage": { "rows": [{ "text",
                       "check" or "excluded", "statements" }], "uncovered" } }
                       with 1-based lines, "heading" the heading path joined
                       by " > ", indexes into "statements", and "coverage"
                       only with --yaml. yaml: a draft sep-<number>.yaml in
                       the conformance repository's format (MAY-level
                       statements left out)
  -h, --help           show this help

Exit status: 0 done, 1 with --yaml when MUST- or SHOULD-level statements are
uncovered, 2 usage error or a file that could not be read.`;

const TRACE_FORMATS = ['text', 'json', 'yaml'] as const;
type TraceFormat = (typeof TRACE_FORMATS)[number];

interface TraceArgs {
  sep: string;
  yaml?: string;
  format: TraceFormat;
}

class UsageError extends Error {}

function parseTraceArgs(argv: string[]): TraceArgs | 'help' {
  let sep: string | undefined;
  let yaml: string | undefined;
  let format: TraceFormat = 'text';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string | undefined => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--yaml' || a.startsWith('--yaml=')) {
      yaml = value();
      if (!yaml) throw new UsageError('--yaml needs a file name');
    } else if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (!(TRACE_FORMATS as readonly string[]).includes(v ?? '')) throw new UsageError(`--format must be "text", "json" or "yaml", not ${JSON.stringify(v ?? '')}`);
      format = v as TraceFormat;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (sep === undefined) sep = a;
    else throw new UsageError(`one SEP at a time (${JSON.stringify(a)} is a second)`);
  }
  if (sep === undefined) throw new UsageError('no SEP file given');
  return { sep, yaml, format };
}

/** Runs `sep-lint trace`; returns the exit status. */
export function runTrace(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let opts;
  try {
    opts = parseTraceArgs(argv);
  } catch (e) {
    err(`sep-lint trace: ${e instanceof Error ? e.message : String(e)}\n\n${TRACE_USAGE}`);
    return 2;
  }
  if (opts === 'help') {
    out(TRACE_USAGE);
    return 0;
  }
  const sepText = read(opts.sep, err);
  const yamlText = opts.yaml === undefined ? undefined : read(opts.yaml, err);
  if (sepText === undefined || (opts.yaml !== undefined && yamlText === undefined)) return 2;
  const fileName = basename(opts.sep);
  const doc = parseSep(sepText, { fileName });
  const statements = normativeStatements(doc);
  const sep = sepNumberOf(doc);
  let trace: { file: TraceabilityFile; coverage: Coverage } | undefined;
  if (opts.yaml !== undefined && yamlText !== undefined) {
    const { file, findings } = parseTraceability(yamlText, basename(opts.yaml));
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (errors) err(`sep-lint trace: ${opts.yaml}: ${errors} error(s) in the traceability file (\`sep-lint ${opts.yaml}\` lists them)`);
    trace = { file, coverage: traceCoverage(statements, file) };
  }
  if (opts.format === 'yaml') {
    if (sep === undefined) {
      err(`sep-lint trace: ${opts.sep}: no SEP number in the title or file name, so no check ids can be suggested`);
      return 2;
    }
    out(traceabilitySkeleton(sep, statements).trimEnd());
  } else if (opts.format === 'json') out(JSON.stringify(traceJson(sep, statements, trace), null, 2));
  else out(traceText(statements, trace));
  if (opts.format !== 'json') err(summaryLine(statements, trace?.coverage));
  return trace && trace.coverage.uncovered.length > 0 ? 1 : 0;
}

function read(file: string, err: (s: string) => void): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    err(`sep-lint trace: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return undefined;
  }
}

/** The JSON shape issue 15 fixes for other tools: 1-based lines, indexes into `statements`. */
function traceJson(sep: number | undefined, statements: NormativeStatement[], trace: { file: TraceabilityFile; coverage: Coverage } | undefined) {
  return {
    sep,
    statements: statements.map((s) => ({
      line: s.range.start.line + 1,
      endLine: s.range.end.line + 1,
      level: s.level,
      heading: s.headingPath.join(' > '),
      text: s.text,
    })),
    ...(trace
      ? {
          coverage: {
            rows: trace.file.rows.map((row, i) => ({
              text: row.text ?? '',
              ...(row.check !== undefined ? { check: row.check } : {}),
              ...(row.excluded !== undefined ? { excluded: row.excluded } : {}),
              statements: trace.coverage.rows[i].statements,
            })),
            uncovered: trace.coverage.uncovered,
          },
        }
      : {}),
  };
}

const LEVEL_LABEL = { must: 'MUST  ', should: 'SHOULD', may: 'MAY   ' } as const;

function traceText(statements: NormativeStatement[], trace: { file: TraceabilityFile; coverage: Coverage } | undefined): string {
  const coveredBy = new Map<number, number[]>();
  for (const r of trace?.coverage.rows ?? []) for (const s of r.statements) coveredBy.set(s, [...(coveredBy.get(s) ?? []), r.row]);
  const candidate = new Map(trace?.coverage.candidates.map((c) => [c.statement, c]) ?? []);
  const lines = statements.map((s, i) => {
    const where = `${s.range.start.line + 1}:${s.range.start.character + 1}`;
    let status = '';
    if (trace) {
      const rows = coveredBy.get(i);
      const best = candidate.get(i);
      if (rows) status = ` [row ${rows.map((r) => r + 1).join(', ')}]`;
      else if (s.level !== 'may') status = best ? ` [UNCOVERED; closest: row ${best.row + 1}, score ${best.score}]` : ' [UNCOVERED]';
    }
    return `${where} ${LEVEL_LABEL[s.level]} ${s.headingPath.join(' > ')}: ${s.text}${status}`;
  });
  for (const r of trace?.coverage.rows ?? []) {
    if (r.statements.length) continue;
    const row = trace!.file.rows[r.row];
    lines.push(`row ${r.row + 1} (${row.check ?? 'excluded'}) matches no statement of the SEP (worded as on the specification page, or drifted): ${row.text ?? ''}`);
  }
  return lines.join('\n');
}

function summaryLine(statements: NormativeStatement[], coverage: Coverage | undefined): string {
  const count = (level: NormativeStatement['level']) => statements.filter((s) => s.level === level).length;
  const base = `${statements.length} normative statement(s): ${count('must')} MUST, ${count('should')} SHOULD, ${count('may')} MAY`;
  return coverage ? `${base}; ${coverage.uncovered.length} MUST/SHOULD statement(s) uncovered` : base;
}
