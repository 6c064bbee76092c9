import * as vscode from 'vscode';
import type { TokenProvider } from '../github/types';
import type { SessionOrigin } from './source';

/** Scopes asked for: `repo` lets the sidebar read private specification repositories too. */
export const GITHUB_SCOPES = ['repo'];

/** How long a silent session lookup may take (an absent auth provider must not stall the view). */
const LOOKUP_TIMEOUT_MS = 5_000;

/**
 * The GitHub session from VS Code's built-in authentication. Looks up silently; prompts only in
 * {@link signIn}. The token stays in memory and is handed out only through {@link token}.
 */
export class GitHubAuth implements vscode.Disposable {
  private session: vscode.AuthenticationSession | undefined;
  /** Sessions the user signed in to from this view (as opposed to ones VS Code handed over silently). */
  private readonly interactive = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the account signs in, out or changes. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.authentication.onDidChangeSessions((e) => {
      if (e.provider.id === 'github') void this.lookup();
    });
  }

  /** True while a session is known. */
  get signedIn(): boolean {
    return this.session !== undefined;
  }

  /** The account label, for the view's tooltip. */
  get account(): string | undefined {
    return this.session?.account.label;
  }

  /** Supplies the GitHub client with the token of the current session, if any. */
  readonly token: TokenProvider = async () => this.session?.accessToken;

  /** How the current session was obtained; undefined when signed out. */
  readonly origin = (): SessionOrigin | undefined =>
    this.session ? (this.interactive.has(this.session.id) ? 'interactive' : 'silent') : undefined;

  /** Silent lookup (never prompts); a missing auth provider counts as signed out. */
  async lookup(): Promise<void> {
    let session: vscode.AuthenticationSession | undefined;
    try {
      session = await withTimeout(vscode.authentication.getSession('github', GITHUB_SCOPES, { silent: true }), LOOKUP_TIMEOUT_MS);
    } catch {
      session = undefined;
    }
    this.set(session);
  }

  /**
   * Asks the user to sign in (the only place that prompts). With `replace`, asks for a new session
   * because GitHub rejected the current one. Resolves false when the user cancels.
   */
  async signIn(replace: boolean): Promise<boolean> {
    try {
      const options: vscode.AuthenticationGetSessionOptions = replace
        ? { forceNewSession: { detail: 'GitHub rejected the saved sign-in. Sign in again to list open SEPs.' } }
        : { createIfNone: true };
      const session = await vscode.authentication.getSession('github', GITHUB_SCOPES, options);
      if (session) this.interactive.add(session.id);
      this.set(session);
      return this.session !== undefined;
    } catch {
      return false;
    }
  }

  private set(session: vscode.AuthenticationSession | undefined): void {
    const before = this.session?.id;
    this.session = session;
    if (before !== session?.id) this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function withTimeout<T>(promise: Thenable<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
