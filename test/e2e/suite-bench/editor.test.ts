/// <reference types="mocha" />
/**
 * The in-editor benchmark (`npm run bench:editor`), run inside code-server's extension host on a fresh profile:
 * the largest reference SEP, copied into the workspace by the launcher, opened in an editor, then edited one
 * character at a time. The launcher runs it in two kinds of workspace (`SEP_BENCH_ACTIVATION`): `workspace`, where
 * the file is in `seps/` as in the MCP specification repository, so the extension starts with the window
 * (`workspaceContains`); and `open`, where it is elsewhere (`SEP_BENCH_DIR`; its `# SEP-…` title makes it a SEP), so
 * opening it is what starts the extension. It times, for our extension and for VS Code's built-in Markdown extension
 * (its link validation, `markdown.validate.enabled`) in the same window:
 * - activation: from opening the document to the extension being active (0 when it was active before);
 * - open: from opening the document to its first diagnostics from that extension;
 * - keystroke: from each single-character edit to the diagnostics of that version. Each edit changes a digit that
 *   the extension's message quotes (a `SEP-N` mention for ours, a broken link's target for the built-in), so the
 *   diagnostics of that version are told apart from earlier ones.
 * With `SEP_BENCH_PEER=off` the launcher has turned the built-in validation off, and only ours is timed. With
 * `SEP_BENCH_PROFILE` (a file), the extension host's thread is profiled during the edits.
 * Writes the samples as JSON to `SEP_BENCH_OUT`; the launcher computes and reports the figures.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { processesWith, statusField, workspaceRoot } from '../suite/helpers';

export const BENCH_FILE = 'bench-largest.md';
const EDITS = Number(process.env.SEP_BENCH_EDITS ?? 100);
const OURS = 'sep-authoring.sep-authoring';
const BUILTIN = 'vscode.markdown-language-features';

/**
 * Resolves with the time at which `predicate` first holds for the document's diagnostics, polled every
 * millisecond with `getDiagnostics`, which reads the extensions' collections as they are set. Not
 * `onDidChangeDiagnostics`: the extension host debounces that event by 50 ms (`delay: 50` in VS Code's
 * ExtHostDiagnostics), so it would add 50 ms to every figure of both extensions, while the editor's
 * squiggles and Problems panel get the diagnostics without that delay.
 *
 * Also the extension host's longest pause after `since()` (a time, NaN until known): the longest interval between
 * two polls, counted from `since()` when it falls inside one, and when it began (ms after `since()`). The polls wait
 * 1 ms each, so a longer interval is time the extension host's one thread spent on something else: an extension's
 * work on the same edit, or the diagnostics' own handling.
 */
async function whenDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  ms = 15_000,
  since: () => number = () => NaN,
): Promise<{ at: number; pause: number; pauseBegan: number }> {
  const until = performance.now() + ms;
  let pause = 0;
  let pauseBegan = NaN;
  for (let prev = performance.now(); ; ) {
    const now = performance.now();
    const from = since();
    const began = Math.max(prev, from);
    if (now > from && now - began > pause) {
      pause = now - began;
      pauseBegan = began - from;
    }
    prev = now;
    if (predicate(vscode.languages.getDiagnostics(uri))) return { at: now, pause, pauseBegan };
    if (now > until) throw new Error(`diagnostics not seen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** Resolves with the time at which the extension is active (polled every millisecond). */
async function whenActive(id: string, ms = 30_000): Promise<number> {
  const ext = vscode.extensions.getExtension(id);
  assert.ok(ext, `${id} is installed`);
  const until = performance.now() + ms;
  while (!ext.isActive) {
    if (performance.now() > until) throw new Error(`${id} not active within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 1));
  }
  return performance.now();
}

/**
 * Peak and current resident memory, in MB, of the language server process whose command line holds every one of
 * `parts` (VmHWM and VmRSS); NaN when none is found.
 */
function serverMemory(...parts: string[]): { peakMb: number; rssMb: number } {
  const proc = processesWith(...parts)?.at(-1);
  return proc
    ? { peakMb: statusField(proc.status, 'VmHWM') / 1024, rssMb: statusField(proc.status, 'VmRSS') / 1024 }
    : { peakMb: NaN, rssMb: NaN };
}

/**
 * Starts V8's sampling profiler on the extension host's thread, from inside it (`SEP_BENCH_PROFILE`: where to write
 * the .cpuprofile, to see whose code the extension host runs during the keystrokes); resolves with a function that
 * stops it and returns the profile.
 */
async function startProfile(): Promise<() => Promise<Profiler.Profile>> {
  const session = new Session();
  session.connect();
  const done = (resolve: () => void, reject: (err: Error) => void) => (err: Error | null) => (err ? reject(err) : resolve());
  await new Promise<void>((resolve, reject) => session.post('Profiler.enable', done(resolve, reject)));
  // Every 100 µs: the pauses looked at last a few ms.
  await new Promise<void>((resolve, reject) => session.post('Profiler.setSamplingInterval', { interval: 100 }, done(resolve, reject)));
  await new Promise<void>((resolve, reject) => session.post('Profiler.start', done(resolve, reject)));
  return () =>
    new Promise((resolve, reject) =>
      session.post('Profiler.stop', (err, res) => {
        session.disconnect();
        if (err) reject(err);
        else resolve(res.profile);
      }),
    );
}

