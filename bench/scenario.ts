import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Session, type Sample, type ServerSpec } from './servers';

/** Where the bench runs: the repo, the node binaries, and the workspace folder sent to the servers. */
export interface BenchContext {
  repo: string;
  node: string;
  /** Node used for vscode-markdown-languageserver (the same as `node` unless it needs a newer one). */
  markdownNode: string;
  /** Contains `seps/` (a link to the reference SEPs) and the remark configuration. */
  workspaceDir: string;
}

export const KEYSTROKES = 200;
const PROSE = ' Servers SHOULD answer within one second, and clients MAY retry once after that.';
/** The 200 characters typed, one per keystroke. */
export const TYPED = PROSE.repeat(Math.ceil(KEYSTROKES / PROSE.length)).slice(0, KEYSTROKES);

/** Where typing happens: the end of a prose line in the middle of `## Specification`. */
export interface TypingPoint {
  offset: number;
  line: number;
  character: number;
  /** False when the document has no `## Specification` and the middle of the document is used. */
  inSpecification: boolean;
}

export function typingPoint(text: string): TypingPoint {
  const heading = /^##[ \t]+Specification\b.*$/m.exec(text);
  let from = 0;
  let to = text.length;
  if (heading) {
    from = heading.index + heading[0].length;
    const next = /^#{1,2}[ \t]/m.exec(text.slice(from));
    to = next ? from + next.index : text.length;
  }
  const middle = (from + to) >> 1;
  let offset = lineEnd(text, middle);
  // Prefer a prose line (not a table, list, fence, heading or blank line) at or after the middle.
  for (let at = text.lastIndexOf('\n', middle - 1) + 1; at < to; at = text.indexOf('\n', at) + 1 || to) {
    const line = text.slice(at, lineEnd(text, at));
    if (/^[A-Za-z*_[(`"]/.test(line) && !/^(```|~~~)/.test(line)) {
      offset = at + line.length;
      break;
    }
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { offset, line, character: offset - (before.lastIndexOf('\n') + 1), inSpecification: Boolean(heading) };
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  const end = nl === -1 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

export function docUri(ctx: BenchContext, file: string): string {
  return pathToFileURL(join(ctx.workspaceDir, 'seps', file)).href;
}

/** Servers started per measured file just to time opening it (besides the typing run's). */
export const OPEN_SESSIONS = 4;
/** Re-opens (close, then open again) per such server. */
const REOPENS = 2;

/**
 * First-diagnostics samples of one file from several fresh servers: one cold open each, then re-opens in the running
 * server, then the same text under a name the server has not seen (a server may keep what it parsed of a closed file).
 */
export interface OpenRuns {
  fresh: Sample[];
  reopen: Sample[];
  unseen: Sample[];
  error?: string;
}

export async function openRuns(spec: ServerSpec, ctx: BenchContext, file: string, text: string, sessions = OPEN_SESSIONS, reopens = REOPENS): Promise<OpenRuns> {
  const out: OpenRuns = { fresh: [], reopen: [], unseen: [] };
  const uri = docUri(ctx, file);
  const copy = docUri(ctx, file.replace(/\.md$/, '-copy.md'));
  for (let s = 0; s < sessions; s++) {
    const session = await Session.start(spec, ctx.repo, spec.id === 'markdown' ? ctx.markdownNode : ctx.node, ctx.workspaceDir);
    try {
      out.fresh.push(await session.open(uri, text));
      for (let i = 0; i < reopens; i++) {
        await session.close(uri);
        out.reopen.push(await session.open(uri, text));
      }
      out.unseen.push(await session.open(copy, text));
    } catch (err) {
      out.error = String(err);
      return out;
    } finally {
      await session.lsp.stop();
    }
  }
  return out;
}

/** One server, one file: cold open, 200 keystrokes, close and a warm re-open. */
export interface TypingRun {
  open: Sample;
  reopen: Sample;
  keystrokes: Sample[];
  peakRssKb?: number;
  error?: string;
}

export async function typingRun(spec: ServerSpec, ctx: BenchContext, file: string, text: string): Promise<TypingRun> {
  const session = await Session.start(spec, ctx.repo, spec.id === 'markdown' ? ctx.markdownNode : ctx.node, ctx.workspaceDir);
  const uri = docUri(ctx, file);
  const point = typingPoint(text);
  try {
    const open = await session.open(uri, text);
    const keystrokes: Sample[] = [];
    for (let i = 0; i < TYPED.length; i++) {
      const at = { line: point.line, character: point.character + i };
      keystrokes.push(await session.insert(uri, at, point.offset + i, TYPED[i]));
    }
    await session.close(uri);
    const reopen = await session.open(uri, text);
    return { open, reopen, keystrokes, peakRssKb: session.lsp.peakRssKb() };
  } catch (err) {
    return { open: { ms: NaN, count: 0 }, reopen: { ms: NaN, count: 0 }, keystrokes: [], error: String(err) };
  } finally {
    await session.lsp.stop();
  }
}

/** One server: every reference SEP opened once, left open; first-diagnostics times and peak RSS after all. */
export interface OpenAllRun {
  files: { file: string; bytes: number; ms: number; count: number }[];
  peakRssKb?: number;
  error?: string;
}

export async function openAllRun(spec: ServerSpec, ctx: BenchContext, docs: { file: string; text: string }[]): Promise<OpenAllRun> {
  const session = await Session.start(spec, ctx.repo, spec.id === 'markdown' ? ctx.markdownNode : ctx.node, ctx.workspaceDir);
  const files: OpenAllRun['files'] = [];
  try {
    for (const { file, text } of docs) {
      const s = await session.open(docUri(ctx, file), text);
      files.push({ file, bytes: Buffer.byteLength(text), ms: s.ms, count: s.count });
    }
    return { files, peakRssKb: session.lsp.peakRssKb() };
  } catch (err) {
    return { files, error: String(err) };
  } finally {
    await session.lsp.stop();
  }
}
