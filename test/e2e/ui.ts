/**
 * The UI check: what an author sees in the browser, driven with the keyboard and mouse like a person would.
 * Each step is one result ("UI: …") and leaves a screenshot in the output folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { FakeGitHub } from '../support/fakeGitHub';
import type { TestResult } from './suite/index';

/** What the UI check needs from the launcher. */
export interface UiContext {
  workspace: string;
  outDir: string;
  fake: FakeGitHub;
}

const FILE = '0042-ui-check.md';
/** Our own small SEP with no Motivation section (written for this check). */
const SEP_TEXT = [
  '# SEP-0042: Resumable Progress Notifications', '',
  '- **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-02-10',
  '- **Author(s)**: Ada Example (@ada-example)', '- **Sponsor**: None',
  '- **PR**: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/42', '',
  '## Abstract', '',
  'Long-running requests report progress today, but a client that reconnects loses every notification sent while it',
  'was away. This proposal lets a client resume progress from the last token it saw.', '',
  '## Specification', '',
  'A server that supports resumption MUST include a `resumeToken` in each progress notification.', '',
  '## Rationale', '', 'Resuming by token needs no new request type.', '',
  '## Backward Compatibility', '', 'Clients that ignore the token keep working.', '',
  '## Security Implications', '', 'Tokens are opaque and scoped to one request.', '',
  '## Reference Implementation', '', 'To follow.', '',
].join('\n');

const STATES = ['Proposal', 'Draft', 'In-Review', 'In Review', 'Accepted', 'Final', 'Dormant', 'No state label'];

/** What each step works with. */
interface Ui {
  page: Page;
  shot(name: string): Promise<unknown>;
  /** The Problems panel row of the missing Motivation section. */
  problem: Locator;
  fake: FakeGitHub;
}

async function opensSepFromQuickOpen({ page }: Ui): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await closeAllEditors(page);
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(FILE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: FILE }).waitFor({ timeout: 20_000 });
  await page.locator('.monaco-editor .view-lines', { hasText: 'Resumable Progress Notifications' }).first().waitFor();
}

async function problemsPanelListsDiagnostic({ page, shot, problem }: Ui): Promise<void> {
  await page.keyboard.press('Control+Shift+M');
  await problem.waitFor({ timeout: 30_000 });
  await shot('01-problems.png');
}

/** The status bar reads the server's `sep/status` notification, which the extension asks for in `initialize`. */
async function statusBarShowsStatus({ page }: Ui): Promise<void> {
  await page.locator('.statusbar-item', { hasText: 'SEP: Draft · 1 problem' }).first().waitFor({ timeout: 20_000 });
}

async function quickFixAddsSection({ page, shot, problem }: Ui): Promise<void> {
  await problem.dblclick(); // opens the editor with the cursor on the diagnostic
  await page.locator('.monaco-editor.focused').waitFor({ timeout: 10_000 });
  // The lightbulb shows once VS Code has the code actions for the cursor's line.
  await page.locator('.monaco-editor.focused .lightBulbWidget').first().waitFor({ timeout: 20_000 });
  const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Add missing section "Motivation"' }).first();
  await page.keyboard.press('Control+.');
  // A key pressed while the editor is still taking focus can be lost; press once more before giving up.
  if (!(await item.waitFor({ timeout: 5_000 }).then(() => true, () => false))) await page.keyboard.press('Control+.');
  await item.waitFor({ timeout: 20_000 });
  await shot('02-quick-fix.png');
  await item.click();
  await page.locator('.tab.active.dirty', { hasText: FILE }).waitFor({ timeout: 10_000 });
  await problem.waitFor({ state: 'detached', timeout: 20_000 });
  // The heading is now in the editor's text: Find counts it.
  await page.keyboard.press('Control+F');
  await page.locator('.find-widget textarea, .find-widget input').first().fill('## Motivation');
  await page.locator('.find-widget .matchesCount', { hasText: /^1 of 1$/ }).waitFor({ timeout: 10_000 });
  await shot('03-after-fix.png');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+S'); // saved, so closing the editor later asks nothing
  await page.locator('.tab.active.dirty', { hasText: FILE }).waitFor({ state: 'detached', timeout: 10_000 });
}

