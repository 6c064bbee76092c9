import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Parsing makes short-lived garbage; by default V8 answers it with a 32 MB young
// generation and a fast-growing old one, which is most of a server's peak RSS.
// Kept at its initial size and grown 20% per GC, the heap stays small for a
// little more GC work (bench/RESULTS.md has the figures).
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=20');

// A server works in bursts, and the first documents it opens are parsed before
// V8 has optimised micromark. These optimisation passes make each optimised
// compile slower to arrive; without them the parser is optimised sooner. With
// them off, a fresh server's first diagnostics on the largest SEP came about
// 20 ms sooner and re-opens about 25 ms sooner in `npm run bench`, for about
// 10% less throughput once everything is optimised (keystrokes unchanged).
for (const flag of ['--no-turbo-inlining', '--no-turbo-loop-peeling', '--no-turbo-escape', '--no-turbo-load-elimination']) {
  setFlagsFromString(flag);
}

// Transport (--stdio, --node-ipc, --socket=N) is chosen from the command line by createConnection.
startServer(createConnection(ProposedFeatures.all));
