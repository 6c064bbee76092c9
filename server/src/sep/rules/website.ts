import type { HeaderField, Range, SepDocument, TextEdit } from '../types';
import { fieldFor } from '../../../../common/vocabulary';
import { WEBSITE_FIELDS, WEBSITE_TITLE, websitePrNumber, websiteTitle, websiteValue, type WebsiteField } from '../website';
import { refsIn } from './numbers';
import { realNumber } from './support';
import type { Fix, Report, Rule } from './types';

/**
 * `website-unreadable`: a title or header line this engine reads but the MCP
 * website's renderer (website.ts) does not, so the published page shows
 * `Untitled`, `Unknown`, `None`, another line's value or the wrong pull request.
 */
function websiteUnreadable(): Rule {
  return {
    id: 'website-unreadable',
    defaultSeverity: 'warning',
    description: 'The MCP website can read the title and every header field (`- **Status**: Final`, not `* **Status:** Final`), so the SEP\'s page does not show `Unknown`.',
    // Rewriting a line's form keeps its value (certain); a whole header table becomes bullets only on request.
    fixKinds: ['certain', 'suggestion'],
    check(doc) {
      const out: Report[] = [];
      const title = titleReport(doc);
      if (title) out.push(title);
      for (const spec of WEBSITE_FIELDS) {
        const f = doc.header.fields.find((x) => x.key === spec.key);
        if (!f || f.value.trim() === '') continue;
        const report = spec.key === 'pr' ? prReport(doc, f, spec) : fieldReport(doc, f, spec);
        if (report) out.push(report);
      }
      return out;
    },
  };
}

/**
 * A title our engine finds well-formed (title-malformed reports the others) on
 * a line the website cannot read: it shows `Untitled`, or the first line further on it can read.
 */
function titleReport(doc: SepDocument): Report | undefined {
  const t = doc.title;
  if (!t || t.form !== 'ok' || t.depth !== 1 || !t.number || !/^\d+$/.test(t.number)) return undefined;
  if (WEBSITE_TITLE.test(doc.lines.lineText(t.range.start.line))) return undefined;
  const site = websiteTitle(doc.text);
  const shows = site ? `the title \`${site.value}\` (read from line ${site.line + 1})` : 'it as `Untitled`';
  const range: Range = { start: { line: t.range.start.line, character: 0 }, end: t.range.end };
  // The heading's own text (inline markup included) as an ATX line at the margin, when the website reads that.
  const first = doc.lines.lineText(t.range.start.line).trim();
  const kept = t.range.end.line === t.range.start.line ? first : `# ${first}`;
  const line = t.range.end.line - t.range.start.line <= 1 && WEBSITE_TITLE.test(kept) ? kept : `# SEP-${t.number}: ${t.name}`;
  return {
    range,
    message: `The MCP website cannot read this title: the SEP's page and the SEP index would show ${shows}. The website reads only a line \`# SEP-<number>: <name>\` starting at the left margin; write \`${line}\`.`,
    fixes: () => [{ title: `Rewrite as "${line}"`, kind: 'certain', edits: [{ range, newText: line }] }],
  };
}

/** The website cannot read the field's own line; it shows a stand-in, or the value of a line further on it can read. */
function fieldReport(doc: SepDocument, f: HeaderField, spec: WebsiteField): Report | undefined {
  if (readable(doc, f, spec)) return undefined;
  const site = websiteValue(doc.text, spec);
  const canonical = `- **${spec.label}**: ${f.value}`;
  const shows = site ? `${spec.label} \`${site.value}\`, read from line ${site.line + 1}` : spec.whenUnread;
  return {
    range: wholeLines(f),
    message: `The MCP website cannot read this line: the SEP's page would show ${shows}. The website reads only \`- **${spec.label}**: ...\` (a \`-\` bullet, the name in \`**\` as spelled here, the colon after it); write \`${canonical}\`.`,
    data: { field: spec.key, kind: inTable(doc, f) ? 'table' : 'line' },
    fixes: () => canonicalFix(doc, f, spec),
  };
}

