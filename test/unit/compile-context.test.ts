/**
 * The engine's bundles build mdast-util-from-markdown with its compile context reused rather than copied for every
 * event (the `reuseCompileContext` plugin, esbuild.plugins.mjs). These tests check that the change is in every
 * bundle, that a parse gives the same trees with it as without it, and that a source it does not recognise stops
 * the build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { combineOnce, reuseCompileContext, reuseCompileContextIn } from '../../esbuild.plugins.mjs';
import { builtBundle } from '../support/dist';
import { referenceMarkdown } from '../support/reference';

const root = join(__dirname, '..', '..');
const FROM_MARKDOWN = join(root, 'node_modules', 'mdast-util-from-markdown', 'lib', 'index.js');
/** The copy the package makes for each event, as the bundles print it (minified or not). */
const COPY = /\{\s*\.\.\.[\w$]+,\s*sliceSerialize:/;

type ParseMarkdown = (text: string) => unknown;

/** server/src/sep/markdown.ts bundled with the given plugins and loaded: its `parseMarkdown`. */
async function bundledParser(dir: string, name: string, plugins: esbuild.Plugin[]): Promise<{ parse: ParseMarkdown; code: string }> {
  const outfile = join(dir, `${name}.js`);
  await esbuild.build({
    entryPoints: [join(root, 'server', 'src', 'sep', 'markdown.ts')],
    bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent', plugins,
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseMarkdown } = require(outfile) as { parseMarkdown: ParseMarkdown };
  return { parse: parseMarkdown, code: readFileSync(outfile, 'utf8') };
}

/** Markdown of our own that reaches every handler the extensions add: tables, footnotes, task lists, front matter. */
const OWN = [
  '---\ntitle: front matter\n---\n\n# SEP-1: Title\n\n- **Status**: Draft\n- [x] done\n- [ ] open\n',
  '| Field | Type |\n| :--- | ---: |\n| `a` | b [link][ref] |\n\n[ref]: https://example.com "Title"\n',
  'Text with a footnote[^1] and ~~strike~~, *em*, **strong**, `code`, <span>html</span>.\n\n[^1]: The note.\n    More.\n',
  '1. one\n2. two\n\n   nested paragraph\n\n   - a\n   - b\n\n> quote\n> - in a list\n\n```ts\nconst x = 1;\n```\n',
  'Setext\n======\n\n![image](https://example.com/i.png)\n\n<https://example.com> &amp; &#35; \\* hard  \nbreak\n',
  '+++\ntoml = true\n+++\n\n* [ ] task\n\n    indented code\n\n***\n\n[unused]: <https://example.com>\n',
];

test('every bundle of the engine builds the parser without the per-event copies', () => {
  for (const name of ['server.js', 'cli.js', join('web', 'server.js')]) {
    const code = builtBundle(name);
    assert.ok(code.includes('sliceSerialize'), `${name} has no mdast-util-from-markdown`);
    assert.doesNotMatch(code, COPY, `${name} still copies the compile context for every event`);
  }
});

/** The parser bundled as the package is and with the plugin, once for the tests below. */
let pair: Promise<{ plain: ParseMarkdown; reused: ParseMarkdown }> | undefined;
function parsers(): Promise<{ plain: ParseMarkdown; reused: ParseMarkdown }> {
  pair ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sep-compile-context-'));
    try {
      const plain = await bundledParser(dir, 'plain', [combineOnce]);
      const reused = await bundledParser(dir, 'reused', [combineOnce, reuseCompileContext]);
      assert.match(plain.code, COPY, 'the comparison would compare the package with itself');
      assert.doesNotMatch(reused.code, COPY);
      return { plain: plain.parse, reused: reused.parse };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return pair;
}

async function assertSameTrees(texts: { name: string; text: string }[]): Promise<void> {
  const { plain, reused } = await parsers();
  for (const { name, text } of texts) assert.deepEqual(reused(text), plain(text), `${name} parses differently`);
}

function markdownFiles(dir: string): { name: string; text: string }[] {
  return readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

test('a parse gives the same trees with the context reused: our own Markdown and examples', async () => {
  const examples = markdownFiles(join(root, 'examples', 'seps'));
  assert.ok(examples.length > 0);
  await assertSameTrees([...OWN.map((text, i) => ({ name: `own text ${i}`, text })), ...examples]);
});

test('a parse gives the same trees with the context reused: every reference SEP', async (t) => {
  const seps = referenceMarkdown(t);
  if (!seps) return;
  assert.ok(seps.length > 30, `only ${seps.length} reference SEPs`);
  await assertSameTrees(seps.map((s) => ({ name: s.fileName, text: s.text })));
});

test('a version of the package without the three copies stops the build', () => {
  const source = readFileSync(FROM_MARKDOWN, 'utf8');
  assert.doesNotMatch(reuseCompileContextIn(source), COPY);
  assert.throws(() => reuseCompileContextIn('export function fromMarkdown() {}'), /expected 3 copies of the compile context, found 0/);
  // One copy gone (say, a release that drops the afterExit listeners): the other two are not changed on their own.
  const fewer = source.replace(/\{\s*\.\.\.context,\s*sliceSerialize: events\[index\]\[2\]\.sliceSerialize\s*\}/, 'context');
  assert.throws(() => reuseCompileContextIn(fewer), /found 2/);
});
