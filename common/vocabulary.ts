/**
 * The words of the SEP format: header fields, their allowed values and the
 * standard sections, in canonical order. Sources: the SEP template and the
 * SEP guidelines in the MCP specification repository.
 */

export interface FieldSpec {
  key: string;
  /** Canonical spelling in the header. */
  label: string;
  required: boolean;
  /** Other spellings authors use for the same field (lower case). */
  aliases: string[];
}

/** Header fields in canonical order. */
export const FIELDS: readonly FieldSpec[] = [
  { key: 'status', label: 'Status', required: true, aliases: ['state'] },
  { key: 'type', label: 'Type', required: true, aliases: ['category', 'track'] },
  { key: 'created', label: 'Created', required: true, aliases: ['date', 'created at', 'created on'] },
  { key: 'accepted', label: 'Accepted', required: false, aliases: [] },
  { key: 'authors', label: 'Author(s)', required: true, aliases: ['author', 'authors', 'author(s)'] },
  { key: 'sponsor', label: 'Sponsor', required: true, aliases: ['sponsors', 'sponsor(s)', 'core maintainer sponsor'] },
  /** Extensions Track only (SEP-2133): `io.modelcontextprotocol/<name>`. */
  { key: 'extension', label: 'Extension Identifier', required: false, aliases: ['extension id', 'extension identifier', 'extension-identifier'] },
  { key: 'pr', label: 'PR', required: true, aliases: ['pull request', 'pull-request', 'pr(s)', 'prs'] },
  { key: 'issue', label: 'Issue', required: false, aliases: ['issues', 'github issue'] },
  { key: 'discussion', label: 'Discussion', required: false, aliases: ['discussions'] },
  { key: 'supersedes', label: 'Supersedes', required: false, aliases: [] },
  { key: 'superseded-by', label: 'Superseded-By', required: false, aliases: ['superseded by', 'supersededby'] },
  { key: 'replaces', label: 'Replaces', required: false, aliases: [] },
  { key: 'requires', label: 'Requires', required: false, aliases: [] },
];

const FIELD_BY_NAME = new Map<string, FieldSpec>();
for (const f of FIELDS) {
  FIELD_BY_NAME.set(f.label.toLowerCase(), f);
  FIELD_BY_NAME.set(f.key, f);
  for (const a of f.aliases) FIELD_BY_NAME.set(a, f);
}

/** The field a header name stands for, whatever its case or spelling variant. */
export function fieldFor(name: string): FieldSpec | undefined {
  return FIELD_BY_NAME.get(name.trim().toLowerCase().replace(/\s+/g, ' '));
}

export function fieldByKey(key: string): FieldSpec {
  const f = FIELDS.find((x) => x.key === key);
  if (!f) throw new Error(`unknown field key ${key}`);
  return f;
}

export interface ValueSpec {
  value: string;
  description: string;
}

/** Statuses of the file-based workflow, in lifecycle order. */
export const STATUSES: readonly ValueSpec[] = [
  { value: 'Draft', description: 'Being written; has a sponsor or is looking for one.' },
  { value: 'In-Review', description: 'Ready for review by the core maintainers.' },
  { value: 'Accepted', description: 'Accepted by the core maintainers; the reference implementation is being completed.' },
  { value: 'Rejected', description: 'Declined by the core maintainers.' },
  { value: 'Withdrawn', description: 'Withdrawn by its author.' },
  { value: 'Final', description: 'Reference implementation complete and merged into the specification.' },
  { value: 'Superseded', description: 'Replaced by a newer SEP.' },
  { value: 'Dormant', description: 'No sponsor and no activity for a long time.' },
];

/** Statuses from the issue-based workflow (2025), still found on old SEPs. */
export const LEGACY_STATUSES: readonly ValueSpec[] = [
  { value: 'proposal', description: 'Issue-era state: an idea looking for a sponsor.' },
];

/** Other spellings seen in the wild, lower case, mapped to the canonical status. */
export const STATUS_SYNONYMS: Readonly<Record<string, string>> = {
  'in review': 'In-Review',
  inreview: 'In-Review',
  review: 'In-Review',
  'under review': 'In-Review',
  approved: 'Accepted',
  accept: 'Accepted',
  done: 'Final',
  complete: 'Final',
  completed: 'Final',
  implemented: 'Final',
  declined: 'Rejected',
  abandoned: 'Withdrawn',
  inactive: 'Dormant',
  wip: 'Draft',
  'work in progress': 'Draft',
};

export const TYPES: readonly ValueSpec[] = [
  { value: 'Standards Track', description: 'A new protocol feature or a change to the protocol\'s behaviour.' },
  { value: 'Extensions Track', description: 'An official or experimental extension to the protocol.' },
  { value: 'Informational', description: 'Design guidance or information for the community; proposes no feature.' },
  { value: 'Process', description: 'A change to how MCP is governed or developed.' },
];

