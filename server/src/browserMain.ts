/**
 * The language server in a Web Worker, dist/web/server.js (vscode.dev, github.dev): the same server as main.ts,
 * speaking LSP over `postMessage` with the page or extension host that started it. It reads no disk: the client
 * sends the workspace index (`sep/workspaceIndex`).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { WorkspaceFolderList, type ServerHost } from './host';
import { startServer } from './server';

/** The worker's global scope, as far as the server uses it. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

/** The browser's host: no disk, and a task queued through a MessageChannel as the next turn of the event loop. */
export function browserHost(): ServerHost {
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  // Typed here as Node's MessagePort, which has no onmessage; the worker's has.
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => queue.shift()?.();
  return {
    // setTimeout(0) would do, but browsers clamp nested timeouts to 4 ms: a burst of keystrokes would wait.
    defer: (fn) => {
      queue.push(fn);
      channel.port2.postMessage(undefined);
    },
    folders: new WorkspaceFolderList(),
    fileExists: () => false,
  };
}

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), browserHost());
