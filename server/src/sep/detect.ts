import picomatch from 'picomatch';
import { splitLines } from './text';

/** Files that live in `seps/` but are not proposals. */
const NOT_SEPS = new Set(['readme.md', 'template.md', 'changelog.md']);

export const DEFAULT_INCLUDE = ['**/seps/*.md'];

/**
 * Whether a Markdown file is a SEP: its path matches one of the `include` globs and, with the default globs
 * (a file in a `seps/` folder), its name starts with digits and a hyphen (`1686-tasks.md`, `0000-draft.md`);
 * or, anywhere, its first heading starts with `SEP-`. `README.md`, `TEMPLATE.md`, `CHANGELOG.md` and companion
 * files in `seps/` (`sep-3182-idempotency-faq.md`) are not. Globs the user set (`sep.files.include`) are taken
 * at their word: every file they match is a SEP.
 * @param path forward-slash path (absolute or relative)
 */
export function isSepFile(path: string, text: string, include: readonly string[] = DEFAULT_INCLUDE): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (NOT_SEPS.has(base)) return false;
  if (!base.endsWith('.md') && !base.endsWith('.markdown')) return false;
  const chosen = include.length !== DEFAULT_INCLUDE.length || include.some((g, i) => g !== DEFAULT_INCLUDE[i]);
  if ((chosen || /^\d+-/.test(base)) && include.length && matcher(include)(path)) return true;
  return firstHeadingIsSep(text);
}

/** Compiled `include` globs, by their list: compiling them took longer than the rest of the test, on every keystroke. */
const matchers = new Map<string, (path: string) => boolean>();

function matcher(include: readonly string[]): (path: string) => boolean {
  const key = include.join('\n');
  let match = matchers.get(key);
  if (!match) {
    // Settings change rarely; a bound on the cache all the same.
    if (matchers.size >= 16) matchers.clear();
    match = picomatch(include as string[], { dot: true, nocase: true });
    matchers.set(key, match);
  }
  return match;
}

/**
 * Looks at the first ATX or setext heading line, skipping front matter and
 * fenced code, without a full parse: cheap enough to run on every Markdown file.
 */
export function firstHeadingIsSep(text: string): boolean {
  let fence: string | undefined;
  let inFrontMatter = false;
  let lineNo = 0;
  let previous = '';
  for (const raw of splitLines(text.slice(0, 64 * 1024))) {
    const line = raw.replace(/^\uFEFF/, '');
    if (lineNo++ === 0 && (line === '---' || line === '+++')) {
      inFrontMatter = true;
      continue;
    }
    if (inFrontMatter) {
      if (line === '---' || line === '+++' || line === '...') inFrontMatter = false;
      continue;
    }
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const atx = /^ {0,3}#{1,6}[ \t]+([^]*)/.exec(line);
    if (atx) return /^SEP[-\s]?\d/i.test(atx[1].trim()) || /^SEP-/i.test(atx[1].trim());
    if (/^ {0,3}(=+|-+)\s*$/.test(line) && previous.trim() !== '' && !/^ {0,3}[-*+]\s/.test(previous)) {
      return /^SEP-/i.test(previous.trim());
    }
    previous = line;
  }
  return false;
}
