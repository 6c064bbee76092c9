import { MAX_CHECKED_CHARS } from '../limits';
import { withThousands } from '../../../../common/strings';
import type { SepDocument, SepMention } from '../types';
import { findSep } from '../workspace';
import { comparePositions, rangeContains } from '../text';
import { missingRange, realNumber } from './support';
import { fileNumber } from './numbers';
import type { Fix, FixContext, Report, Rule } from './types';
import { MAX_NESTING } from '../nesting';

/** Rules about the document as a whole: its file name, references to other SEPs, broken code blocks. */

/**
 * `file-name-format`: `<number>-<lowercase-hyphenated-slug>.md`. Doubled or
 * trailing hyphens are tolerated: the official migration wrote names such as
 * `1034--support-...` and they are still lower case and hyphenated.
 */
function fileNameFormat(): Rule {
  return {
    id: 'file-name-format',
    defaultSeverity: 'warning',
    description: 'The file is named `<number>-<lowercase-hyphenated-slug>.md` (`0000-<slug>.md` until the pull request exists).',
    fixKinds: [],
    check(doc) {
      const name = doc.fileName;
      if (!name) return [];
      const problem = fileNameProblem(name);
      if (!problem) return [];
      return [{ range: missingRange(doc), message: `${problem} Suggested name: \`${suggestName(doc, name)}\`.` }];
    },
  };
}