async function sidebarShowsGroups({ page, shot, fake }: Ui): Promise<void> {
  await page.locator('.activitybar .action-item a[aria-label^="SEPs"], .activitybar .action-item[aria-label^="SEPs"]').first().click();
  const rows = page.locator('.part.sidebar .monaco-list-row');
  await rows.filter({ hasText: /Draft|Proposal|In-Review|Accepted/ }).first().waitFor({ timeout: 30_000 });
  const texts = await rows.allInnerTexts();
  const groups = STATES.filter((s) => texts.some((t) => t.startsWith(s)));
  if (groups.length < 3) throw new Error(`expected at least three state groups, saw rows: ${JSON.stringify(texts)}`);
  await rows.filter({ hasText: /^SEP-|#\d+/ }).first().waitFor({ timeout: 10_000 }).catch(async () => {
    await rows.filter({ hasText: groups[0] }).first().click(); // expand the first group when groups start collapsed
  });
  const shown = (await rows.allInnerTexts()).join('\n');
  const fromServer = fake.repo.issues.filter((i) => i.state === 'open' && i.labels.includes('SEP')).map((i) => i.number);
  if (!fromServer.some((n) => shown.includes(`SEP-${n}`) || shown.includes(`#${n}`))) {
    throw new Error(`none of the fake server's open SEPs (${fromServer.join(', ')}) is shown: ${shown}`);
  }
  await shot('04-sidebar.png');
}

async function newSepFromPalette({ page, shot }: Ui): Promise<void> {
  await closeAllEditors(page);
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>SEP: New SEP');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'SEP: New SEP' }).first().waitFor({ timeout: 10_000 });
  await shot('05-palette.png');
  await page.keyboard.press('Enter');
  await answerPrompts(page, shot);
  await page.locator('.tab.active', { hasText: /^0000-/ }).waitFor({ timeout: 20_000 });
  await page.locator('.monaco-editor .view-lines', { hasText: 'Streaming Tool Results' }).first().waitFor({ timeout: 10_000 });
  await shot('07-new-sep.png');
}

const STEPS: [string, (ui: Ui) => Promise<void>][] = [
  ['the workbench loads and opens a SEP from Quick Open', opensSepFromQuickOpen],
  ['the Problems panel lists the missing-section diagnostic', problemsPanelListsDiagnostic],
  ['the status bar shows the SEP\'s Status and its one problem', statusBarShowsStatus],
  ['Ctrl+. offers "Add missing section …" and applying it changes the editor text', quickFixAddsSection],
  ["the SEPs view shows the fake server's SEPs grouped by state", sidebarShowsGroups],
  ['"SEP: New SEP…" runs from the command palette and opens the new SEP', newSepFromPalette],
];

/** Runs every UI step in order; a failed step leaves a screenshot and does not stop the later ones. */
export async function runUiChecks(page: Page, ctx: UiContext): Promise<TestResult[]> {
  mkdirSync(join(ctx.workspace, 'seps'), { recursive: true });
  writeFileSync(join(ctx.workspace, 'seps', FILE), SEP_TEXT);
  const ui: Ui = {
    page,
    shot: (name) => page.screenshot({ path: join(ctx.outDir, name) }),
    problem: page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'section-missing' }).filter({ hasText: 'Motivation' }).first(),
    fake: ctx.fake,
  };
  const results: TestResult[] = [];
  for (const [title, run] of STEPS) {
    const started = Date.now();
    try {
      await run(ui);
      results.push({ fullTitle: `UI: ${title}`, state: 'passed', durationMs: Date.now() - started });
    } catch (err) {
      await ui.shot(`failed-${results.length + 1}.png`).catch(() => undefined);
      results.push({ fullTitle: `UI: ${title}`, state: 'failed', error: err instanceof Error ? err.message : String(err) });
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
  return results;
}

async function closeAllEditors(page: Page): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>View: Close All Editors');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Close All Editors' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Answers New SEP's four prompts in the documented order (title, type, authors, sponsor), each once it shows. */
async function answerPrompts(page: Page, shot: (name: string) => Promise<unknown>): Promise<void> {
  const widget: Locator = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  const answer = async (asks: RegExp, value: string, screenshot?: string): Promise<void> => {
    await widget.filter({ hasText: asks }).waitFor({ timeout: 10_000 });
    await input.fill(value);
    if (screenshot) await shot(screenshot);
    await page.keyboard.press('Enter');
  };
  await answer(/Title/i, 'Streaming Tool Results', '06-new-sep-title.png');
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Standards Track' }).first().waitFor({ timeout: 10_000 });
  await input.fill('Standards Track');
  await page.keyboard.press('Enter');
  await answer(/Author/i, 'Ada Example <ada@example.org> (@ada-example)');
  await answer(/Sponsor/i, '');
}
