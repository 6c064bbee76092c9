import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Parsing makes short-lived garbage; by default V8 answers it with a 32 MB young
// generation and a fast-growing old one, which is most of a server's peak RSS.
// Kept at its initial size and grown 20% per GC, the heap stays small for a
// little more GC work (bench/RESULTS.md has the figures).
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=20');

// Transport (--stdio, --node-ipc, --socket=N) is chosen from the command line by createConnection.
startServer(createConnection(ProposedFeatures.all));
