/**
 * micromark's `parse` combines its own constructs with the extensions' anew on every call
 * (`micromark/lib/parse.js`): measured on a keystroke in a small SEP, a tenth of the check's garbage (about 40 KB)
 * and a tenth of a millisecond, for the same answer each time. The server's bundles build micromark with this module
 * in place of `micromark-util-combine-extensions` (the `combineOnce` plugin, esbuild.plugins.mjs): the same
 * functions, and the last combination is kept for the same extension objects. micromark only reads the result.
 */
import { combineExtensions as combine, combineHtmlExtensions } from 'micromark-util-combine-extensions';

export { combineHtmlExtensions };

type Extensions = Parameters<typeof combine>[0];

let last: { extensions: Extensions; combined: ReturnType<typeof combine> } | undefined;

/** `combineExtensions`, answering the last result again when every extension object is the one it was made from. */
export function combineExtensions(extensions: Extensions): ReturnType<typeof combine> {
  if (last && last.extensions.length === extensions.length && last.extensions.every((e, i) => e === extensions[i])) return last.combined;
  const combined = combine(extensions);
  last = { extensions: [...extensions], combined };
  return combined;
}
