import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IncrementalMarkdownParser } from '../../../server/src/sep/markdown';
import { FILLS, PLACES, fastestMs, fastestWallMs, hostile, medianMs, runCheck, runEngine } from './hostile-inputs';

/**
 * Work budget: doubling a hostile input may at most 3x the time, so each
 * quadrupling (64 → 256 → 1k → 4k → 16k characters) at most 3² = 9x. A
 * quadratic pattern quadruples the time per doubling (16x per quadrupling);
 * linear work with the garbage collector's growing share measured up to ~7x
 * (micromark on 16k characters of ` -`, in CPU time, which counts the
 * collector's helper threads). Times under the floor are noise on a shared
 * machine and pass. Past {@link GIVE_UP_MS} at any size the larger ones are not
 * tried: a cubic pattern would run for hours.
 */
const RATIO = 3 * 3;
const FLOOR_MS = 80;
const GIVE_UP_MS = 1000;
const SIZES = [64, 256, 1024, 4096, 16384];

/** Sizes at which the time stops scaling linearly, with the times; empty when it scales. */
function superlinear(fn: (size: number) => void, runs = 3): string[] {
  const times: number[] = [];
  for (const size of SIZES) {
    let once = medianMs(() => fn(size), 1);
    // A run past the limit is timed once more before giving up: a busy moment of the machine took a check that
    // runs in 250–400 ms to 1008 ms once. A pattern that is really slow is as slow again.
    if (once > GIVE_UP_MS) once = Math.min(once, medianMs(() => fn(size), 1));
    if (once > GIVE_UP_MS) return [`${size} characters took ${once.toFixed(0)} ms`];
    times.push(runs > 1 ? medianMs(() => fn(size), runs) : once);
  }
  const bad: string[] = [];
  for (let i = 1; i < times.length; i++) {
    if (times[i] > FLOOR_MS && times[i] > RATIO * Math.max(times[i - 1], FLOOR_MS / RATIO)) {
      // One more measurement of the pair before calling it, the fastest of five: the machine is shared.
      const again = [fastestMs(() => fn(SIZES[i - 1]), 5), fastestMs(() => fn(SIZES[i]), 5)];
      if (again[1] > FLOOR_MS && again[1] > RATIO * Math.max(again[0], FLOOR_MS / RATIO)) bad.push(`${SIZES[i - 1]}→${SIZES[i]}: ${again.map((t) => t.toFixed(1)).join('→')} ms`);
    }
  }
  return bad;
}

const ENGINE_DIR = join(__dirname, '..', '..', '..', 'server', 'src', 'sep');
/** What the engine shares with the extension (vocabulary, people, lines, scaffold) runs on document text too. */
const COMMON_DIR = join(__dirname, '..', '..', '..', 'common');

