import type { SepDocument } from '../types';
import type { Fix, FixKind } from '../rules/types';
import { field } from '../rules/support';

/** Sets the title's number to `n`. */
export function titleNumberFix(doc: SepDocument, n: string, why: string, kind: FixKind): Fix | undefined {
  const t = doc.title;
  if (!t?.numberRange || t.number === n || t.fromIssue) return undefined;
  return { title: `Change the title to SEP-${n} (${why})`, kind, edits: [{ range: t.numberRange, newText: n }] };
}

/** Sets the number inside the PR field's value to `n`, keeping its form (`#N` or URL). */
export function prNumberFix(doc: SepDocument, n: string, kind: FixKind): Fix | undefined {
  const pr = field(doc, 'pr');
  const m = pr && /(^#|\/pull\/)(\d+)\b/.exec(pr.value.trim());
  if (!pr || !m || m[2] === n) return undefined;
  const lead = pr.value.length - pr.value.trimStart().length;
  const start = pr.valueRange.start.character + lead + m.index + m[1].length;
  const line = pr.valueRange.start.line;
  return {
    title: `Change the PR number to ${n}`,
    kind,
    edits: [{ range: { start: { line, character: start }, end: { line, character: start + m[2].length } }, newText: n }],
  };
}

/** The file name with the title's number in place of the file's (`0000-x.md` → `1850-x.md`). */
export function renamedFileName(doc: SepDocument): string | undefined {
  const n = doc.title?.number;
  const m = /^(\d+)(-.*)$/.exec(doc.fileName ?? '');
  if (!n || !/^\d+$/.test(n) || !m || m[1] === n) return undefined;
  return `${n}${m[2]}`;
}

/** A title made from the file name: `1686-tasks.md` → `SEP-1686: Tasks`. */
export function titleFromFileName(fileName: string | undefined): string {
  const m = /^(\d+)-+(.*?)(?:\.md|\.markdown)?$/i.exec(fileName ?? '');
  if (!m) return 'SEP-0000: Title';
  const words = m[2].split(/[-_]+/).filter(Boolean).join(' ');
  const name = words ? words[0].toUpperCase() + words.slice(1) : 'Title';
  return `SEP-${m[1]}: ${name}`;
}

/** Renames the file after the title's number (`0000-x.md` → `1850-x.md`): a suggestion, the author decides which is right. */
export function renameFileFix(doc: SepDocument): Fix | undefined {
  const to = doc.title?.fromIssue ? undefined : renamedFileName(doc);
  return to ? { title: `Rename the file to ${to} (the title's number)`, kind: 'suggestion', edits: [], renameTo: to } : undefined;
}

/** Inserts a title made from the file name at the top (after any front matter): a suggestion, its words are a guess. */
export function addTitleFix(doc: SepDocument): Fix | undefined {
  if (doc.title) return undefined;
  const line = doc.frontMatter ? doc.frontMatter.end.line + 1 : 0;
  const p = { line, character: 0 };
  const head = doc.frontMatter && line >= doc.lineCount ? doc.eol : '';
  const title = titleFromFileName(doc.fileName);
  return { title: `Add the title "# ${title}"`, kind: 'suggestion', edits: [{ range: { start: p, end: p }, newText: `${head}# ${title}${doc.eol}${doc.eol}` }] };
}

/**
 * Rewrites the title's prefix into `SEP-<number>: ` keeping the name, when a
 * number is present (`SEP 12 - Name`, `SEP-12 Name`).
 */
export function normalizeTitleFix(doc: SepDocument): Fix | undefined {
  const t = doc.title;
  if (!t || t.fromIssue || t.form !== 'bad-separator' || !t.number || !/^\d+$/.test(t.number) || !t.nameRange || !t.name) return undefined;
  if (t.nameRange.start.line !== t.nameRange.end.line) return undefined;
  // nameRange ends where the heading text ends, so the text starts raw.length before it.
  const begin = { line: t.nameRange.start.line, character: t.nameRange.end.character - t.raw.length };
  if (begin.character < 0) return undefined;
  return {
    title: `Write the title as "SEP-${t.number}: ${t.name}"`,
    kind: 'certain',
    edits: [{ range: { start: begin, end: t.nameRange.start }, newText: `SEP-${t.number}: ` }],
  };
}
