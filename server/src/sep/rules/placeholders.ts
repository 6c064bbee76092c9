import type { HeaderField } from '../types';
import { fieldByKey, STATUSES, TYPES } from '../../../../common/vocabulary';
import { sepStage } from './facts';
import { placeholdersIn, replaceFix, valuePart } from './support';
import type { Fix, Report, Rule } from './types';

/**
 * Template placeholders once the SEP has its number: then they are defects, whoever wrote them
 * (field-placeholder reports them before that, as a warning or, for `{NUMBER}`, a hint).
 */

/** Placeholders a numbered SEP may not keep: `{NUMBER}` anywhere, any template text in a required field. */
export function leftoverOnceNumbered(f: HeaderField, placeholder: string): boolean {
  return placeholder === '{NUMBER}' || (f.key !== undefined && fieldByKey(f.key).required && placeholder !== '{Title}');
}

/**
 * `field-placeholder-numbered`: once the SEP carries its number, template text
 * left in a required header field, or `{NUMBER}` anywhere, is an error.
 */
export function fieldPlaceholderNumbered(): Rule {
  return {
    id: 'field-placeholder-numbered',
    defaultSeverity: 'error',
    description: 'Once the SEP has its number, no required header field holds template text (`@github-username`, `Name <email>`, `Draft | In-Review | ...`, `YYYY-MM-DD`) and `{NUMBER}` is gone from the title and header.',
    // Only the author knows the value: each choice (or today, for Created) is a suggestion.
    fixKinds: ['suggestion'],
    check(doc, ctx) {
      if (sepStage(doc) !== 'numbered') return [];
      const out: Report[] = [];
      for (const f of doc.header.fields) {
        const [first] = placeholdersIn(f.value).filter((p) => leftoverOnceNumbered(f, p.text));
        if (!first) continue;
        const end = first.text.includes(' | ') ? f.value.length : first.at + first.text.length;
        const range = f.continuationLines ? f.valueRange : valuePart(doc, f, first.at, end);
        out.push({
          range,
          message: `${placeholderMessage(f.name, first.text)} This SEP already has its number, so the template text must go.`,
          data: { field: f.key ?? f.name },
          fixes: () => placeholderChoices(f, ctx.today),
        });
      }
      const t = doc.title;
      if (t?.numberRange && /^\{number\}$/i.test(t.number ?? '')) {
        out.push({ range: t.numberRange, message: `The title still reads SEP-${t.number}, but this SEP has its number: write it in the title (run "SEP: Set PR Number…").` });
      }
      return out;
    },
  };
}

/** Suggestions (never automatic) for a placeholder left in Created, Status or Type: today, or each allowed value. */
export function placeholderChoices(f: HeaderField, today: string): Fix[] {
  if (f.key === 'created') return [replaceFix(`Change to today, "${today}"`, f.valueRange, today, 'suggestion')];
  const values = f.key === 'status' ? STATUSES : f.key === 'type' ? TYPES : [];
  return values.map((v) => replaceFix(`Change to "${v.value}"`, f.valueRange, v.value, 'suggestion'));
}

/** The message for a template placeholder left in a field: what to write instead. */
export function placeholderMessage(name: string, placeholder: string): string {
  const what: Record<string, string> = {
    'Draft | In-Review': 'one status, e.g. `Draft`',
    'Standards Track | Informational': 'one type, e.g. `Standards Track`',
    'YYYY-MM-DD': 'the date you started the SEP, e.g. `2025-07-22`',
    '{NUMBER}': 'the pull request number once the pull request exists',
    '@github-username': 'a real GitHub handle',
    'Name <email>': 'your name (and e-mail if you wish)',
    '(or "None" if seeking sponsor)': 'either the sponsor\'s handle or `None`, not both',
  };
  return `**${name}** still holds the template text \`${placeholder}\`. Replace it with ${what[placeholder] ?? 'the real value'}.`;
}
