// Bundles the entry points. `--production` minifies and drops source maps.
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { combineOnce, reuseCompileContext } from './esbuild.plugins.mjs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * Leaves out of dist/cli.js (which carries the MCP server) two things a stdio server of tools never uses: zod's error messages in 40 languages
 * (`z.locales`; English, the default, is imported on its own and stays) and the SDK's Ajv validator, which checks
 * only what a client answers to an elicitation (server/src/mcp never elicits; the stand-in refuses every answer).
 * Together about a third of the bundle.
 */
const mcpTrim = {
  name: 'mcp-trim',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'mcp-trim' } : undefined);
    build.onResolve({ filter: /\/validation\/ajv-provider\.js$/ }, (args) =>
      /[\\/]@modelcontextprotocol[\\/]sdk[\\/]/.test(args.importer) ? { path: 'ajv-provider', namespace: 'mcp-trim' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'mcp-trim' }, (args) => ({
      contents: args.path === 'zod-locales'
        ? 'export {};'
        : `export class AjvJsonSchemaValidator {
             getValidator() {
               return () => ({ valid: false, data: undefined, errorMessage: 'JSON Schema validation is not part of this server' });
             }
           }`,
      loader: 'js',
    }));
  },
};

/**
 * The language server leaves the `yaml` library to dist/yaml.js, which it loads the first time a traceability file
 * is read (server/src/sep/trace/yaml.ts): a server that meets none neither compiles nor runs it. dist/cli.js keeps it
 * inside, being one file to copy (README); so does the web worker, which cannot load files.
 */
/** @type {import('esbuild').Plugin} */
const yamlApart = {
  name: 'yaml-apart',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};

/**
 * The web extension (vscode.dev, github.dev), from the same sources: the client for the browser's extension host
 * and the server as a Web Worker. Node built-ins do not resolve here, so one imported by mistake fails the build.
 */
/** @type {import('esbuild').BuildOptions} */
const web = { ...common, platform: 'browser', target: 'es2022' };

/** The client's platform module (client/src/platform/index.ts, which re-exports Node's) is the browser's here. */
const CLIENT_PLATFORM = resolve('client/src/platform');
/** @type {import('esbuild').Plugin} */
const browserPlatform = {
  name: 'browser-platform',
  setup(build) {
    build.onResolve({ filter: /\/platform$/ }, (args) =>
      resolve(args.resolveDir, args.path) === CLIENT_PLATFORM ? { path: join(CLIENT_PLATFORM, 'browser.ts') } : undefined);
  },
};

/** The build-time changes to the Markdown parser every bundle of the engine gets (esbuild.plugins.mjs). */
const markdownParser = [combineOnce, reuseCompileContext];

// A fresh dist/ each time, so nothing an older build wrote is packaged.
rmSync('dist', { recursive: true, force: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...web, entryPoints: ['client/src/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], plugins: [browserPlatform] }),
  // A worker script is no module: it runs as it is, so no CommonJS wrapper. A worker has no DOM: packages with a
  // `worker` export (decode-named-character-reference, whose `browser` one needs `document`) give that one.
  esbuild.build({ ...web, entryPoints: ['server/src/browserMain.ts'], outfile: 'dist/web/server.js', format: 'iife', conditions: ['worker'], plugins: markdownParser }),
  // The language server; also the parse worker's script (server/src/parse/worker.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [...markdownParser, yamlApart] }),
  // What dist/server.js loads as `yaml` (yamlApart).
  esbuild.build({ ...common, stdin: { contents: "module.exports = require('yaml');", resolveDir: '.' }, outfile: 'dist/yaml.js' }),
  // dist/mcp.js only starts the MCP server dist/cli.js carries (server/src/mcp/, loaded on demand, with the SDK's
  // stdio server parts only): one copy of the engine for both keeps the .vsix small.
  esbuild.build({ ...common, entryPoints: ['server/src/mcp/launch.ts'], outfile: 'dist/mcp.js', external: ['./cli.js'] }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { SEP_VERSION: JSON.stringify(version) },
    plugins: [mcpTrim, ...markdownParser],
  }),
]);
