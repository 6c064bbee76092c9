import type { SepDocument, SepTitle } from '../types';
import { missingRange, replaceFix } from './support';
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
    // The fix (a title made from the file name) is computed by fixes/ from the document.
    fixable: true,
    check(doc) {
      // An issue-era SEP's title was the issue's title; without the issue at hand there is nothing to check.
      if (doc.title || issueEra(doc)) return [];
      return [
        {
          range: missingRange(doc),
          message: 'This SEP has no title. Start the file with `# SEP-<number>: <name>` (use `SEP-{NUMBER}` until the pull request exists).',
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
    fixable: true,
    check(doc) {
      const t = doc.title;
      if (!t) return [];
      const reports: Report[] = [];
      if (t.fromIssue) return issueTitleReports(t, doc);
      if (t.form !== 'ok') {
        const fix = separatorFix(t);
        reports.push({ range: t.range, message: FORM_MESSAGES[t.form], ...(fix ? { fixes: [fix] } : {}) });
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

/** For `SEP 12 - Name`, `SEP-12 Name`, `sep-12:Name`: rewrite only the part before the name. */
function separatorFix(t: SepTitle): ReturnType<typeof replaceFix> | undefined {
  if (t.form !== 'bad-separator' || !t.number || !t.name || !t.nameRange) return undefined;
  if (t.range.start.line !== t.range.end.line) return undefined;
  // nameRange ends where the heading text ends; the text starts raw.length before that.
  const line = t.nameRange.end.line;
  const prefixStart = { line, character: t.nameRange.end.character - t.raw.length };
  const expected = `SEP-${t.number}: `;
  return replaceFix(`Change to "${expected}${t.name}"`, { start: prefixStart, end: t.nameRange.start }, expected);
}

/** Title rules, in documentation order. */
export const TITLE_RULES: Rule[] = [titleMissing(), titleMalformed()];
