/**
 * The CLI's settings: the `sep.*` keys of the checked workspace's `.vscode/settings.json`, or of a
 * `--config` file of the same shape, read as VS Code reads them (comments and trailing commas allowed)
 * and passed through the server's normaliser, so the CLI and the editor apply the same settings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeSettings, type ServerSettings } from '../settings';

/** Where the settings came from (for messages) and what they say. */
export interface CliSettings {
  settings: ServerSettings;
  /** The file read; undefined when none was found and the defaults apply. */
  source?: string;
}

/** A settings file that exists but cannot be used; the run stops with exit 2. */
export class ConfigError extends Error {}

/**
 * The settings for a run: `config` when given (it must exist and parse), else `<cwd>/.vscode/settings.json`
 * when it exists, else the defaults.
 * @throws ConfigError when the file named by `config` is missing, or a settings file is not valid JSONC
 */
export function loadCliSettings(config: string | undefined, cwd: string): CliSettings {
  const file = config ?? join(cwd, '.vscode', 'settings.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (config === undefined && (code === 'ENOENT' || code === 'ENOTDIR')) return { settings: normalizeSettings(undefined) };
    throw new ConfigError(`cannot read settings ${file}: ${code ?? String(e)}`);
  }
  let json: unknown;
  try {
    json = parseJsonc(text);
  } catch (e) {
    throw new ConfigError(`settings ${file} are not valid JSON (comments and trailing commas are allowed): ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ConfigError(`settings ${file} must hold a JSON object`);
  return { settings: normalizeSettings(sepSection(json as Record<string, unknown>)), source: file };
}

/**
 * The `sep` section of a settings object, nested as `getConfiguration('sep')` returns it: dotted keys
 * (`"sep.files.include"`, as settings.json writes them) and a nested `"sep": { … }` object both count;
 * a dotted key wins over the same nested one.
 */
export function sepSection(json: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = isObject(json.sep) ? structuredClone(json.sep) : {};
  for (const [key, value] of Object.entries(json)) {
    if (!key.startsWith('sep.')) continue;
    const path = key.slice(4).split('.');
    let node = out;
    for (const part of path.slice(0, -1)) {
      if (!isObject(node[part])) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Parses JSON with comments (`//`, `/* *\/`) and trailing commas, as VS Code's settings files allow.
 * Comments and trailing commas outside strings are blanked (keeping offsets for JSON.parse's messages).
 * @throws SyntaxError when what is left is not JSON
 */
export function parseJsonc(text: string): unknown {
  const chars = [...text.replace(/^\uFEFF/, '')];
  const out = chars.slice();
  let lastComma = -1;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '"') {
      for (i++; i < chars.length && chars[i] !== '"'; i++) if (chars[i] === '\\') i++;
      lastComma = -1;
    } else if (c === '/' && chars[i + 1] === '/') {
      for (; i < chars.length && chars[i] !== '\n'; i++) out[i] = ' ';
    } else if (c === '/' && chars[i + 1] === '*') {
      const start = i;
      for (i += 2; i < chars.length && !(chars[i] === '*' && chars[i + 1] === '/'); i++);
      for (let j = start; j <= Math.min(i + 1, chars.length - 1); j++) if (chars[j] !== '\n') out[j] = ' ';
      i++;
    } else if (c === ',') {
      lastComma = i;
    } else if ((c === '}' || c === ']') && lastComma >= 0) {
      out[lastComma] = ' ';
      lastComma = -1;
    } else if (!/\s/.test(c)) {
      lastComma = -1;
    }
  }
  return JSON.parse(out.join(''));
}
