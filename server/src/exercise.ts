import { PassThrough } from 'node:stream';
import {
  createConnection,
  createMessageConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { nodeHost } from './nodeHost';
import { startServer } from './server';

/** How long one step may take before the exercise gives up (the build then fails with the reason). */
const TIMEOUT_MS = 20_000;

/** A document for {@link exercise}: the URI it is opened under and its text. */
export interface ExerciseDocument {
  uri: string;
  text: string;
}

/**
 * Runs a server over in-memory streams through what an editor asks of it when
 * it opens a SEP: initialize, open, diagnostics, code actions, hover,
 * completion, one keystroke and its diagnostics. boot.ts calls this before it
 * writes the V8 code cache, so that the cache holds the bytecode of the
 * functions a first open compiles. Resolves once every step has answered.
 */
export async function exercise(documents: readonly ExerciseDocument[]): Promise<void> {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  startServer(createConnection(ProposedFeatures.all, toServer, fromServer), nodeHost());
  const client = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  const diagnostics = new Map<string, (version: number) => void>();
  client.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => diagnostics.get(p.uri)?.(p.version ?? 0));
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  client.onRequest('client/registerCapability', () => null);
  client.listen();
  const published = (uri: string, version: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} of ${uri} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      diagnostics.set(uri, (v) => {
        if (v !== version) return;
        clearTimeout(timer);
        resolve();
      });
    });

  await client.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } } },
    },
  });
  await client.sendNotification('initialized', {});
  for (const { uri, text } of documents) {
    const opened = published(uri, 1);
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await opened;
    const lines = text.split('\n');
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines.at(-1)!.length } };
    await client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [] } });
    await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    await client.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 4 } });
    const changed = published(uri, 2);
    const end = { line: lines.length - 1, character: lines.at(-1)!.length };
    await client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: end, end }, text: ' x' }],
    });
    await changed;
  }
  client.dispose();
}
