/**
 * The "SEP Requirements" tree as plain data: the active SEP's normative statements (as the language server
 * lists them, `sep/requirements`) grouped by the headings they sit under, with their level and coverage.
 * The adapter maps these 1:1 onto tree items. No editor imports.
 */
import type { RequirementStatement, RequirementsResult } from '../../../common/protocol';

/** A heading path with its statements. */
export interface RequirementGroupNode {
  type: 'group';
  id: string;
  /** `Specification › Errors`. */
  label: string;
  /** `3 MUST · 1 SHOULD`. */
  description: string;
  statements: RequirementStatementNode[];
}

/** One normative statement; clicking it selects its range in the SEP. */
export interface RequirementStatementNode {
  type: 'statement';
  id: string;
  label: string;
  /** Its keywords, and its coverage when a traceability file is known. */
  description: string;
  tooltip: string;
  level: RequirementStatement['level'];
  /** Undefined when no traceability file is known. */
  covered?: boolean;
  range: RequirementStatement['range'];
}

/** The traceability file the coverage comes from (click: open it). */
export interface RequirementFileNode {
  type: 'file';
  id: string;
  label: string;
  description: string;
  uri: string;
}

export type RequirementNode = RequirementGroupNode | RequirementStatementNode | RequirementFileNode;

const LABEL_CHARS = 140;
const LEVELS: Array<[RequirementStatement['level'], string]> = [['must', 'MUST'], ['should', 'SHOULD'], ['may', 'MAY']];

/** `4 MUST · 2 SHOULD · 1 MAY` (levels with none left out). */
export function levelCounts(statements: readonly { level: RequirementStatement['level'] }[]): string {
  return LEVELS.map(([level, name]) => [statements.filter((s) => s.level === level).length, name] as const)
    .filter(([n]) => n > 0)
    .map(([n, name]) => `${n} ${name}`)
    .join(' · ');
}

function statementNode(s: RequirementStatement, index: number): RequirementStatementNode {
  const keywords = [...new Set(s.keywords)].join(', ');
  const coverage = s.covered === undefined ? '' : s.covered ? ' · covered' : s.level === 'may' ? '' : ' · not covered';
  const rows = s.rows?.length ? `\nCovered by row${s.rows.length === 1 ? '' : 's'} ${s.rows.map((r) => r + 1).join(', ')} of the traceability file.` : '';
  return {
    type: 'statement',
    id: `statement:${index}:${s.range.start.line}:${s.range.start.character}`,
    label: s.text.length > LABEL_CHARS ? `${s.text.slice(0, LABEL_CHARS - 1)}…` : s.text,
    description: `${keywords}${coverage}`,
    tooltip: `${s.text}\n\n${s.level.toUpperCase()} (${keywords}) · line ${s.range.start.line + 1}${rows}`,
    level: s.level,
    covered: s.level === 'may' ? undefined : s.covered,
    range: s.range,
  };
}

/** The top-level rows: the traceability file (when known), then one group per heading path in document order. */
export function requirementRoots(result: RequirementsResult | undefined): RequirementNode[] {
  if (!result) return [];
  const roots: RequirementNode[] = [];
  if (result.traceFile) {
    const checked = result.statements.filter((s) => s.level !== 'may' && s.covered !== undefined);
    const covered = checked.filter((s) => s.covered).length;
    const name = result.traceFile.slice(result.traceFile.lastIndexOf('/') + 1);
    roots.push({ type: 'file', id: 'file', label: decodeURIComponent(name), description: `${covered} of ${checked.length} MUST/SHOULD covered`, uri: result.traceFile });
  }
  const groups = new Map<string, RequirementGroupNode>();
  result.statements.forEach((s, i) => {
    const key = JSON.stringify(s.headingPath);
    let group = groups.get(key);
    if (!group) {
      group = { type: 'group', id: `group:${key}`, label: s.headingPath.join(' › ') || 'Specification', description: '', statements: [] };
      groups.set(key, group);
      roots.push(group);
    }
    group.statements.push(statementNode(s, i));
  });
  for (const g of groups.values()) g.description = levelCounts(g.statements);
  return roots;
}

/** The line above the tree: what the SEP holds, or why the list is empty. */
export function requirementsMessage(result: RequirementsResult | undefined, problem?: string): string | undefined {
  if (problem) return problem;
  if (!result) return 'Open a SEP to see its normative statements.';
  if (result.statements.length === 0) return 'No normative statements: the Specification section holds no capitalised MUST, SHOULD or MAY (or there is no such section).';
  return undefined;
}

/** A plain snapshot of the tree (what `sep.requirements.refresh` returns, for integration tests). */
export interface RequirementsSnapshot {
  uri?: string;
  message?: string;
  groups: Array<{ label: string; statements: Array<{ label: string; level: string; line: number; covered?: boolean }> }>;
}

/** Builds a {@link RequirementsSnapshot}. */
export function requirementsSnapshot(uri: string | undefined, result: RequirementsResult | undefined, problem?: string): RequirementsSnapshot {
  const groups = requirementRoots(result)
    .filter((n): n is RequirementGroupNode => n.type === 'group')
    .map((g) => ({ label: g.label, statements: g.statements.map((s) => ({ label: s.label, level: s.level, line: s.range.start.line, covered: s.covered })) }));
  return { uri, message: requirementsMessage(result, problem), groups };
}
