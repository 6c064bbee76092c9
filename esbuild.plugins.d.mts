// Types for esbuild.plugins.mjs, which plain Node runs from esbuild.mjs; the tests import it too.
import type { Plugin } from 'esbuild';

/** micromark's parser takes `combineExtensions` from server/src/parse/combineOnce.ts (see esbuild.plugins.mjs). */
export declare const combineOnce: Plugin;

/** mdast-util-from-markdown's source with its compile context reused rather than copied per event; throws when it has no three copies. */
export declare function reuseCompileContextIn(source: string): string;

/** Builds mdast-util-from-markdown through {@link reuseCompileContextIn} (see esbuild.plugins.mjs). */
export declare const reuseCompileContext: Plugin;
