// Build-time substitutions shared by esbuild.mjs and the tests that check what the bundles hold.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * micromark's parser takes `combineExtensions` from server/src/parse/combineOnce.ts, which keeps the last
 * combination instead of making it again on every parse (see there). Other importers get the package itself.
 * @type {import('esbuild').Plugin}
 */
export const combineOnce = {
  name: 'combine-once',
  setup(build) {
    const memo = resolve(import.meta.dirname, 'server', 'src', 'parse', 'combineOnce.ts');
    build.onResolve({ filter: /^micromark-util-combine-extensions$/ }, (args) =>
      /[\\/]micromark[\\/](?:dev[\\/])?lib[\\/]parse\.js$/.test(args.importer) ? { path: memo } : undefined);
  },
};

/**
 * How mdast-util-from-markdown's `compile` gives each event's handler its `this`: a copy of the compile context made
 * for every event (`{...context, sliceSerialize: …}`), three places in one loop.
 */
const CONTEXT_COPY = /\{\s*\.\.\.context,\s*sliceSerialize: events\[index\]\[2\]\.sliceSerialize\s*\}/g;

/**
 * mdast-util-from-markdown's source with the compile context set and reused instead of copied for every event. The
 * handlers (the package's and the GFM and front matter extensions') only read `this` and call its functions while
 * they run, so one object with the current event's `sliceSerialize` gives them what the copies gave. Measured on the
 * largest reference SEP, the copies were a fifth of a parse (profile: `compile` 6.7 of 51 ms, and their garbage).
 * Throws when the source no longer has the three copies, so an update of the package fails the build rather than
 * shipping it unchanged unseen.
 * @param {string} source
 * @returns {string}
 */
export function reuseCompileContextIn(source) {
  const copies = source.match(CONTEXT_COPY)?.length ?? 0;
  if (copies !== 3) {
    throw new Error(`mdast-util-from-markdown: expected 3 copies of the compile context, found ${copies}; see esbuild.plugins.mjs`);
  }
  return source.replace(CONTEXT_COPY, '(context.sliceSerialize = events[index][2].sliceSerialize, context)');
}

/**
 * Builds mdast-util-from-markdown with {@link reuseCompileContextIn}.
 * @type {import('esbuild').Plugin}
 */
export const reuseCompileContext = {
  name: 'reuse-compile-context',
  setup(build) {
    build.onLoad({ filter: /[\\/]mdast-util-from-markdown[\\/](?:dev[\\/])?lib[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: reuseCompileContextIn(source), loader: 'js' };
    });
  },
};
