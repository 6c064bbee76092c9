/**
 * Where the sidebar's GitHub requests go and whether they carry the sign-in token. The API URL comes
 * from the user's own settings only (a repository's `.vscode/settings.json` cannot redirect the token),
 * and a session VS Code handed over silently is sent to api.github.com only. No editor imports.
 */
import { GitHubClient, type GitHubClientOptions } from '../github/client';
import type { TokenProvider } from '../github/types';
import { DEFAULT_API_URL, isApiUrl, mayCarryToken, readSidebarSettings, type SidebarSettings } from './settings';

/** The parts of `WorkspaceConfiguration.inspect('apiUrl')` this reads. */
export interface ApiUrlInspection {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** The API URL to use, and the workspace value that was passed over (for a notice), if any. */
export interface UserApiUrl {
  /** The user's global value (undefined: use the default). */
  value: unknown;
  /** A workspace or folder value that was ignored. */
  ignored?: string;
}

const SHOWN_CHARS = 80;

/** Takes `sep.github.apiUrl` from user settings only; a workspace or folder value is reported, never used. */
export function userApiUrl(inspection: ApiUrlInspection | undefined): UserApiUrl {
  const value = inspection?.globalValue;
  const local = [inspection?.workspaceFolderValue, inspection?.workspaceValue].find((v) => v !== undefined && v !== null);
  if (local === undefined || local === value) return { value };
  return { value, ignored: typeof local === 'string' ? local : JSON.stringify(local) ?? String(local) };
}

/** The sidebar's settings plus the workspace API URL that was ignored, if any. */
export type GitHubSettings = SidebarSettings & { ignoredApiUrl?: string };

/** Cleans the `sep.github.*` values as read, taking the API URL from `inspect()` through {@link userApiUrl}. */
export function readGitHubSettings(raw: { repository: unknown; apiUrl: ApiUrlInspection | undefined; autoRefreshMinutes: unknown }): GitHubSettings {
  const apiUrl = userApiUrl(raw.apiUrl);
  const settings = readSidebarSettings({ repository: raw.repository, apiUrl: apiUrl.value, autoRefreshMinutes: raw.autoRefreshMinutes });
  return apiUrl.ignored === undefined ? settings : { ...settings, ignoredApiUrl: apiUrl.ignored };
}

/** The one-line notice the view shows while a workspace tries to set the API URL. */
export function ignoredApiUrlNotice(ignored: string): string {
  const shown = ignored.length > SHOWN_CHARS ? `${ignored.slice(0, SHOWN_CHARS)}…` : ignored;
  return `This workspace sets sep.github.apiUrl to "${shown}"; that is ignored. Set it in your user settings to use another GitHub server.`;
}

/** How the current GitHub session was obtained: handed over without asking, or by the user signing in here. */
export type SessionOrigin = 'silent' | 'interactive';

/** The session as the client sees it. */
export interface SessionSource {
  token: TokenProvider;
  /** Undefined when signed out. */
  origin(): SessionOrigin | undefined;
}

/** True for GitHub's public API, `https://api.github.com`. */
export function isGitHubApi(apiUrl: string): boolean {
  try {
    const url = new URL(apiUrl);
    return url.origin === DEFAULT_API_URL && (url.pathname === '/' || url.pathname === '');
  } catch {
    return false;
  }
}

/**
 * Whether the session's token may be sent to `apiUrl`: to api.github.com always; to another server
 * (the user's own setting) only over https or to this machine, and only after the user signed in.
 */
export function mayUseSession(apiUrl: string, origin: SessionOrigin | undefined): boolean {
  if (!origin) return false;
  if (isGitHubApi(apiUrl)) return true;
  return origin === 'interactive' && mayCarryToken(apiUrl);
}

/** A GitHub client for `apiUrl` (the default when it is not an http(s) URL) that attaches the token only as {@link mayUseSession} allows. */
export function createSidebarClient(apiUrl: string, session: SessionSource, options: Omit<GitHubClientOptions, 'apiUrl' | 'token'>): GitHubClient {
  const target = isApiUrl(apiUrl) ? apiUrl : DEFAULT_API_URL;
  return new GitHubClient({
    ...options,
    apiUrl: target,
    token: async () => (mayUseSession(target, session.origin()) ? session.token() : undefined),
  });
}
