import type { SepDocument } from '../types';
import { comparePositions, rangeContains } from '../text';
import { lineIndex, missingRange, realNumber } from './support';
import { fileNumber } from './numbers';
import type { Report, Rule } from './types';
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
    fixable: false,
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
    fixable: true,
    check(doc) {
      const own = new Set([realNumber(doc.title?.number), fileNumber(doc)].filter((n) => n !== undefined));
      const linked = new Set(doc.mentions.filter((m) => m.linked).map((m) => realNumber(m.number)));
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
        });
      }
      return out;
    },
  };
}

/** `unclosed-code-fence`: a fenced code block that runs to the end of the document. */
function unclosedCodeFence(): Rule {
  return {
    id: 'unclosed-code-fence',
    defaultSeverity: 'warning',
    description: 'Every fenced code block is closed.',
    fixable: true,
    check(doc) {
      const index = lineIndex(doc);
      return doc.unclosedFences.map((r) => {
        const line = r.start.line;
        const text = index.lineText(line);
        const fence = /^\s*(`{3,}|~{3,})/.exec(text)?.[1] ?? '```';
        const marks = `${fence.length} ${fence[0] === '`' ? 'backticks' : 'tildes'}`;
        return {
          range: { start: r.start, end: index.position(index.lineEnd(line)) },
          message: `This code block is never closed, so everything after it reads as code. Close it with a line of ${marks} where the code ends.`,
        };
      });
    },
  };
}

/** `nesting-too-deep`: block quotes or list items nested past what the check reads as structure. */
function nestingTooDeep(): Rule {
  return {
    id: 'nesting-too-deep',
    defaultSeverity: 'information',
    description: `Block quotes and lists nest at most ${MAX_NESTING} levels deep.`,
    fixable: false,
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

/** Document rules, in documentation order. */
export const DOCUMENT_RULES: Rule[] = [fileNameFormat(), sepReferenceUnlinked(), unclosedCodeFence(), nestingTooDeep()];
