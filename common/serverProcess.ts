/**
 * Node options the SEP language server process is started with, by the extension and by `npm run bench`; the
 * README's standalone command gives them too.
 *
 * `--max-semi-space-size=2` caps each half of V8's young generation at 2 MiB. Parsing makes short-lived garbage,
 * and by default the young generation grows to tens of MiB to hold it; measured in code-server (whose Node is 24),
 * the server's resident memory after opening the largest SEP and 40 keystrokes was 145 MB without this option and
 * 100 MB with it. It is a Node option (`process.allowedNodeEnvironmentFlags` lists it), given at start-up as V8
 * expects, unlike flags changed while running.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=2'];
