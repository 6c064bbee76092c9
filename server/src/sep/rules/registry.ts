import type { Rule } from './types';

/**
 * The one table of rules. Every id here has a page `docs/rules/<id>.md`.
 * Rules are made by parameterised kinds in the sibling files.
 */
export const RULES: readonly Rule[] = [];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** The rule every internal failure of another rule is reported under. */
export const INTERNAL_ERROR_RULE = 'internal-error';
