import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describesSep, IncrementalMarkdownParser, LintStopped, isSepFile, lint, parseSep, parseTraceability, ruleById, traceFileNumber, type ConformanceData, type Finding, type Rule, type SepDocument } from './sep';
import { originOf, type SepOrigin } from '../../common/origin';
import type { ServerSettings } from './settings';
import { BudgetedParser, ParseStopped, type RemoteParser } from './parse/budget';

/** The engine's view of one open document at one version. */
export interface Analysis {
  uri: string;
  version: number;
  /** Undefined when the document is not a SEP: it gets no diagnostics, unless it is a traceability file (`sep-<number>.yaml`). */
  doc?: SepDocument;
  findings: Finding[];
  /** Set when the check ran past its time budget and was abandoned for this version. */
  abandoned?: { afterMs: number };
}

interface Entry {
  parser: IncrementalMarkdownParser;
  /** Characters of the text the parser holds chunks of; 0 when it holds none. */
  parsedChars: number;
  last?: Analysis;
}

/**
 * Memory the kept parse trees may take, estimated from text length: a parse
 * tree with its positions and block facts costs about {@link BYTES_PER_CHAR}
 * bytes per character of Markdown. 64 MB keeps a few hundred typical SEPs
 * (10 KB) or a few of the largest drafts seen (580 KB).
 */
const PARSE_MEMORY_BUDGET = 64 * 1024 * 1024;
const BYTES_PER_CHAR = 40;

/**
 * Closed documents whose parsers are kept (within the same memory budget, after the open ones): a tab closed and
 * opened again, or a file the editor reopens, re-parses only the chunks that changed. A fresh parse of the largest
 * reference SEP takes about 100 ms once the server is warm; its chunks taken from the cache, a few.
 */
const CLOSED_KEPT = 4;

/**
 * How long one check of one version may run before it is abandoned: checked
 * between rules, between the parses of a document's chunks, and while a long
 * chunk is parsed by the remote parser (see parse/budget.ts).
 */
export const ANALYSIS_BUDGET_MS = 2000;

/** Counters for tests and the `sep/stats` request. */
export interface AnalysisStats {
  /** Checks actually run (a parse and a lint), not answered from the cache. */
  analyses: number;
  /** Checks abandoned past their time budget. */
  abandoned: number;
  /** Markdown slices (chunks, or whole documents) parsed: a keystroke parses one, a document's first check all of its chunks. */
  slicesParsed: number;
  /** Documents whose parse trees are kept (open, and recently closed), and their estimated size. */
  parsersKept: number;
  parsedBytes: number;
}

/**
 * Analyses open documents on demand and remembers the latest result per URI,
 * so diagnostics, code actions, completion and hover share one parse. Each
 * document keeps an incremental parser: a keystroke re-parses only its chunk.
 * Parse trees are kept for the most recently used documents within a memory budget.
 */
export class AnalysisStore {
  private entries = new Map<string, Entry>();
  /** Recently closed documents' entries, without results; the most recently closed last. */
  private closed = new Map<string, Entry>();
  private counts = { analyses: 0, abandoned: 0 };
  private readonly parseBudget: BudgetedParser;
  private conformanceData: ConformanceData | undefined;

  /**
   * @param remote parses long slices where they can be stopped (a worker thread); without one,
   *   a long slice is parsed in this thread and the budget is checked only between slices.
   */
  constructor(
    private settings: (uri: string) => ServerSettings,
    private today: () => string = utcToday,
    private budgetMs = ANALYSIS_BUDGET_MS,
    private now: () => number = () => performance.now(),
    remote?: RemoteParser,
  ) {
    this.parseBudget = new BudgetedParser(remote, now);
  }

  analyze(document: TextDocument): Analysis {
    const entry = this.entries.get(document.uri) ?? this.reopened(document.uri);
    this.entries.delete(document.uri);
    this.entries.set(document.uri, entry); // most recently used last
    if (entry.last && entry.last.version === document.version) return entry.last;
    entry.last = this.check(document.uri, document.version, document.getText(), entry);
    return entry.last;
  }

  /**
   * Checks a document the editor has open but not yet sent (`sep/preview`), keeping its parser, not the result: the
   * check when the document opens re-parses only what differs, with the settings the server has by then.
   * @param settings the document's settings as the editor sent them with the preview; else the store's
   * @returns the preview's analysis (version 0); undefined when the document is open already
   */
  preview(uri: string, text: string, settings?: ServerSettings): Analysis | undefined {
    if (this.entries.has(uri)) return undefined;
    const entry = this.reopened(uri);
    this.entries.set(uri, entry);
    return this.check(uri, 0, text, entry, settings);
  }

  /**
   * Checks a file that is not open (Validate All): the same settings and time budget as an open
   * document, a parser of its own, nothing kept. Its version is 0.
   */
  analyzeText(uri: string, text: string): Analysis {
    return this.check(uri, 0, text);
  }

