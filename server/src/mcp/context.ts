/** What every tool gets: the confined workspace, the clock, where the rule pages are, and the GitHub access. */
import { basename } from 'node:path';
import type { FetchLike } from '../../../client/src/github/types';
import { lint, parseSep, type Finding } from '../sep';
import type { ServerSettings } from '../settings';
import { ToolFailure } from './results';
import type { SepFile, Workspace } from './workspace';

/** The GitHub side of check_github_sep. */
export interface GitHubAccess {
  /** The REST API base URL. */
  apiUrl: string;
  /** The token from `GITHUB_TOKEN`, read at call time; undefined when unset. Never logged or returned. */
  token(): string | undefined;
  fetch: FetchLike;
}

/** Shared by every tool handler. */
export interface ToolContext {
  workspace: Workspace;
  /** Today as `YYYY-MM-DD` (UTC). */
  today(): string;
  /** The folder holding `docs/rules/` (the package root). */
  packageRoot: string;
  github: GitHubAccess;
}

/** The file name text given inline is checked under when the caller names none. */
export const INLINE_NAME = '0000-draft.md';

/** A SEP to work on: read from a path inside the roots, or given as text. */
export interface SepSource {
  text: string;
  fileName: string;
  settings: ServerSettings;
  /** Set when read from a path. */
  file?: SepFile;
}

/**
 * The SEP a call names: `path` (read inside the roots) or `text` (with an optional `fileName`), exactly one.
 * @throws ToolFailure when both or neither is given, or the path is refused
 */
export async function sepSource(ctx: ToolContext, args: { path?: string; text?: string; fileName?: string }): Promise<SepSource> {
  if ((args.path === undefined) === (args.text === undefined)) throw new ToolFailure('Give either "path" (a SEP file inside the workspace roots) or "text" (the SEP itself), not both and not neither.');
  if (args.path !== undefined) {
    const file = await ctx.workspace.readSep(args.path);
    return { text: file.text, fileName: basename(file.real), settings: file.settings, file };
  }
  const fileName = args.fileName?.trim() ? basename(args.fileName.trim()) : INLINE_NAME;
  return { text: args.text!, fileName, settings: await ctx.workspace.inlineSettings() };
}

/** The engine's findings for a source, with its root's settings. */
export function lintSource(source: Pick<SepSource, 'text' | 'fileName' | 'settings'>, today: string): Finding[] {
  const doc = parseSep(source.text, { fileName: source.fileName });
  return lint(doc, { rules: source.settings.rules, finalSeps: source.settings.finalSeps, today });
}
