/**
 * Keeps the extension manifest (package.json) honest against the code and the ecosystem's conventions:
 * every contributed command is registered in client code, every setting is documented and read somewhere,
 * the shared contract's ids (TEAM.md) are all contributed, and the marketplace fields are filled in.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_RULES } from '../../server/src/sep/rules/registry';

const ROOT = resolve(import.meta.dirname, '../..');

interface Command { command: string; title?: string; category?: string; icon?: unknown }
interface MenuItem { command: string; group?: string; when?: string }
interface Setting { markdownDescription?: string; description?: string; scope?: string }
interface Manifest {
  name: string; displayName?: string; description?: string; publisher?: string; version: string; license?: string;
  icon?: string; main?: string; repository?: { url?: string } | string; categories?: string[]; keywords?: string[];
  engines: { vscode: string }; activationEvents?: string[];
  capabilities?: Record<string, { supported?: boolean | string; description?: string; restrictedConfigurations?: string[] } | undefined>;
  devDependencies?: Record<string, string>;
  contributes: {
    commands?: Command[];
    configuration?: { properties?: Record<string, Setting> } | { properties?: Record<string, Setting> }[];
    menus?: Record<string, MenuItem[]>;
    viewsContainers?: Record<string, { id: string; title: string }[]>;
    views?: Record<string, { id: string; name: string }[]>;
    viewsWelcome?: { view: string; contents: string; when?: string }[];
    mcpServerDefinitionProviders?: { id: string; label: string }[];
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** Concatenated TypeScript sources under `dir`, one entry per file. */
function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      const file = join(entry.parentPath, entry.name);
      out.push({ file, text: readFileSync(file, 'utf8') });
    }
  }
  return out;
}

const clientSources = sources(join(ROOT, 'client/src'));
const allSources = [...clientSources, ...sources(join(ROOT, 'server/src'))];
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const literal = (s: string): RegExp => new RegExp(`['"\`]${escape(s)}['"\`]`);

function settings(): Record<string, Setting> {
  const config = manifest.contributes.configuration;
  const list = Array.isArray(config) ? config : config ? [config] : [];
  return Object.assign({}, ...list.map((c) => c.properties ?? {}));
}

/**
 * True when code reads setting `key` (`sep.a.b`): its full id as a string, a section plus the rest
 * (`getConfiguration('sep.a')` … `'b'`), or a property chain `a.b` / `a?.b` on the object read for `sep`.
 */
