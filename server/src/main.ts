/**
 * The language server bundle, dist/server-main.js. It starts nothing by
 * itself: dist/server.js (boot.ts) loads it, through V8's code cache when it
 * can, and calls {@link start}.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from './nodeHost';
import { startServer } from './server';
import { isParseWorker, runParseWorker } from './parse/workerMain';

export { exercise, type ExerciseDocument } from './exercise';

/** Serves LSP on the transport the command line names (--stdio, --node-ipc, --socket=N). */
export function start(): void {
  startServer(createConnection(ProposedFeatures.all), nodeHost());
}

// Started as a parse worker (parse/worker.ts), this bundle parses Markdown for the server instead of serving LSP.
if (isParseWorker()) runParseWorker();
