import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countWords, trimToWords } from '../../../server/src/sep/text';

// countWords and trimToWords take an ASCII-only path when the text allows it; these
// are the Unicode definitions they must agree with on every text.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;
const unicodeCount = (text: string) => [...text.matchAll(WORD)].length;
function unicodeTrim(text: string) {
  const lead = /^[^\p{L}\p{N}]*/u.exec(text)![0].length;
  return { lead, trail: /[^\p{L}\p{N}]*$/u.exec(text.slice(lead))![0].length };
}

/** Mostly ASCII prose and markup, sometimes with letters, digits and marks from other scripts. */
const texts = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'ab Z09\'’_-*`.,;()[]!?\n\t'.split('')), maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...'aé Ж٣ 中 ’\'-_*✅'.split('')), maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);

test('countWords counts the Unicode words, ASCII text or not', () => {
  fc.assert(fc.property(texts, (text) => countWords(text) === unicodeCount(text)), { numRuns: 2000 });
  assert.equal(countWords("It's a well-known fact_x, isn’t it? 42 times."), 8);
  assert.equal(countWords('Привет мир, 你好'), 3);
});

test('trimToWords finds the same edges as the Unicode patterns', () => {
  fc.assert(fc.property(texts, (text) => assert.deepEqual(trimToWords(text), unicodeTrim(text))), { numRuns: 2000 });
  assert.deepEqual(trimToWords('**Draft**'), { lead: 2, trail: 2 });
  assert.deepEqual(trimToWords('✅ Final'), { lead: 2, trail: 0 });
});