  /** One check of one text; `entry` when the document is open (its parser is reused and its size counted). */
  private check(uri: string, version: number, text: string, entry?: Entry, settings = this.settings(uri)): Analysis {
    const path = uriPath(uri);
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    if (traceFileNumber(fileName) !== undefined) return { uri, version, findings: parseTraceability(text, fileName, { rules: settings.rules }).findings };
    if (!isSepFile(path, text, settings.files.include)) return { uri, version, findings: [] };
    this.counts.analyses++;
    const deadline = this.now() + this.budgetMs;
    const origin = originOf(uri);
    const parser = entry?.parser ?? new IncrementalMarkdownParser(this.parseBudget.parse);
    let doc: SepDocument;
    this.parseBudget.begin(deadline);
    try {
      doc = parseSep(text, { fileName, parser, origin });
    } catch (err) {
      if (!(err instanceof ParseStopped)) throw err;
      // Stopped during the parse: no model, no findings, and the note that it was stopped.
      this.counts.abandoned++;
      return { uri, version, findings: [], abandoned: { afterMs: this.budgetMs } };
    } finally {
      this.parseBudget.end();
    }
    if (entry) {
      entry.parsedChars = doc.tooLarge ? 0 : text.length;
      this.releaseParsers();
    }
    const ruleSet = originRuleSet(doc, origin);
    const analysis: Analysis = { uri, version, doc, findings: [] };
    try {
      analysis.findings = lint(doc, {
        rules: settings.rules,
        finalSeps: settings.finalSeps,
        today: this.today(),
        ruleSet,
        conformance: this.conformanceData,
        shouldStop: () => this.now() > deadline,
      });
    } catch (err) {
      if (!(err instanceof LintStopped)) throw err;
      this.counts.abandoned++;
      analysis.abandoned = { afterMs: this.budgetMs };
    }
    return analysis;
  }

  /** The entry of a document being opened: the one it had when it was closed, if kept, else a new one. */
  private reopened(uri: string): Entry {
    const entry = this.closed.get(uri);
    if (!entry) return { parser: new IncrementalMarkdownParser(this.parseBudget.parse), parsedChars: 0 };
    this.closed.delete(uri);
    return entry;
  }

  /**
   * Drops the parse trees of the least recently used documents once the kept ones exceed the memory budget: the open
   * ones counted first, most recently used first, then the closed ones, most recently closed first.
   */
  private releaseParsers(): void {
    let bytes = 0;
    for (const entry of [...this.entries.values()].reverse()) {
      bytes += entry.parsedChars * BYTES_PER_CHAR;
      if (bytes > PARSE_MEMORY_BUDGET && entry.parsedChars) {
        entry.parser = new IncrementalMarkdownParser(this.parseBudget.parse);
        entry.parsedChars = 0;
      }
    }
    for (const [uri, entry] of [...this.closed].reverse()) {
      bytes += entry.parsedChars * BYTES_PER_CHAR;
      if (bytes > PARSE_MEMORY_BUDGET) this.closed.delete(uri);
    }
  }

  /** How much work the store has done; see {@link AnalysisStats}. */
  stats(): AnalysisStats {
    const kept = [...this.entries.values(), ...this.closed.values()].filter((e) => e.parsedChars > 0);
    return { ...this.counts, slicesParsed: this.parseBudget.parsed, parsersKept: kept.length, parsedBytes: kept.reduce((n, e) => n + e.parsedChars * BYTES_PER_CHAR, 0) };
  }

  /** The conformance repository's traceability data the editor last sent, if any. */
  get conformance(): ConformanceData | undefined {
    return this.conformanceData;
  }

  /** Replaces the conformance data (undefined: none) and forgets cached results, which may depend on it. */
  setConformance(data: ConformanceData | undefined): void {
    this.conformanceData = data;
    this.invalidate();
  }

  /** Forget cached results (settings changed) but keep the parsers. */
  invalidate(): void {
    for (const e of this.entries.values()) e.last = undefined;
  }

  /**
   * The document was closed: its result is dropped (a reopened document starts again at version 1, with what the
   * file holds then), and its parser is kept among the {@link CLOSED_KEPT} most recently closed.
   */
  close(uri: string): void {
    const entry = this.entries.get(uri);
    this.entries.delete(uri);
    if (!entry?.parsedChars) return;
    entry.last = undefined;
    this.closed.delete(uri);
    this.closed.set(uri, entry);
    for (const oldest of this.closed.keys()) {
      if (this.closed.size <= CLOSED_KEPT) break;
      this.closed.delete(oldest);
    }
  }
}

/**
 * The rules to run on a document from GitHub: a pull request's description that only points at its SEP
 * file is not checked as a SEP (one rule says so); everything else gets every rule (undefined).
 */
export function originRuleSet(doc: SepDocument, origin: SepOrigin | undefined): Rule[] | undefined {
  return origin?.kind === 'pull' && !describesSep(doc) ? [ruleById('pull-description-not-sep')!] : undefined;
}

function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The decoded path of a URI (`file:///a/seps/x.md` → `/a/seps/x.md`; `untitled:Untitled-1` → `Untitled-1`). */
export function uriPath(uri: string): string {
  try {
    const u = new URL(uri);
    return decodeURIComponent(u.pathname);
  } catch {
    return uri;
  }
}
