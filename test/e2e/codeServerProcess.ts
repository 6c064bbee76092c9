/**
 * Runs an installed code-server for one e2e session: a temporary user-data-dir and extensions-dir,
 * the given .vsix files installed, served with `--auth none` on a free port of 127.0.0.1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { CodeServerInstall } from './codeServer';

/** A running code-server. */
export interface RunningCodeServer {
  url: string;
  process: ChildProcess;
  userDataDir: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Installs `vsixFiles` into `extensionsDir` with code-server's CLI. */
export function installExtensions(cs: CodeServerInstall, dirs: { userDataDir: string; extensionsDir: string }, vsixFiles: string[]): void {
  const args = [cs.codeServer, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--force'];
  for (const vsix of vsixFiles) args.push('--install-extension', vsix);
  const r = spawnSync(join(cs.nodeBin, 'node'), args, { env: cs.env, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  if (r.status !== 0) throw new Error(`installing ${vsixFiles.join(', ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Starts code-server and resolves once it answers HTTP; its output goes to `logFile`. */
export async function startCodeServer(
  cs: CodeServerInstall,
  o: { userDataDir: string; extensionsDir: string; configDir: string; logFile: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunningCodeServer> {
  const port = await freePort();
  mkdirSync(o.configDir, { recursive: true });
  const config = join(o.configDir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const args = [cs.codeServer, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', o.userDataDir, '--extensions-dir', o.extensionsDir, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'];
  const child = spawn(join(cs.nodeBin, 'node'), args, {
    env: { ...cs.env, ...o.env, XDG_CONFIG_HOME: o.configDir, XDG_DATA_HOME: join(o.configDir, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(o.logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`code-server exited early (${code ?? signal}); see ${o.logFile}`))),
  );
  const listening = new Promise<void>((resolve) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (seen.includes('HTTP server listening')) {
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`code-server did not listen within ${o.timeoutMs ?? 60_000} ms`)), o.timeoutMs ?? 60_000);
  });
  try {
    await Promise.race([listening, exited, timeout]);
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  } finally {
    clearTimeout(timer);
  }
  exited.catch(() => undefined);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(force);
  };
  return { url, process: child, userDataDir: o.userDataDir, stop };
}
