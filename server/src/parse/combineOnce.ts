/**
 * micromark's `parse` combines its own constructs with the extensions' anew on every call
 * (`micromark/lib/parse.js`): measured on a keystroke in a small SEP, a tenth of the check's garbage (about 40 KB)
 * and a tenth of a millisecond, for the same answer each time. The server's bundles build micromark with this module
 * in place of `micromark-util-combine-extensions` (the `combineOnce` plugin, esbuild.plugins.mjs): the same
 * functions, and the last few combinations are kept for the same extension objects (the engine parses with two
 * sets, with and without tables: sep/markdown.ts). micromark only reads the result.
 */
import { combineExtensions as combine, combineHtmlExtensions } from 'micromark-util-combine-extensions';

export { combineHtmlExtensions };

type Extensions = Parameters<typeof combine>[0];

/** How many combinations are kept, the most recently used first. */
const KEPT = 4;

const kept: { extensions: Extensions; combined: ReturnType<typeof combine> }[] = [];

/** `combineExtensions`, answering a kept result again when every extension object is the one it was made from. */
export function combineExtensions(extensions: Extensions): ReturnType<typeof combine> {
  const at = kept.findIndex((k) => k.extensions.length === extensions.length && k.extensions.every((e, i) => e === extensions[i]));
  if (at !== -1) {
    const hit = kept[at];
    kept.splice(at, 1);
    kept.unshift(hit);
    return hit.combined;
  }
  const combined = combine(extensions);
  kept.unshift({ extensions: [...extensions], combined });
  if (kept.length > KEPT) kept.pop();
  return combined;
}