function fileNameProblem(name: string): string | undefined {
  if (!/\.md$/.test(name)) return `The file name \`${name}\` should end in \`.md\`.`;
  const m = /^(\d+)(-?)(.*)\.md$/.exec(name);
  if (!m) return `The file name \`${name}\` should start with the SEP number and a hyphen: \`<number>-<slug>.md\` (\`0000-<slug>.md\` until the pull request exists).`;
  const slug = m[3];
  if (!/[A-Za-z0-9]/.test(slug)) return `The file name \`${name}\` needs a short slug of the title after the number.`;
  if (!m[2]) return `The file name \`${name}\` needs a hyphen between the number and the slug.`;
  if (/[A-Z]/.test(slug) && /^[A-Za-z0-9-]+$/.test(slug)) return `The file name \`${name}\` has upper-case letters; SEP file names are lower case.`;
  if (!/^[a-z0-9-]+$/.test(slug)) return `The file name \`${name}\` should use lower-case words separated by hyphens (no spaces, underscores or other characters).`;
  return undefined;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function suggestName(doc: SepDocument, name: string): string {
  const number = /^(\d+)/.exec(name)?.[1] ?? doc.title?.number?.replace(/\D/g, '') ?? '0000';
  const rest = name.replace(/\.[^.]*$/, '').replace(/^(?:sep[-_ ]?)?\d+[-_ ]*/i, '');
  const slug = slugify(rest) || slugify(doc.title?.name ?? '') || 'title';
  return `${/^\d+$/.test(number) ? number : '0000'}-${slug}.md`;
}

/**
 * `sep-reference-unlinked`: the first mention of another SEP in prose that is
 * not a link, when no mention of that SEP is linked anywhere in the document.
 */
function sepReferenceUnlinked(): Rule {
  return {
    id: 'sep-reference-unlinked',
    defaultSeverity: 'information',
    description: 'A mention of another SEP (`SEP-1234`) in the text links to it at least once.',
    // Which target to link (a workspace file or the pull request) is the author's choice.
    fixKinds: ['suggestion'],
    check(doc) {
      const own = new Set([realNumber(doc.title?.number), fileNumber(doc)].filter((n) => n !== undefined));
      const linked = new Set([...doc.mentions.filter((m) => m.linked).map((m) => realNumber(m.number)), ...linkedInHeadings(doc)]);
      const header = doc.header.range;
      const seen = new Set<string>();
      const out: Report[] = [];
      const mentions = [...doc.mentions].sort((a, b) => comparePositions(a.range.start, b.range.start));
      for (const m of mentions) {
        const n = realNumber(m.number);
        if (m.linked || !n || own.has(n) || linked.has(n) || seen.has(n)) continue;
        if (header && rangeContains(header, m.range.start)) continue;
        seen.add(n);
        out.push({
          range: m.range,
          message: `Link SEP-${n} so readers can open it, e.g. \`[SEP-${n}](./${n}-<slug>.md)\` or its pull request.`,
          fixes: (ctx) => linkMentionFixes(m, n, ctx),
        });
      }
      return out;
    },
  };
}

/** Link a mention to the SEP's file in the workspace, or to its pull request on GitHub. */
function linkMentionFixes(m: SepMention, n: string, ctx: FixContext): Fix[] {
  const target = ctx.workspace ? findSep(ctx.workspace, n) : undefined;
  // SEP numbers are pull-request (or, for older SEPs, issue) numbers; GitHub redirects between the two.
  const pr = `https://github.com/modelcontextprotocol/modelcontextprotocol/pull/${n}`;
  const link = (title: string, url: string): Fix => ({ title, kind: 'suggestion', edits: [{ range: m.range, newText: `[SEP-${m.number}](${url})` }] });
  return [...(target ? [link(`Link to ${target.fileName}`, `./${target.fileName}`)] : []), link(`Link to pull request #${n} on GitHub`, pr)];
}

/** SEP numbers that are the text of a link in a heading (`### [SEP-1330: …](…)`); headings hold no mentions. */
function linkedInHeadings(doc: SepDocument): string[] {
  const index = doc.lines;
  const headingLines = new Set(doc.headings.flatMap((h) => (h.range.start.line === h.range.end.line ? [h.range.start.line] : [h.range.start.line, h.range.end.line])));
  const out: string[] = [];
  for (const t of doc.linkTargets) {
    if (!headingLines.has(t.range.start.line) || !doc.headings.some((h) => rangeContains(h.range, t.range.start))) continue;
    const source = doc.text.slice(index.offset(t.range.start), index.offset(t.range.end));
    for (const m of source.matchAll(/\bSEP-(\d+)\b/g)) {
      const n = realNumber(m[1]);
      if (n) out.push(n);
    }
  }
  return out;
}

/** `unclosed-code-fence`: a fenced code block that runs to the end of the document. */
function unclosedCodeFence(): Rule {
  return {
    id: 'unclosed-code-fence',
    defaultSeverity: 'warning',
    description: 'Every fenced code block is closed.',
    // Where the code ends is the author's call: closing at the end of the document is a suggestion.
    fixKinds: ['suggestion'],
    check(doc) {
      const index = doc.lines;
      return doc.unclosedFences.map((r) => {
        const line = r.start.line;
        const text = index.lineText(line);
        const fence = /^\s*(`{3,}|~{3,})/.exec(text)?.[1] ?? '```';
        const marks = `${fence.length} ${fence[0] === '`' ? 'backticks' : 'tildes'}`;
        return {
          range: { start: r.start, end: index.position(index.lineEnd(line)) },
          message: `This code block is never closed, so everything after it reads as code. Close it with a line of ${marks} where the code ends.`,
          fixes: () => [closeFenceFix(doc, fence)],
        };
      });
    },
  };
}

/** Closes a code block at the end of the document. */
function closeFenceFix(doc: SepDocument, fence: string): Fix {
  const index = doc.lines;
  const end = index.position(doc.text.length);
  const lead = /[\r\n]$/.test(doc.text) || doc.text === '' ? '' : doc.eol;
  return { title: 'Close the code block at the end of the document', kind: 'suggestion', edits: [{ range: { start: end, end }, newText: `${lead}${fence}${doc.eol}` }] };
}

/**
 * Whether the body of a pull request is itself a SEP (a header of at least two
 * known fields, or a `SEP-` heading) rather than a description pointing at one.
 */
export function describesSep(doc: SepDocument): boolean {
  return doc.header.fields.filter((f) => f.key).length >= 2 || doc.headings.some((h) => /^SEP-/i.test(h.text));
}

/** The `seps/<name>.md` file a pull request description points to, if it names one. */
function sepFileNamed(doc: SepDocument): string | undefined {
  const path = /(?:^|[^\w/.-])(?:[\w.-]+\/)*seps\/(?!readme\.md|template\.md)([\w.-]+\.md)\b/i;
  for (const t of doc.linkTargets) {
    const m = path.exec(t.url);
    if (m) return `seps/${m[1]}`;
  }
  const m = path.exec(doc.text);
  return m ? `seps/${m[1]}` : undefined;
}

/**
 * `pull-description-not-sep`: a pull request's description opened from the
 * sidebar that is not a SEP document. It is not checked; one line says where
 * the SEP is. The server runs only this rule on such a description.
 */
function pullDescriptionNotSep(): Rule {
  return {
    id: 'pull-description-not-sep',
    defaultSeverity: 'information',
    description: 'A pull request description that is not itself a SEP is not checked; the finding names the SEP file it points to.',
    fixKinds: [],
    check(doc) {
      if (doc.origin?.kind !== 'pull' || describesSep(doc)) return [];
      const file = sepFileNamed(doc);
      const index = doc.lines;
      return [
        {
          range: index.range(0, index.lineEnd(0)),
          message: file
            ? `This pull request description is not a SEP, so it is not checked: the SEP is the file ${file}.`
            : 'This pull request description is not a SEP, so it is not checked, and it names no seps/ file that holds one.',
          ...(file ? { data: { file } } : {}),
        },
      ];
    },
  };
}

/** `nesting-too-deep`: block quotes or list items nested past what the check reads as structure. */
function nestingTooDeep(): Rule {
  return {
    id: 'nesting-too-deep',
    defaultSeverity: 'information',
    description: `Block quotes and lists nest at most ${MAX_NESTING} levels deep.`,
    fixKinds: [],
    check(doc) {
      if (!doc.tooDeep) return [];
      return [
        {
          range: doc.tooDeep,
          message: `This line nests block quotes or list items more than ${MAX_NESTING} levels deep. The SEP check reads what lies deeper as plain text; no proposal needs this many levels.`,
        },
      ];
    },
  };
}

/** `document-too-large`: a text longer than the engine parses (limits.ts); nothing else of it is checked. */
function documentTooLarge(): Rule {
  return {
    id: 'document-too-large',
    defaultSeverity: 'warning',
    description: `A SEP is checked only up to ${withThousands(MAX_CHECKED_CHARS)} characters.`,
    fixKinds: [],
    check(doc) {
      if (!doc.tooLarge) return [];
      const { chars, limit } = doc.tooLarge;
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: `This file has ${withThousands(chars)} characters; the SEP check reads files of up to ${withThousands(limit)} (the largest merged SEP has about 64,000), so nothing in it was checked.`,
        },
      ];
    },
  };
}

/** Document rules, in documentation order. */
export const DOCUMENT_RULES: Rule[] = [fileNameFormat(), sepReferenceUnlinked(), unclosedCodeFence(), pullDescriptionNotSep(), nestingTooDeep(), documentTooLarge()];
