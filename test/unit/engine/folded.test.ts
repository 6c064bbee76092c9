import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSep } from '../../../server/src/sep';
import { foldProse } from '../../../server/src/sep/text';
import { referenceMarkdown } from '../../support/reference';

/**
 * A section's folded text (what section-template-text matches phrases in) is built from its blocks' folded texts,
 * which are kept while a block is unchanged, instead of folding the whole section on every keystroke. It must be
 * exactly the fold of the section's plain text.
 */

/** Block texts with white space, curly quotes and capitals at their edges and inside. */
const blocks = fc.array(fc.string({ unit: fc.constantFrom(...'aB ’‘\n\t\u00a0x.'.split('')), maxLength: 12 }), { maxLength: 6 });

test('joining the blocks\' folded texts by one space, empty ones left out, is folding their joined text', () => {
  fc.assert(
    fc.property(blocks, (parts) => {
      const joined = parts.map(foldProse).filter((t) => t !== '').join(' ');
      assert.equal(joined, foldProse(parts.join('\n').trim()));
    }),
    { numRuns: 3000 },
  );
});

test('every section of every reference SEP has foldedText equal to the fold of its plainText', (t) => {
  const seps = referenceMarkdown(t);
  if (!seps) return;
  let sections = 0;
  for (const { fileName: file, text } of seps) {
    const doc = parseSep(text, { fileName: file });
    for (const s of doc.sections) {
      assert.equal(s.foldedText, foldProse(s.plainText), `${file}: ${s.heading.text}`);
      sections++;
    }
  }
  assert.ok(sections > 100, `only ${sections} sections read`);
});
