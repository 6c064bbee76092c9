/**
 * In-process profile of what the server does per keystroke (document update,
 * analysis, diagnostics conversion), without the transport: run with
 * `node --import tsx --cpu-prof --cpu-prof-dir=.cache/bench/prof bench/profile-keystrokes.ts [file]`.
 * Prints CPU time per keystroke, which is less sensitive to machine load than wall time.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisStore } from '../server/src/analysis';
import { toDiagnostic } from '../server/src/diagnostics';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { stats } from './report';
import { TYPED, typingPoint } from './scenario';

const file = process.argv[2] ?? '1686-tasks.md';
const text = readFileSync(join(resolve(__dirname, '..', '..', 'shared', 'reference', 'seps'), file), 'utf8');
const store = new AnalysisStore(() => DEFAULT_SETTINGS);
const DOCS_ROOT = 'file:///sep-authoring/';
const uri = `file:///ws/seps/${file}`;
let doc = TextDocument.create(uri, 'markdown', 1, text);
const open0 = process.cpuUsage();
JSON.stringify(store.analyze(doc).findings.map((f) => toDiagnostic(f, DOCS_ROOT)));
const openUs = process.cpuUsage(open0);
const point = typingPoint(text);
const cpu: number[] = [];
const wall: number[] = [];
for (let i = 0; i < TYPED.length; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const at = { line: point.line, character: point.character + i };
  doc = TextDocument.update(doc, [{ range: { start: at, end: at }, text: TYPED[i] }], doc.version + 1);
  JSON.stringify(store.analyze(doc).findings.map((f) => toDiagnostic(f, DOCS_ROOT)));
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const f = (s: ReturnType<typeof stats>) => `p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} max ${s.max.toFixed(2)}`;
console.log(`${file}: open ${((openUs.user + openUs.system) / 1000).toFixed(1)} ms CPU; keystroke CPU ${f(stats(cpu))}; wall ${f(stats(wall))}`);
