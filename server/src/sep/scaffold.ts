import { fieldByKey, FIELDS, OPTIONAL_SECTIONS, SECTIONS, TYPES } from './vocabulary';
import type { HeaderField, Position, Range, SepDocument, TextEdit } from './types';
import { LineIndex } from './text';
import { splitPeople } from './rules/people';
import { handlesIn } from './rules/support';

/**
 * The pure half of the New SEP and Set PR Number commands: the text of a new
 * SEP, its file name, and the edits that give a draft its pull-request number.
 * The editor adapters (client/src/commands) only prompt, read and write.
 */

/** The number a draft carries until its pull request exists. */
export const DRAFT_NUMBER = '0000';

/** The repository SEPs live in unless the `sep.github.repository` setting says otherwise. */
export const DEFAULT_REPOSITORY = 'modelcontextprotocol/modelcontextprotocol';

const MAX_SLUG = 50;

/**
 * The file-name slug of a title: lower case ASCII letters and digits joined by
 * single hyphens, accents folded, at most 50 characters cut at a word boundary.
 * `proposal` when nothing usable is left.
 */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > MAX_SLUG) {
      if (!slug) slug = w.slice(0, MAX_SLUG);
      break;
    }
    slug = next;
  }
  return slug || 'proposal';
}

/**
 * The first name `<number>-<slug>.md`, `<number>-<slug>-2.md`, … not in
 * `existing` (base names in the target folder, compared case-insensitively
 * because some file systems are).
 */
export function freeSepFileName(slug: string, existing: Iterable<string>, number = DRAFT_NUMBER): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${number}-${slug}.md` : `${number}-${slug}-${i}.md`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** What the author told New SEP. */
export interface NewSepInput {
  title: string;
  /** One of the canonical types (vocabulary.ts TYPES). */
  type: string;
  /** The Author(s) line, e.g. `Jane Doe <jane@example.com> (@jdoe)`. */
  authors: string;
  /** `@handle`s or `None`; see {@link normalizeSponsor}. */
  sponsor: string;
  /** `YYYY-MM-DD`. */
  created: string;
  /** `owner/name` the pull request will be opened in; {@link DEFAULT_REPOSITORY} when absent. */
  repository?: string;
}

/** The word New SEP writes where an author's GitHub handle goes when none is known (`(@handle)`). */
export const HANDLE_PLACEHOLDER = 'handle';

/** A new SEP: its text and where the author starts typing (the Abstract's body). */
export interface NewSep {
  text: string;
  cursor: Position;
  /**
   * When no author was given with a GitHub handle: the range of {@link HANDLE_PLACEHOLDER} in the
   * `(@handle)` written after the first author, for the editor to make a tab stop of.
   */
  handle?: Range;
}

/**
 * The text of a new SEP: the template's structure with the header filled in
 * and, under each section, what it must hold as an HTML comment (comments do
 * not count as content, so the engine still reports the sections as empty).
 * The PR field holds the template's `{NUMBER}` placeholder until Set PR Number
 * fills it in: a draft has no pull request yet, and the engine says so as a warning.
 */
export function newSepText(input: NewSepInput): NewSep {
  const authors = withHandleSlot(oneLine(input.authors));
  const value: Record<string, string> = {
    status: 'Draft',
    type: input.type,
    created: input.created,
    authors: authors.text,
    sponsor: input.sponsor.trim() || 'None',
    pr: pullRequestUrl(input.repository ?? DEFAULT_REPOSITORY, '{NUMBER}'),
  };
  const lines = [`# SEP-${DRAFT_NUMBER}: ${oneLine(input.title)}`, ''];
  let handle: Range | undefined;
  for (const f of FIELDS) {
    if (value[f.key] === undefined) continue;
    const prefix = `- **${f.label}**: `;
    if (f.key === 'authors' && authors.slot !== undefined) {
      const start = { line: lines.length, character: prefix.length + authors.slot };
      handle = { start, end: { line: start.line, character: start.character + HANDLE_PLACEHOLDER.length } };
    }
    lines.push(`${prefix}${value[f.key]}`);
  }
  lines.push('', `<!-- ${NEXT_STEPS} -->`);
  let cursor: Position = { line: 0, character: 0 };
  for (const s of SECTIONS) {
    lines.push('', `## ${s.name}`, '', `<!-- ${comment(s.purpose)} -->`);
    if (s.name === 'Abstract') cursor = { line: lines.length, character: 0 };
  }
  const optional = OPTIONAL_SECTIONS.filter((n) => !['Acknowledgements', 'Preamble', 'Additional Optional Sections'].includes(n));
  lines.push('', `<!-- Optional sections, when they help the reader: ${optional.join(', ')}. -->`, '');
  return handle ? { text: lines.join('\n'), cursor, handle } : { text: lines.join('\n'), cursor };
}

