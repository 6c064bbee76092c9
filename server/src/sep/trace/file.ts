import type { Node as YamlNode, Pair } from 'yaml';
import { LineIndex } from '../text';
import { traceFileNumber } from '../../../../common/traceFile';
import type { SeverityOverride } from '../lint';
import type { Finding } from '../rules/types';
import type { Range } from '../types';
import { TRACE_RULES } from './rules';
import type { TraceabilityFile, TraceabilityRow } from './types';
import { checkRows, isHttpUrl, type Reporter } from './check';
import { yamlLibrary } from './yaml';

/** Files past this many UTF-16 units are not parsed: one finding says so. */
export const MAX_TRACE_FILE = 1024 * 1024;
/** Aliases a file may expand: a few are fine, a billion laughs is not. */
const MAX_ALIASES = 100;
const ROW_FIELDS = ['text', 'check', 'excluded', 'issue', 'url'] as const;
/**
 * Nesting a file may have before it is parsed. The `yaml` library recurses once per level and, a few thousand
 * levels down, runs out of stack (it reports that, but the process is then fragile); real files nest three deep.
 */
export const MAX_YAML_DEPTH = 200;
/** YAML errors reported per file; a file broken everywhere gets this many and a note. */
const MAX_YAML_ERRORS = 10;

/** Options of {@link parseTraceability}. */
export interface TraceOptions {
  /** Severity per rule id; `off` silences a rule (as for `lint`). */
  rules?: Record<string, SeverityOverride>;
}

export { traceFileNumber };

/**
 * Reads a SEP-2484 traceability file (`sep-<number>.yaml`) with the `yaml` library, bounded (at most
 * {@link MAX_TRACE_FILE} characters, {@link MAX_ALIASES} aliases), and checks it: YAML syntax, the file's shape,
 * `sep` against the file name, each row's fields, check ids unique and prefixed `sep-<number>-`, URLs. Never throws.
 */
export function parseTraceability(text: string, fileName: string, options: TraceOptions = {}): { file: TraceabilityFile; findings: Finding[] } {
  const index = new LineIndex(text);
  const findings: Finding[] = [];
  const defaults = new Map(TRACE_RULES.map((r) => [r.id, r.defaultSeverity]));
  const report: Reporter = (rule, range, message) => {
    const level = options.rules?.[rule] ?? defaults.get(rule) ?? 'error';
    if (level !== 'off') findings.push({ rule, severity: level, range, message });
  };
  const file: TraceabilityFile = { rows: [] };
  const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (text.length > MAX_TRACE_FILE) {
    report('trace-file-too-large', top, `This file is ${Math.round(text.length / 1024)} KB long; traceability files past ${MAX_TRACE_FILE / 1024} KB are not checked.`);
    return { file, findings };
  }
  const deep = tooDeep(text, MAX_YAML_DEPTH);
  if (deep !== undefined) {
    report('trace-yaml-syntax', index.range(deep, deep), `This file nests more than ${MAX_YAML_DEPTH} levels deep here; a traceability file is a list of rows, so it is not read further.`);
    return { file, findings };
  }
  const { isMap, isScalar, isSeq, parseDocument } = yamlLibrary();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors.slice(0, MAX_YAML_ERRORS)) report('trace-yaml-syntax', index.range(e.pos[0], Math.max(e.pos[1], e.pos[0])), `YAML error: ${firstLine(e.message)}`);
  if (doc.errors.length > MAX_YAML_ERRORS) report('trace-yaml-syntax', top, `${doc.errors.length - MAX_YAML_ERRORS} more YAML errors are not listed.`);
  if (doc.errors.length) return { file, findings };
  try {
    doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    report('trace-yaml-syntax', top, `YAML error: ${firstLine(e instanceof Error ? e.message : String(e))}`);
    return { file, findings };
  }
  const at = (n: YamlNode | null | undefined): Range => (n?.range ? index.range(n.range[0], n.range[1]) : top);
  const root = doc.contents;
  if (!isMap(root)) {
    report('trace-file-structure', at(root), 'A traceability file is a mapping with `sep`, `spec_url` and `requirements`.');
    return { file, findings };
  }
  const sep = root.get('sep', true);
  if (isScalar(sep) && typeof sep.value === 'number' && Number.isInteger(sep.value)) file.sep = sep.value;
  else report('trace-file-structure', sep ? at(sep) : top, sep ? '`sep` is the SEP\'s number, e.g. `sep: 2164`.' : 'Add `sep: <number>`, the SEP this file traces.');
  const spec = root.get('spec_url', true);
  if (isScalar(spec) && typeof spec.value === 'string') {
    file.specUrl = spec.value;
    if (!isHttpUrl(spec.value)) report('trace-url-invalid', at(spec), '`spec_url` is not an http(s) URL.');
  } else report('trace-file-structure', spec ? at(spec) : top, spec ? '`spec_url` is the URL of the specification section, as text.' : 'Add `spec_url`, the URL of the specification section the requirements come from.');
  const list = root.get('requirements', true);
  if (!isSeq(list)) {
    report('trace-file-structure', list ? at(list) : top, 'Add `requirements:`, a list of rows with `text` and `check` or `excluded`.');
  } else {
    for (const item of list.items) {
      const row = readRow(item as YamlNode, at, report);
      if (row) file.rows.push(row);
    }
  }
  const number = traceFileNumber(fileName);
  if (number !== undefined && file.sep !== undefined && file.sep !== number) {
    report('trace-sep-mismatch', at(sep as YamlNode), `\`sep: ${file.sep}\` disagrees with the file name \`${fileName.replace(/^.*[\\/]/, '')}\`: one of them names the wrong SEP.`);
  }
  checkRows(file, file.sep ?? number, report);
  return { file, findings };
}

