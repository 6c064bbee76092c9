import type { LineIndex, Position, Range } from '../../../common/lines';
import type { SectionModel } from './rules/section-model';
import type { NormativeStatement } from './trace/types';
import type { SepOrigin } from '../../../common/origin';

/**
 * Plain data shared by the SEP engine and its adapters (LSP server, CLI, tests).
 * Positions are zero-based lines and UTF-16 columns, exactly as LSP counts them,
 * so adapters pass them through untouched.
 */

export type { Position, Range };

/** Replace `range` with `newText`; an empty range inserts. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The title line, `# SEP-1234: Title`, as the author wrote it. */
export interface SepTitle {
  /** Whole heading line; empty, at the document's start, when the title is the issue's ({@link fromIssue}). */
  range: Range;
  /** The title is the GitHub issue's (or pull request's) title, not a line of the document: no edit can change it. */
  fromIssue?: boolean;
  /** Heading depth: 1 for a well-placed title. */
  depth: number;
  /** Heading text without the `#` marks. */
  raw: string;
  /** The number as written (`1234`, `0000`, `{NUMBER}`, `XXXX`), if any. */
  number?: string;
  numberRange?: Range;
  /** The proposal's name after the separator (may be empty). */
  name: string;
  nameRange?: Range;
  /** How the heading deviates from `SEP-<number>: <Title>`; `ok` when it does not. */
  form: 'ok' | 'no-prefix' | 'no-number' | 'bad-separator' | 'no-name';
}

export type HeaderStyle = 'bullets' | 'table' | 'preamble' | 'none';

/** One header field such as `- **Status**: Draft`. */
export interface HeaderField {
  /** Name as written, e.g. `Author(s)`, `Authors`, `status`. */
  name: string;
  /** Canonical key (see common/vocabulary.ts), or undefined for an unknown field. */
  key?: string;
  /** Value with continuation lines joined by single spaces, trimmed. */
  value: string;
  /** Whole field, continuation lines included. */
  range: Range;
  nameRange: Range;
  /** Range of the value as written (on the first line when it wraps, to its last line). */
  valueRange: Range;
  /** Number of indented continuation lines after the first. */
  continuationLines: number;
  /** Which block of the header (list, table or paragraph, in document order from 0) holds the field. */
  block?: number;
}

export interface SepHeader {
  style: HeaderStyle;
  fields: HeaderField[];
  /** The list, table or preamble block holding the fields. */
  range?: Range;
  /** The `Preamble` heading (`## Preamble`, `## 1. Preamble`, `<h2>Preamble</h2>`) the fields sit under, on issue-era SEPs. */
  preamble?: Range;
  /** When there is no header: header fields written where the SEP format does not read them. */
  misplaced?: { in: 'front-matter' | 'code-fence'; range: Range };
}

/** A Status (or State) written outside the header: a second preamble, a callout, a table row, a line elsewhere. */
export interface StrayStatus {
  in: 'preamble' | 'callout' | 'table' | 'line';
  /** `Status` or `State`, as written. */
  name: string;
  value: string;
  /** The whole line (or table row). */
  range: Range;
  valueRange: Range;
}

export type { SepOrigin };

/** Any heading outside code, in document order. */
export interface SepHeading {
  depth: number;
  /** Text as written, inline markup flattened. */
  raw: string;
  /** Text with leading numbering (`1.`, `2.3`) and a trailing colon removed, whitespace folded. */
  text: string;
  /** Leading numbering as written, e.g. `1.`. */
  numbering?: string;
  range: Range;
  /** Range of the heading's text (after the `#` marks). */
  textRange: Range;
  setext: boolean;
}

/** A heading with its body: everything up to the next heading of the same or higher rank. */
export interface SepSection {
  heading: SepHeading;
  /** From the start of the line after the heading to the start of the next heading of rank <= this one. */
  bodyRange: Range;
  /** Words of prose in the body, code and HTML comments excluded, subsections included. */
  wordCount: number;
  /** Body text as plain text (inline markup flattened, comments removed). */
  plainText: string;
  /** `foldProse(plainText)`, built from each block's folded text, which is kept while the block is unchanged. */
  foldedText: string;
  /** Whether the body holds anything other than whitespace and HTML comments. */
  hasContent: boolean;
  /** Link targets in the body (inline links, autolinks and bare URLs). */
  links: string[];
}

/** An HTML comment (used for `sep-lint-disable` directives and template hints). */
export interface SepComment {
  text: string;
  range: Range;
}

/** A `SEP-N` mention in prose (outside headings, code and links). */
export interface SepMention {
  number: string;
  range: Range;
  /** True when the mention is the text of a link. */
  linked: boolean;
}

export interface SepDocument {
  /** Text as given (BOM and line endings included). */
  text: string;
  /** Offsets ↔ positions for {@link text}, built once with the model. */
  lines: LineIndex;
  /**
   * Which sections stand for the standard sections, computed when a rule first asks and kept on the
   * document (not enumerable: it is derived from the rest).
   */
  readonly sectionModel: SectionModel;
  /** The normative statements of the Specification (trace/statements.ts), computed when first asked, not enumerable. */
  readonly normativeStatements: NormativeStatement[];
  /** Base name of the file, e.g. `1686-tasks.md`, when known. */
  fileName?: string;
  /** Set when the text is the body of a GitHub issue or pull request. */
  origin?: SepOrigin;
  /** `\r\n` when the document uses CRLF line endings, `\r` when it uses lone CRs, else `\n`. */
  eol: string;
  lineCount: number;
  frontMatter?: Range;
  title?: SepTitle;
  header: SepHeader;
  headings: SepHeading[];
  /** Sections of every heading (all depths), document order. */
  sections: SepSection[];
  comments: SepComment[];
  mentions: SepMention[];
  /** Inline links, autolinks and link reference definitions, with the range of the whole link. */
  linkTargets: { url: string; range: Range }[];
  /** Status statements outside the header (see statuses.ts). */
  strayStatuses: StrayStatus[];
  /** Fenced code blocks whose closing fence is missing. */
  unclosedFences: Range[];
  /** The first line nested past the parser's limit (see nesting.ts); what lies deeper on it was read as text. */
  tooDeep?: Range;
  /** Set when the text is longer than the engine checks (see limits.ts): nothing of it was parsed. */
  tooLarge?: { chars: number; limit: number };
}
