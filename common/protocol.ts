/**
 * The custom messages between the extension and the SEP language server, typed once for both sides.
 * Plain data and method names only: no editor, protocol-library or engine imports.
 */

/**
 * What a client may put in `initialize`'s `initializationOptions`; every field is optional, and a client that sends
 * none (any LSP client) gets the standard protocol alone.
 */
export interface InitializationOptions {
  /** The `sep` settings, for a client that cannot answer `workspace/configuration`. */
  settings?: unknown;
  /** Where the rule pages are served (ends with `/`), for a server that cannot tell (the browser's). */
  ruleDocsRoot?: string;
  /** The client reads `sep/status`; without it the server does not send that notification. */
  status?: boolean;
}

/**
 * `sep/status` (server → client), after each analysis of an open document: what the status bar shows. Sent only
 * to a client that asks for it (`initializationOptions.status`): any other client would get one more message on
 * every keystroke, to ignore.
 */
export const STATUS_NOTIFICATION = 'sep/status';

export interface StatusParams {
  uri: string;
  /** The document version the analysis ran on. */
  version: number;
  /** Whether the server treats the document as a SEP (and so checks it). */
  isSep: boolean;
  /** The Status field's value as written, when there is one. */
  status?: string;
  /** Findings by severity, as published in the diagnostics of that version. */
  errors: number;
  warnings: number;
  /** Information findings (hints, shown faded, are not counted). */
  other: number;
}

/** `sep/validateWorkspace` (client → server): check every SEP file in the workspace folders. */
export const VALIDATE_WORKSPACE_REQUEST = 'sep/validateWorkspace';

/** What a workspace check did: the command shows it, tests read it. */
export interface ValidationSummary {
  /** SEP files found in the workspace. */
  seps: number;
  /** Of those, checked from disk (the rest are open in editors and checked as they are typed). */
  checked: number;
  errors: number;
  warnings: number;
  /** Files that could not be read. */
  unreadable: number;
  cancelled: boolean;
}

/** `sep/setPrNumber` (client → server): number an open SEP after its pull request. */
export const SET_PR_NUMBER_REQUEST = 'sep/setPrNumber';

export interface SetPrNumberParams {
  textDocument: { uri: string };
  /** The pull request's number, digits only. */
  number: string;
  /** `owner/name` the PR field points into (`sep.github.repository`). */
  repository: string;
}

/**
 * One workspace edit in LSP form: the file renamed to `<number>-<slug>.md` (when its name changes), then its title
 * and PR field edited, on the renamed file. Or, when nothing may change, why, in words for the author.
 */
export type SetPrNumberResult =
  | { edit: { documentChanges: unknown[] }; newUri: string }
  | { error: string };

/** The repository SEPs live in unless the `sep.github.repository` setting says otherwise. */
export const DEFAULT_REPOSITORY = 'modelcontextprotocol/modelcontextprotocol';

/**
 * The pull-request number in what the author typed: digits, `#digits` or a pull-request URL. Undefined when it is
 * none of these or is zero.
 */
export function parsePrNumber(input: string): string | undefined {
  const t = input.trim();
  const m = /^#?(\d+)$/.exec(t) ?? /^https?:\/\/[^\s/]+\/[^\s/]+\/[^\s/]+\/pull\/(\d+)\/?$/.exec(t);
  if (!m) return undefined;
  const n = m[1].replace(/^0+/, '');
  return n === '' ? undefined : n;
}

/**
 * `sep/conformanceStatus` (client → server): what the conformance repository's traceability manifest
 * (`src/seps/traceability.json`) says per SEP, sent after the editor read it (and at start, from its saved
 * copy). The server uses it in the title hover and the `conformance-tests` rule; it never fetches it.
 */
export const CONFORMANCE_STATUS_NOTIFICATION = 'sep/conformanceStatus';

/** Requirement counts of one SEP in the conformance repository. */
export interface ConformanceEntry {
  sep: number;
  tested: number;
  untested: number;
  excluded: number;
}

export interface ConformanceStatusParams {
  /** `owner/name` of the conformance repository. */
  repository: string;
  /** When the manifest was read (ISO time). */
  fetchedAt: string;
  /** One entry per SEP the manifest lists; a SEP missing here has no traceability data. */
  seps: ConformanceEntry[];
}

/** The most SEPs a conformance manifest may list (the real one lists a few dozen); more is treated as hostile. */
export const MAX_CONFORMANCE_SEPS = 5000;
/** The largest requirement count accepted for one SEP. */
export const MAX_CONFORMANCE_COUNT = 100_000;

/** `sep/requirements` (client → server): the normative statements of an open SEP, and their coverage when known. */
export const REQUIREMENTS_REQUEST = 'sep/requirements';

export interface RequirementsParams {
  uri: string;
}

