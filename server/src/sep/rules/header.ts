import type { HeaderField, SepDocument, Severity } from '../types';
import { FIELDS, fieldByKey } from '../vocabulary';
import { field, missingRange, placeholdersIn, valuePart } from './support';
import type { Report, Rule } from './types';

/**
 * Rules about the header: the `- **Status**: ...` bullets (or table, or
 * issue-era `Key: value` preamble) under the title. As everywhere, `fixable`
 * says a quick fix is on offer: the rule's own or one fixes/ computes from
 * the finding (insertions keyed on `data.field`).
 */

/** `header-missing`: no header fields at all. The per-field rules stay quiet then. */
function headerMissing(): Rule {
  return {
    id: 'header-missing',
    defaultSeverity: 'error',
    description: 'The title is followed by the header fields (Status, Type, Created, Author(s), Sponsor, PR).',
    fixable: true,
    check(doc) {
      if (doc.header.fields.length) return [];
      return [
        {
          range: missingRange(doc),
          message: 'This SEP has no header. Under the title, add the fields as bullets: `- **Status**: Draft`, `- **Type**: ...`, `- **Created**: YYYY-MM-DD`, `- **Author(s)**: ...`, `- **Sponsor**: ...`, `- **PR**: #...`.',
        },
      ];
    },
  };
}

interface RequiredFieldOptions {
  severity: Severity;
  /** What goes in the field, for the message. */
  hint: string;
  /** Another field whose presence makes a different rule report the absence instead. */
  unlessPresent?: string;
}

/** `field-<key>-missing`: a required header field is absent. Carries `data.field` for the insertion fix. */
export function requiredField(key: string, options: RequiredFieldOptions): Rule {
  const spec = fieldByKey(key);
  return {
    id: `field-${key}-missing`,
    defaultSeverity: options.severity,
    description: `The header has the **${spec.label}** field (${options.hint}).`,
    // The insertion fix is computed by fixes/ from data.field.
    fixable: true,
    check(doc) {
      if (!doc.header.fields.length || field(doc, key)) return [];
      if (options.unlessPresent && field(doc, options.unlessPresent)) return [];
      return [
        {
          range: missingRange(doc),
          message: `The header has no **${spec.label}** field. Add \`- **${spec.label}**: ...\` with ${options.hint}.`,
          data: { field: key },
        },
      ];
    },
  };
}

/** `field-issue-instead-of-pr`: an issue-era `Issue` field where the file-based workflow has `PR`. */
function issueInsteadOfPr(): Rule {
  return {
    id: 'field-issue-instead-of-pr',
    defaultSeverity: 'warning',
    description: 'A SEP names its pull request in a **PR** field; an **Issue** field alone is the old, issue-based form.',
    fixable: true,
    check(doc) {
      const issue = field(doc, 'issue');
      if (!issue || field(doc, 'pr')) return [];
      return [
        {
          range: issue.range,
          message: 'The header has an **Issue** field but no **PR** field. SEPs are now pull requests: add `- **PR**: #<number>` with the pull request that adds this file (keep **Issue** if the SEP began as an issue).',
          data: { field: 'pr' },
        },
      ];
    },
  };
}

/**
 * A rule that looks at each header field on its own. `check` returns the
 * message for a field that breaks the rule, or nothing.
 */
function perField(
  id: string,
  severity: Severity,
  description: string,
  fixable: boolean,
  check: (f: HeaderField, doc: SepDocument, seen: HeaderField[]) => Omit<Report, 'range'> & { range?: Report['range'] } | undefined,
): Rule {
  return {
    id,
    defaultSeverity: severity,
    description,
    fixable,
    check(doc) {
      const out: Report[] = [];
      doc.header.fields.forEach((f, i) => {
        const r = check(f, doc, doc.header.fields.slice(0, i));
        if (r) out.push({ ...r, range: r.range ?? f.range });
      });
      return out;
    },
  };
}

const fieldDuplicate = perField(
  'field-duplicate',
  'warning',
  'Each header field appears once.',
  false,
  (f, _doc, seen) => {
    const first = f.key ? seen.find((s) => s.key === f.key) : seen.find((s) => s.name.toLowerCase() === f.name.toLowerCase());
    // A field repeated by a second header block is header-duplicate's, reported once for the block.
    if (!first || (f.key && first.block !== f.block)) return undefined;
    return {
      message: `**${f.name}** is given twice (first on line ${first.range.start.line + 1}). Keep one: readers and tools take the first.`,
      data: { field: f.key ?? f.name },
    };
  },
);

const KNOWN = FIELDS.filter((f) => f.required).map((f) => f.label).join(', ') + ', and optionally ' + FIELDS.filter((f) => !f.required).map((f) => f.label).join(', ');

const fieldUnknown = perField(
  'field-unknown',
  'information',
  'Header fields are the ones the SEP template defines.',
  false,
  (f) =>
    f.key
      ? undefined
      : {
          range: f.nameRange,
          message: `**${f.name}** is not a SEP header field. Check the spelling (the fields are ${KNOWN}), or move this information into the text.`,
        },
);

const fieldEmpty = perField(
  'field-empty',
  'warning',
  'Header fields have a value.',
  true,
  (f) => (f.value.trim() === '' ? { message: `**${f.name}** has no value. Fill it in or remove the line.`, data: { field: f.key ?? f.name } } : undefined),
);

