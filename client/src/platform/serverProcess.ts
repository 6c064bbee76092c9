import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { SERVER_NODE_OPTIONS, nodeOnlyOptions } from '../../../common/serverProcess';
import { PREVIEW_NOTIFICATION, type PreviewParams } from '../../../common/protocol';

/**
 * The desktop server's Node process (dist/server.js over Node IPC), started as soon as the extension's code is
 * loaded rather than when `activate` runs.
 *
 * The extension host loads an extension's code, then waits for the editor's window to hand over the extension's
 * stored state before it calls `activate`. Measured in code-server while the window opened the largest SEP, that
 * wait was 0.3–0.6 s, and starting the server process and its `initialize` took 0.6–1.0 s after it; the two can
 * overlap. The language client takes this process when it starts ({@link takeServerProcess}); a restart, or a
 * process that has already exited, gets a new one.
 */

/** What the language client's own `fork` passes (vscode-languageclient's node client): run Electron as Node. */
const ENV = { ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' };

/** The options the next server process starts with: {@link SERVER_NODE_OPTIONS} until a process refuses them. */
let nodeOptions: readonly string[] = SERVER_NODE_OPTIONS;

/**
 * Starts dist/server.js with the Node options the server is meant to run with (plus `extraOptions`). When the
 * process exits with Node's "bad option" code (9), later starts leave out the options that are V8's own (the
 * language client starts another process when this one ends).
 */
export function startServerProcess(module: string, extraOptions: readonly string[] = [], options: readonly string[] = nodeOptions): ChildProcess {
  const child = fork(module, ['--node-ipc', `--clientProcessId=${process.pid}`], {
    execArgv: [...options, ...extraOptions],
    env: { ...process.env, ...ENV },
    // stdin, stdout and stderr piped (the client shows stdout and stderr in its output channel), plus the IPC channel.
    silent: true,
  });
  child.once('exit', (code) => {
    if (code === BAD_OPTION) nodeOptions = nodeOnlyOptions(SERVER_NODE_OPTIONS);
  });
  return child;
}

/** Node's exit code for an option it does not know. */
const BAD_OPTION = 9;

/** The bundled server beside this bundle (dist/extension.js → dist/server.js). */
const BUNDLED_SERVER = join(__dirname, 'server.js');

let early: { child: ChildProcess; module: string } | undefined;

/** Whether the extension host runs under a debugger: the server is then started with an inspector port as well. */
export const hostDebugged = process.execArgv.some((a) => a.startsWith('--inspect') || a.startsWith('--debug'));

/**
 * Starts the bundled server now, unless the extension host is being debugged (the server is then started with an
 * inspector port when the client starts), and sends it the Markdown documents already open (`sep/preview`): the
 * document whose opening activates the extension is known before `activate` runs, and the server can check it
 * while it waits. Called once, when the extension's code loads; never throws.
 * @returns the process started, whose messages before the client takes it are the previews' diagnostics; undefined
 *   when none was started
 */
export function prestartServerProcess(previews: () => PreviewParams[] = () => [], module = BUNDLED_SERVER): ChildProcess | undefined {
  if (early || hostDebugged) return undefined;
  try {
    const child = startServerProcess(module);
    early = { child, module };
    // An error here (the process could not be started) is the client's to report when it starts its own.
    child.on('error', () => undefined);
    for (const params of previews()) child.send({ jsonrpc: '2.0', method: PREVIEW_NOTIFICATION, params });
    return child;
  } catch {
    // No process, or no preview: the client starts its own process and opens the documents as usual.
    return early?.child;
  }
}

/** The process started early for `module`, once, if it is still running; else undefined. */
export function takeServerProcess(module: string): ChildProcess | undefined {
  const started = early;
  early = undefined;
  if (!started) return undefined;
  const { child } = started;
  if (module === started.module && child.exitCode === null && child.signalCode === null && child.connected) return child;
  child.kill();
  return undefined;
}
