/** The SEP engine's public surface: text in, plain data out. No editor, protocol or file-system imports. */
export { parseSep } from './parse';
export type { ParseOptions } from './parse';
export { IncrementalMarkdownParser } from './markdown';
export { lint, LintStopped } from './lint';
export type { LintOptions, SeverityOverride } from './lint';
export { RULES, ruleById, ruleDocUrl } from './rules/registry';
export type { Finding, Fix, Report, Rule, RuleContext } from './rules/types';
export * from './types';
export { isSepFile, firstHeadingIsSep, DEFAULT_INCLUDE } from './detect';
