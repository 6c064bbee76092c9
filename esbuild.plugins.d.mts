// Types for esbuild.plugins.mjs, which plain Node runs from esbuild.mjs; the tests import it too.
import type { Plugin } from 'esbuild';

/** micromark's parser takes `combineExtensions` from server/src/parse/combineOnce.ts (see esbuild.plugins.mjs). */
export declare const combineOnce: Plugin;
