import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normativeStatements, parseSep } from '../../../server/src/sep';
import type { NormativeStatement } from '../../../server/src/sep';
import { referenceSeps } from '../fixes/corpus';

/**
 * An oracle written without the engine's parser: a line scan that finds the Specification section (the heading
 * `Specification`, optionally numbered or followed by more words, up to the next heading of the same or higher
 * rank), skips fenced code and HTML comments, blanks code spans, and lists every capitalised keyword.
 */
function oracle(text: string): { section?: [number, number]; fenced: Set<number>; keywords: { line: number; col: number }[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const fenced = new Set<number>();
  let fence: string | undefined;
  let comment = false;
  let section: [number, number] | undefined;
  let depth = 0;
  const keywords: { line: number; col: number }[] = [];
  lines.forEach((raw, n) => {
    const open = /^\s*(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      fenced.add(n);
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && raw.trim() === open[1].padEnd(raw.trim().length, open[1][0])) fence = undefined;
      return;
    }
    if (open) {
      fence = open[1];
      fenced.add(n);
      return;
    }
    const heading = /^(#{1,6}) +(.*)$/.exec(raw);
    if (heading) {
      const d = heading[1].length;
      if (section && section[1] === -1 && d <= depth) section[1] = n;
      if (!section && /^(\d+\.? +)?Specification( |$)/.test(heading[2]) && !/^SEP-/.test(heading[2])) {
        section = [n, -1];
        depth = d;
      }
    }
    let line = raw;
    if (comment || line.includes('<!--')) {
      const wasIn = comment;
      comment = !line.includes('-->') || line.lastIndexOf('<!--') > line.lastIndexOf('-->');
      if (wasIn || line.trimStart().startsWith('<!--')) return;
    }
    line = line.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
    if (!section || section[1] !== -1 || n === section[0]) return;
    for (const m of line.matchAll(/\b(MUST|REQUIRED|SHALL|SHOULD|RECOMMENDED|MAY|OPTIONAL)\b/g)) keywords.push({ line: n, col: m.index });
  });
  if (section && section[1] === -1) section[1] = lines.length;
  return { section, fenced, keywords };
}

const contains = (s: NormativeStatement, line: number, col: number): boolean =>
  (line > s.range.start.line || (line === s.range.start.line && col >= s.range.start.character)) &&
  (line < s.range.end.line || (line === s.range.end.line && col < s.range.end.character));

test('reference SEPs: every capitalised keyword of the Specification outside code falls in exactly one statement, and none comes from elsewhere', (t) => {
  const seps = referenceSeps(t);
  if (!seps) return;
  let total = 0;
  let found = 0;
  for (const { fileName, text } of seps) {
    const statements = normativeStatements(parseSep(text, { fileName }));
    const { section, fenced, keywords } = oracle(text);
    for (const k of keywords) {
      const holders = statements.filter((s) => contains(s, k.line, k.col));
      assert.equal(holders.length, 1, `${fileName}:${k.line + 1}:${k.col + 1}: keyword in ${holders.length} statements`);
    }
    const kinds = statements.reduce((n, s) => n + s.keywords.filter((w) => !w.startsWith('NOT ')).length + s.keywords.filter((w) => w === 'NOT RECOMMENDED').length, 0);
    assert.equal(kinds, keywords.length, `${fileName}: the statements hold ${kinds} keywords, the oracle finds ${keywords.length}`);
    for (const s of statements) {
      assert.ok(section, `${fileName}: a statement but no Specification section`);
      assert.ok(s.range.start.line > section[0] && s.range.end.line < section[1], `${fileName}:${s.range.start.line + 1}: outside the Specification`);
      assert.ok(!fenced.has(s.range.start.line) && !fenced.has(s.range.end.line), `${fileName}:${s.range.start.line + 1}: in a code block`);
      assert.match(s.headingPath[0], /Specification/, `${fileName}: heading path ${s.headingPath.join(' > ')}`);
      assert.match(s.text, /\b(MUST|REQUIRED|SHALL|SHOULD|RECOMMENDED|MAY|OPTIONAL)\b/, `${fileName}: ${s.text}`);
    }
    total += statements.length;
    found += keywords.length;
  }
  assert.ok(total > 200 && found > total, `only ${total} statements (${found} keywords) in the reference SEPs`);
  t.diagnostic(`${total} statements holding ${found} keywords`);
});
