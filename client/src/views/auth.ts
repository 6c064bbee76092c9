import * as vscode from 'vscode';
import type { TokenProvider } from '../github/types';

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
      this.set(await vscode.authentication.getSession('github', GITHUB_SCOPES, options));
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
