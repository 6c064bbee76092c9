import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describesSep, IncrementalMarkdownParser, isSepFile, lint, parseSep, ruleById, type Finding, type SepDocument } from './sep';
import { originOf } from '../../common/origin';
import type { ServerSettings } from './settings';

/** The engine's view of one open document at one version. */
export interface Analysis {
  uri: string;
  version: number;
  /** Undefined when the document is not a SEP (it gets no diagnostics). */
  doc?: SepDocument;
  findings: Finding[];
}

interface Entry {
  parser: IncrementalMarkdownParser;
  /** Whether the parser holds chunks of this document. */
  parsed: boolean;
  last?: Analysis;
}

/** Documents that keep their parsed chunks; the others parse whole again on their next change. */
const PARSERS_KEPT = 6;

/**
 * Analyses open documents on demand and remembers the latest result per URI,
 * so diagnostics, code actions, completion and hover share one parse. Each
 * document keeps an incremental parser: a keystroke re-parses only its chunk.
 */
export class AnalysisStore {
  private entries = new Map<string, Entry>();

  constructor(private settings: () => ServerSettings, private today: () => string = utcToday) {}

  analyze(document: TextDocument): Analysis {
    const entry = this.entries.get(document.uri) ?? { parser: new IncrementalMarkdownParser(), parsed: false };
    this.entries.delete(document.uri);
    this.entries.set(document.uri, entry); // most recently used last
    if (entry.last && entry.last.version === document.version) return entry.last;
    const text = document.getText();
    const path = uriPath(document.uri);
    const settings = this.settings();
    let analysis: Analysis;
    if (!isSepFile(path, text, settings.files.include)) {
      analysis = { uri: document.uri, version: document.version, findings: [] };
    } else {
      const origin = originOf(document.uri);
      const doc = parseSep(text, { fileName: path.slice(path.lastIndexOf('/') + 1), parser: entry.parser, origin });
      entry.parsed = true;
      this.releaseParsers();
      // A pull request's description that only points at its SEP file is not checked as a SEP.
      const ruleSet = origin?.kind === 'pull' && !describesSep(doc) ? [ruleById('pull-description-not-sep')!] : undefined;
      analysis = { uri: document.uri, version: document.version, doc, findings: lint(doc, { rules: settings.rules, finalSeps: settings.finalSeps, today: this.today(), ruleSet }) };
    }
    entry.last = analysis;
    return analysis;
  }

  /** Drops the parsed chunks of all but the most recently used documents: a parse tree is most of a document's memory. */
  private releaseParsers(): void {
    let older = this.entries.size - PARSERS_KEPT;
    for (const entry of this.entries.values()) {
      if (older-- <= 0) break;
      if (entry.parsed) {
        entry.parser = new IncrementalMarkdownParser();
        entry.parsed = false;
      }
    }
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
