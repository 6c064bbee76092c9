import type { Range, SepDocument } from '../types';
import { prNumberFix, renameFileFix, titleNumberFix } from '../fixes/title';
import { checkable, field, realNumber, valuePart } from './support';
import { trimChars } from '../text';
import type { Rule } from './types';

/**
 * The SEP number is written three times: in the title, in the file name and
 * (as the pull request number) in the PR field. These rules check that the
 * three agree. Placeholders (`0000-x.md`, `SEP-{NUMBER}`, `SEP-XXXX`) agree
 * with anything. Issue-era SEPs were numbered after their issue, so a PR
 * number that differs is fine when the `Issue` field carries the SEP number.
 */

/** How a reference in the PR (or Issue) field is written. */
export type RefKind = 'hash' | 'pull-url' | 'braced-url' | 'issue-url' | 'other-url' | 'bare';

export interface Ref {
  kind: RefKind;
  /** The number it names, when it names one. */
  number?: string;
  /** Offsets of the reference within the value. */
  at: number;
  end: number;
}

/** A URL, `owner/repo#12` (tried only where a run of name characters starts) or `#12`. */
export const REF = /(https?:\/\/[^\s)\]>]+)|(?<![\w.-])([\w.-]+\/[\w.-]+#(\d+))\b|(?<![\w&/])#(\d+)\b/g;
export const PULL_URL = /^https?:\/\/(?:www\.)?github\.com\/[\w.-]+\/[\w.-]+\/pull\/(\d+)(?:[/?#]\S*)?$/;
export const BRACED_URL = /^https?:\/\/(?:www\.)?github\.com\/[\w.-]+\/[\w.-]+\/pull\/\{(\d+)\}/;
export const ISSUE_URL = /^https?:\/\/(?:www\.)?github\.com\/[\w.-]+\/[\w.-]+\/issues\/(\d+)\b/;

/** The references to pull requests (or issues) written in a value. */
export function refsIn(value: string): Ref[] {
  const bare = /^\s*(\d+)\s*$/.exec(value);
  if (bare) return [{ kind: 'bare', number: bare[1], at: value.indexOf(bare[1]), end: value.indexOf(bare[1]) + bare[1].length }];
  const refs: Ref[] = [];
  for (const m of value.matchAll(REF)) {
    const at = m.index;
    const end = at + m[0].length;
    if (m[1]) {
      const url = trimChars(m[1], '.,;:');
      const urlEnd = at + url.length;
      const pull = PULL_URL.exec(url) ?? undefined;
      const braced = pull ? undefined : BRACED_URL.exec(url) ?? undefined;
      const issue = pull || braced ? undefined : ISSUE_URL.exec(url) ?? undefined;
      const kind: RefKind = pull ? 'pull-url' : braced ? 'braced-url' : issue ? 'issue-url' : 'other-url';
      refs.push({ kind, number: (pull ?? braced ?? issue)?.[1], at, end: urlEnd });
    } else {
      refs.push({ kind: 'hash', number: m[3] ?? m[4], at, end });
    }
  }
  return refs;
}

/** The SEP number the file name gives (`1686-tasks.md` → `1686`), unless it is a placeholder. */
export function fileNumber(doc: SepDocument): string | undefined {
  const m = /^(\d+)-/.exec(doc.fileName ?? '');
  return m ? realNumber(m[1]) : undefined;
}

function prNumbers(doc: SepDocument): { numbers: string[]; range?: Range } {
  const f = checkable(doc, 'pr');
  if (!f) return { numbers: [] };
  const refs = refsIn(f.value).filter((r) => realNumber(r.number) !== undefined);
  if (!refs.length) return { numbers: [] };
  return { numbers: refs.map((r) => realNumber(r.number)!), range: valuePart(doc, f, refs[0].at, refs[0].end) };
}

/** Whether the Issue field names one of these numbers (issue-era SEPs took their number from the issue). */
function issueNames(doc: SepDocument, numbers: (string | undefined)[]): boolean {
  const f = field(doc, 'issue');
  if (!f) return false;
  const issue = refsIn(f.value).map((r) => realNumber(r.number));
  return numbers.some((n) => n !== undefined && issue.includes(n));
}

interface Numbers {
  title?: string;
  titleRange?: Range;
  /** The title is the issue's, not a line of the document: nothing to edit. */
  titleFromIssue?: boolean;
  file?: string;
  pr: string[];
  prRange?: Range;
}

function numbersOf(doc: SepDocument): Numbers {
  const pr = prNumbers(doc);
  return {
    title: realNumber(doc.title?.number),
    titleRange: doc.title?.numberRange,
    titleFromIssue: doc.title?.fromIssue,
    file: fileNumber(doc),
    pr: pr.numbers,
    prRange: pr.range,
  };
}

/** `title-file-number-mismatch`: title number against the file name's number. */
function titleFileMismatch(): Rule {
  return {
    id: 'title-file-number-mismatch',
    defaultSeverity: 'error',
    description: 'The number in the title matches the number the file name starts with.',
    // Certain only when the PR field settles which of the two is right; renaming a file is always the author's call.
    fixKinds: ['certain', 'suggestion'],
    check(doc) {
      const n = numbersOf(doc);
      if (!n.title || !n.file || n.title === n.file || !n.titleRange) return [];
      const file = n.file;
      const prAgrees = n.pr.includes(file);
      const titleAgrees = n.pr.includes(n.title);
      return [
        {
          range: n.titleRange,
          message: `The title says SEP-${n.title} but the file name says ${file}. The SEP number is the pull request number: ${prAgrees ? `change the title to SEP-${file}` : titleAgrees ? 'rename the file' : 'make the title and the file name agree'}.`,
          fixes: () => [
            titleAgrees ? undefined : titleNumberFix(doc, file, prAgrees ? 'the file name and the PR field' : "the file's number", prAgrees ? 'certain' : 'suggestion'),
            prAgrees ? undefined : renameFileFix(doc),
          ],
        },
      ];
    },
  };
}

/** `title-pr-number-mismatch`: title number against the PR number, when the file name cannot settle it. */
function titlePrMismatch(): Rule {
  return {
    id: 'title-pr-number-mismatch',
    defaultSeverity: 'error',
    description: 'The number in the title is the number of the pull request in the PR field.',
    // Without a numbered file name nothing settles which of the two is right.
    fixKinds: ['suggestion'],
    check(doc) {
      const n = numbersOf(doc);
      // With a numbered file name, numbers.ts reports the odd one out against the file instead.
      if (n.file || !n.title || !n.pr.length || n.pr.includes(n.title) || !n.titleRange) return [];
      if (issueNames(doc, [n.title])) return [];
      return [
        {
          range: n.titleRange,
          message: `The title says SEP-${n.title} but the PR field points to #${n.pr[0]}. The SEP number is the pull request number: change the title to SEP-${n.pr[0]} (or fix the PR field).`,
          fixes: () => [titleNumberFix(doc, n.pr[0], 'the PR number', 'suggestion'), prNumberFix(doc, n.title!, 'suggestion')],
        },
      ];
    },
  };
}

/** `pr-number-mismatch`: the PR field points to another pull request than the one the file is numbered after. */
function prNumberMismatch(): Rule {
  return {
    id: 'pr-number-mismatch',
    defaultSeverity: 'error',
    description: 'The PR field points to the pull request whose number the SEP (file name and title) carries.',
    // Certain when the title agrees with the file name: two of the three already say the number.
    fixKinds: ['certain', 'suggestion'],
    check(doc) {
      const n = numbersOf(doc);
      if (!n.file || !n.pr.length || !n.prRange || n.pr.includes(n.file)) return [];
      // Title and PR agree: the file name is the odd one out; title-file-number-mismatch says so.
      if (n.title && n.pr.includes(n.title)) return [];
      if (issueNames(doc, [n.file, n.title])) return [];
      return [
        {
          range: n.prRange,
          message: `The PR field points to #${n.pr[0]} but this is SEP-${n.file}. Point it at pull request #${n.file}, the one that adds this file (or, for a SEP that began as an issue, add an \`Issue\` field with its number).`,
          fixes: () => [prNumberFix(doc, n.file!, n.title === n.file ? 'certain' : 'suggestion')],
        },
      ];
    },
  };
}

/** Number agreement rules, in documentation order. */
export const NUMBER_RULES: Rule[] = [titleFileMismatch(), titlePrMismatch(), prNumberMismatch()];