const fromSep = (d: vscode.Diagnostic) => d.source === 'sep';
// VS Code's Markdown link validation leaves `source` unset in 1.139 (and says `markdown` in some versions).
const fromBuiltin = (d: vscode.Diagnostic) => d.source !== 'sep';
const mentions = (needle: string, from: (d: vscode.Diagnostic) => boolean) => (ds: vscode.Diagnostic[]) =>
  ds.some((d) => from(d) && d.message.includes(needle));

describe('in-editor benchmark', function () {
  this.timeout(15 * 60_000);

  it('times activation, first diagnostics and keystrokes for SEP Authoring and the built-in Markdown extension', async () => {
    const out = process.env.SEP_BENCH_OUT;
    assert.ok(out, 'SEP_BENCH_OUT names the result file');
    const uri = vscode.Uri.file(join(workspaceRoot(), process.env.SEP_BENCH_DIR ?? 'seps', BENCH_FILE));
    const activeBeforeOpen = vscode.extensions.getExtension(OURS)?.isActive === true;
    if (process.env.SEP_BENCH_ACTIVATION === 'open') assert.equal(activeBeforeOpen, false, 'nothing opened a Markdown file yet');

    const t0 = performance.now();
    const activeOurs = whenActive(OURS);
    const activeBuiltin = whenActive(BUILTIN);
    const firstOurs = whenDiagnostics(uri, (ds) => ds.some(fromSep), 30_000).then((r) => r.at);
    // SEP_BENCH_PEER=off: the built-in's validation is turned off in this window, to time ours alone.
    const peer = process.env.SEP_BENCH_PEER !== 'off';
    const firstBuiltin = peer ? whenDiagnostics(uri, (ds) => ds.some(fromBuiltin), 30_000).then((r) => r.at) : Promise.resolve(NaN);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const failures: string[] = [];
    // A measure that never completes is recorded as missing (NaN) with the reason, not as a crash of the run.
    const since = (p: Promise<number>, what: string) =>
      p.then((t) => t - t0, (err: unknown) => (failures.push(`${what}: ${err instanceof Error ? err.message : String(err)}`), NaN));
    const result = {
      activation: { ours: await since(activeOurs, 'ours active'), builtin: await since(activeBuiltin, 'built-in active') },
      open: { ours: await since(firstOurs, 'ours first diagnostics'), builtin: await since(firstBuiltin, 'built-in first diagnostics') },
      keystroke: { ours: [] as number[], builtin: [] as number[] },
      // From the same edits: the edit until the extension host hears of the new version (the editor's round trip,
      // the same for both extensions), and from then to the diagnostics of that version (the extension's part).
      toChange: { ours: [] as number[], builtin: [] as number[] },
      fromChange: { ours: [] as number[], builtin: [] as number[] },
      // The extension host's longest pause between hearing of the new version and the diagnostics, and when it began.
      pause: { ours: [] as number[], builtin: [] as number[] },
      pauseBegan: { ours: [] as number[], builtin: [] as number[] },
      memory: {} as Partial<Record<'ours' | 'builtin', { peakMb: number; rssMb: number }>>,
      activeBeforeOpen,
      failures,
      lines: editor.document.lineCount,
      length: editor.document.getText().length,
      sources: [] as string[],
    };
    result.sources = [...new Set(vscode.languages.getDiagnostics(uri).map((d) => String(d.source)))];

    // The digit after `SEP-` in the mention the launcher added (ours) and after `no-such-notes-` (the built-in).
    const digitAfter = (marker: string): vscode.Position => {
      const text = editor.document.getText();
      const at = text.lastIndexOf(marker);
      assert.ok(at >= 0, `${marker} in the document`);
      return editor.document.positionAt(at + marker.length);
    };
    const series: [keyof typeof result.keystroke, string, (d: vscode.Diagnostic) => boolean, (digit: string) => string][] = [
      ['ours', 'mentions SEP-', fromSep, (digit) => `Link SEP-${digit} so`],
      ['builtin', 'no-such-notes-', fromBuiltin, (digit) => `no-such-notes-${digit}.md`],
    ];
    const working = series.filter(([who]) => !Number.isNaN(result.open[who]));
    let changedAt = NaN;
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === uri.toString()) changedAt = performance.now();
    });
    const profile = process.env.SEP_BENCH_PROFILE ? await startProfile() : undefined;
    for (let i = 0; i < EDITS; i++) {
      for (const [who, marker, from, quoted] of working) {
        const digit = String(1 + ((i + 1) % 9));
        const at = digitAfter(marker);
        changedAt = NaN;
        const seen = whenDiagnostics(uri, mentions(quoted(digit), from), undefined, () => changedAt);
        const start = performance.now();
        await editor.edit((b) => b.replace(new vscode.Range(at, at.translate(0, 1)), digit), { undoStopBefore: false, undoStopAfter: false });
        try {
          const { at: done, pause, pauseBegan } = await seen;
          result.keystroke[who].push(done - start);
          result.toChange[who].push(changedAt - start);
          result.fromChange[who].push(done - changedAt);
          result.pause[who].push(pause);
          result.pauseBegan[who].push(pauseBegan);
        } catch (err) {
          result.failures.push(`${who} edit ${i}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
    listener.dispose();
    if (profile) writeFileSync(process.env.SEP_BENCH_PROFILE!, JSON.stringify(await profile()));
    // The servers' memory after the open and the edits: ours, and VS Code's Markdown language server.
    result.memory = {
      ours: serverMemory('sep-authoring', 'server.js'),
      builtin: serverMemory('markdown-language-features', 'server'),
    };
    writeFileSync(out, JSON.stringify(result, null, 2));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
