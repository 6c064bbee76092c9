import * as vscode from 'vscode';
import { GitHubClient } from '../github/client';
import { GitHubAuth } from './auth';
import { registerSidebarCommands, type SidebarParts } from './commands';
import { SepDocumentProvider } from './documentProvider';
import { SidebarModel, type ListStore, type SavedList } from './model';
import { fetchedText, snapshot, statusLine, type SidebarSnapshot } from './nodes';
import { SEP_GITHUB_SCHEME } from './sepDocuments';
import { DEFAULT_API_URL, isApiUrl, mayCarryToken, readSidebarSettings, type SidebarSettings } from './settings';
import { SepTreeDataProvider } from './treeAdapter';

/** The tree view id (package.json `contributes.views`). */
export const VIEW_ID = 'sep.openSeps';
const STORE_KEY = 'sep.sidebar.lastGoodList';

/** What {@link registerSidebar} hands back: the live model and a refresh (for integration tests). */
export interface SidebarApi {
  readonly model: SidebarModel;
  refresh(): Promise<SidebarSnapshot>;
}

/**
 * Wires the "Open SEPs" view: GitHub session (silent at start), client and model from the
 * `sep.github.*` settings, tree view, `sep-github:` documents, the sidebar commands and optional
 * auto-refresh. Everything it creates is pushed to `context.subscriptions`.
 */
export function registerSidebar(context: vscode.ExtensionContext): SidebarApi {
  const log = vscode.window.createOutputChannel('SEP Sidebar', { log: true });
  const auth = new GitHubAuth();
  const store: ListStore = {
    get: () => context.globalState.get(STORE_KEY),
    set: (value: SavedList) => context.globalState.update(STORE_KEY, value),
  };
  let settings = currentSettings();
  let client = createClient(settings, auth);
  let model = createModel(settings, client, auth, store);
  const tree = new SepTreeDataProvider(() => model);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const docs = new SepDocumentProvider(() => client);

  const render = (): void => {
    tree.update();
    view.description = fetchedText(model);
    view.message = statusLine(model);
    void vscode.commands.executeCommand('setContext', 'sep.sidebar.signedIn', auth.signedIn);
    void vscode.commands.executeCommand('setContext', 'sep.sidebar.loaded', model.items !== undefined || model.problem !== undefined);
  };
  let modelSubscription = model.onDidChange(render);

  const refresh = async (): Promise<SidebarSnapshot> => {
    const current = model;
    const running = current.refresh();
    void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => running).then(undefined, () => undefined);
    const result = await running;
    if (result.ok) log.info(`Listed ${current.items?.length ?? 0} open SEPs in ${current.repository}${result.notModified ? ' (unchanged, 304)' : ''}.`);
    else log.warn(`Refresh failed: ${result.problem?.message}`);
    return snapshot(current);
  };

  const parts: SidebarParts = { model: () => model, client: () => client, auth, docs, refresh, log };

  const reconfigure = (): void => {
    const next = currentSettings();
    const changedSource = next.repository !== settings.repository || next.apiUrl !== settings.apiUrl;
    settings = next;
    schedule();
    if (!changedSource) return;
    client = createClient(settings, auth);
    modelSubscription.dispose();
    model.dispose();
    model = createModel(settings, client, auth, store);
    modelSubscription = model.onDidChange(render);
    render();
    void refresh();
  };

  let timer: ReturnType<typeof setInterval> | undefined;
  const schedule = (): void => {
    if (timer) clearInterval(timer);
    timer = settings.autoRefreshMinutes > 0 ? setInterval(() => view.visible && void refresh(), settings.autoRefreshMinutes * 60_000) : undefined;
  };
  schedule();

  context.subscriptions.push(
    log,
    auth,
    tree,
    view,
    docs,
    vscode.workspace.registerTextDocumentContentProvider(SEP_GITHUB_SCHEME, docs),
    ...registerSidebarCommands(parts),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('sep.github') && reconfigure()),
    auth.onDidChange(() => {
      client.clearCache();
      render();
      void refresh();
    }),
    { dispose: () => (timer ? clearInterval(timer) : undefined) },
    { dispose: () => (modelSubscription.dispose(), model.dispose()) },
  );

  render();
  void auth
    .lookup()
    .then(() => refresh())
    .then(undefined, (error: unknown) => log.error(`Sidebar start failed: ${error instanceof Error ? error.message : String(error)}`));

  return {
    get model() {
      return model;
    },
    refresh,
  };
}

function currentSettings(): SidebarSettings {
  const config = vscode.workspace.getConfiguration('sep.github');
  return readSidebarSettings({
    repository: config.get('repository'),
    apiUrl: config.get('apiUrl'),
    autoRefreshMinutes: config.get('autoRefreshMinutes'),
  });
}

function createClient(settings: SidebarSettings, auth: GitHubAuth): GitHubClient {
  const apiUrl = isApiUrl(settings.apiUrl) ? settings.apiUrl : DEFAULT_API_URL;
  const sendToken = mayCarryToken(apiUrl);
  return new GitHubClient({
    apiUrl,
    token: async () => (sendToken ? auth.token() : undefined),
    fetch: (url, init) => fetch(url, init),
    userAgent: 'sep-authoring-vscode',
  });
}

function createModel(settings: SidebarSettings, client: GitHubClient, auth: GitHubAuth, store: ListStore): SidebarModel {
  return new SidebarModel({ source: client, repository: settings.repository, apiUrl: settings.apiUrl, store, signedIn: () => auth.signedIn });
}
