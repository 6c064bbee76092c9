import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Transport (--stdio, --node-ipc, --socket=N) is chosen from the command line by createConnection.
startServer(createConnection(ProposedFeatures.all));
