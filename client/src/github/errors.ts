/**
 * Typed failures of the GitHub client. Messages are written for people and are built only from the
 * request URL's host/path and the response status: never from request headers, so a token cannot leak.
 */

/** What went wrong, as the sidebar needs to tell it apart. */
export type GitHubErrorKind =
  | 'offline'
  | 'unauthorized'
  | 'rateLimited'
  | 'forbidden'
  | 'notFound'
  | 'server'
  | 'timeout'
  | 'malformed'
  | 'http';

/**
 * A failed GitHub request. `resetAt` is set for `rateLimited` (when requests may resume);
 * `authenticated` says whether the request carried a token (a 401 without one is not a bad sign-in).
 */
export class GitHubError extends Error {
  override readonly name = 'GitHubError';

  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    readonly details: { status?: number; resetAt?: Date; url?: string; authenticated?: boolean } = {},
  ) {
    super(message);
  }

  /** The HTTP status, when there was a response. */
  get status(): number | undefined {
    return this.details.status;
  }

  /** For `rateLimited`: when the limit resets. */
  get resetAt(): Date | undefined {
    return this.details.resetAt;
  }
}

/** Network error codes that mean "cannot reach the server" rather than "the server failed". */
const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'CERT_HAS_EXPIRED',
]);

/** Finds a Node/undici error code on an error or its `cause` chain. */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a thrown fetch error to an `offline` GitHubError naming the host, never the headers. */
export function offlineError(error: unknown, url: URL): GitHubError {
  const code = networkErrorCode(error);
  const reason = code && OFFLINE_CODES.has(code) ? code : code ?? 'network error';
  const hint = code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? ' (the host name could not be resolved)' : '';
  return new GitHubError('offline', `Cannot reach ${url.host}: ${reason}${hint}. Check your connection.`, {
    url: redactUrl(url),
  });
}

/** The URL as it may appear in messages: origin and path only (no query, no credentials). */
export function redactUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
