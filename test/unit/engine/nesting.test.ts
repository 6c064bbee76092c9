import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PIPES_PER_LINE, RUN_LIMITS, excessMarkers, excessRuns } from '../../../server/src/sep/nesting';

test('excessRuns finds each character past its limit per block, and nothing in texts under the limits', () => {
  const over = (c: string, n: number) => `Text ${c.repeat(n)} end`;
  const limit = RUN_LIMITS[']'];
  // One block over the limit: the characters past it, at their offsets.
  const one = over(']', limit + 2);
  assert.deepEqual(excessRuns(one), [5 + limit, 6 + limit]);
  // The same count split over two blocks (a blank line between): none.
  assert.deepEqual(excessRuns(`${over(']', limit)}\n\n${over(']', limit)}`), []);
  // A heading starts a new block too.
  assert.deepEqual(excessRuns(`${over('*', RUN_LIMITS['*'])}\n# Next\n${over('*', 10)}`), []);
  // `<` counts comment openings only.
  const comments = `Text ${'<!--'.repeat(RUN_LIMITS['<'] + 1)}`;
  assert.deepEqual(excessRuns(comments), [comments.lastIndexOf('<!--')]);
  assert.deepEqual(excessRuns(`Text ${'<'.repeat(1000)}`), []);
  // Pipes count per line.
  const row = `|${' a |'.repeat(PIPES_PER_LINE)}`;
  assert.deepEqual(excessRuns(row), [row.length - 1]);
  assert.deepEqual(excessRuns(`${row.slice(0, -1)}\n${row.slice(0, -1)}`), []);
  assert.deepEqual(excessRuns('Plain text with [a] link, *emphasis* and a | b.'), []);
});

test('excessMarkers reads each line on its own, whatever ends the lines (\\n, \\r or both)', () => {
  // Markers count per line: the whole text's offsets are each line's, moved to where the line starts.
  const piece = fc.constantFrom('> ', '>', '- ', '* ', '+ ', '1. ', '12) ', '  ', '\t', 'a', '-a', '\n', '\r', '\r\n');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (pieces, limit) => {
      const text = pieces.join('');
      const perLine: number[] = [];
      let start = 0;
      for (const line of text.split(/\r|\n/)) {
        perLine.push(...excessMarkers(line, limit).map((o) => o + start));
        start += line.length + 1;
      }
      assert.deepEqual(excessMarkers(text, limit), perLine);
    }),
    { numRuns: 2000 },
  );
  const deep = `${'> '.repeat(5)}x\r\n${'- '.repeat(3)}y\r${'> '.repeat(4)}z`;
  assert.deepEqual(excessMarkers(deep, 3), [6, 8, 27]);
  assert.deepEqual(excessMarkers(deep, 3, 1), [6], 'stops after `most`');
});
