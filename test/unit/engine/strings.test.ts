import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { withThousands } from '../../../common/strings';
import { MAX_CHECKED_CHARS, parseSep, lint } from '../../../server/src/sep';

test('withThousands writes whole numbers as toLocaleString(\'en-US\') does', () => {
  for (const n of [0, 7, 999, 1000, 65_536, MAX_CHECKED_CHARS, -1234]) assert.equal(withThousands(n), n.toLocaleString('en-US'));
  fc.assert(fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (n) => withThousands(n) === n.toLocaleString('en-US')));
});

test('document-too-large gives both sizes with thousands separators', () => {
  const text = `# SEP-1: Big\n\n${'a'.repeat(MAX_CHECKED_CHARS)}\n`;
  const [finding] = lint(parseSep(text, { fileName: '0001-big.md' }), { today: '2026-11-30' }).filter((f) => f.rule === 'document-too-large');
  assert.match(finding.message, new RegExp(`has ${text.length.toLocaleString('en-US')} characters.*up to 1,048,576`));
});
