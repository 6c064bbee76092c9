/**
 * What the MCP website can read of a SEP. The website's SEP pages and index
 * are built by `scripts/render-seps.ts` in the MCP specification repository
 * (`parseSEPMetadata`): it takes the title and the header fields from the raw
 * text with one fixed pattern each and shows `Untitled`, `Unknown` or `None`
 * when a pattern does not match. The patterns below read the text the same
 * way, line breaks and all, which is why they run over the raw text and not
 * over the Markdown tree: the script does not parse Markdown either.
 * `test/unit/website.test.ts` checks them against the script's own patterns.
 */

/** What the website takes from a SEP for one field, and where it found it. */
export interface WebsiteReading {
  /** The value as the website shows it (trimmed; Author(s) with whitespace folded). */
  value: string;
  /** Zero-based line on which the website found the field's name (or the title's `#`). */
  line: number;
}

/** How the website reads one header field. */
export interface WebsiteField {
  /** Our canonical field key (common/vocabulary.ts). */
  key: 'status' | 'type' | 'created' | 'accepted' | 'authors' | 'sponsor' | 'pr';
  /** The only spelling the website reads. */
  label: string;
  /** Matches the field; group 1 is the value. */
  pattern: RegExp;
  /** What the page shows when the pattern does not match. */
  whenUnread: string;
}

/**
 * The script starts its field patterns with `^\s*-`, whose `\s*` runs across
 * blank lines: it finds the same `-` as `^` plus the line's own indent, but
 * rescans a run of blank lines from each of them, which a text with
 * thousands of blank lines and no readable field makes take seconds.
 */
const INDENT = String.raw`^[^\S\r\n\u2028\u2029]*`;

/** `- **<label>**:` then the rest of the line: any indent, `-` bullets only, name bold with `**` and case as given, colon outside the bold. */
function bullet(label: string): RegExp {
  const name = label.replace(/[()]/g, '\\$&');
  return new RegExp(String.raw`${INDENT}-\s*\*\*${name}\*\*:\s*(.+)$`, 'm');
}

/** The header fields the website reads, in the order it shows them. */
export const WEBSITE_FIELDS: readonly WebsiteField[] = [
  { key: 'status', label: 'Status', pattern: bullet('Status'), whenUnread: 'Status `Unknown`' },
  { key: 'type', label: 'Type', pattern: bullet('Type'), whenUnread: 'Type `Unknown`' },
  { key: 'created', label: 'Created', pattern: bullet('Created'), whenUnread: 'Created `Unknown`' },
  { key: 'accepted', label: 'Accepted', pattern: bullet('Accepted'), whenUnread: 'no Accepted date' },
  {
    key: 'authors',
    label: 'Author(s)',
    // Author lists may wrap onto indented lines that do not start a new bullet.
    pattern: /^[ \t]*-[ \t]*\*\*Author\(s\)\*\*:[ \t]*([^\n]*(?:\n[ \t]+(?![-*+][ \t])[^\n]*)*)/m,
    whenUnread: 'Author(s) `Unknown`',
  },
  { key: 'sponsor', label: 'Sponsor', pattern: bullet('Sponsor'), whenUnread: 'Sponsor `None`' },
  // Only the number is read: the first `#<digits>` or `/pull/<digits>` on the line. Without one the page links the file's number.
  { key: 'pr', label: 'PR', pattern: new RegExp(String.raw`${INDENT}-\s*\*\*PR\*\*:.*?(?:#|\/pull\/)(\d+)`, 'm'), whenUnread: 'a link to the pull request numbered like the file' },
];

/** The title: the first line anywhere in the text of the form `# SEP-<digits>: <title>`. */
export const WEBSITE_TITLE = /^#\s+SEP-\d+:\s+(.+)$/m;

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function read(text: string, pattern: RegExp, marker: string, fold: boolean): WebsiteReading | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const value = fold ? m[1].replace(/\s+/g, ' ').trim() : m[1].trim();
  return { value, line: lineOf(text, m.index + Math.max(0, m[0].indexOf(marker))) };
}

/** The title the website shows (`Untitled` when this is undefined). */
export function websiteTitle(text: string): WebsiteReading | undefined {
  return read(text, WEBSITE_TITLE, '#', false);
}

/** The value the website shows for one field, or undefined when it shows {@link WebsiteField.whenUnread}. */
export function websiteValue(text: string, spec: WebsiteField): WebsiteReading | undefined {
  return read(text, spec.pattern, '**', spec.key === 'authors');
}

/** The PR number the website links: the PR field's, else the number the file name starts with. */
export function websitePrNumber(text: string, fileName: string | undefined): string | undefined {
  const pr = WEBSITE_FIELDS.find((f) => f.key === 'pr')!;
  return websiteValue(text, pr)?.value ?? /^(\d+)-.+\.md$/.exec(fileName ?? '')?.[1];
}
