import type { Rule, RuleInfo } from './types';
import { TITLE_RULES } from './title';
import { NUMBER_RULES } from './numbers';
import { HEADER_RULES } from './header';
import { VALUE_RULES } from './values';
import { PEOPLE_RULES } from './people';
import { SECTION_RULES } from './sections';
import { LIFECYCLE_RULES } from './lifecycle';
import { DOCUMENT_RULES } from './document';
import { EXTENSION_RULES } from './extensions';
import { WEBSITE_RULES } from './website';
import { TRACE_RULES } from '../trace/rules';

/**
 * The one table of rules, in the order they are documented. Every id here has
 * a page `docs/rules/<id>.md`. Rules are built by parameterised kinds in the
 * sibling files; grep an id to land on its kind.
 */
export const RULES: readonly Rule[] = [
  ...TITLE_RULES,
  ...NUMBER_RULES,
  ...HEADER_RULES,
  ...VALUE_RULES,
  ...PEOPLE_RULES,
  ...SECTION_RULES,
  ...LIFECYCLE_RULES,
  ...EXTENSION_RULES,
  ...DOCUMENT_RULES,
  ...WEBSITE_RULES,
];

/**
 * Every rule id there is: the SEP rules above, then the conformance traceability rules (trace/rules.ts), which check
 * a `sep-<number>.yaml` file or need one. Settings, the README table and the doc pages cover all of them.
 */
export const ALL_RULES: readonly RuleInfo[] = [...RULES, ...TRACE_RULES];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));
const INFO_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

/** A SEP rule (one `lint` runs) by id. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** Any rule by id, traceability rules included. */
export function ruleInfo(id: string): RuleInfo | undefined {
  return INFO_BY_ID.get(id);
}

/** Where a rule's page lives, relative to the package root (shipped in the .vsix; adapters make it a URI). */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}
