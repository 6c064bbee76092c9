/**
 * Short phrases that only the SEP template's guidance (and the 2025
 * issue-era guidelines that authors pasted into their SEPs) would put in a
 * section. A section whose prose still contains one was not rewritten by its
 * author. Phrases are matched case-insensitively with whitespace folded, on
 * the section's prose (HTML comments excluded: a hint in a comment is fine).
 * Keep them short and distinctive: a phrase an author could plausibly write
 * about their own proposal does not belong here.
 */
export interface Fingerprint {
  /** Heading the guidance sits under (a standard or template-suggested section). */
  section: string;
  phrases: readonly string[];
}

/** Guidance phrases per section, from the template and the 2025 guidelines. */
export const TEMPLATE_FINGERPRINTS: readonly Fingerprint[] = [
  { section: 'Abstract', phrases: ['brief (~200 word) technical summary', 'quickly understand what this sep proposes'] },
  {
    section: 'Motivation',
    phrases: ['why is this change needed?', 'why is the current protocol specification inadequate', 'motivation should clearly explain why the existing'],
  },
  {
    section: 'Specification',
    phrases: ['detailed technical specification of the proposed changes', 'for protocol changes, include:', 'for process changes, include:', 'technical specification should describe the syntax and semantics'],
  },
  {
    section: 'Rationale',
    phrases: ['explain why particular design decisions were made', 'describe alternate designs that were considered', 'the rationale explains why particular design decisions'],
  },
  {
    section: 'Backward Compatibility',
    phrases: ['required for seps that introduce backward incompatibilities', 'if there are no backward compatibility concerns, state that explicitly', 'must include a section describing these incompatibilities'],
  },
  {
    section: 'Security Implications',
    phrases: ['describe any security concerns related to this proposal', 'if there are no security implications, state that explicitly', 'those concerns should be explicitly written out'],
  },
  {
    section: 'Reference Implementation',
    phrases: ['link to a working prototype demonstrating the proposal', 'include links to the implementation and test results as they become available', 'must be completed before any sep is given status'],
  },
  { section: 'Performance Implications', phrases: ['how does this change affect performance, scalability'] },
  { section: 'Testing Plan', phrases: ['how will this proposal be tested?'] },
  { section: 'Alternatives Considered', phrases: ['detailed discussion of alternative approaches that were rejected'] },
  { section: 'Open Questions', phrases: ['unresolved issues that need community input'] },
  { section: 'Acknowledgments', phrases: ['credit to people who contributed ideas'] },
];

/** Guidance the template puts above the header and between sections; reported wherever it is left. */
export const TEMPLATE_NOTES: readonly string[] = [
  'this template provides a standard structure for seps',
  'depending on your sep, you may want to include',
];
