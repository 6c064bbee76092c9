import type { SepDocument, Severity } from '../types';
import { LEGACY_STATUSES, STATUSES, STATUS_SYNONYMS, TYPES, TYPE_SYNONYMS, fieldByKey } from '../../../../common/vocabulary';
import type { ValueSpec } from '../../../../common/vocabulary';
import { refsIn } from './numbers';
import { checkable, replaceFix, valuePart } from './support';
import type { Fix, FixKind, Report, Rule } from './types';
import { parseDate } from './dates';
import { trimToWords } from '../text';

/**
 * Rules about the values of header fields: closed vocabularies (Status,
 * Type), the Created date and the PR reference. People fields (Author(s),
 * Sponsor) are in people.ts.
 */

/** A closed vocabulary for one field. */
export interface Vocabulary {
  key: string;
  values: readonly ValueSpec[];
  /** Accepted as they are (issue-era values). */
  legacy?: readonly ValueSpec[];
  /** Lower-case variant → canonical value. */
  synonyms: Readonly<Record<string, string>>;
}

export const STATUS_VOCABULARY: Vocabulary = { key: 'status', values: STATUSES, legacy: LEGACY_STATUSES, synonyms: STATUS_SYNONYMS };
export const TYPE_VOCABULARY: Vocabulary = { key: 'type', values: TYPES, synonyms: TYPE_SYNONYMS };

const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, ' ').trim();

/** An HTML tag, its attributes bounded so that matching stays linear. */
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>]{0,200})?\/?>/g;

/**
 * The word(s) of a value that name the status or type: the value up to a
 * parenthesis, ` - `, `,` or `;`, with `*`, `_` and backticks around it
 * ignored. Offsets are into the value.
 */
