import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
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