export const TYPE_SYNONYMS: Readonly<Record<string, string>> = {
  standard: 'Standards Track',
  standards: 'Standards Track',
  'standard track': 'Standards Track',
  'standards-track': 'Standards Track',
  'standards track sep': 'Standards Track',
  extension: 'Extensions Track',
  extensions: 'Extensions Track',
  'extension track': 'Extensions Track',
  'extensions-track': 'Extensions Track',
  information: 'Informational',
  info: 'Informational',
  'process sep': 'Process',
  'informational sep': 'Informational',
  'extensions track sep': 'Extensions Track',
  governance: 'Process',
};

export interface SectionSpec {
  name: string;
  required: boolean;
  /** What the section must hold, in our words. */
  purpose: string;
  /**
   * Other spellings of the name, lower case, without numbering or colon: renaming only corrects words
   * (`Backwards` → `Backward`, `Considerations` → `Implications`, a plural), so fix-all may do it.
   */
  spellings: string[];
  /**
   * Headings of another name that usually stand for this section (`Summary`, `Breaking Changes`): renaming
   * one is a guess about its meaning, only ever suggested.
   */
  nearMisses: string[];
}

/** Sections in canonical order. */
export const SECTIONS: readonly SectionSpec[] = [
  {
    name: 'Abstract',
    required: true,
    purpose: 'A short technical summary (about 200 words) that lets a reader grasp the proposal at a glance.',
    spellings: ['abstracts', 'abstact', 'abtract'],
    nearMisses: ['summary', 'overview', 'tl;dr', 'tldr'],
  },
  {
    name: 'Motivation',
    required: true,
    purpose: 'Why the protocol as it stands is not enough: the problem this SEP solves. Proposals without a convincing motivation may be rejected.',
    spellings: ['motivations', 'motivaton'],
    nearMisses: ['problem statement', 'problem', 'background and motivation', 'motivation and background', 'why'],
  },
  {
    name: 'Specification',
    required: true,
    purpose: 'The precise syntax and semantics of the change, detailed enough for independent, interoperable implementations.',
    spellings: ['specifications', 'specfication'],
    nearMisses: ['spec', 'proposal', 'proposed change', 'proposed changes', 'proposed solution', 'proposed design', 'proposed specification', 'technical specification', 'technical design', 'protocol changes', 'detailed design'],
  },
  {
    name: 'Rationale',
    required: true,
    purpose: 'Why the design is what it is: the alternatives weighed, prior art, objections raised and the consensus reached.',
    spellings: ['rational', 'rationales'],
    nearMisses: ['design rationale', 'reasoning', 'design decisions'],
  },
  {
    name: 'Backward Compatibility',
    required: true,
    purpose: 'What existing implementations break or change, how badly, and how they migrate. Say so explicitly when nothing breaks.',
    spellings: ['backwards compatibility', 'backward compatability', 'backwards compatability', 'backward-compatibility', 'backwards-compatibility'],
    nearMisses: ['compatibility', 'breaking changes'],
  },
  {
    name: 'Security Implications',
    required: true,
    purpose: 'New attack surfaces, privacy, authentication or authorization changes, data validation. Say so explicitly when there are none.',
    spellings: ['security considerations', 'security implication'],
    nearMisses: ['security', 'security and privacy', 'security & privacy', 'security concerns', 'privacy and security', 'security and privacy considerations'],
  },
  {
    name: 'Reference Implementation',
    required: true,
    purpose: 'Links to a working prototype (an SDK branch, a proof of concept, a reference client or server). Required before acceptance; complete, with conformance tests, before Final.',
    spellings: ['reference implementations'],
    nearMisses: ['prototype implementation', 'prototype', 'reference impl', 'proof of concept', 'poc'],
  },
];

/** Optional sections the template suggests; never reported as unknown. */
export const OPTIONAL_SECTIONS: readonly string[] = [
  'Performance Implications',
  'Testing Plan',
  'Alternatives Considered',
  'Open Questions',
  'Acknowledgments',
  'Acknowledgements',
  'Preamble',
  'Additional Optional Sections',
];

export function sectionSpec(name: string): SectionSpec | undefined {
  return SECTIONS.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** The canonical section a heading was probably meant to be, when it is a near miss. */
export function nearMissSection(text: string): SectionSpec | undefined {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return SECTIONS.find((s) => s.spellings.includes(t) || s.nearMisses.includes(t));
}

/** Placeholders the template puts in header values and the title. */
export const TEMPLATE_PLACEHOLDERS: readonly string[] = [
  'Draft | In-Review',
  'Standards Track | Informational',
  'YYYY-MM-DD',
  '{NUMBER}',
  '{Title}',
  '@github-username',
  'Name <email>',
  '(or "None" if seeking sponsor)',
];

/** Guidelines page; rule docs link into it. */
export const GUIDELINES_URL = 'https://modelcontextprotocol.io/community/sep-guidelines';
