import type { RuleInfo } from '../rules/types';

/**
 * The rules about conformance traceability (SEP-2484). They do not read a SEP's markdown, so they are not in the
 * SEP rule table that `lint` runs: the `trace-file-*`, `trace-yaml-*`, `trace-sep-*`, `trace-row-*`, `trace-check-*`
 * and `trace-url-*` rules check a `sep-<number>.yaml` file ({@link parseTraceability}); `trace-uncovered` is reported
 * on a SEP when its traceability file is known. Severity overrides, docs and the README treat them like every rule.
 */
export const TRACE_RULES: readonly RuleInfo[] = [
  {
    id: 'trace-yaml-syntax',
    defaultSeverity: 'error',
    description: 'A traceability file (`sep-<number>.yaml`) is valid YAML.',
    fixKinds: [],
  },
  {
    id: 'trace-file-too-large',
    defaultSeverity: 'warning',
    description: 'A traceability file is small enough to check (at most 1 MB).',
    fixKinds: [],
  },
  {
    id: 'trace-file-structure',
    defaultSeverity: 'error',
    description: 'A traceability file is a mapping with `sep`, `spec_url` and a `requirements` list of mappings whose fields are text.',
    fixKinds: [],
  },
  {
    id: 'trace-sep-mismatch',
    defaultSeverity: 'error',
    description: 'A traceability file\'s `sep:` is the number in its file name (`sep-<number>.yaml`).',
    fixKinds: [],
  },
  {
    id: 'trace-row-incomplete',
    defaultSeverity: 'error',
    description: 'Every traceability row has `text` and either `check` or `excluded`.',
    fixKinds: [],
  },
  {
    id: 'trace-row-ambiguous',
    defaultSeverity: 'error',
    description: 'No traceability row has both `check` and `excluded`.',
    fixKinds: [],
  },
  {
    id: 'trace-check-duplicate',
    defaultSeverity: 'error',
    description: 'Each check id appears in one traceability row only.',
    fixKinds: [],
  },
  {
    id: 'trace-check-prefix',
    defaultSeverity: 'warning',
    description: 'Check ids start with `sep-<number>-`, the number of the file\'s SEP.',
    fixKinds: [],
  },
  {
    id: 'trace-url-invalid',
    defaultSeverity: 'warning',
    description: 'A traceability file\'s `spec_url`, and each row\'s `issue` and `url`, are http(s) URLs.',
    fixKinds: [],
  },
  {
    id: 'trace-row-unmatched',
    defaultSeverity: 'information',
    description: 'Each row of a traceability file matches a normative statement of its SEP (when the SEP can be read).',
    fixKinds: [],
  },
  {
    id: 'trace-uncovered',
    defaultSeverity: 'information',
    description: 'A MUST- or SHOULD-level statement of the Specification has a row in the SEP\'s traceability file (shown when the file is in the workspace).',
    fixKinds: [],
  },
];