/** `field-placeholder`: a value (or the title's name) still holds the template's placeholder text. */
function fieldPlaceholder(): Rule {
  return {
    id: 'field-placeholder',
    defaultSeverity: 'warning',
    description: 'Header values and the title no longer hold the template\'s placeholder text (`Draft | In-Review | ...`, `YYYY-MM-DD`, `{NUMBER}`, `@github-username`).',
    fixable: true,
    check(doc) {
      const out: Report[] = [];
      for (const f of doc.header.fields) {
        const [first] = placeholdersIn(f.value);
        if (!first) continue;
        // On a wrapped value the joined text no longer maps to offsets: mark the whole value.
        // The `A | B | ...` choice lists run to the end of the value.
        const end = first.text.includes(' | ') ? f.value.length : first.at + first.text.length;
        const range = f.continuationLines ? f.valueRange : valuePart(doc, f, first.at, end);
        out.push({ range, message: placeholderMessage(f.name, first.text), data: { field: f.key ?? f.name } });
      }
      const t = doc.title;
      if (t?.nameRange && /^\{title\}$/i.test(t.name)) {
        out.push({ range: t.nameRange, message: 'The title still reads `{Title}`. Replace it with a short descriptive name of the proposal.' });
      }
      return out;
    },
  };
}

function placeholderMessage(name: string, placeholder: string): string {
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

/**
 * `header-duplicate`: a second header block (a table after the bullet list,
 * a second list) that repeats fields of an earlier one. Reported once per
 * block; its repeated fields are not reported again by field-duplicate.
 */
function headerDuplicate(): Rule {
  return {
    id: 'header-duplicate',
    defaultSeverity: 'warning',
    description: 'The header is written once: not as a list and again as a table.',
    fixable: false,
    check(doc) {
      const fields = doc.header.fields;
      const out: Report[] = [];
      for (const block of new Set(fields.map((f) => f.block ?? 0))) {
        const mine = fields.filter((f) => (f.block ?? 0) === block);
        const earlier = fields.filter((f) => (f.block ?? 0) < block);
        const repeated = mine.filter((f) => f.key && earlier.some((e) => e.key === f.key));
        if (!repeated.length) continue;
        const firstLine = earlier[0].range.start.line + 1;
        out.push({
          range: { start: mine[0].range.start, end: mine[mine.length - 1].range.end },
          message: `The header is written a second time here (the first starts on line ${firstLine}); ${repeated.map((f) => `**${f.name}**`).join(', ')} appear in both. Keep one header: readers and tools take the first.`,
          data: { fields: repeated.map((f) => f.key!).join(',') },
        });
      }
      return out;
    },
  };
}

/** `field-order`: known fields out of the template's order. Reports the fewest fields that need to move. */
function fieldOrder(): Rule {
  return {
    id: 'field-order',
    defaultSeverity: 'information',
    description: 'Header fields follow the template\'s order: Status, Type, Created, Author(s), Sponsor, PR.',
    fixable: true,
    check(doc) {
      // Repeated fields are field-duplicate's business; only first occurrences are ordered,
      // each header block on its own: fields never move between a list and a table.
      const firsts = doc.header.fields.filter((f, i, all) => f.key !== undefined && all.findIndex((g) => g.key === f.key) === i);
      const out: Report[] = [];
      for (const block of new Set(firsts.map((f) => f.block))) {
        const known = firsts.filter((f) => f.block === block);
        const rank = known.map((f) => FIELDS.findIndex((s) => s.key === f.key));
        const keep = longestOrderedRun(rank);
        known.forEach((f, i) => {
          if (keep.has(i)) return;
          const before = known.find((_g, j) => keep.has(j) && rank[j] > rank[i]);
          if (!before) return;
          out.push({ range: f.range, message: `Move **${f.name}** before **${before.name}**, the order of the SEP template.` });
        });
      }
      return out;
    },
  };
}

/** Indexes of a longest non-decreasing subsequence of `rank` (fields in it stay put). */
function longestOrderedRun(rank: number[]): Set<number> {
  const len = rank.map(() => 1);
  const prev = rank.map(() => -1);
  for (let i = 0; i < rank.length; i++) {
    for (let j = 0; j < i; j++) {
      if (rank[j] <= rank[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    }
  }
  const keep = new Set<number>();
  let at = len.indexOf(Math.max(0, ...len));
  while (at !== -1) {
    keep.add(at);
    at = prev[at];
  }
  return keep;
}

/** Header rules, in documentation order. */
export const HEADER_RULES: Rule[] = [
  headerMissing(),
  requiredField('status', { severity: 'error', hint: 'the SEP\'s status, e.g. `Draft`' }),
  requiredField('type', { severity: 'error', hint: 'the SEP\'s type, e.g. `Standards Track`' }),
  requiredField('created', { severity: 'warning', hint: 'the date the SEP was started, as `YYYY-MM-DD`' }),
  requiredField('authors', { severity: 'error', hint: 'the authors as `Name <email> (@handle)`, comma-separated' }),
  requiredField('sponsor', { severity: 'warning', hint: 'the sponsoring maintainer\'s `@handle`, or `None` while you look for one' }),
  requiredField('pr', { severity: 'error', hint: 'the pull request that adds this file, `#<number>` or its URL; `#{NUMBER}` until the pull request exists', unlessPresent: 'issue' }),
  issueInsteadOfPr(),
  headerDuplicate(),
  fieldDuplicate,
  fieldUnknown,
  fieldOrder(),
  fieldEmpty,
  fieldPlaceholder(),
];
