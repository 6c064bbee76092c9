import type { HeaderField, SepDocument, Severity, TextEdit } from '../types';
import { fieldByKey } from '../../../../common/vocabulary';
import { handlesIn, splitPeople, type PersonItem } from '../../../../common/people';
import { checkable, valuePart } from './support';
import type { Fix, Report, Rule } from './types';
import { canonicalStatus } from './values';

/**
 * Rules about the people fields: Author(s) as `Name <email> (@handle)`
 * items, Sponsor as `@handle` or `None`.
 */

const USERNAME = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** The format problems of one Author(s) item, each with the part it concerns and maybe a fix. */
function itemProblems(item: PersonItem): { at: number; end: number; message: string; edits?: { at: number; end: number; newText: string }[] }[] {
  const out: ReturnType<typeof itemProblems> = [];
  for (const m of item.text.matchAll(/<([^<>]*)>/g)) {
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(m[1].trim())) {
      out.push({ at: item.at + m.index, end: item.at + m.index + m[0].length, message: `\`${m[0]}\` should hold an e-mail address, e.g. \`<jane@example.com>\`.` });
    }
  }
  for (const m of item.text.matchAll(/\(\s*([^\s()@]+@[^\s()@]+\.[^\s()]+)\s*\)/g)) {
    const at = item.at + m.index;
    out.push({
      at,
      end: at + m[0].length,
      message: `Write the e-mail address in angle brackets, \`<${m[1]}>\`; parentheses are for the GitHub handle.`,
      edits: [{ at, end: at + m[0].length, newText: `<${m[1]}>` }],
    });
  }
  const handles = handlesIn(item.text);
  if (handles.length > 1) {
    const first = handles[0];
    const close = item.text.indexOf(')', first.at);
    const next = handles[1].at;
    const after = close !== -1 && close < next ? close + 1 : first.at + first.handle.length + 1;
    out.push({
      at: item.at,
      end: item.end,
      message: `One author per item: separate the authors with commas (\`Name (@${first.handle}), Name (@${handles[1].handle})\`).`,
      edits: [{ at: item.at + after, end: item.at + after, newText: ',' }],
    });
  }
  return out;
}

/** `authors-format`: Author(s) items read as `Name <email> (@handle)`, comma-separated. */
function authorsFormat(): Rule {
  return {
    id: 'authors-format',
    defaultSeverity: 'warning',
    description: '**Author(s)** lists people as `Name <email> (@handle)`, separated by commas.',
    // Punctuation only (a comma between two people, brackets around an e-mail address): every word stays.
    fixKinds: ['certain'],
    check(doc) {
      const f = checkable(doc, 'authors');
      if (!f) return [];
      const { items, unbalanced } = splitPeople(f.value);
      if (unbalanced !== undefined && !f.continuationLines) {
        const at = Math.min(unbalanced, f.value.length - 1);
        return [{ range: valuePart(doc, f, at, at + 1), message: 'Unbalanced brackets in Author(s): close every `(`, `<` and `[` you open.' }];
      }
      const out: Report[] = [];
      for (const p of items.flatMap(itemProblems)) {
        const range = f.continuationLines ? f.valueRange : valuePart(doc, f, p.at, p.end);
        const edits = p.edits && !f.continuationLines ? p.edits : undefined;
        const fixes = edits && ((): Fix[] => [{ title: fixTitle(p.message), kind: 'certain', edits: edits.map((e) => edit(doc, f, e)) }]);
        out.push({ range, message: p.message, ...(fixes ? { fixes } : {}) });
      }
      return out;
    },
  };
}

function fixTitle(message: string): string {
  return message.startsWith('One author') ? 'Separate the authors with a comma' : 'Put the e-mail address in angle brackets';
}

function edit(doc: SepDocument, f: HeaderField, e: { at: number; end: number; newText: string }): TextEdit {
  return { range: valuePart(doc, f, e.at, e.end), newText: e.newText };
}

/** `authors-no-handle`: not one author is given with a GitHub handle. */
function authorsNoHandle(): Rule {
  return {
    id: 'authors-no-handle',
    defaultSeverity: 'warning',
    description: '**Author(s)** gives at least one GitHub handle (`@handle`), so maintainers can reach the authors.',
    // That a one-word name is a GitHub user name is a guess.
    fixKinds: ['suggestion'],
    check(doc) {
      const f = checkable(doc, 'authors');
      if (!f || handlesIn(f.value).length) return [];
      // Items that are one word shaped like a user name (`kentcdodds`) are probably handles without the `@`.
      const bare = splitPeople(f.value).items.filter((i) => USERNAME.test(i.text) && /[a-z0-9]/.test(i.text) && !/^[A-Z][a-z]+$/.test(i.text));
      const fixes =
        bare.length && !f.continuationLines
          ? (): Fix[] => [{ title: bare.length === 1 ? `Change to "@${bare[0].text}"` : 'Add "@" to the user names', kind: 'suggestion', edits: bare.map((b) => edit(doc, f, { at: b.at, end: b.at, newText: '@' })) }]
          : undefined;
      const hint = bare.length ? ` If \`${bare[0].text}\` is a GitHub user name, write it \`@${bare[0].text}\`.` : '';
      return [{ range: f.valueRange, message: `No author has a GitHub handle. Add one to each author, e.g. \`Jane Doe (@janedoe)\`.${hint}`, ...(fixes ? { fixes } : {}) }];
    },
  };
}

/** `sponsor-format`: the Sponsor names a maintainer by `@handle`, or is `None`. */
function sponsorFormat(): Rule {
  return {
    id: 'sponsor-format',
    defaultSeverity: 'warning',
    description: '**Sponsor** is the sponsoring maintainer\'s `@handle` (a name may go with it), or `None` while you look for one.',
    fixKinds: [],
    check(doc) {
      const f = checkable(doc, 'sponsor');
      if (!f || handlesIn(f.value).length || isNone(f.value)) return [];
      return [{ range: f.valueRange, message: `Name the sponsor by GitHub handle, e.g. \`Jane Doe (@janedoe)\`, or write \`None\` while you look for one.` }];
    },
  };
}

function isNone(value: string): boolean {
  return /^[*_`]*none\b/i.test(value.trim());
}

/** Statuses a SEP reaches only with a sponsor (the sponsor moves it out of Draft). */
const SPONSORED = ['In-Review', 'Accepted', 'Rejected', 'Final', 'Superseded'];

/** `sponsor-required`: Status is past Draft but Sponsor is still `None`. */
function sponsorRequired(severity: Severity): Rule {
  const label = fieldByKey('sponsor').label;
  return {
    id: 'sponsor-required',
    defaultSeverity: severity,
    description: `**${label}** names a maintainer once Status is past Draft (${SPONSORED.join(', ')}).`,
    fixKinds: [],
    check(doc) {
      const f = checkable(doc, 'sponsor');
      const status = canonicalStatus(doc);
      if (!f || !status || !SPONSORED.includes(status) || !isNone(f.value)) return [];
      return [
        {
          range: f.valueRange,
          message: `Status is ${status} but Sponsor is None. A SEP needs a sponsor to leave Draft: name the maintainer who sponsors it (\`@handle\`).`,
        },
      ];
    },
  };
}

/** People rules, in documentation order. */
export const PEOPLE_RULES: Rule[] = [authorsFormat(), authorsNoHandle(), sponsorFormat(), sponsorRequired('warning')];
