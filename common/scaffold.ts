import { FIELDS, OPTIONAL_SECTIONS, SECTIONS, TYPES } from './vocabulary';
import { LineIndex, type Position, type Range } from './lines';
import { handlesIn, splitPeople } from './people';
import { DEFAULT_REPOSITORY } from './protocol';

/**
 * The pure half of the New SEP command: the text of a new SEP and its file
 * name (numbering.ts has Set PR Number's half). The editor adapters
 * (client/src/commands) only prompt, read and write. Shared by the extension
 * (New SEP) and the engine (Set PR Number, the template's PR link), so it lives outside server/src.
 */

/** The number a draft carries until its pull request exists. */
export const DRAFT_NUMBER = '0000';

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
 * fills it in: a draft has no pull request yet, and the engine shows that as a hint.
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

/** `https://github.com/<repository>/pull/<number>`. */
export function pullRequestUrl(repository: string, number: string): string {
  const repo = /^[\w.-]+\/[\w.-]+$/.test(repository.trim()) ? repository.trim() : DEFAULT_REPOSITORY;
  return `https://github.com/${repo}/pull/${number}`;
}
