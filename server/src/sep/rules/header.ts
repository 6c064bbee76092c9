import type { HeaderField, SepDocument, Severity } from '../types';
import { FIELDS, fieldByKey } from '../../../../common/vocabulary';
import { addFieldFix, addHeaderFix, fieldPlaceholder as placeholderFor, reorderFieldsFix, replaceValueFix } from '../fixes/header';
import { field, missingRange, placeholdersIn, valuePart } from './support';
import { issueEra, sepStage } from './facts';
import { fieldPlaceholderNumbered, leftoverOnceNumbered, placeholderChoices, placeholderMessage } from './placeholders';
import type { Fix, Report, Rule } from './types';

/**
 * Rules about the header: the `- **Status**: ...` bullets (or table, or
 * issue-era `Key: value` preamble) under the title. A fix that inserts a field
 * or a value writes template placeholders the author must replace: a
 * suggestion, never applied by fix-all.
 */

/** `header-missing`: no header fields at all. The per-field rules stay quiet then. */
function headerMissing(): Rule {
  return {
    id: 'header-missing',
    defaultSeverity: 'error',
    description: 'The title is followed by the header fields (Status, Type, Created, Author(s), Sponsor, PR).',
    fixKinds: ['suggestion'],
    check(doc, ctx) {
      if (doc.header.fields.length) return [];
      const misplaced = doc.header.misplaced;
      if (misplaced) {
        const where = misplaced.in === 'front-matter' ? 'YAML front matter' : 'a code block';
        return [
          {
            range: misplaced.range,
            message: `The header is written as ${where}, where SEP tools and the website do not read it. Write the fields as Markdown bullets under the title instead, one per line: \`- **Status**: Draft\`, \`- **Type**: ...\`, \`- **Created**: YYYY-MM-DD\`, \`- **Author(s)**: ...\`, \`- **Sponsor**: ...\`, \`- **PR**: #...\`.`,
          },
        ];
      }
      return [
        {
          range: missingRange(doc),
          fixes: () => [addHeaderFix(doc, ctx.today)],
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
  /** The message for an unnumbered draft, where the absence is expected (reported as a hint). */
  whileUnnumbered?: string;
  /** The field did not exist in the issue-based workflow: issue-era SEPs are not asked for it. */
  notIssueEra?: boolean;
}

/** Kind: a required header field is absent; the fix inserts it with a placeholder. */
export function requiredField(id: string, key: string, options: RequiredFieldOptions): Rule {
  const spec = fieldByKey(key);
  return {
    id,
    defaultSeverity: options.severity,
    description: `The header has the **${spec.label}** field (${options.hint}).`,
    fixKinds: ['suggestion'],
    check(doc, ctx) {
      if (!doc.header.fields.length || field(doc, key)) return [];
      if (options.unlessPresent && field(doc, options.unlessPresent)) return [];
      if (options.notIssueEra && issueEra(doc)) return [];
      if (options.whileUnnumbered && sepStage(doc) === 'unnumbered') {
        return [{ range: missingRange(doc), message: options.whileUnnumbered, data: { field: key }, stage: 'expected' }];
      }
      return [
        {
          range: missingRange(doc),
          message: `The header has no **${spec.label}** field. Add \`- **${spec.label}**: ...\` with ${options.hint}.`,
          data: { field: key },
          fixes: () => [addFieldFix(doc, key, ctx.today)],
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
    fixKinds: ['suggestion'],
    check(doc, ctx) {
      const issue = field(doc, 'issue');
      if (!issue || field(doc, 'pr') || issueEra(doc)) return [];
      return [
        {
          range: issue.range,
          message: 'The header has an **Issue** field but no **PR** field. SEPs are now pull requests: add `- **PR**: #<number>` with the pull request that adds this file (keep **Issue** if the SEP began as an issue).',
          data: { field: 'pr' },
          fixes: () => [addFieldFix(doc, 'pr', ctx.today)],
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
  fixKinds: Rule['fixKinds'],
  check: (f: HeaderField, doc: SepDocument, seen: HeaderField[], today: string) => Omit<Report, 'range'> & { range?: Report['range'] } | undefined,
): Rule {
  return {
    id,
    defaultSeverity: severity,
    description,
    fixKinds,
    check(doc, ctx) {
      const out: Report[] = [];
      doc.header.fields.forEach((f, i) => {
        const r = check(f, doc, doc.header.fields.slice(0, i), ctx.today);
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
  [],
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
  [],
  (f, doc) =>
    f.key || (doc.header.preamble && /^title$/i.test(f.name))
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
  ['suggestion'],
  (f, doc, _seen, today) => {
    if (f.value.trim() !== '') return undefined;
    if (f.key === 'status' && sepStage(doc) === 'unnumbered') {
      return { message: STATUS_LEFT_TO_SPONSOR, data: { field: 'status' }, stage: 'expected' };
    }
    return { message: `**${f.name}** has no value. Fill it in or remove the line.`, data: { field: f.key ?? f.name }, fixes: () => [fillPlaceholderFix(doc, f, today)] };
  },
);

/** The drafting guide: "`Status:` — leave blank or omit"; the sponsor sets it. */
const STATUS_LEFT_TO_SPONSOR = 'Status is left to the sponsor: a draft leaves it blank or omits it, and the sponsor sets it to Draft on agreeing to sponsor the SEP.';

/** Puts the template's placeholder into an empty value, with a space after a separator that has none. */
function fillPlaceholderFix(doc: SepDocument, f: HeaderField, today: string): Fix | undefined {
  const value = f.key ? placeholderFor(f.key, today) : '';
  if (!value) return undefined;
  const at = doc.lines.offset(f.valueRange.start);
  const glued = f.valueRange.start.character > 0 && !/\s/.test(doc.text[at - 1]);
  return { ...replaceValueFix(f, (glued ? ' ' : '') + value, 'suggestion'), title: `Fill in a placeholder: "${value}"` };
}


/** `field-placeholder`: a value (or the title's name) still holds the template's placeholder text. */
function fieldPlaceholder(): Rule {
  return {
    id: 'field-placeholder',
    defaultSeverity: 'warning',
    description: 'Header values and the title no longer hold the template\'s placeholder text (`Draft | In-Review | ...`, `YYYY-MM-DD`, `{NUMBER}`, `@github-username`).',
    // Only the author knows the value: each choice (or today, for Created) is a suggestion.
    fixKinds: ['suggestion'],
    check(doc, ctx) {
      const out: Report[] = [];
      const stage = sepStage(doc);
      for (const f of doc.header.fields) {
        const [first] = placeholdersIn(f.value).filter((p) => !(stage === 'numbered' && leftoverOnceNumbered(f, p.text)));
        if (!first) continue;
        // On a wrapped value the joined text no longer maps to offsets: mark the whole value.
        // The `A | B | ...` choice lists run to the end of the value.
        const end = first.text.includes(' | ') ? f.value.length : first.at + first.text.length;
        const range = f.continuationLines ? f.valueRange : valuePart(doc, f, first.at, end);
        if (first.text === '{NUMBER}' && stage === 'unnumbered') {
          out.push({ range, message: NUMBER_EXPECTED, data: { field: f.key ?? f.name }, stage: 'expected' });
        } else {
          out.push({ range, message: placeholderMessage(f.name, first.text), data: { field: f.key ?? f.name }, fixes: () => placeholderChoices(f, ctx.today) });
        }
      }
      const t = doc.title;
      if (t?.nameRange && /^\{title\}$/i.test(t.name)) {
        out.push({ range: t.nameRange, message: 'The title still reads `{Title}`. Replace it with a short descriptive name of the proposal.' });
      }
      return out;
    },
  };
}

const NUMBER_EXPECTED = '{NUMBER} stays until the pull request exists; then run "SEP: Set PR Number…" to write its number here, in the title and in the file name.';

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
    fixKinds: [],
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
    // Whole lines move; nothing is written.
    fixKinds: ['certain'],
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
          out.push({ range: f.range, message: `Move **${f.name}** before **${before.name}**, the order of the SEP template.`, fixes: () => [reorderFieldsFix(doc)] });
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
  requiredField('field-status-missing', 'status', { severity: 'error', hint: 'the SEP\'s status, e.g. `Draft`', whileUnnumbered: STATUS_LEFT_TO_SPONSOR }),
  requiredField('field-type-missing', 'type', { severity: 'error', hint: 'the SEP\'s type, e.g. `Standards Track`' }),
  requiredField('field-created-missing', 'created', { severity: 'warning', hint: 'the date the SEP was started, as `YYYY-MM-DD`' }),
  requiredField('field-authors-missing', 'authors', { severity: 'error', hint: 'the authors as `Name <email> (@handle)`, comma-separated' }),
  requiredField('field-sponsor-missing', 'sponsor', { severity: 'warning', hint: 'the sponsoring maintainer\'s `@handle`, or `None` while you look for one' }),
  requiredField('field-pr-missing', 'pr', { severity: 'error', hint: 'the pull request that adds this file, `#<number>` or its URL; `#{NUMBER}` until the pull request exists', unlessPresent: 'issue', notIssueEra: true }),
  issueInsteadOfPr(),
  headerDuplicate(),
  fieldDuplicate,
  fieldUnknown,
  fieldOrder(),
  fieldEmpty,
  fieldPlaceholder(),
  fieldPlaceholderNumbered(),
];
