// Build-time substitutions shared by esbuild.mjs and the tests that check what the bundles hold.
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
