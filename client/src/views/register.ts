import * as vscode from 'vscode';
import type { GitHubClient } from '../github/client';
import { SidebarActivity } from './activity';
import { ConformanceModel, conformanceLine, DEFAULT_CONFORMANCE_REPOSITORY, type ConformanceStore } from './conformance';
import { GitHubAuth } from './auth';
import { registerSidebarCommands } from './commands';
import { SepDocumentProvider } from './documentProvider';
import { SidebarModel, type ListStore } from './model';
import { fetchedText, snapshot, statusLine, type SidebarSnapshot } from './nodes';
import { SEP_GITHUB_SCHEME } from './sepDocuments';
import { createSidebarClient, ignoredApiUrlNotice, readGitHubSettings, type GitHubSettings } from './source';
import { SepTreeDataProvider } from './treeAdapter';

/** The tree view id (package.json `contributes.views`). */
export const VIEW_ID = 'sep.openSeps';
const STORE_KEY = 'sep.sidebar.lastGoodList';
const CONFORMANCE_STORE_KEY = 'sep.sidebar.conformance';

/** What {@link registerSidebar} hands back: the live models, a refresh (for integration tests) and the conformance status. */
export interface SidebarApi {
  readonly model: SidebarModel;
  readonly conformance: ConformanceModel;
  refresh(options?: { userAsked?: boolean }): Promise<SidebarSnapshot>;
  /** Fires when the conformance status the server should know changed (a new read, another repository). */
  readonly onDidChangeConformance: vscode.Event<void>;
  /** The GitHub client of the sidebar (its API host and sign-in rules), for reads the editor asks for. */
  readonly client: GitHubClient;
}

/**
 * Wires the "Open SEPs" view: GitHub session (silent at start), client and model from the
 * `sep.github.*` settings, tree view, `sep-github:` documents, the sidebar commands and optional
 * auto-refresh. GitHub is asked only once the view is visible (or a command asks). Everything it
 * creates is pushed to `context.subscriptions`.
 */
export function registerSidebar(context: vscode.ExtensionContext): SidebarApi {
  const sidebar = new Sidebar(
    {
      get: () => context.globalState.get(STORE_KEY),
      set: (value) => context.globalState.update(STORE_KEY, value),
      clear: () => context.globalState.update(STORE_KEY, undefined),
    },
    {
      get: () => context.globalState.get(CONFORMANCE_STORE_KEY),
      set: (value) => context.globalState.update(CONFORMANCE_STORE_KEY, value),
      clear: () => context.globalState.update(CONFORMANCE_STORE_KEY, undefined),
    },
  );
  context.subscriptions.push(sidebar, ...sidebar.register());
  sidebar.start();
  return {
    get model() {
      return sidebar.model;
    },
    get conformance() {
      return sidebar.conformance;
    },
    refresh: (options) => sidebar.refresh(options),
    onDidChangeConformance: sidebar.conformanceChanged.event,
    get client() {
      return sidebar.client;
    },
  };
}

/** Owns the view's parts; settings changes replace the client and model in place. */
class Sidebar implements vscode.Disposable {
  readonly log = vscode.window.createOutputChannel('SEP Sidebar', { log: true });
  readonly auth = new GitHubAuth();
  private settings = currentSettings();
  client: GitHubClient;
  model: SidebarModel;
  private readonly tree: SepTreeDataProvider;
  private readonly view: vscode.TreeView<unknown>;
  readonly docs: SepDocumentProvider;
  private modelSubscription: { dispose(): void };
  private readonly activity: SidebarActivity;
  private readonly store: ListStore;
  private loggedIgnored: string | undefined;
  conformance: ConformanceModel;
  private conformanceSubscription: { dispose(): void };
  readonly conformanceChanged = new vscode.EventEmitter<void>();

