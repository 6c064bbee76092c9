import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { plainMessage, ruleDocPath, type Finding, type Severity } from './sep';
import type { StatusParams } from '../../common/protocol';
import type { Analysis } from './analysis';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'sep';

/** What a diagnostic carries in `data`: the identity of the finding it renders, read back by code actions. */
export interface DiagnosticData {
  finding: string;
}

/**
 * The URI of a rule's page: on the desktop the `file:` URI of the page shipped with the extension, which the
 * editor opens in place.
 * @param docsRoot the URL holding `docs/rules/`, ending in `/` (see `ServerHost.ruleDocsRoot`)
 */
export function ruleDocUri(rule: string, docsRoot: string): string {
  let links = ruleDocUris.get(docsRoot);
  if (!links) {
    // A process links one root or two; a bound on the table all the same.
    if (ruleDocUris.size >= 4) ruleDocUris.clear();
    ruleDocUris.set(docsRoot, (links = new Map()));
  }
  let href = links.get(rule);
  if (href === undefined) links.set(rule, (href = new URL(ruleDocPath(rule), docsRoot).href));
  return href;
}

/**
 * Rule page URIs by docs root (one or two per process), then rule id: every diagnostic of every check links one, and
 * parsing a URL each time was a third of the conversion's time.
 */
const ruleDocUris = new Map<string, Map<string, string>>();

/**
 * A finding's identity within one version of a document: its rule, range and message. Findings that share a
 * rule and a range (every missing section sits on the title line) differ in their message.
 */
export function findingId(f: Pick<Finding, 'rule' | 'range' | 'message'>): string {
  const { start, end } = f.range;
  return `${f.rule}@${start.line}:${start.character}-${end.line}:${end.character}#${hash(f.message)}`;
}

/** FNV-1a over UTF-16 code units, as 8 hex digits: short, stable, and enough to tell apart messages at one range. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The LSP rendering of a finding: plain-text message, rule id as code linking to its page, identity in `data`.
 * @param docsRoot the URL holding `docs/rules/`, ending in `/`
 */
export function toDiagnostic(f: Finding, docsRoot: string): Diagnostic {
  const data: DiagnosticData = { finding: findingId(f) };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: ruleDocUri(f.rule, docsRoot) },
    source: DIAGNOSTIC_SOURCE,
    message: plainMessage(f.message),
    data,
  };
}

/**
 * The finding a diagnostic of this document renders: by the identity in its `data`, else (a client that drops
 * `data`) by rule id, range and message. Undefined when the diagnostic is of another version.
 */
export function findingOf(findings: readonly Finding[], d: Diagnostic): Finding | undefined {
  const id = (d.data as Partial<DiagnosticData> | undefined)?.finding;
  if (typeof id === 'string') {
    const found = findings.find((f) => findingId(f) === id);
    if (found) return found;
  }
  return findings.find(
    (f) =>
      f.rule === d.code &&
      f.range.start.line === d.range.start.line && f.range.start.character === d.range.start.character &&
      f.range.end.line === d.range.end.line && f.range.end.character === d.range.end.character &&
      plainMessage(f.message) === d.message,
  );
}

/** What the status bar shows for one analysed version of a document (the `sep/status` notification); hints are not problems. */
export function statusOf(analysis: Analysis | undefined, uri: string, version: number): StatusParams {
  // A check stopped during its parse has no model, but it was a SEP check: its one warning counts.
  if (!analysis?.doc) return { uri, version, isSep: Boolean(analysis?.abandoned), errors: 0, warnings: analysis?.abandoned ? 1 : 0, other: 0 };
  const count = (s: Severity) => analysis.findings.filter((f) => f.severity === s).length;
  const status = analysis.doc.header.fields.find((f) => f.key === 'status')?.value;
  const warnings = count('warning') + (analysis.abandoned ? 1 : 0);
  return { uri, version, isSep: true, ...(status !== undefined ? { status } : {}), errors: count('error'), warnings, other: count('information') };
}

/** The diagnostics of an analysis: its findings, plus one saying so when the check was abandoned past its time budget. */
export function diagnosticsOf(analysis: Analysis, docsRoot: string): Diagnostic[] {
  const out = analysis.findings.map((f) => toDiagnostic(f, docsRoot));
  if (analysis.abandoned) {
    out.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      message: `The SEP check of this version took longer than ${analysis.abandoned.afterMs / 1000} s and was stopped; the findings shown are incomplete. The next edit starts a new check.`,
    });
  }
  return out;
}
