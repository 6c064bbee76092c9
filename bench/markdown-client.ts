import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';

/** The part of markdown-it the client side of VS Code's Markdown server needs. */
interface MarkdownIt {
  parse(src: string, env: object): unknown[];
}

// markdown-it ships no types; VS Code's Markdown extension tokenizes with it on the client side.
const MarkdownItCtor = createRequire(__filename)('markdown-it') as new (options: object) => MarkdownIt;

/** The settings VS Code pushes to its Markdown server, with every link check on. */
export const MARKDOWN_SETTINGS = {
  markdown: {
    suggest: { paths: { enabled: true } },
    occurrencesHighlight: { enabled: false },
    preferredMdPathExtensionStyle: 'auto',
    validate: {
      enabled: true,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
  },
};

/**
 * Plays the VS Code side of `vscode-markdown-languageserver`: tokenizes open
 * documents with markdown-it on `markdown/parse` (cached per version, as VS
 * Code's engine does) and answers its file-system requests from disk.
 * `texts` holds the client's current text and version of each open document.
 */
export function serveMarkdownClient(
  connection: ProtocolConnection,
  texts: Map<string, { text: string; version: number }>,
  workspaceDir: string,
): void {
  const md = new MarkdownItCtor({ html: true, linkify: true });
  const cache = new Map<string, { version: number; tokens: unknown[] }>();

  connection.onRequest('markdown/parse', (p: { uri: string; text?: string }) => {
    const open = texts.get(p.uri);
    const text = p.text ?? open?.text ?? readFileSync(fileURLToPath(p.uri), 'utf8');
    const version = open?.version ?? -1;
    const hit = cache.get(p.uri);
    if (hit && p.text === undefined && hit.version === version && version >= 0) return hit.tokens;
    const tokens = md.parse(text, {});
    if (p.text === undefined) cache.set(p.uri, { version, tokens });
    return tokens;
  });
  connection.onRequest('markdown/fs/readFile', (p: { uri: string }) => Array.from(readFileSync(fileURLToPath(p.uri))));
  connection.onRequest('markdown/fs/stat', (p: { uri: string }) => {
    try {
      return { isDirectory: statSync(fileURLToPath(p.uri)).isDirectory() };
    } catch {
      return null; // VS Code answers `undefined` for a missing file; it is `null` on the wire.
    }
  });
  connection.onRequest('markdown/fs/readDirectory', (p: { uri: string }) =>
    readdirSync(fileURLToPath(p.uri), { withFileTypes: true }).map((e) => [e.name, { isDirectory: e.isDirectory() }]),
  );
  connection.onRequest('markdown/fs/watcher/create', () => null);
  connection.onRequest('markdown/fs/watcher/delete', () => null);
  connection.onRequest('markdown/findMarkdownFilesInWorkspace', () => markdownFiles(workspaceDir).map((f) => pathToFileURL(f).href));
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    if (e.isDirectory() || (e.isSymbolicLink() && statSync(path).isDirectory())) out.push(...markdownFiles(path));
    else if (e.name.endsWith('.md')) out.push(path);
  }
  return out;
}
