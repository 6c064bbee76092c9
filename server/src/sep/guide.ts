/**
 * What each header field and standard section is for and why reviewers ask
 * for it, in our own words, for hovers and completion documentation. The
 * section purposes themselves live in common/vocabulary.ts.
 */

/** Per header key: what goes in the field and why. */
export const FIELD_GUIDE: Readonly<Record<string, { what: string; why: string }>> = {
  status: {
    what: 'Where the proposal stands in its life: one of the statuses below.',
    why: 'Reviewers and the SEP index sort proposals by it. The sponsor, not the author, moves it forward, and keeps it in step with the pull request\'s label.',
  },
  type: {
    what: 'What kind of proposal this is: Standards Track, Extensions Track, Informational or Process.',
    why: 'The type decides which sections are expected and whether a conformance test is needed before Final.',
  },
  created: {
    what: 'The day the SEP was started, written `YYYY-MM-DD`.',
    why: 'It dates the proposal; some requirements apply only to SEPs created after they were introduced.',
  },
  accepted: {
    what: 'The day the core maintainers accepted the SEP, written `YYYY-MM-DD`.',
    why: 'It records when the decision was taken.',
  },
  authors: {
    what: 'Everyone who wrote the proposal, comma-separated, as `Name <email> (@github-handle)`.',
    why: 'The GitHub handles let reviewers mention the authors on the pull request.',
  },
  sponsor: {
    what: 'The maintainer championing the SEP, as `@github-handle`, or `None` while you look for one.',
    why: 'A SEP only enters review once a maintainer sponsors it; the sponsor updates its status.',
  },
  pr: {
    what: 'The pull request that adds this file, as `#1234` or its full URL.',
    why: 'The SEP number is the pull request number: the title and the file name carry it too.',
  },
  issue: {
    what: 'The GitHub issue the SEP started as (older, issue-based SEPs).',
    why: 'It keeps the earlier discussion reachable. New SEPs use a PR field instead.',
  },
  discussion: { what: 'A link to where the proposal is discussed.', why: 'It points readers to the conversation.' },
  supersedes: { what: 'The SEP(s) this one replaces, as `SEP-1234`.', why: 'Readers of the older SEP can follow the chain.' },
  'superseded-by': { what: 'The SEP that replaces this one, as `SEP-1234`.', why: 'A Superseded SEP must tell readers where to go instead.' },
  replaces: { what: 'The SEP(s) this one replaces.', why: 'Readers of the older SEP can follow the chain.' },
  requires: { what: 'SEPs this one builds on.', why: 'Reviewers need to know what must land first.' },
};

/** Per standard section: why it is asked for (what goes in it is `SectionSpec.purpose`). */
export const SECTION_WHY: Readonly<Record<string, string>> = {
  Abstract: 'Most readers stop here: it decides whether they read on, and it is quoted in indexes of SEPs.',
  Motivation: 'Maintainers accept changes that solve a real problem; a weak motivation is the most common reason a SEP is turned down.',
  Specification: 'Implementers in every SDK work from this text alone, so it must leave no room for incompatible readings.',
  Rationale: 'It records why, so later readers do not reopen settled questions, and shows that the community was heard.',
  'Backward Compatibility': 'Existing clients and servers must know what stops working and how to move on.',
  'Security Implications': 'Protocol changes can open new attack surfaces; reviewers need to see that they were considered.',
  'Reference Implementation': 'A working prototype proves the design is feasible; a SEP cannot be accepted without one, nor become Final without a complete one.',
};
