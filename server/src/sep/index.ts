/** The SEP engine's public surface: text in, plain data out. No editor, protocol or file-system imports. */
export { parseSep } from './parse';
export type { ParseOptions } from './parse';
export { IncrementalMarkdownParser } from './markdown';
export { countBySeverity, lint, LintStopped } from './lint';
export type { LintOptions, SeverityCounts, SeverityOverride } from './lint';
export { ALL_RULES, RULES, ruleById, ruleDocPath, ruleInfo } from './rules/registry';
export type { Finding, Fix, FixContext, FixKind, Report, Rule, RuleContext, RuleInfo } from './rules/types';
export * from './types';
export { plainMessage } from './plain';
export { isSepFile, firstHeadingIsSep, DEFAULT_INCLUDE } from './detect';
export { describesSep } from './rules/document';
export { MAX_CHECKED_CHARS, tooLargeToCheck } from './limits';
export { FINAL_SEP_POLICY, finalPolicy, isFinal } from './final';
export type { FinalPolicy, FinalSeps } from './final';
export { conformanceOf, countsText } from './conformance';
export type { ConformanceCounts, ConformanceData } from './conformance';
export * from './trace';