/** A normative statement of the SEP (the engine's `NormativeStatement`), with its coverage when a traceability file is known. */
export interface RequirementStatement {
  /** Plain text of the sentence, list item sentence, table cell or heading. */
  text: string;
  /** 0-based lines and UTF-16 columns, as LSP counts them. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  level: 'must' | 'should' | 'may';
  /** The BCP 14 keywords in it, in order (`MUST`, `MUST NOT`, `SHOULD`, …). */
  keywords: string[];
  /** The headings it sits under, from the Specification heading down. */
  headingPath: string[];
  /** With a traceability file: whether some row covers it. */
  covered?: boolean;
  /** With a traceability file: the rows covering it, as indexes into the file's `requirements` list. */
  rows?: number[];
}

export interface RequirementsResult {
  /** The SEP's number, from its title or file name. */
  sep?: number;
  /** In document order; empty when the document is not a SEP or has no Specification section. */
  statements: RequirementStatement[];
  /** URI of the SEP's traceability file (`sep-<number>.yaml`) found in the workspace, when there is one. */
  traceFile?: string;
}

/**
 * `sep/workspaceIndex` (client → server): the files the workspace index is made of (every `seps/<number>-*.md` and
 * `MAINTAINERS.md`), with their text, for a workspace folder the server cannot read itself (any scheme but `file:`,
 * e.g. `vscode-vfs://` on github.dev). The server then uses them instead of the disk for documents in that folder.
 */
export const WORKSPACE_INDEX_NOTIFICATION = 'sep/workspaceIndex';

export interface WorkspaceIndexParams {
  /** The workspace folder's URI. */
  folder: string;
  /** True when `files` are all of the folder's index files (what was sent before is dropped); else changes only. */
  full: boolean;
  /** Files added or changed, each with its whole text. */
  files: { uri: string; text: string }[];
  /** Files deleted since the last notification. */
  deleted?: string[];
}

/**
 * `sep/traceSep` (client → server): the text of SEP `number`, fetched from GitHub because a traceability file
 * (`sep-<number>.yaml`) is open and the workspace has no such SEP. The server compares the file's rows with it.
 */
export const TRACE_SEP_NOTIFICATION = 'sep/traceSep';

export interface TraceSepParams {
  number: number;
  /** Where it was read, e.g. `https://github.com/modelcontextprotocol/modelcontextprotocol/blob/HEAD/seps/2164-x.md`. */
  uri: string;
  text: string;
}

/** `sep/traceabilitySkeleton` (client → server): a draft `sep-<number>.yaml` for an open SEP. */
export const TRACEABILITY_SKELETON_REQUEST = 'sep/traceabilitySkeleton';

export interface TraceabilitySkeletonParams {
  uri: string;
}

/**
 * The draft traceability file: its name and YAML text (one row per MUST- or SHOULD-level statement, MAY left
 * out), or why there is none, in words for the author.
 */
export type TraceabilitySkeletonResult = { fileName: string; text: string; statements: number } | { error: string };

/**
 * `sep/preview` (client → server, sent by the desktop extension as it starts the server process, before
 * `initialize`): a Markdown document already open in the editor. The server parses and checks it while it waits
 * for the editor, so that the check when the document opens finds its chunks parsed. When the preview carries the
 * document's `sep` settings, the server sends the findings back at once (`sep/previewDiagnostics`): the editor can
 * show them before the language client has started.
 */
export const PREVIEW_NOTIFICATION = 'sep/preview';

export interface PreviewParams {
  uri: string;
  text: string;
  /**
   * The `sep` settings section as the editor resolves it for this document (what `workspace/configuration` would
   * answer for its folder). Without it, nothing is sent back: the settings are not known yet.
   */
  settings?: unknown;
}

/**
 * `sep/previewDiagnostics` (server → client, before `initialize` only): the findings of a previewed document, as
 * `textDocument/publishDiagnostics` would carry them for the text previewed. None is sent for a document that is
 * not a SEP or has no findings, or when the settings say not to validate. The editor shows them until the language
 * client publishes that document's diagnostics, or the document changes or closes.
 */
export const PREVIEW_DIAGNOSTICS_NOTIFICATION = 'sep/previewDiagnostics';

export interface PreviewDiagnosticsParams {
  uri: string;
  diagnostics: PreviewDiagnostic[];
}

/** An LSP diagnostic, as far as the server's findings use it. */
export interface PreviewDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** LSP's: 1 error, 2 warning, 3 information, 4 hint. */
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  /** Plain text from this server; LSP also allows Markdown content. */
  message: string | { kind: string; value: string };
}

/** The largest text sent in a preview: the engine checks no more (see MAX_CHECKED_CHARS). */
export const MAX_PREVIEW_CHARS = 1024 * 1024;

/** The params of a `sep/preview` notification when well formed; else undefined. */
export function readPreview(params: unknown): PreviewParams | undefined {
  const p = params as Partial<PreviewParams> | undefined;
  if (typeof p?.uri !== 'string' || typeof p.text !== 'string' || p.text.length > MAX_PREVIEW_CHARS) return undefined;
  return { uri: p.uri, text: p.text, ...(p.settings !== undefined ? { settings: p.settings } : {}) };
}
