/**
 * The language server's entry point, dist/server.js: `node dist/server.js --stdio`.
 *
 * It sets the V8 flags the server runs with, then loads the server bundle
 * (dist/server-main.js) with V8's code cache when `npm run build` left one
 * beside it, so that a freshly started server does not first compile the
 * parser's functions from source one by one. V8 checks a cache against its own
 * version, its flags and the source's length; the cache's first bytes hold a
 * checksum of the source. When any of them differs the bundle is compiled from
 * source, as it always is inside VS Code, whose Electron has another V8 (the
 * .vsix ships no cache), and whenever SEP_CODE_CACHE=off.
 *
 * `node dist/server.js --write-code-cache FILE...` writes the cache: it runs a
 * server in memory through opening each file (see exercise.ts) and saves the
 * bytecode of every function compiled on the way. Bytecode only: V8 keeps no
 * type feedback or optimised code in a code cache. `--check-code-cache` prints
 * whether V8 accepts the cache (`accepted`, `rejected`, `missing` or `off`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';
import type * as ServerMain from './main';

const MAIN = join(__dirname, 'server-main.js');
const CACHE = join(__dirname, 'server-main.v8cache');

// Parsing makes short-lived garbage; by default V8 answers it with a young
// generation that grows to 32 MB and a fast-growing old one, which is most of a
// server's peak RSS. Grown 20% per GC (and the young generation frozen once the
// server has loaded, below), the heap stays small for a little more GC work.
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

/**
 * The cache file starts with the CRC-32 of the bundle it was made from (4 bytes,
 * big-endian). V8 checks only a source's length, so a bundle edited to the same
 * length would otherwise run the old bytecode. (A checksum against accidents,
 * not a defence: whoever can edit dist/ can edit the server itself.)
 */
const CHECKSUM_BYTES = 4;

/** `zlib.crc32` (Node 20.15 and later); undefined on older Nodes, which then run without the cache. */
const crc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;

function checksum(bundle: Buffer): Buffer {
  const out = Buffer.alloc(CHECKSUM_BYTES);
  out.writeUInt32BE(crc32!(bundle));
  return out;
}

/** What became of the code cache when the bundle was compiled. */
type CacheUse = 'accepted' | 'rejected' | 'missing' | 'off';

/** Compiles and runs the server bundle, from the code cache when `useCache` and V8 accepts it. */
function load(useCache: boolean): { main: typeof ServerMain; script: Script; cache: CacheUse; bundle: Buffer } {
  const bundle = readFileSync(MAIN);
  let cachedData: Buffer | undefined;
  let stale = false;
  if (useCache && crc32) {
    try {
      const file = readFileSync(CACHE);
      stale = !file.subarray(0, CHECKSUM_BYTES).equals(checksum(bundle));
      if (!stale) cachedData = file.subarray(CHECKSUM_BYTES);
    } catch {
      // No cache (a packaged extension, or a build that skipped it): compile from source.
    }
  }
  // The CommonJS wrapper, on the bundle's first line so that its line numbers stay as they are.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${bundle.toString('utf8')}\n})`, { filename: MAIN, cachedData });
  const module = { exports: {} as typeof ServerMain };
  script.runInThisContext()(module.exports, createRequire(MAIN), module, MAIN, __dirname);
  const cache: CacheUse = !useCache ? 'off' : stale || script.cachedDataRejected ? 'rejected' : !cachedData ? 'missing' : 'accepted';
  return { main: module.exports, script, cache, bundle };
}

async function writeCodeCache(files: string[]): Promise<void> {
  if (!files.length) throw new Error('usage: node dist/server.js --write-code-cache FILE.md...');
  const documents = files.map((file) => ({
    // Under seps/, so the server treats each file as a SEP whatever folder it comes from.
    uri: pathToFileURL(join(resolve(file, '..'), 'seps', basename(file))).href,
    text: readFileSync(file, 'utf8'),
  }));
  if (!crc32) throw new Error(`this Node (${process.version}) has no zlib.crc32; the code cache needs Node 20.15 or later`);
  const { main, script, bundle } = load(false);
  await main.exercise(documents);
  const data = Buffer.concat([checksum(bundle), script.createCachedData()]);
  writeFileSync(CACHE, data);
  console.log(`wrote ${CACHE} (${Math.round(data.length / 1024)} KB)`);
}

if (process.argv[2] === '--check-code-cache') {
  // For tests and for anyone wondering whether their build's cache is used.
  console.log(load(process.env.SEP_CODE_CACHE !== 'off').cache);
} else if (process.argv[2] === '--write-code-cache') {
  writeCodeCache(process.argv.slice(3)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`Could not write the code cache: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      process.exit(1);
    },
  );
} else {
  load(process.env.SEP_CODE_CACHE !== 'off').main.start();
  // Freeze the young generation at the size loading the server grew it to. Frozen
  // earlier, at V8's initial 1 MB, it made re-opens of the largest SEP about 20 ms
  // slower in `npm run bench` (more scavenges, more objects promoted).
  setFlagsFromString('--semi-space-growth-factor=1');
}
