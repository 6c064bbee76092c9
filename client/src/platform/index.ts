/**
 * The platform this build runs on: Node, re-exported here; the browser build (esbuild.mjs) resolves this module to
 * ./browser instead, so each bundle holds one platform and the browser's no Node built-in.
 */
export { platform } from './node';
export type { ClientPlatform, GitIdentity } from './types';
