/** The GitHub REST client: no editor imports; takes a token provider and a `fetch`. */
export { GitHubClient, parseRepository } from './client';
export type { GitHubClientOptions, Listing, RepoRef } from './client';
export { GitHubError } from './errors';
export type { GitHubErrorKind } from './errors';
export { parseLinkHeader } from './link';
export * from './types';
export { MAX_MANIFEST_CHARS, TRACEABILITY_MANIFEST_PATH, parseTraceabilityManifest } from './conformance';
