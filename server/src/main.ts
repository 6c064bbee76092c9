/**
 * The language server, dist/server.js: `node dist/server.js --stdio` (or `--node-ipc`, `--socket=N`).
 *
 * Started as a parse worker (parse/worker.ts), the same bundle parses Markdown for the server instead of serving
 * LSP, so the package holds one copy of the parser.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from './nodeHost';
import { startServer } from './server';
import { isParseWorker, runParseWorker } from './parse/workerMain';

if (isParseWorker()) runParseWorker();
else startServer(createConnection(ProposedFeatures.all), nodeHost());
