/**
 * The language server bundle, dist/server-main.js. It starts nothing by
 * itself: dist/server.js (boot.ts) loads it, through V8's code cache when it
 * can, and calls {@link start}.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { bundledParseWorker } from './parse/worker';

export { exercise, type ExerciseDocument } from './exercise';

/** Serves LSP on the transport the command line names (--stdio, --node-ipc, --socket=N). */
export function start(): void {
  startServer(createConnection(ProposedFeatures.all), { remoteParser: bundledParseWorker(__dirname) });
}
