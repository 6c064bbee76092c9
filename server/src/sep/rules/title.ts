import type { SepDocument, SepTitle } from '../types';
import { addTitleFix, normalizeTitleFix } from '../fixes/title';
import { missingRange } from './support';
import { issueEra, sepStatus } from './facts';
import type { Report, Rule } from './types';

/**
 * Rules about the title line `# SEP-<number>: <name>`. The number checks
 * (title against file name and PR field) live in numbers.ts.
 */

/** `title-missing`: the document has no title heading at all. */
function titleMissing(): Rule {
  return {
    id: 'title-missing',
    defaultSeverity: 'error',
    description: 'The SEP starts with a title line `# SEP-<number>: <name>`.',
    // A title made from the file name guesses the proposal's name: the author confirms it.
    fixKinds: ['suggestion'],
    check(doc) {
      // An issue-era SEP's title was the issue's title; without the issue at hand there is nothing to check.
      if (doc.title || issueEra(doc)) return [];
      return [
        {
          range: missingRange(doc),
          message: 'This SEP has no title. Start the file with `# SEP-<number>: <name>` (use `SEP-{NUMBER}` until the pull request exists).',
          fixes: () => [addTitleFix(doc)],
        },
      ];
    },
  };
}

const FORM_MESSAGES: Record<Exclude<SepTitle['form'], 'ok'>, string> = {
  'no-prefix': 'The title does not start with `SEP-<number>:`. Write it as `# SEP-<number>: <name>`.',
  'no-number': 'The title has no SEP number. Write `SEP-<number>: <name>` with the pull request number (or `SEP-{NUMBER}` until the pull request exists).',
  'bad-separator': 'Write the title as `SEP-<number>: <name>`: a hyphen between `SEP` and the number, then a colon and a space.',
  'no-name': 'The title has no name after `SEP-<number>:`. Add a short descriptive name of the proposal.',
};

/** `title-malformed`: the title deviates from `SEP-<number>: <name>` or is not a level-1 heading. */
function titleMalformed(): Rule {
  return {
    id: 'title-malformed',
    defaultSeverity: 'warning',
    description: 'The title reads `SEP-<number>: <name>` as a level-1 heading.',
    // Rewriting the separator keeps the number and name as written.
    fixKinds: ['certain'],
    check(doc) {
      const t = doc.title;
      if (!t) return [];
      const reports: Report[] = [];
      if (t.fromIssue) return issueTitleReports(t, doc);
      if (t.form !== 'ok') {
        reports.push({ range: t.range, message: FORM_MESSAGES[t.form], fixes: () => [normalizeTitleFix(doc)] });
      }
      if (t.depth !== 1) {
        reports.push({ range: t.range, message: `The title is a level-${t.depth} heading. Make it the one level-1 heading: \`# ${t.raw}\`.` });
      }
      return reports;
    },
  };
}

/**
 * The title of an issue (or pull request) whose body is the SEP. The 2025 guidelines only asked
 * the sponsor, on taking the SEP to draft, to "ensure the SEP number is in the title": `SEP-12 - Name`
 * is not reported, nor a title without a number while the SEP is a proposal (or its status is
 * unknown); a title without a name always is. No fix: the title is not in the document.
 */
function issueTitleReports(t: SepTitle, doc: SepDocument): Report[] {
  if (t.form === 'ok' || t.form === 'bad-separator') return [];
  const status = sepStatus(doc)?.value;
  if (t.form !== 'no-name' && (!status || status === 'proposal')) return [];
  const what = t.form === 'no-name' ? 'has no name after the SEP number' : t.form === 'no-number' ? 'has no SEP number' : `does not start with "SEP-<number>"`;
  return [{ range: t.range, message: `The issue's title "${t.raw}" ${what}. On GitHub, give the issue the title "SEP-<number>: <name>".` }];
}

/** Title rules, in documentation order. */
export const TITLE_RULES: Rule[] = [titleMissing(), titleMalformed()];
