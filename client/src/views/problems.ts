/**
 * Turns a failed refresh into the words the sidebar shows: what happened, what to do, and whether
 * signing in would help. Built from the error kind and our own settings, never from request headers.
 */
import { trimChars } from '../../../common/strings';
import { GitHubError, type GitHubErrorKind } from '../github/errors';
import { clock } from './format';

/** A refresh failure as shown in the tree (with a Retry action). */
export interface SidebarProblem {
  kind: GitHubErrorKind | 'config' | 'unexpected';
  /** One line for the tree item. */
  message: string;
  /** Offer "Sign in to GitHub" next to Retry. */
  offerSignIn: boolean;
  /** For rate limits: when requests may resume (ISO). */
  resetAt?: string;
  /** For a 401: GitHub rejected the token that was sent (not a request made without one). */
  signInRejected?: boolean;
}

/** Context the message needs: which settings point where, and whether the user is signed in. */
export interface ProblemContext {
  repository: string;
  apiUrl: string;
  signedIn: boolean;
  now: number;
}

/** Describes any thrown value as a {@link SidebarProblem}. */
export function describeProblem(error: unknown, ctx: ProblemContext): SidebarProblem {
  if (!(error instanceof GitHubError)) {
    return { kind: 'unexpected', message: 'Loading SEPs failed unexpectedly. Retry, or see the SEP output channel.', offerSignIn: false };
  }
  switch (error.kind) {
    case 'unauthorized': {
      const anonymous = error.details.authenticated === false || (error.details.authenticated === undefined && !ctx.signedIn);
      const message = anonymous
        ? `The server refused anonymous access (401) to ${ctx.repository}. Sign in to GitHub to list its SEPs.`
        : 'GitHub rejected your sign-in (401): the session is invalid or was revoked. Sign in again.';
      return { kind: error.kind, message, offerSignIn: true, signInRejected: !anonymous };
    }
    case 'rateLimited': {
      const reset = error.resetAt ?? new Date(ctx.now + 60_000);
      const minutes = Math.max(1, Math.ceil((reset.getTime() - ctx.now) / 60_000));
      const hint = ctx.signedIn ? '' : ' Sign in to GitHub for a higher limit.';
      return {
        kind: error.kind,
        message: `GitHub rate limit reached: the list refreshes by itself at ${clock(reset)} (in ${minutes} min).${hint}`,
        offerSignIn: !ctx.signedIn,
        resetAt: reset.toISOString(),
      };
    }
    case 'notFound': {
      const where = trimChars(ctx.apiUrl, '/') === 'https://api.github.com' ? '' : ` at ${ctx.apiUrl} (setting sep.github.apiUrl)`;
      const privateHint = ctx.signedIn ? '' : ' If it is private, sign in.';
      return {
        kind: error.kind,
        message: `Repository "${ctx.repository}" was not found (404)${where}. Check the setting sep.github.repository.${privateHint}`,
        offerSignIn: !ctx.signedIn,
      };
    }
    case 'offline':
      return { kind: error.kind, message: `${error.message}`, offerSignIn: false };
    case 'timeout':
      return { kind: error.kind, message: `${error.message} Retry later.`, offerSignIn: false };
    case 'server':
      return { kind: error.kind, message: `GitHub had a server error (${error.status ?? '5xx'}). Retry later.`, offerSignIn: false };
    case 'malformed':
      return { kind: error.kind, message: `GitHub's answer could not be read: ${error.message}`, offerSignIn: false };
    case 'forbidden':
      return { kind: error.kind, message: `GitHub refused access (${error.status ?? 403}). Signing in with an account that can read ${ctx.repository} may help.`, offerSignIn: true };
    default:
      return { kind: error.kind, message: error.message, offerSignIn: false };
  }
}

/** The problem for a `sep.github.repository` value that is not `owner/name`. */
export function badRepositoryProblem(value: string): SidebarProblem {
  return {
    kind: 'config',
    message: `The setting sep.github.repository must look like "owner/name" (it is "${value}").`,
    offerSignIn: false,
  };
}

/** The problem for a `sep.github.apiUrl` value that is not an http(s) URL. */
export function badApiUrlProblem(value: string): SidebarProblem {
  return {
    kind: 'config',
    message: `The setting sep.github.apiUrl must be an http(s) URL such as https://api.github.com (it is "${value}").`,
    offerSignIn: false,
  };
}
