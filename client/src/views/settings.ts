/** The `sep.github.*` settings, cleaned up here so this stays free of editor imports. */
import { trimChars } from '../../../common/strings';

export const DEFAULT_REPOSITORY = 'modelcontextprotocol/modelcontextprotocol';
export const DEFAULT_API_URL = 'https://api.github.com';

/** The sidebar's settings after defaults and clean-up. */
export interface SidebarSettings {
  repository: string;
  apiUrl: string;
  /** 0 = off. */
  autoRefreshMinutes: number;
}

/** Raw values as read from the configuration (any type: users edit settings.json by hand). */
export interface RawSidebarSettings {
  repository: unknown;
  apiUrl: unknown;
  autoRefreshMinutes: unknown;
}

/** Cleans raw setting values, falling back to defaults for missing or wrong types. */
export function readSidebarSettings(raw: RawSidebarSettings): SidebarSettings {
  const { repository, apiUrl, autoRefreshMinutes: minutes } = raw;
  return {
    repository: typeof repository === 'string' && repository.trim() ? repository.trim() : DEFAULT_REPOSITORY,
    apiUrl: typeof apiUrl === 'string' && apiUrl.trim() ? trimChars(apiUrl.trim(), '/') : DEFAULT_API_URL,
    autoRefreshMinutes: typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0 ? Math.max(1, minutes) : 0,
  };
}

/** True for an http(s) URL. */
export function isApiUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A token is sent only over https, or plain http to this machine (the tests' fake server). */
export function mayCarryToken(apiUrl: string): boolean {
  try {
    const url = new URL(apiUrl);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}