/**
 * The Author(s) value with `(@handle)` after the first author when no author has a GitHub handle, and the
 * offset of the placeholder word in it (undefined when a handle was given or there is no author).
 */
function withHandleSlot(authors: string): { text: string; slot?: number } {
  if (handlesIn(authors).length) return { text: authors };
  const first = splitPeople(authors).items[0];
  if (!first) return { text: authors };
  const slotText = ` (@${HANDLE_PLACEHOLDER})`;
  return { text: authors.slice(0, first.end) + slotText + authors.slice(first.end), slot: first.end + slotText.length - HANDLE_PLACEHOLDER.length - 1 };
}

/**
 * The snippet that turns a new SEP's handle placeholder into a tab stop with the Abstract as the final
 * stop: replace `range` with the placeholder (tab stop 1), then `text` as written, then the final tab
 * stop. Undefined when the SEP has no placeholder.
 */
export function handleSnippet(sep: NewSep): { range: Range; text: string } | undefined {
  if (!sep.handle) return undefined;
  const index = new LineIndex(sep.text);
  const after = sep.text.slice(index.offset(sep.handle.end), index.offset(sep.cursor));
  return { range: { start: sep.handle.start, end: sep.cursor }, text: after };
}

/** The workflow after the draft is written, in our words (guidelines, "Step-by-Step Process"). */
const NEXT_STEPS = 'Next steps: open a pull request adding this file to seps/, then run "SEP: Set PR Number…" to '
  + 'take its number. Ask one or two maintainers whose area fits to sponsor it; the sponsor updates the Status from then on.';

/** What is left of {@link NEXT_STEPS} once the SEP has its number and still no sponsor. */
const SPONSOR_STEP = 'Next steps: ask one or two maintainers whose area fits to sponsor this SEP; the sponsor updates the Status from then on.';

/** Folds whitespace and line breaks so a value stays on its header line. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Keeps a comment from closing early. */
function comment(s: string): string {
  return s.replace(/--/g, '—');
}

const HANDLE = /^@?([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;

/**
 * The Sponsor value for what the author typed: `None` when empty (or `none`),
 * else the handles with `@` added where missing, comma-separated. Undefined
 * when something is not a GitHub handle.
 */
export function normalizeSponsor(input: string): string | undefined {
  const t = input.trim();
  if (t === '' || t.toLowerCase() === 'none') return 'None';
  const handles: string[] = [];
  for (const item of t.split(',').map((x) => x.trim()).filter(Boolean)) {
    const m = HANDLE.exec(item);
    if (!m) return undefined;
    handles.push(`@${m[1]}`);
  }
  return handles.join(', ');
}

/** An Author(s) item from what git and GitHub know: `Name <email> (@handle)`, parts left out when unknown. */
export function authorLine(parts: { name?: string; email?: string; handle?: string }): string {
  const out: string[] = [];
  if (parts.name?.trim()) out.push(parts.name.trim());
  if (parts.email?.trim()) out.push(`<${parts.email.trim()}>`);
  if (parts.handle?.trim()) out.push(`(@${parts.handle.trim().replace(/^@/, '')})`);
  return out.join(' ');
}

/** The canonical types with their one-line descriptions, for a picker. */
export function typeChoices(): { value: string; description: string }[] {
  return TYPES.map((t) => ({ value: t.value, description: t.description }));
}

/**
 * The pull-request number in what the author typed: digits, `#digits` or a
 * pull-request URL. Undefined when it is none of these or is zero.
 */
export function parsePrNumber(input: string): string | undefined {
  const t = input.trim();
  const m = /^#?(\d+)$/.exec(t) ?? /^https?:\/\/[^\s/]+\/[^\s/]+\/[^\s/]+\/pull\/(\d+)\/?$/.exec(t);
  if (!m) return undefined;
  const n = m[1].replace(/^0+/, '');
  return n === '' ? undefined : n;
}

/** `https://github.com/<repository>/pull/<number>`. */
export function pullRequestUrl(repository: string, number: string): string {
  const repo = /^[\w.-]+\/[\w.-]+$/.test(repository.trim()) ? repository.trim() : DEFAULT_REPOSITORY;
  return `https://github.com/${repo}/pull/${number}`;
}

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
  const index = new LineIndex(doc.text);
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
    const refs = [...pr.value.matchAll(/#(\d+)\b|\/pull\/(\d+|\{[^}]*\})/g)].map((m) => (m[1] ?? m[2]).replace(/^0+/, ''));
    if (refs.length < 2) return { range: pr.valueRange, newText: url };
    return refs.includes(number) ? undefined : { range: at(pr.valueRange.start), newText: `${url}, ` };
  }
  const before = fieldBefore(doc.header.fields, 'pr');
  const index = new LineIndex(doc.text);
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