/**
 * The page links the PR field's number, or the file's when it cannot read the
 * field. Reported only when the line's form is the trouble (the line is not
 * read, its value written as `- **PR**: value` would be; a value without
 * `#<number>` is pr-format's business) and the page, which the website makes
 * only for a numbered file, would link another pull request.
 */
function prReport(doc: SepDocument, f: HeaderField, spec: WebsiteField): Report | undefined {
  const ours = refsIn(f.value).map((r) => realNumber(r.number)).find((n) => n !== undefined);
  if (!ours || readable(doc, f, spec) || !spec.pattern.test(`- **PR**: ${f.value}`)) return undefined;
  const site = websitePrNumber(doc.text, doc.fileName);
  if (realNumber(site) === undefined || realNumber(site) === ours) return undefined;
  const shows = `link pull request #${site} instead of #${ours}`;
  return {
    range: wholeLines(f),
    message: `The MCP website cannot read the pull request from this line: the SEP's page would ${shows}. The website reads only \`- **PR**: #<number>\` or a \`/pull/<number>\` link on a \`-\` bullet; write \`- **PR**: ${f.value}\`.`,
    data: { field: spec.key, kind: inTable(doc, f) ? 'table' : 'line' },
    fixes: () => canonicalFix(doc, f, spec),
  };
}

/** Whether the website reads the field's first line, taken alone (a line above it may still win). */
function readable(doc: SepDocument, f: HeaderField, spec: WebsiteField): boolean {
  return spec.pattern.test(doc.lines.lineText(f.range.start.line));
}

/** The field's lines from their first character, list marker and indent included. */
function wholeLines(f: HeaderField): Range {
  return { start: { line: f.range.start.line, character: 0 }, end: f.range.end };
}

/** Whether the field is a row of a header table. */
function inTable(doc: SepDocument, f: HeaderField): boolean {
  return /^\s*\|/.test(doc.lines.lineText(f.range.start.line));
}

/** Rewrites the field to `- **Label**: value`, keeping the value as written; a table header becomes bullets. */
function canonicalFix(doc: SepDocument, f: HeaderField, spec: WebsiteField): Fix[] {
  const line = f.range.start.line;
  if (inTable(doc, f)) {
    // Not automatic: it rewrites the whole table, rows that are no header field and the column headings included.
    const edit = tableToBullets(doc, line);
    return edit ? [{ title: 'Rewrite the header table as `- **Name**: value` bullets', kind: 'suggestion', edits: [edit] }] : [];
  }
  const prefix: Range = { start: { line, character: 0 }, end: f.valueRange.start };
  if (f.valueRange.start.line !== line) return [];
  return [{ title: `Rewrite as "- **${spec.label}**: ..."`, kind: 'certain', edits: [{ range: prefix, newText: `- **${spec.label}**: ` }] }];
}

/** The table around `line` as bullets, one per row; a first row that only heads the columns (`| Field | Value |`) is dropped. */
function tableToBullets(doc: SepDocument, line: number): TextEdit | undefined {
  const index = doc.lines;
  const isRow = (n: number) => n >= 0 && n < index.lineCount && /^\s*\|/.test(index.lineText(n));
  let first = line;
  while (isRow(first - 1)) first--;
  let last = line;
  while (isRow(last + 1)) last++;
  const bullets: string[] = [];
  for (let n = first; n <= last; n++) {
    const cells = cellsOf(index.lineText(n));
    if (cells.length < 2 || cells.every((c) => /^:?-+:?$/.test(c))) continue;
    const name = cells[0].replace(/^(\*\*|__)(.*)\1$/, '$2').replace(/:\s*$/, '').trim();
    const value = cells.slice(1).join(' | ').trim();
    if (name === '' || (n === first && /^(field|key|name|property)?$/i.test(name) && /^(value)?$/i.test(value))) continue;
    bullets.push(`- **${fieldFor(name)?.label ?? name}**:${value ? ` ${value}` : ''}`);
  }
  if (bullets.length === 0) return undefined;
  return { range: index.range(index.starts[first], index.lineEnd(last)), newText: bullets.join(doc.eol) };
}

/** The cells of a table row, split on `|` that are not escaped. */
function cellsOf(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** Website rules, in documentation order. */
export const WEBSITE_RULES: Rule[] = [websiteUnreadable()];
