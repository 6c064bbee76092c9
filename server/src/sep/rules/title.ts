import type { SepTitle } from '../types';
import { addTitleFix, normalizeTitleFix } from '../fixes/title';
import { missingRange } from './support';
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
      if (doc.title) return [];
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

/** Title rules, in documentation order. */
export const TITLE_RULES: Rule[] = [titleMissing(), titleMalformed()];
