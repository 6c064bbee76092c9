import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { normativeStatements, type NormativeLevel, type NormativeStatement, type SepDocument } from '../sep';
import { findSection } from '../sep/rules/section-model';
import type { FeatureEnv } from './env';

/** The command a requirements lens runs: focus the SEP Requirements view (VS Code makes `<view id>.focus`). */
export const SHOW_REQUIREMENTS_COMMAND = 'sep.requirements.focus';

const LABELS: Record<NormativeLevel, string> = { must: 'MUST', should: 'SHOULD', may: 'MAY' };

/**
 * `4 MUST · 2 SHOULD · 1 MAY`: the statements per level (levels with none left out), or a sentence saying
 * the Specification has no capitalised keyword.
 */
export function levelSummary(statements: readonly NormativeStatement[]): string {
  const counts: Record<NormativeLevel, number> = { must: 0, should: 0, may: 0 };
  for (const s of statements) counts[s.level]++;
  const parts = (Object.keys(LABELS) as NormativeLevel[]).filter((l) => counts[l] > 0).map((l) => `${counts[l]} ${LABELS[l]}`);
  return parts.length ? parts.join(' · ') : 'No normative statements (no capitalised MUST, SHOULD or MAY)';
}

/** The lens over the Specification heading, when the SEP has that section. */
export function requirementsLens(doc: SepDocument): CodeLens | undefined {
  const spec = findSection(doc, 'Specification');
  if (!spec) return undefined;
  const title = levelSummary(normativeStatements(doc));
  return { range: spec.section.heading.range, command: { title, command: SHOW_REQUIREMENTS_COMMAND, arguments: [] } };
}

/** Code lenses: the count per level of the normative statements, on the Specification heading. */
export function codeLenses(env: FeatureEnv, params: CodeLensParams): CodeLens[] {
  const ctx = env.documentContext(params.textDocument.uri);
  const lens = ctx && requirementsLens(ctx.doc);
  return lens ? [lens] : [];
}