  constructor(store: ListStore, private readonly conformanceStore: ConformanceStore) {
    this.store = store;
    this.activity = new SidebarActivity({ refresh: () => this.refresh(), autoRefreshMinutes: () => this.settings.autoRefreshMinutes });
    this.client = this.createClient();
    this.model = this.createModel();
    this.conformance = this.createConformance();
    this.conformanceSubscription = this.conformance.onDidChange(() => this.conformanceUpdated());
    this.tree = new SepTreeDataProvider(() => this.model, (sep) => {
      const counts = this.conformance.counts(sep);
      return counts && conformanceLine(this.conformance.repository, counts);
    });
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.tree, showCollapseAll: true });
    this.docs = new SepDocumentProvider(() => this.client);
    this.modelSubscription = this.model.onDidChange(() => this.render());
  }

  /** Commands, the document provider and the change listeners. */
  register(): vscode.Disposable[] {
    return [
      vscode.workspace.registerTextDocumentContentProvider(SEP_GITHUB_SCHEME, this.docs),
      ...registerSidebarCommands({ model: () => this.model, client: () => this.client, auth: this.auth, docs: this.docs, refresh: (o) => this.refresh(o), log: this.log }),
      vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration('sep.github') || e.affectsConfiguration('sep.conformance')) && this.reconfigure()),
      this.view.onDidChangeVisibility((e) => this.activity.setVisible(e.visible)),
      this.auth.onDidChange(() => {
        this.client.clearCache();
        this.render();
        this.activity.invalidate();
      }),
    ];
  }

  /** Shows the saved list at once, looks up the session silently, then refreshes once the view is visible. */
  start(): void {
    this.render();
    this.activity.setVisible(this.view.visible);
    void this.auth
      .lookup()
      .then(() => this.activity.start())
      .then(undefined, (error: unknown) => this.log.error(`Sidebar start failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Refreshes (never rejects, never prompts) and resolves to what the tree shows. */
  async refresh(options: { userAsked?: boolean } = {}): Promise<SidebarSnapshot> {
    const model = this.model;
    this.activity.refreshed();
    const running = model.refresh(options);
    const conformance = this.conformance;
    const reading = conformance.refresh();
    void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => running).then(undefined, () => undefined);
    const [result, read] = await Promise.all([running, reading]);
    if (result.ok) this.log.info(`Listed ${model.items?.length ?? 0} open SEPs in ${model.repository}${result.notModified ? ' (unchanged, 304)' : ''}.`);
    else this.log.warn(`Refresh failed: ${result.problem?.message}`);
    if (read.ok) this.log.info(`Read the traceability manifest of ${conformance.repository}: ${conformance.status?.seps.length ?? 0} SEPs${read.notModified ? ' (unchanged, 304)' : ''}.`);
    else this.log.warn(`Conformance status not read: ${read.problem}`);
    return snapshot(model);
  }

  private render(): void {
    this.tree.update();
    this.view.description = fetchedText(this.model);
    this.view.message = statusLine(this.model);
    void vscode.commands.executeCommand('setContext', 'sep.sidebar.signedIn', this.auth.signedIn);
    void vscode.commands.executeCommand('setContext', 'sep.sidebar.loaded', this.model.items !== undefined || this.model.problem !== undefined);
  }

  private reconfigure(): void {
    const next = currentSettings();
    const sourceChanged = next.repository !== this.settings.repository || next.apiUrl !== this.settings.apiUrl || next.ignoredApiUrl !== this.settings.ignoredApiUrl;
    const conformanceChanged = sourceChanged || next.conformanceRepository !== this.settings.conformanceRepository;
    this.settings = next;
    this.activity.reschedule();
    if (!conformanceChanged) return;
    if (sourceChanged) {
      this.client = this.createClient();
      this.modelSubscription.dispose();
      this.model.dispose();
      this.model = this.createModel();
      this.modelSubscription = this.model.onDidChange(() => this.render());
    }
    this.conformanceSubscription.dispose();
    this.conformance.dispose();
    this.conformance = this.createConformance();
    this.conformanceSubscription = this.conformance.onDidChange(() => this.conformanceUpdated());
    this.conformanceUpdated();
    this.activity.invalidate();
  }

  private conformanceUpdated(): void {
    this.render();
    this.conformanceChanged.fire();
  }

  private createConformance(): ConformanceModel {
    const { conformanceRepository: repository, apiUrl } = this.settings;
    return new ConformanceModel({ source: this.client, repository, apiUrl, store: this.conformanceStore });
  }

  private createClient(): GitHubClient {
    return createSidebarClient(this.settings.apiUrl, this.auth, { fetch: (url, init) => fetch(url, init), userAgent: 'sep-authoring-vscode' });
  }

  private createModel(): SidebarModel {
    const { repository, apiUrl, ignoredApiUrl } = this.settings;
    const notices = ignoredApiUrl !== undefined ? [ignoredApiUrlNotice(ignoredApiUrl)] : [];
    if (ignoredApiUrl !== undefined && ignoredApiUrl !== this.loggedIgnored) this.log.warn(notices[0]);
    this.loggedIgnored = ignoredApiUrl;
    return new SidebarModel({ source: this.client, repository, apiUrl, notices, store: this.store, signedIn: () => this.auth.signedIn, setTimer: this.activity.deferredTimer });
  }

  dispose(): void {
    this.activity.dispose();
    this.modelSubscription.dispose();
    this.model.dispose();
    this.conformanceSubscription.dispose();
    this.conformance.dispose();
    this.conformanceChanged.dispose();
    for (const d of [this.view, this.tree, this.docs, this.auth, this.log]) d.dispose();
  }
}

/** The settings, with `apiUrl` from user settings only (see {@link readGitHubSettings}), and the conformance repository. */
function currentSettings(): GitHubSettings & { conformanceRepository: string } {
  const config = vscode.workspace.getConfiguration('sep.github');
  const github = readGitHubSettings({
    repository: config.get('repository'),
    apiUrl: config.inspect('apiUrl'),
    autoRefreshMinutes: config.get('autoRefreshMinutes'),
  });
  const conformance = vscode.workspace.getConfiguration('sep.conformance').get<unknown>('repository');
  return { ...github, conformanceRepository: typeof conformance === 'string' && conformance.trim() ? conformance.trim() : DEFAULT_CONFORMANCE_REPOSITORY };
}