function readRow(item: YamlNode, at: (n: YamlNode | null | undefined) => Range, report: Reporter): TraceabilityRow | undefined {
  const { isMap, isScalar } = yamlLibrary();
  if (!isMap(item)) {
    report('trace-file-structure', at(item), 'Each row of `requirements` is a mapping with `text` and `check` or `excluded`.');
    return undefined;
  }
  const row: TraceabilityRow = { range: at(item) };
  const fields: NonNullable<TraceabilityRow['fields']> = {};
  for (const pair of item.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (!key || !(ROW_FIELDS as readonly string[]).includes(key)) continue;
    const field = key as (typeof ROW_FIELDS)[number];
    const value = pair.value;
    if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number')) {
      row[field] = String(value.value);
      fields[field] = at(value);
    } else {
      report('trace-file-structure', at(value ?? pair.key), `\`${field}\` is text.`);
    }
  }
  row.fields = fields;
  return row;
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return (nl === -1 ? message : message.slice(0, nl)).replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The offset where a text first nests deeper than `limit`, if it does: an upper bound on YAML nesting from one
 * linear scan, counting per line its indentation, the `- `, `? ` and `: ` markers that open it, and the flow
 * brackets open outside comments and outside quoted scalars (a quote opens one only where a value can start, so
 * the apostrophe of `it's` hides nothing).
 */
export function tooDeep(text: string, limit: number): number | undefined {
  let flow = 0;
  let quote: string | undefined;
  let lineStart = true;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      lineStart = true;
      depth = 0;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '\t') depth++;
      else if ((c === '-' || c === '?' || c === ':') && (text[i + 1] === ' ' || text[i + 1] === undefined)) depth++;
      else lineStart = false;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ')) {
      while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || ' \t[{,:-?'.includes(text[i - 1]) || lineStart)) quote = c;
    else if (c === '[' || c === '{') flow++;
    else if ((c === ']' || c === '}') && flow > 0) flow--;
    if (depth + flow > limit) return i;
  }
  return undefined;
}
