import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Analysis } from './analysis';
import { ruleDocUrl, type Finding, type Severity } from './sep';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'sep';

/** The LSP rendering of a finding. `data` carries the finding's facts so code actions can be chosen without state. */
export function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data: f.data,
  };
}

/** The diagnostics of an analysis: its findings, plus one saying so when the check was abandoned past its time budget. */
export function diagnosticsOf(analysis: Analysis): Diagnostic[] {
  const out = analysis.findings.map(toDiagnostic);
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
