import type { Finding } from './rules/types';
import type { SepDocument } from './types';

/**
 * How findings on a Final SEP are reported. The SEP guidelines ("Reporting
 * SEP Bugs or Updates"): "Final SEPs are preserved as historical records of
 * the design as accepted. They are not updated after finalization." So on a
 * SEP whose own Status is Final, findings that ask for a change to the
 * document's form or content are hints; findings that make the page the MCP
 * website publishes for it wrong keep their severity. Only Final is frozen:
 * the guidelines say a rejected SEP may be resubmitted ("Rejection is not
 * permanent"), a withdrawn one re-submitted and a dormant one revived, and
 * say nothing of a superseded SEP beyond "Replaced by a newer SEP".
 */

/** `quiet`: the policy below applies to Final SEPs; `full`: every finding at its usual severity. */
export type FinalSeps = 'quiet' | 'full';

/**
 * What a rule's findings on a Final SEP become. `elsewhere`: the rule asks for no change to the SEP's text (it
 * checks a traceability file, or what one lacks), so a Final status changes nothing; `why` says what it is about.
 */
export type FinalPolicy = { frozen: 'quiet' } | { frozen: 'keep'; why: string } | { frozen: 'elsewhere'; why: string };

const QUIET: FinalPolicy = { frozen: 'quiet' };
const keep = (why: string): FinalPolicy => ({ frozen: 'keep', why });
const elsewhere = (why: string): FinalPolicy => ({ frozen: 'elsewhere', why });
const TRACE_FILE = elsewhere('it is about a traceability file (`sep-<number>.yaml`), not the SEP');

/**
 * Every rule's policy on a Final SEP, by rule id. A rule kept at its severity
 * says what would be wrong on the published page. A rule missing here is quiet.
 */
export const FINAL_SEP_POLICY: Readonly<Record<string, FinalPolicy>> = {
  'title-missing': keep('the website shows the SEP as `Untitled`'),
  'title-malformed': keep('the website reads only `# SEP-<number>: <name>`: another title shows as `Untitled`, or with its stray characters'),
  'title-file-number-mismatch': QUIET,
  'title-pr-number-mismatch': QUIET,
  'pr-number-mismatch': QUIET,
  'header-missing': keep('the website shows Status, Type, Created and Author(s) as `Unknown`'),
  'field-status-missing': keep('the website shows Status as `Unknown`'),
  'field-type-missing': keep('the website shows Type as `Unknown`'),
  'field-created-missing': keep('the website shows Created as `Unknown`'),
  'field-authors-missing': keep('the website shows Author(s) as `Unknown`'),
  'field-sponsor-missing': QUIET,
  'field-pr-missing': QUIET,
  'field-issue-instead-of-pr': QUIET,
  'field-duplicate': QUIET,
  'field-unknown': QUIET,
  'field-order': QUIET,
  'field-empty': QUIET,
  'field-placeholder': QUIET,
  'field-placeholder-numbered': keep('the website shows the template text (`@github-username`, `{NUMBER}`) as the value'),
  'status-invalid': QUIET,
  'status-noncanonical': QUIET,
  'type-invalid': QUIET,
  'type-noncanonical': QUIET,
  'created-invalid': QUIET,
  'created-format': QUIET,
  'created-future': QUIET,
  'pr-format': QUIET,
  'authors-format': QUIET,
  'authors-no-handle': QUIET,
  'sponsor-format': QUIET,
  'sponsor-required': QUIET,
  'section-missing': QUIET,
  'section-order': QUIET,
  'section-duplicate': QUIET,
  'section-empty': QUIET,
  'section-template-text': QUIET,
  'section-near-miss': QUIET,
  'section-heading-level': QUIET,
  'abstract-long': QUIET,
  'abstract-too-long': QUIET,
  'reference-implementation-link': QUIET,
  'conformance-tests': QUIET,
  'superseded-successor': QUIET,
  'status-contradicted': QUIET,
  'extension-identifier': QUIET,
  'extension-stewards': QUIET,
  'extension-sdk-implementation': QUIET,
  'file-name-format': QUIET,
  'sep-reference-unlinked': QUIET,
  'pull-description-not-sep': QUIET,
  'nesting-too-deep': QUIET,
  'document-too-large': QUIET,
  'header-duplicate': QUIET,
  'unclosed-code-fence': keep('the website renders everything after the open fence as code'),
  'website-unreadable': keep('the website shows `Unknown`, `Untitled`, `None` or the wrong pull request'),
  'trace-yaml-syntax': TRACE_FILE,
  'trace-file-too-large': TRACE_FILE,
  'trace-file-structure': TRACE_FILE,
  'trace-sep-mismatch': TRACE_FILE,
  'trace-row-incomplete': TRACE_FILE,
  'trace-row-ambiguous': TRACE_FILE,
  'trace-check-duplicate': TRACE_FILE,
  'trace-check-prefix': TRACE_FILE,
  'trace-url-invalid': TRACE_FILE,
  'trace-row-unmatched': TRACE_FILE,
  'trace-uncovered': elsewhere('what is missing is a row of the traceability file, which SEP-2484 asks for before a SEP becomes Final'),
};

/** The policy for one rule id (quiet unless declared otherwise). */
export function finalPolicy(rule: string): FinalPolicy {
  return FINAL_SEP_POLICY[rule] ?? QUIET;
}

/**
 * Whether the document's own Status is Final, compared as the website does
 * (`render-seps.ts` adds its historical-record notice when the lower-cased status is `final`).
 */
export function isFinal(doc: SepDocument): boolean {
  const status = doc.header.fields.find((f) => f.key === 'status');
  return status !== undefined && status.value.trim().toLowerCase() === 'final';
}

/** Appended to the message of a finding made a hint. */
export const FINAL_NOTE =
  'This SEP is Final: the SEP guidelines keep Final SEPs unchanged as historical records, so this is only a hint. It is still shown so that this form is not copied into new SEPs (`sep.finalSeps` or `--final-seps full` shows it at its usual severity).';

/** Applies the policy to one finding on a Final SEP: a quiet rule's finding becomes a hint with {@link FINAL_NOTE} appended. */
export function onFinalSep(f: Finding): Finding {
  if (finalPolicy(f.rule).frozen !== 'quiet' || f.severity === 'hint') return f;
  return { ...f, severity: 'hint', message: `${f.message} ${FINAL_NOTE}` };
}