function engineModules(dir = ENGINE_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? engineModules(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

test('every exported pattern of the engine runs in linear time on hostile strings', async () => {
  const patterns: [string, RegExp][] = [];
  for (const file of [...engineModules(), ...engineModules(COMMON_DIR)]) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (value instanceof RegExp) patterns.push([`${relative(join(ENGINE_DIR, '..', '..', '..'), file)}:${name}`, value]);
  }
  assert.ok(patterns.length >= 5, `found the exported patterns (${patterns.map(([n]) => n).join(', ')})`);
  const failures: string[] = [];
  for (const [name, re] of patterns) {
    for (const fill of FILLS) {
      for (const [before, after] of [['', 'x\u2028'], ['SEP', 'a\u2028b'], ['SEP-1:', '\u2029'], ['- **Status**: a', '\r'], ['sep-lint-disable', '\n']]) {
        const run = (size: number) => {
          const text = before + fill.repeat(Math.ceil(size / fill.length)) + after;
          const copy = new RegExp(re.source, re.flags);
          if (copy.global || copy.sticky) for (const _ of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))) void _;
          else copy.exec(text);
        };
        const bad = superlinear(run, 3);
        if (bad.length) failures.push(`${name} on ${JSON.stringify(before)} + ${JSON.stringify(fill)}… + ${JSON.stringify(after)}: ${bad.join('; ')}`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('a check of hostile input scales linearly wherever it lands in a SEP', () => {
  const failures: string[] = [];
  for (const place of Object.keys(PLACES)) {
    for (const fill of FILLS) {
      const bad = superlinear((size) => runCheck(hostile(place, fill, size)), 1);
      if (bad.length) failures.push(`${place} with ${JSON.stringify(fill)}: ${bad.join('; ')}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('fix-all on hostile input scales linearly', () => {
  const failures: string[] = [];
  for (const place of Object.keys(PLACES)) {
    for (const fill of [' ', '-', ']', '<!--', '|', '\u2028', 'SEP-1 ']) {
      const bad = superlinear((size) => runEngine(hostile(place, fill, size)), 1);
      if (bad.length) failures.push(`${place} with ${JSON.stringify(fill)}: ${bad.join('; ')}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('no check of a hostile file under 10 KB takes more than 100 ms', () => {
  const slow: string[] = [];
  for (const place of Object.keys(PLACES)) {
    for (const fill of FILLS) {
      let size = 3200;
      while (Buffer.byteLength(hostile(place, fill, size)) >= 10 * 1024) size -= 400;
      const text = hostile(place, fill, size);
      // The fastest of three: engine time, with other processes' bursts left out.
      const ms = fastestWallMs(() => runCheck(text), 3);
      if (ms > 100) slow.push(`${place} with ${JSON.stringify(fill)}: ${ms.toFixed(0)} ms`);
    }
  }
  assert.deepEqual(slow, []);
});

test('trailing runs are trimmed in linear time: bare URLs, PR references, dates, HTML tags and angle brackets', () => {
  // Each input once ran a regex anchored at the end (or `<[^>]*>`) that retried from every position of the run.
  const cases: [string, (n: number) => string][] = [
    ['a bare URL ending in a run of `*`', (n) => `# SEP-1: T\n\n## Abstract\n\nSee https://example.test/${'*'.repeat(n)}x\n`],
    ['a PR URL ending in a run of `.`', (n) => `# SEP-1: T\n\n- **PR**: https://example.test/${'.'.repeat(n)}x\n`],
    ['a Created date between runs of `*`', (n) => `# SEP-1: T\n\n- **Created**: ${'*'.repeat(n)}2026-01-05${'*'.repeat(n)}x\n`],
    ['an HTML heading full of `<`', (n) => `# SEP-1: T\n\n<h2>${'<'.repeat(n)}</h2>\n`],
    ['an author line full of `<`', (n) => `# SEP-1: T\n\n- **Author(s)**: A ${'<'.repeat(n)}\n${'  <'.repeat(n / 3)}\n`],
  ];
  for (const [what, make] of cases) {
    const bad = superlinear((size) => runCheck(make(size)));
    assert.deepEqual(bad, [], what);
  }
});

test('the incremental parser scales linearly on documents full of definitions and references', () => {
  // Each chunk is parsed with the document's definitions appended: their number must not multiply the work.
  const cases: [string, (n: number) => string][] = [
    ['a section per definition', (n) => Array.from({ length: Math.max(1, Math.floor(n / 80)) }, (_, i) => `## S${i}\n\n[d${i}]: #\n\nSee [d${i}], in a line of ordinary prose.\n`).join('\n')],
    ['one section of definitions, references in many', (n) => {
      const count = Math.max(1, Math.floor(n / 90));
      const refs = Array.from({ length: count }, (_, i) => `## S${i}\n\nSee [d${i}][^f${i}], in a line of ordinary prose.\n`).join('\n');
      return `${refs}\n## Definitions\n\n${Array.from({ length: count }, (_, i) => `[d${i}]: #\n[^f${i}]: x`).join('\n')}\n`;
    }],
  ];
  for (const [what, make] of cases) {
    const bad = superlinear((size) => {
      const text = make(size);
      const parser = new IncrementalMarkdownParser();
      parser.parse(text);
      const at = text.indexOf('See');
      parser.parse(`${text.slice(0, at)}x${text.slice(at)}`);
    });
    assert.deepEqual(bad, [], what);
  }
});
