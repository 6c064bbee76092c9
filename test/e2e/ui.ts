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

/** Runs every UI step in order; a failed step does not stop the later ones. */
export async function runUiChecks(page: Page, ctx: UiContext): Promise<TestResult[]> {
  mkdirSync(join(ctx.workspace, 'seps'), { recursive: true });
  writeFileSync(join(ctx.workspace, 'seps', FILE), SEP_TEXT);
  const results: TestResult[] = [];
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(ctx.outDir, name) });
  const stepFn = async (title: string, body: () => Promise<void>): Promise<void> => {
    const started = Date.now();
    try {
      await body();
      results.push({ fullTitle: `UI: ${title}`, state: 'passed', durationMs: Date.now() - started });
    } catch (err) {
      await shot(`failed-${results.length + 1}.png`).catch(() => undefined);
      results.push({ fullTitle: `UI: ${title}`, state: 'failed', error: err instanceof Error ? err.message : String(err) });
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  };

  await stepFn('the workbench loads and opens a SEP from Quick Open', async () => {
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    await closeAllEditors(page);
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(FILE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: FILE }).waitFor({ timeout: 20_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'Resumable Progress Notifications' }).first().waitFor();
  });

  const problem = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'section-missing' }).filter({ hasText: 'Motivation' }).first();
  await stepFn('the Problems panel lists the missing-section diagnostic', async () => {
    await page.keyboard.press('Control+Shift+M');
    await problem.waitFor({ timeout: 30_000 });
    const text = await problem.innerText();
    if (!/section-missing/.test(text)) throw new Error(`the problem row does not show the rule id: ${text}`);
    await shot('01-problems.png');
  });

  await stepFn('Ctrl+. offers "Add missing section …" and applying it changes the editor text', async () => {
    await problem.dblclick(); // opens the editor with the cursor on the diagnostic
    await page.locator('.monaco-editor.focused').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Add missing section "Motivation"' }).first();
    await item.waitFor({ timeout: 20_000 });
    await shot('02-quick-fix.png');
    await item.click();
    await problem.waitFor({ state: 'detached', timeout: 20_000 });
    await page.keyboard.press('Control+F');
    await page.locator('.find-widget textarea, .find-widget input').first().fill('## Motivation');
    await page.locator('.find-widget .matchesCount', { hasText: /^1 of 1$/ }).waitFor({ timeout: 10_000 });
    await shot('03-after-fix.png');
    await page.keyboard.press('Escape');
  });

  await stepFn("the SEPs view shows the fake server's SEPs grouped by state", async () => {
    await page.locator('.activitybar .action-item a[aria-label^="SEPs"], .activitybar .action-item[aria-label^="SEPs"]').first().click();
    const rows = page.locator('.part.sidebar .monaco-list-row');
    await rows.filter({ hasText: /Draft|Proposal|In-Review|Accepted/ }).first().waitFor({ timeout: 30_000 });
    const texts = await rows.allInnerTexts();
    const groups = STATES.filter((s) => texts.some((t) => t.startsWith(s)));
    if (groups.length < 3) throw new Error(`expected at least three state groups, saw rows: ${JSON.stringify(texts)}`);
    await rows.filter({ hasText: /^SEP-|#\d+/ }).first().waitFor({ timeout: 10_000 }).catch(async () => {
      await rows.filter({ hasText: groups[0] }).first().click(); // expand the first group when groups start collapsed
    });
    await shot('04-sidebar.png');
  });

  await stepFn('"SEP: New SEP…" runs from the command palette and opens the new SEP', async () => {
    await closeAllEditors(page);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>SEP: New SEP');
    const entry = page.locator('.quick-input-list .monaco-list-row', { hasText: 'SEP: New SEP' }).first();
    await entry.waitFor({ timeout: 10_000 });
    await shot('05-palette.png');
    await page.keyboard.press('Enter');
    await answerPrompts(page, async (name) => shot(name));
    await page.locator('.tab.active', { hasText: /^0000-/ }).waitFor({ timeout: 20_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'Streaming Tool Results' }).first().waitFor({ timeout: 10_000 });
    await shot('07-new-sep.png');
  });
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