export function valueCore(value: string): { text: string; at: number; end: number } {
  // HTML tags (`</b> Standards Track<br>` in issue-era preambles) are markup, not words: blanked, offsets kept.
  const plain = value.includes('<') ? value.replace(HTML_TAG, (t) => ' '.repeat(t.length)) : value;
  const cut = plain.search(/\(|\s[-–—]\s|[,;]/);
  const head = cut === -1 ? plain : plain.slice(0, cut).trimEnd();
  // Emphasis, code marks, emoji and other symbols around the words are not part of them.
  const { lead, trail } = trimToWords(head);
  return { text: head.slice(lead, head.length - trail), at: lead, end: head.length - trail };
}

/**
 * `variant`: the same words in another case, spacing or hyphenation (`in review` → `In-Review`);
 * `synonym`: another word for a value (`Approved` → `Accepted`), a guess about meaning.
 */
export type Match = { kind: 'canonical' | 'legacy'; value: string } | { kind: 'variant' | 'synonym'; value: string } | { kind: 'unknown' };

/** How a written value relates to a vocabulary. */
export function matchValue(vocabulary: Vocabulary, written: string): Match {
  const exact = vocabulary.values.find((v) => v.value === written);
  if (exact) return { kind: 'canonical', value: exact.value };
  const legacy = vocabulary.legacy?.find((v) => v.value.toLowerCase() === written.toLowerCase());
  if (legacy) return { kind: 'legacy', value: legacy.value };
  const folded = fold(written);
  const variant = vocabulary.values.find((v) => fold(v.value) === folded)?.value;
  if (variant) return { kind: 'variant', value: variant };
  const synonym = vocabulary.synonyms[folded];
  return synonym ? { kind: 'synonym', value: synonym } : { kind: 'unknown' };
}

/** The canonical status of a document (legacy and variant spellings resolved), if it can be read. */
export function canonicalStatus(doc: SepDocument): string | undefined {
  const f = checkable(doc, 'status');
  if (!f) return undefined;
  const m = matchValue(STATUS_VOCABULARY, valueCore(f.value).text);
  return m.kind === 'unknown' ? undefined : m.value;
}

/**
 * Kind: an `invalid` rule (a value outside the vocabulary; each allowed value is suggested) and a
 * `noncanonical` one (a known value spelled another way: the canonical spelling is certain, a synonym suggested).
 */
export function enumField(ids: { invalid: string; noncanonical: string }, vocabulary: Vocabulary, severities: { invalid: Severity; noncanonical: Severity }): Rule[] {
  const label = fieldByKey(vocabulary.key).label;
  const noun = label.toLowerCase();
  const list = vocabulary.values.map((v) => v.value).join(', ');
  const read = (doc: SepDocument) => {
    const f = checkable(doc, vocabulary.key);
    if (!f) return undefined;
    const core = valueCore(f.value);
    return { f, core, match: matchValue(vocabulary, core.text), range: valuePart(doc, f, core.at, core.end) };
  };
  const invalid: Rule = {
    id: ids.invalid,
    defaultSeverity: severities.invalid,
    description: `**${label}** is one of ${list}.`,
    fixKinds: ['suggestion'],
    check(doc) {
      const r = read(doc);
      if (!r || r.match.kind !== 'unknown') return [];
      const fixes = (): Fix[] => vocabulary.values.map((v) => replaceFix(`Change to "${v.value}"`, r.range, v.value, 'suggestion'));
      return [{ range: r.range, message: `"${r.core.text}" is not a SEP ${noun}. Use one of: ${list}.`, fixes }];
    },
  };
  const noncanonical: Rule = {
    id: ids.noncanonical,
    defaultSeverity: severities.noncanonical,
    description: `**${label}** is spelled as the SEP template spells it (e.g. \`${vocabulary.values[0].value}\`).`,
    fixKinds: ['certain', 'suggestion'],
    check(doc) {
      const r = read(doc);
      if (!r || (r.match.kind !== 'variant' && r.match.kind !== 'synonym')) return [];
      const expected = r.match.value;
      const kind: FixKind = r.match.kind === 'variant' ? 'certain' : 'suggestion';
      const message =
        kind === 'certain'
          ? `Write the ${noun} as "${expected}", the spelling of the SEP template, instead of "${r.core.text}".`
          : `"${r.core.text}" is not a SEP ${noun}; if you mean "${expected}", write that (the ${noun}s are ${list}).`;
      return [{ range: r.range, message, data: { expected }, fixes: () => [replaceFix(`Change to "${expected}"`, r.range, expected, kind)] }];
    },
  };
  return [invalid, noncanonical];
}

/** Kind: a date field written `YYYY-MM-DD` (`format`), a real date (`invalid`) and not ahead of today (`future`). */
export function dateField(ids: { invalid: string; format: string; future: string }, key: string, severities: { invalid: Severity; format: Severity; future: Severity }): Rule[] {
  const label = fieldByKey(key).label;
  const read = (doc: SepDocument) => {
    const f = checkable(doc, key);
    if (!f) return undefined;
    // `2025-07-22 (revised ...)`, `2025-07-22, updated ...`: only the date itself is checked.
    const iso = /^\d{4}-\d{1,2}-\d{1,2}(?![\dT:])/.exec(f.value);
    const paren = f.value.indexOf('(') === -1 ? -1 : f.value.slice(0, f.value.indexOf('(')).trimEnd().length;
    const end = iso ? iso[0].length : paren > 0 ? paren : f.value.length;
    return { date: parseDate(f.value.slice(0, end)), range: valuePart(doc, f, 0, end), text: f.value.slice(0, end) };
  };
  const rule = (id: string, severity: Severity, description: string, fixKinds: readonly FixKind[], report: (r: NonNullable<ReturnType<typeof read>>, today: string) => Report | undefined): Rule => ({
    id,
    defaultSeverity: severity,
    description,
    fixKinds,
    check(doc, ctx) {
      const r = read(doc);
      const out = r && report(r, ctx.today);
      return out ? [out] : [];
    },
  });
  return [
    rule(ids.invalid, severities.invalid, `**${label}** is a real calendar date.`, [], ({ date, range, text }) =>
      date.kind === 'invalid' || date.kind === 'none'
        ? { range, message: date.kind === 'invalid' ? `${text} is not a real date. Write the date as YYYY-MM-DD, e.g. 2025-07-22.` : `"${text}" is not a date. Write the date as YYYY-MM-DD, e.g. 2025-07-22.` }
        : undefined,
    ),
    // Only an unambiguous date is rewritten (`01/02/2025` gets no fix): the same day, in another notation.
    rule(ids.format, severities.format, `**${label}** is written YYYY-MM-DD.`, ['certain'], ({ date, range, text }) => {
      if (date.kind === 'ambiguous') return { range, message: `Write the date as YYYY-MM-DD: "${text}" could be read as ${date.readings.join(' or ')}.` };
      if (date.kind !== 'date' || date.iso === text) return undefined;
      return {
        range,
        message: `Write the date as YYYY-MM-DD: ${date.iso}.`,
        data: { expected: date.iso },
        fixes: () => [replaceFix(`Change to "${date.iso}"`, range, date.iso, 'certain')],
      };
    }),
    rule(ids.future, severities.future, `**${label}** is not a date in the future.`, ['suggestion'], ({ date, range }, today) =>
      date.kind === 'date' && date.iso > today
        ? { range, message: `${date.iso} is in the future (today is ${today}). Use the date the SEP was started.`, fixes: () => [replaceFix(`Change to today, "${today}"`, range, today, 'suggestion')] }
        : undefined,
    ),
  ];
}

/** `pr-format`: the PR field names a pull request as `#N` or `https://github.com/<owner>/<repo>/pull/N`. */
function prFormat(): Rule {
  const how = '`#1234` or `https://github.com/modelcontextprotocol/modelcontextprotocol/pull/1234`';
  return {
    id: 'pr-format',
    defaultSeverity: 'warning',
    description: 'The **PR** field is `#<number>` or a pull-request URL `https://github.com/<owner>/<repo>/pull/<number>`.',
    // `1234` → `#1234` and `pull/{1234}` → `pull/1234`: the same number, written the standard way.
    fixKinds: ['certain'],
    check(doc) {
      const f = checkable(doc, 'pr');
      if (!f || f.continuationLines) return [];
      const refs = refsIn(f.value);
      if (!refs.length) return [{ range: f.valueRange, message: `"${f.value}" does not name a pull request. Write ${how}.` }];
      const out: Report[] = [];
      for (const ref of refs) {
        const range = valuePart(doc, f, ref.at, ref.end);
        const written = f.value.slice(ref.at, ref.end);
        if (ref.kind === 'bare' || ref.kind === 'braced-url') {
          const expected = ref.kind === 'bare' ? `#${ref.number}` : written.replace(`{${ref.number}}`, ref.number!);
          out.push({ range, message: `Write the pull request as ${expected}.`, data: { expected }, fixes: () => [replaceFix(`Change to "${expected}"`, range, expected, 'certain')] });
        } else if (ref.kind === 'issue-url') {
          out.push({ range, message: `This links an issue, not a pull request. Put the SEP's pull request here (${how}); an issue goes in an **Issue** field.` });
        } else if (ref.kind === 'other-url') {
          out.push({ range, message: `This is not a GitHub pull-request link. Write ${how}.` });
        }
      }
      return out;
    },
  };
}

/** Value rules, in documentation order. */
export const VALUE_RULES: Rule[] = [
  ...enumField({ invalid: 'status-invalid', noncanonical: 'status-noncanonical' }, STATUS_VOCABULARY, { invalid: 'error', noncanonical: 'warning' }),
  ...enumField({ invalid: 'type-invalid', noncanonical: 'type-noncanonical' }, TYPE_VOCABULARY, { invalid: 'error', noncanonical: 'warning' }),
  ...dateField({ invalid: 'created-invalid', format: 'created-format', future: 'created-future' }, 'created', { invalid: 'warning', format: 'warning', future: 'warning' }),
  prFormat(),
];
