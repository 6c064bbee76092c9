import { test } from 'node:test';
import fc from 'fast-check';
import { corrupt, corruptionArb, referenceSeps, removeSections, shuffleSections, type RefSep } from './corpus';
import { assertFixAllSafe, assertQuickFixesSafe } from './safety';
import { generatedSep } from './generate';

const damaged = (ref: RefSep) =>
  fc.record({
    remove: fc.subarray(['Abstract', 'Motivation', 'Specification', 'Rationale', 'Backward Compatibility', 'Security Implications', 'Reference Implementation'], { maxLength: 3 }),
    corruptions: fc.array(corruptionArb, { maxLength: 4 }),
    shuffle: fc.option(fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8], { minLength: 9, maxLength: 9 }), { nil: undefined }),
  }).map(({ remove, corruptions, shuffle }) => {
    let text = removeSections(ref.text, ref.fileName, remove);
    for (const c of corruptions) text = corrupt(text, ref.fileName, c);
    if (shuffle) text = shuffleSections(text, ref.fileName, shuffle);
    return text;
  });

test('fix-all over generated SEPs: author text kept, stable, nothing automatic left', () => {
  fc.assert(fc.property(generatedSep, ({ fileName, text }) => assertFixAllSafe(fileName, text)), { numRuns: 80, includeErrorInReport: true });
});

test('quick fixes over generated SEPs: each removes its finding and adds no Error', () => {
  fc.assert(fc.property(generatedSep, ({ fileName, text }) => assertQuickFixesSafe(fileName, text)), { numRuns: 40, includeErrorInReport: true });
});

test('fix-all over the reference SEPs with sections removed, fields corrupted and sections shuffled', (t) => {
  const refs = referenceSeps(t);
  if (!refs) return;
  for (const ref of refs) {
    assertFixAllSafe(ref.fileName, ref.text);
    fc.assert(fc.property(damaged(ref), (text) => assertFixAllSafe(ref.fileName, text)), { numRuns: 1, seed: 42, includeErrorInReport: true });
  }
});

test('quick fixes over the reference SEPs, damaged the same ways', (t) => {
  const refs = referenceSeps(t);
  if (!refs) return;
  for (const ref of refs) {
    fc.assert(fc.property(damaged(ref), (text) => assertQuickFixesSafe(ref.fileName, text, 10)), { numRuns: 1, seed: 7, includeErrorInReport: true });
  }
});
