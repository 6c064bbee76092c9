/**
 * Node options the SEP language server process is started with, by the extension and by `npm run bench`; the
 * README's standalone command gives them too.
 *
 * `--max-semi-space-size=1` caps each half of V8's young generation at 1 MiB. Parsing makes short-lived garbage,
 * and by default the young generation grows to tens of MiB to hold it; measured in code-server (whose Node is 24),
 * the server's resident memory after opening the largest SEP and 40 keystrokes was 145 MB without a cap and 100 MB
 * with a 2 MiB one. 1 MiB took `npm run bench`'s peak after opening every reference SEP from 100–104 MB to
 * 97–98 MB, with the same keystroke times on the largest SEP (three alternating in-process runs each: CPU p50
 * 9.6–10.4 ms against 9.9–10.3). It is a Node option (`process.allowedNodeEnvironmentFlags` lists it).
 *
 * `--heap-growing-percent=20` grows V8's old generation by 20% at a time instead of V8's default factor (up to
 * 4× when the heap is small): the server keeps parse trees of every open document, and the default lets the heap
 * run far ahead of them. With both options, `npm run bench`'s peak RSS after opening every reference SEP was
 * 102–107 MB, against 157–158 MB with the young-generation cap alone. It is V8's own flag, not Node's: a V8 that
 * no longer knows it would make Node refuse to start (exit code 9), so the extension then starts the server without
 * it (see {@link nodeOnlyOptions}).
 *
 * Both are given at start-up, as V8 expects, unlike flags changed while running.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=1', '--heap-growing-percent=20'];

/** The options Node itself documents (its environment flags), which any Node that runs the server accepts. */
export function nodeOnlyOptions(options: readonly string[], allowed: ReadonlySet<string> = process.allowedNodeEnvironmentFlags): string[] {
  return options.filter((o) => allowed.has(o.split('=')[0]));
}
