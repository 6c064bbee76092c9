import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normativeStatements, parseSep, parseTraceability, traceCoverage, traceabilitySkeleton, type NormativeStatement } from '../../../server/src/sep';
import { fastestMs } from '../engine/hostile-inputs';

/** Fastest of `runs` timings of `fn` on a fresh input from `make` (made outside the timing). */
function fastest<T>(make: () => T, fn: (input: T) => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const input = make();
    const t0 = performance.now();
    fn(input);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * Times at 2k and 16k characters: linear code takes about 8x as long. A pair past 20x (and past a floor that keeps
 * noise on a shared machine from failing it) is measured again, the fastest of five, before it is called.
 */
function scalesLinearly<T>(make: (size: number) => T, fn: (input: T) => void): string | undefined {
  const pair = (runs: number) => [fastest(() => make(2048), fn, runs), fastest(() => make(16384), fn, runs)];
  const bad = ([small, large]: number[]) => large > 40 && large > small * 20;
  let times = pair(1);
  if (bad(times)) times = pair(5);
  return bad(times) ? `2k → 16k: ${times.map((t) => t.toFixed(1)).join(' → ')} ms` : undefined;
}

const TRACE_FILLS = [' ', '\r', '.', '. ', '*', '[', 'MUST ', 'e.g. ', '`a` ', '&amp;', '\\*', 'MUST NOT '];

test('hostile: normative statements scale linearly wherever a long run lands in the Specification', () => {
  const places: Record<string, (f: string) => string> = {
    paragraph: (f) => `# SEP-1: T\n\n## Specification\n\nA${f}MUST b.\n`,
    'list item': (f) => `# SEP-1: T\n\n## Specification\n\n- A MUST${f}x\n`,
    'table cell': (f) => `# SEP-1: T\n\n## Specification\n\n| a |\n| - |\n| MUST ${f} |\n`,
  };
  const failures: string[] = [];
  for (const [place, make] of Object.entries(places)) {
    for (const fill of TRACE_FILLS) {
      const bad = scalesLinearly((size) => parseSep(make(fill.repeat(Math.ceil(size / fill.length)))), (doc) => normativeStatements(doc));
      if (bad) failures.push(`${place} with ${JSON.stringify(fill)}: ${bad}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('hostile: a Specification nested 100,000 deep does not overflow the stack', () => {
  for (const marker of ['> ', '- ']) {
    const text = `# SEP-1: T\n\n## Specification\n\n${marker.repeat(100_000)}Servers MUST x.\n`;
    assert.doesNotThrow(() => normativeStatements(parseSep(text)), marker);
  }
});

test('hostile: the traceability file check scales linearly wherever a long run lands', () => {
  const places: Record<string, (f: string) => string> = {
    text: (f) => `sep: 1\nspec_url: https://x.test/\nrequirements:\n  - text: 'a${f}b'\n    check: sep-1-a\n`,
    check: (f) => `sep: 1\nrequirements:\n  - text: a\n    check: sep-1-${f}\n`,
    url: (f) => `sep: 1\nspec_url: https://x.test/${f}\nrequirements: []\n`,
    plain: (f) => `sep: 1\nrequirements:\n  - text: ${f}\n    check: x\n`,
    alone: (f) => f,
  };
  const failures: string[] = [];
  for (const [place, make] of Object.entries(places)) {
    for (const fill of [' ', '\t', '-', '[', '{', '#', '\r\n', '\u2028', "'", '"', '&a ', '*a ', '- ', ': ', '? ', '\\', "a'", 'SEP-1 ']) {
      const bad = scalesLinearly((size) => make(fill.repeat(Math.ceil(size / fill.length))), (text) => parseTraceability(text, 'sep-1.yaml'));
      if (bad) failures.push(`${place} with ${JSON.stringify(fill)}: ${bad}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('hostile: a file nested past the limit gets one finding before the parser recurses; a hidden quote does not hide brackets', () => {
  for (const text of ['- '.repeat(50_000), '['.repeat(50_000), `a: it's\nb: ${'['.repeat(50_000)}`, `${'  '.repeat(50_000)}x: 1`]) {
    const findings = parseTraceability(text, 'sep-1.yaml').findings;
    assert.deepEqual(findings.map((f) => f.rule), ['trace-yaml-syntax']);
    assert.match(findings[0].message, /nests more than 200 levels/);
  }
  assert.deepEqual(parseTraceability(`sep: 1\nspec_url: https://x.test/\nrequirements:\n  - text: '${'['.repeat(500)}'\n    check: sep-1-a\n`, 'sep-1.yaml').findings, []);
});

test('hostile: coverage of thousands of rows against thousands of alike statements stops at its work limit', () => {
  const statements: NormativeStatement[] = Array.from({ length: 3000 }, (_, i) => ({
    text: `Servers MUST send lanterns ${i}.`,
    range: { start: { line: i, character: 0 }, end: { line: i, character: 10 } },
    level: 'must',
    keywords: ['MUST'],
    headingPath: ['Specification'],
  }));
  const file = { rows: Array.from({ length: 3000 }, (_, i) => ({ text: `Servers MUST send lanterns ${i}.`, check: `sep-1-${i}`, range: statements[0].range })) };
  let coverage;
  const ms = fastestMs(() => (coverage = traceCoverage(statements, file)), 1);
  assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
  assert.equal(coverage!.truncated, true);
  const yaml = traceabilitySkeleton(1, statements.slice(0, 500));
  assert.equal(parseTraceability(yaml, 'sep-1.yaml').file.rows.length, 500);
});