function isSettingRead(key: string, files: { text: string }[]): boolean {
  const parts = key.split('.');
  return files.some(({ text }) => {
    if (literal(key).test(text)) return true;
    for (let i = 1; i < parts.length; i++) {
      const section = parts.slice(0, i).join('.');
      const rest = parts.slice(i).join('.');
      if (literal(section).test(text) && /getConfiguration\s*\(/.test(text) && literal(rest).test(text)) return true;
    }
    // A multi-part chain (`files.include`) may start a line; a single key (`rules`) must be a property access.
    const chain = parts.slice(1).map(escape).join('\\??\\.');
    const access = parts.length > 2 ? new RegExp(`(?<![\\w$])${chain}\\b`) : new RegExp(`\\??\\.${chain}\\b`);
    const readsSepObject = /getConfiguration\s*\(\s*['"]sep['"]\s*\)/.test(text) || /\bnormalizeSettings\b/.test(text);
    return readsSepObject && access.test(text);
  });
}

describe('isSettingRead (the check itself)', () => {
  test('finds full ids, section + key and property chains; misses unread keys', () => {
    const files = [
      { text: "const c = vscode.workspace.getConfiguration('sep.github'); c.get<string>('apiUrl');" },
      { text: "const s = await connection.workspace.getConfiguration('sep'); if (s.validate?.enable) {}" },
      { text: "vscode.workspace.getConfiguration().get('sep.rules')" },
      { text: 'function normalizeSettings(s) { const files = s.files ?? {}; return files.include; }' },
    ];
    assert.ok(isSettingRead('sep.github.apiUrl', files));
    assert.ok(isSettingRead('sep.validate.enable', files));
    assert.ok(isSettingRead('sep.rules', files));
    assert.ok(!isSettingRead('sep.github.repository', files));
    assert.ok(isSettingRead('sep.files.include', files));
    assert.ok(!isSettingRead('sep.github.autoRefreshMinutes', files));
    assert.ok(!isSettingRead('sep.files.exclude', files));
  });
});

describe('commands', () => {
  const commands = manifest.contributes.commands ?? [];

  test('the shared contract commands are contributed', () => {
    const ids = new Set(commands.map((c) => c.command));
    const contract = ['sep.newSep', 'sep.setPrNumber', 'sep.validateWorkspace', 'sep.fixAll', 'sep.sidebar.refresh',
      'sep.sidebar.signIn', 'sep.sidebar.openOnGitHub', 'sep.sidebar.copyLink', 'sep.sidebar.openSep', 'sep.sidebar.retry'];
    assert.deepEqual(contract.filter((id) => !ids.has(id)), [], 'contract commands missing from contributes.commands');
  });

  test('every contributed command is registered in client code', () => {
    const registering = clientSources.filter((s) => /register(TextEditor)?Command\s*\(/.test(s.text));
    const unregistered = commands.map((c) => c.command).filter((id) => !registering.some((s) => literal(id).test(s.text)));
    assert.deepEqual(unregistered, [], 'no registerCommand in client/src for these ids');
  });

  test('every command has a title, the "SEP" category and the sep. prefix', () => {
    for (const c of commands) {
      assert.ok(c.command.startsWith('sep.'), `${c.command} lacks the sep. prefix`);
      assert.ok(c.title, `${c.command} has no title`);
      assert.equal(c.category, 'SEP', `${c.command} category`);
    }
  });

  test('commands shown as buttons in view menus have an icon', () => {
    const byId = new Map(commands.map((c) => [c.command, c]));
    const menus = manifest.contributes.menus ?? {};
    const buttons = [...(menus['view/title'] ?? []).filter((m) => m.group?.startsWith('navigation')),
      ...(menus['view/item/context'] ?? []).filter((m) => m.group?.startsWith('inline'))];
    for (const m of buttons) assert.ok(byId.get(m.command)?.icon, `${m.command} is a menu button without an icon`);
  });

  test('menus only name contributed commands', () => {
    const ids = new Set(commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(manifest.contributes.menus ?? {})) {
      for (const m of items) assert.ok(ids.has(m.command), `${menu} names unknown command ${m.command}`);
    }
  });
});

describe('settings', () => {
  const props = settings();

  test('the shared contract settings are contributed', () => {
    const contract = ['sep.github.repository', 'sep.github.apiUrl', 'sep.github.autoRefreshMinutes', 'sep.rules',
      'sep.files.include', 'sep.validate.enable', 'sep.trace.server'];
    assert.deepEqual(contract.filter((k) => !(k in props)), [], 'contract settings missing from contributes.configuration');
  });

  test('every setting has a markdownDescription', () => {
    for (const [key, s] of Object.entries(props)) assert.ok(s.markdownDescription?.trim(), `${key} has no markdownDescription`);
  });

  test('a workspace cannot choose where the GitHub token goes: sep.github.apiUrl is user-only and restricted', () => {
    const scope = props['sep.github.apiUrl'].scope;
    assert.ok(scope === 'application' || scope === 'machine', `sep.github.apiUrl scope is ${scope ?? 'window (the default)'}`);
    const trust = manifest.capabilities?.untrustedWorkspaces;
    assert.ok(trust?.restrictedConfigurations?.includes('sep.github.apiUrl'), 'listed in untrustedWorkspaces.restrictedConfigurations');
    assert.ok((trust?.restrictedConfigurations ?? []).every((key) => key in props), 'restricted settings are contributed settings');
    assert.equal(props['sep.github.repository'].scope, undefined, 'the repository to list may stay per workspace');
  });

  test('sep.rules has a schema with one severity entry per registered rule id and no other keys', () => {
    const schema = props['sep.rules'] as Setting & { properties?: Record<string, { enum?: string[] }>; additionalProperties?: unknown };
    const ids = ALL_RULES.map((r) => r.id).sort();
    assert.deepEqual(Object.keys(schema.properties ?? {}).sort(), ids, 'run `npm run docs:rules` to regenerate the schema');
    for (const [id, p] of Object.entries(schema.properties ?? {})) {
      assert.deepEqual(p.enum, ['error', 'warning', 'information', 'hint', 'off'], `${id} accepts the severities and off`);
    }
    assert.equal(schema.additionalProperties, false, 'an unknown id is flagged in settings.json');
    const example = /\{ "([a-z0-9-]+)": "off" \}/.exec(schema.markdownDescription ?? '')?.[1];
    assert.ok(example && ids.includes(example), `the description's example names a rule (${example})`);
  });

  test('every setting is read somewhere in client or server code', () => {
    const unread = Object.keys(props).filter((key) => {
      // vscode-languageclient reads `<clientId>.trace.server` itself for the client created with id 'sep'.
      if (key === 'sep.trace.server') return !clientSources.some((s) => /new LanguageClient\(\s*['"]sep['"]/.test(s.text));
      return !isSettingRead(key, allSources);
    });
    assert.deepEqual(unread, [], 'settings nobody reads');
  });
});

describe('sidebar contributions', () => {
  test('the SEPs view container and the Open SEPs view exist', () => {
    const containers = manifest.contributes.viewsContainers?.activitybar ?? [];
    assert.ok(containers.some((c) => c.id === 'sep' && c.title === 'SEPs'), 'view container "sep" titled "SEPs"');
    assert.ok((manifest.contributes.views?.sep ?? []).some((v) => v.id === 'sep.openSeps'), 'view sep.openSeps in container sep');
  });

  test('the MCP server provider is contributed under the sep. prefix and registered in client code', () => {
    const providers = manifest.contributes.mcpServerDefinitionProviders ?? [];
    assert.deepEqual(providers.map((p) => p.id), ['sep.mcpServers']);
    assert.ok(providers.every((p) => p.label.trim()), 'the provider has a label');
    const registering = clientSources.filter((s) => /registerMcpServerDefinitionProvider\s*\(/.test(s.text));
    assert.ok(registering.some((s) => literal(providers[0].id).test(s.text)), 'registered with the contributed id');
  });

  test('viewsWelcome covers the signed-out and the empty states of the sidebar', () => {
    const welcome = (manifest.contributes.viewsWelcome ?? []).filter((w) => w.view === 'sep.openSeps');
    assert.ok(welcome.length >= 2, `expected at least two welcome contents for sep.openSeps, found ${welcome.length}`);
    assert.ok(welcome.every((w) => w.when), 'each welcome content needs a when clause telling its state apart');
    assert.ok(welcome.some((w) => /command:sep\.sidebar\.signIn/.test(w.contents)), 'a signed-out welcome offers Sign in');
  });
});

describe('conformance traceability contributions (issue 15)', () => {
  const views = Object.values(manifest.contributes.views ?? {}).flat() as { id: string; name: string; when?: string }[];
  const palette = manifest.contributes.menus?.commandPalette ?? [];

  test('the SEP Requirements view is contributed and shown only while a SEP is the active editor', () => {
    const view = views.find((v) => v.id === 'sep.requirements');
    assert.ok(view, 'view sep.requirements');
    assert.equal(view.name, 'SEP Requirements');
    assert.match(view.when ?? '', /\bsep\.activeEditorIsSep\b/);
    assert.ok((manifest.contributes.menus?.['view/title'] ?? []).some((m) => m.command === 'sep.requirements.refresh' && /view == sep\.requirements/.test(m.when ?? '')));
  });

  test('Create Conformance Traceability File is in the palette for SEPs only; the go-to command is not in the palette', () => {
    const command = (manifest.contributes.commands ?? []).find((c) => c.command === 'sep.createTraceabilityFile');
    assert.equal(command?.title, 'Create Conformance Traceability File');
    assert.match(palette.find((m) => m.command === 'sep.createTraceabilityFile')?.when ?? '', /\bsep\.activeEditorIsSep\b/);
    assert.equal(palette.find((m) => m.command === 'sep.requirements.reveal')?.when, 'false');
  });

  test('sep.conformance.repository is an owner/name setting defaulting to the MCP conformance repository', () => {
    const setting = settings()['sep.conformance.repository'] as Setting & { default?: unknown; pattern?: string };
    assert.equal(setting?.default, 'modelcontextprotocol/conformance');
    const pattern = new RegExp(setting.pattern ?? '');
    assert.ok(pattern.test('modelcontextprotocol/conformance') && !pattern.test('https://github.com/x/y') && !pattern.test('x'));
  });
});

describe('marketplace fields', () => {
  test('engines.vscode matches the @types/vscode version', () => {
    const types = JSON.parse(readFileSync(join(ROOT, 'node_modules/@types/vscode/package.json'), 'utf8')) as { version: string };
    const [major, minor] = types.version.split('.');
    assert.equal(manifest.engines.vscode, `^${major}.${minor}.0`);
    assert.match(manifest.devDependencies?.['@types/vscode'] ?? '', new RegExp(`^[~^]?${major}\\.${minor}\\.`));
  });

  test('identity, description, categories, keywords, repository and license are filled in', () => {
    assert.equal(manifest.name, 'sep-authoring');
    assert.ok(manifest.displayName && manifest.description && manifest.publisher);
    assert.ok((manifest.categories ?? []).length > 0, 'categories');
    assert.ok((manifest.keywords ?? []).length > 0 && (manifest.keywords ?? []).length <= 30, 'keywords (1 to 30)');
    const repo = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
    assert.match(repo ?? '', /^https:\/\//);
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.ok(existsSync(join(ROOT, 'CHANGELOG.md')) && existsSync(join(ROOT, 'README.md')));
  });

  test('the icon is a PNG of at least 128x128', () => {
    assert.ok(manifest.icon?.endsWith('.png'), 'icon must be a PNG');
    const png = readFileSync(join(ROOT, manifest.icon ?? ''));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    assert.ok(width >= 128 && height >= 128 && width === height, `icon is ${width}x${height}`);
  });

  test('workspace trust and virtual workspace support are declared, with a reason when limited', () => {
    for (const name of ['untrustedWorkspaces', 'virtualWorkspaces']) {
      const cap = manifest.capabilities?.[name];
      assert.ok(cap && cap.supported !== undefined, `capabilities.${name}.supported`);
      if (cap.supported !== true) assert.ok(cap.description, `capabilities.${name} needs a description when not fully supported`);
    }
  });

  test('the entry point is the bundled client and it activates on Markdown, or in a workspace with SEPs or traceability files', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.ok(manifest.activationEvents?.includes('onLanguage:markdown'));
    // In the MCP specification repository the server is running, warmed up, before the first SEP is opened.
    assert.ok(manifest.activationEvents?.includes('workspaceContains:**/seps/*.md'));
    // A sep-N.yaml opened before any SEP is checked too (the language client's selector includes it).
    assert.ok(manifest.activationEvents?.includes('workspaceContains:**/sep-*.yaml'));
  });
});
