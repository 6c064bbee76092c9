import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describesSep, IncrementalMarkdownParser, LintStopped, isSepFile, lint, parseSep, parseTraceability, ruleById, traceFileNumber, type ConformanceData, type Finding, type SepDocument } from './sep';
import { originOf } from '../../common/origin';
import type { ServerSettings } from './settings';

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

/** How long one check of one version may run before it is abandoned (checked between rules). */
export const ANALYSIS_BUDGET_MS = 2000;

/** Counters for tests and the `sep/stats` request. */
export interface AnalysisStats {
  /** Checks actually run (a parse and a lint), not answered from the cache. */
  analyses: number;
  /** Checks abandoned past their time budget. */
  abandoned: number;
  /** Documents whose parse trees are kept, and their estimated size. */
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
  private counts = { analyses: 0, abandoned: 0 };
  private conformanceData: ConformanceData | undefined;

  constructor(
    private settings: () => ServerSettings,
    private today: () => string = utcToday,
    private budgetMs = ANALYSIS_BUDGET_MS,
    private now: () => number = () => performance.now(),
  ) {}

  analyze(document: TextDocument): Analysis {
    const entry = this.entries.get(document.uri) ?? { parser: new IncrementalMarkdownParser(), parsedChars: 0 };
    this.entries.delete(document.uri);
    this.entries.set(document.uri, entry); // most recently used last
    if (entry.last && entry.last.version === document.version) return entry.last;
    const text = document.getText();
    const path = uriPath(document.uri);
    const settings = this.settings();
    let analysis: Analysis;
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    if (traceFileNumber(fileName) !== undefined) {
      analysis = { uri: document.uri, version: document.version, findings: parseTraceability(text, fileName, { rules: settings.rules }).findings };
    } else if (!isSepFile(path, text, settings.files.include)) {
      analysis = { uri: document.uri, version: document.version, findings: [] };
    } else {
      this.counts.analyses++;
      const deadline = this.now() + this.budgetMs;
      const origin = originOf(document.uri);
      const doc = parseSep(text, { fileName: path.slice(path.lastIndexOf('/') + 1), parser: entry.parser, origin });
      entry.parsedChars = text.length;
      this.releaseParsers();
      // A pull request's description that only points at its SEP file is not checked as a SEP.
      const ruleSet = origin?.kind === 'pull' && !describesSep(doc) ? [ruleById('pull-description-not-sep')!] : undefined;
      analysis = { uri: document.uri, version: document.version, doc, findings: [] };
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
    }
    entry.last = analysis;
    return analysis;
  }

  /** Drops the parse trees of the least recently used documents once the kept ones exceed the memory budget. */
  private releaseParsers(): void {
    let bytes = 0;
    for (const entry of [...this.entries.values()].reverse()) {
      bytes += entry.parsedChars * BYTES_PER_CHAR;
      if (bytes > PARSE_MEMORY_BUDGET && entry.parsedChars) {
        entry.parser = new IncrementalMarkdownParser();
        entry.parsedChars = 0;
      }
    }
  }

  /** How much work the store has done; see {@link AnalysisStats}. */
  stats(): AnalysisStats {
    const kept = [...this.entries.values()].filter((e) => e.parsedChars > 0);
    return { ...this.counts, parsersKept: kept.length, parsedBytes: kept.reduce((n, e) => n + e.parsedChars * BYTES_PER_CHAR, 0) };
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

  close(uri: string): void {
    this.entries.delete(uri);
  }
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
