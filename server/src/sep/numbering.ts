/**
 * The pure half of the Set PR Number command: the number the author typed, the
 * file's new name, and the edits that give a draft its pull-request number.
 */
import { fieldByKey, FIELDS } from '../../../common/vocabulary';
import type { HeaderField, Position, Range, SepDocument, TextEdit } from './types';
import { handlesIn } from '../../../common/people';
import { pullRequestUrl } from '../../../common/scaffold';

export { parsePrNumber } from '../../../common/protocol';

/** What is left of New SEP's "Next steps" comment once the SEP has its number and still no sponsor. */
const SPONSOR_STEP = 'Next steps: ask one or two maintainers whose area fits to sponsor this SEP; the sponsor updates the Status from then on.';

/**
 * The file name a SEP gets with its number: the leading number (`0000`, an
 * old number) replaced, or the number put in front when there is none.
 */
export function numberedFileName(fileName: string, number: string): string {
  const m = /^(?:sep[-_]?)?\d+[-_]?(.*)$/i.exec(fileName);
  const rest = m ? m[1] : fileName;
  return `${number}-${rest}`;
}

/**
 * The edits that give a SEP its pull-request number: the title becomes
 * `SEP-<number>: <name>` (kept as written otherwise) and the PR field points at
 * the pull request, inserted after the fields that precede it when missing.
 */
export function setPrNumberEdits(doc: SepDocument, number: string, repository: string): TextEdit[] {
  const url = pullRequestUrl(repository, number);
  return [titleEdit(doc, number), prFieldEdit(doc, url, number), nextStepsEdit(doc)].filter((e): e is TextEdit => e !== undefined);
}

/**
 * New SEP's "Next steps" comment once the SEP has its number: the advice to ask for a sponsor while the
 * Sponsor field names nobody, else the comment goes (with the blank line before it). A comment the author
 * rewrote so that it no longer mentions Set PR Number is theirs and stays.
 */
function nextStepsEdit(doc: SepDocument): TextEdit | undefined {
  const c = doc.comments.find((x) => /^<!--\s*Next steps:/.test(x.text) && x.text.includes('Set PR Number'));
  if (!c) return undefined;
  const sponsor = doc.header.fields.find((f) => f.key === 'sponsor');
  if (!sponsor || !handlesIn(sponsor.value).length) return { range: c.range, newText: `<!-- ${SPONSOR_STEP} -->` };
  const index = doc.lines;
  const { start, end } = c.range;
  const ownLines = start.character === 0 && end.character === index.lineText(end.line).length;
  const blankBefore = start.line > 0 && index.lineText(start.line - 1).trim() === '';
  if (!ownLines || !blankBefore || end.line + 1 >= index.lineCount) return { range: c.range, newText: '' };
  return { range: { start: { line: start.line - 1, character: 0 }, end: { line: end.line + 1, character: 0 } }, newText: '' };
}

function titleEdit(doc: SepDocument, number: string): TextEdit {
  const title = doc.title;
  const prefix = `SEP-${number}: `;
  if (!title) {
    const name = doc.fileName ? nameFromFile(doc.fileName) : 'Title';
    return { range: at({ line: 0, character: 0 }), newText: `# ${prefix}${name}${doc.eol}${doc.eol}` };
  }
  const heading = doc.headings.find((h) => h.range.start.line === title.range.start.line);
  const textStart = heading?.textRange.start ?? title.range.start;
  // Everything before the name (`SEP 12 -`, `SEP-0000:`; nothing on a title without prefix) is rewritten; the name stays as written.
  const nameStart = title.nameRange?.start ?? title.range.end;
  return { range: { start: textStart, end: nameStart }, newText: prefix };
}

/**
 * The PR field's edit. A value naming several pull requests keeps them all
 * (the URL goes in front unless one of them already is this number); any
 * other value (a placeholder, `TBD`, one old reference) is replaced.
 */
function prFieldEdit(doc: SepDocument, url: string, number: string): TextEdit | undefined {
  const pr = doc.header.fields.find((f) => f.key === 'pr');
  if (pr) {
    const refs = [...pr.value.matchAll(/#(\d+)\b|\/pull\/(\d+|\{[^{}]*\})/g)].map((m) => (m[1] ?? m[2]).replace(/^0+/, ''));
    if (refs.length < 2) return { range: pr.valueRange, newText: url };
    return refs.includes(number) ? undefined : { range: at(pr.valueRange.start), newText: `${url}, ` };
  }
  const before = fieldBefore(doc.header.fields, 'pr');
  const index = doc.lines;
  if (!before) {
    const text = `- **${fieldByKey('pr').label}**: ${url}`;
    if (!doc.title) return { range: at({ line: 0, character: 0 }), newText: `${text}${doc.eol}${doc.eol}` };
    // A blank line after the new field too, unless one follows the title already (else the next line would join the list).
    const next = doc.title.range.end.line + 1;
    const blankAfter = next >= index.lineCount || index.lineText(next).trim() === '';
    return { range: at(doc.title.range.end), newText: `${doc.eol}${doc.eol}${text}${blankAfter ? '' : doc.eol}` };
  }
  // Copy the preceding field's line so the new one has the same shape (bullet, bold, table cell).
  const line = index.lineText(before.nameRange.start.line);
  const nameAt = before.nameRange.start.character;
  const valueAt = before.valueRange.start.line === before.nameRange.start.line ? before.valueRange.start.character : line.length;
  const valueEnd = before.valueRange.end.line === before.valueRange.start.line ? before.valueRange.end.character : line.length;
  const copy = line.slice(0, nameAt) + fieldByKey('pr').label + line.slice(before.nameRange.end.character, valueAt) + url + line.slice(valueEnd);
  return { range: at(before.range.end), newText: `${doc.eol}${copy}` };
}

/** The last field that comes before `key` in canonical order, else the last field. */
function fieldBefore(fields: HeaderField[], key: string): HeaderField | undefined {
  const order = (k?: string) => FIELDS.findIndex((f) => f.key === k);
  const target = order(key);
  const earlier = fields.filter((f) => f.key !== undefined && order(f.key) < target);
  return earlier.length ? earlier[earlier.length - 1] : fields[fields.length - 1];
}

function nameFromFile(fileName: string): string {
  const rest = numberedFileName(fileName, '').replace(/^-/, '').replace(/\.(md|markdown)$/i, '');
  const words = rest.split(/[-_]+/).filter(Boolean).join(' ');
  return words ? words[0].toUpperCase() + words.slice(1) : 'Title';
}

function at(p: Position): Range {
  return { start: p, end: p };
}
