/**
 * The e2e test-runner extension, installed into code-server beside SEP Authoring. On activation it copies the
 * bundled suite (shipped in this extension's `suite/` folder) into SEP Authoring's installed folder and runs it
 * from there: VS Code gives each extension its own `vscode` API object, chosen by the path of the requiring file,
 * so only tests loaded from SEP Authoring's folder can stub the prompts SEP Authoring shows.
 *
 * `SEP_E2E_SUITE` names which bundled suite to run (`suite`, the default, or an extra one such as `suite-multi`,
 * which the launcher runs in a window opened on a multi-root workspace or on no folder).
 *
 * `SEP_E2E_IN_PLACE=1` runs the suite from this extension's folder instead: for a SEP Authoring installed as a web
 * extension, which runs in another extension host, so there is nothing of it to stub here.
 *
 * The suite writes its result file itself (`SEP_E2E_RESULT`); this runner adds a `runnerError` entry when the
 * suite could not even start, so the launcher never waits in vain.
 */
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

const TARGET_EXTENSION = 'sep-authoring.sep-authoring';

/** Starts the suite once the workbench has started; the activation itself returns at once. */
export function activate(context: vscode.ExtensionContext): void {
  const resultFile = process.env.SEP_E2E_RESULT;
  if (!resultFile || existsSync(resultFile)) return; // not an e2e run, or the suite already ran (window reload)
  void runSuite(context.extensionPath, resultFile);
}

async function runSuite(ownPath: string, resultFile: string): Promise<void> {
  try {
    const name = process.env.SEP_E2E_SUITE || 'suite';
    if (!/^suite(-[a-z]+)?$/.test(name) || !existsSync(join(ownPath, name, 'index.js'))) throw new Error(`no bundled suite named ${name}`);
    let suiteDir = join(ownPath, name);
    if (process.env.SEP_E2E_IN_PLACE !== '1') {
      const target = vscode.extensions.getExtension(TARGET_EXTENSION);
      if (!target) throw new Error(`${TARGET_EXTENSION} is not installed`);
      suiteDir = join(target.extensionPath, '.e2e-suite');
      rmSync(suiteDir, { recursive: true, force: true });
      cpSync(join(ownPath, name), suiteDir, { recursive: true });
    }
    const suite = require(join(suiteDir, 'index.js')) as { run(): Promise<unknown> };
    await suite.run();
  } catch (err) {
    if (!existsSync(resultFile)) {
      const message = err instanceof Error ? err.stack ?? err.message : String(err);
      writeFileSync(resultFile, JSON.stringify({ runnerError: message, passed: 0, failed: 1, pending: 0, tests: [] }, null, 2));
    }
  }
}

/** Nothing to release: the suite closes what it opens. */
export function deactivate(): void {}
