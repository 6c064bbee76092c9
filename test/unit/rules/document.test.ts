import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_TITLE, doc, none, one, range, rangeOf, run } from './helpers';
import { TITLE_RULES } from '../../../server/src/sep/rules/title';
import { NUMBER_RULES } from '../../../server/src/sep/rules/numbers';
import { HEADER_RULES } from '../../../server/src/sep/rules/header';
import { VALUE_RULES } from '../../../server/src/sep/rules/values';
import { PEOPLE_RULES } from '../../../server/src/sep/rules/people';
import { DOCUMENT_RULES } from '../../../server/src/sep/rules/document';
import { lint, parseSep } from '../../../server/src/sep';

const TITLE_RANGE = range(0, 0, 0, GOOD_TITLE.length);

test('file-name-format: upper case in the slug, with a suggested name', () => {
  const f = one('file-name-format', doc(), '5150-Lantern-Negotiation.md');
  assert.deepEqual(f.range, TITLE_RANGE);
  assert.match(f.message, /has upper-case letters.*Suggested name: `5150-lantern-negotiation\.md`/);
  assert.equal(f.severity, 'warning');
});

test('file-name-format: no number, no hyphen, no slug, other characters, other extension', () => {
  assert.match(one('file-name-format', doc(), 'lantern-negotiation.md').message, /should start with the SEP number.*Suggested name: `5150-lantern-negotiation\.md`/);
  assert.match(one('file-name-format', doc(), '5150lantern.md').message, /needs a hyphen between the number and the slug/);
  assert.match(one('file-name-format', doc(), '5150.md').message, /needs a short slug.*`5150-lantern-negotiation\.md`/);
  assert.match(one('file-name-format', doc(), '5150-lantern_negotiation.md').message, /lower-case words separated by hyphens.*`5150-lantern-negotiation\.md`/);
  assert.match(one('file-name-format', doc(), '5150-lantern negotiation.md').message, /lower-case words separated by hyphens/);
  assert.match(one('file-name-format', doc(), '5150-lantern-negotiation.markdown').message, /should end in `\.md`/);
  assert.match(one('file-name-format', doc(), 'sep-5150-lanterns.md').message, /Suggested name: `5150-lanterns\.md`/);
});

test('file-name-format: quiet on good names, drafts, migration-style doubled hyphens and unknown names', () => {
  for (const name of ['5150-lantern-negotiation.md', '0000-lantern-negotiation.md', '1034--lantern-negotiation.md', '5150-lantern-negotiation-.md', '5150-v2-lanterns.md']) {
    none('file-name-format', doc(), name);
  }
  none('file-name-format', doc(), null);
});

const PROSE = [
  '## Abstract',
  '',
  'This builds on SEP-12 and on SEP-34. SEP-12 is mentioned twice.',
  '',
  'See [SEP-56](https://github.com/modelcontextprotocol/modelcontextprotocol/pull/56); later SEP-56 again.',
  '',
  'SEP-5150 is this proposal; `SEP-78` is code.',
  '',
].join('\n');

test('sep-reference-unlinked: the first unlinked mention of each other SEP', () => {
  const text = doc({ body: PROSE });
  const found = run('sep-reference-unlinked', text);
  assert.deepEqual(found.map((f) => f.range), [rangeOf(text, 'SEP-12'), rangeOf(text, 'SEP-34')]);
  assert.match(found[0].message, /Link SEP-12 so readers can open it/);
  assert.equal(found[0].severity, 'information');
  assert.equal(found[0].rule, 'sep-reference-unlinked');
});

test('sep-reference-unlinked: header values are not prose', () => {
  none('sep-reference-unlinked', doc({ set: { Supersedes: 'SEP-77' } }));
});

test('sep-reference-unlinked: quiet when every mention is linked, or names this SEP', () => {
  none('sep-reference-unlinked', doc({ body: 'Extends [SEP-12](./12-widgets.md). SEP-5150 is us.\n' }));
  none('sep-reference-unlinked', doc());
});

test('unclosed-code-fence: reported on the opening fence line', () => {
  const body = '## Abstract\n\nText of ours.\n\n~~~json\n{ "lantern": true }\n\n## Motivation\n\nMore.\n';
  const text = doc({ body });
  const f = one('unclosed-code-fence', text);
  assert.deepEqual(f.range, rangeOf(text, '~~~json'));
  assert.match(f.message, /never closed.*Close it with a line of 3 tildes/);
  assert.equal(f.severity, 'warning');
});

test('unclosed-code-fence: quiet on closed fences of either kind', () => {
  none('unclosed-code-fence', doc({ body: '## Abstract\n\n```json\n{}\n```\n\n~~~\nplain\n~~~\n' }));
});

test('the rules of this family that declare no fix are exactly those whose finding has no edit to offer', () => {
  const none = new Set(['field-duplicate', 'field-unknown', 'created-invalid', 'sponsor-format', 'sponsor-required', 'file-name-format', 'pull-description-not-sep', 'nesting-too-deep', 'header-duplicate', 'document-too-large']);
  const family = [...TITLE_RULES, ...NUMBER_RULES, ...HEADER_RULES, ...VALUE_RULES, ...PEOPLE_RULES, ...DOCUMENT_RULES];
  assert.equal(family.length, 38);
  for (const r of family) assert.equal(r.fixKinds.length === 0, none.has(r.id), r.id);
});

test('nesting-too-deep: one information finding on the first line nested past 100 levels', () => {
  const head = '# SEP-42: Deep\n\n- **Status**: Draft\n- **Type**: Standards Track\n\n## Abstract\n\n';
  const text = `${head}${'> '.repeat(100)}fine\n\n${'- '.repeat(101)}too deep\n\n${'> '.repeat(5000)}deeper\n`;
  const f = one('nesting-too-deep', text, '0042-deep.md');
  assert.equal(f.severity, 'information');
  assert.deepEqual(f.range, range(9, 0, 9, '- '.repeat(101).length + 'too deep'.length));
  assert.match(f.message, /more than 100 levels deep/);
  none('nesting-too-deep', `${head}${'> '.repeat(100)}fine\n${'  '.repeat(150)}- indented but not nested\n`, '0042-deep.md');
});

test('document-too-large: past the limit only this rule runs, on the first line; at the limit it stays quiet', () => {
  const head = '# SEP-42: Large\n\n- **Status**: Nonsense\n\n## Abstract\n\n';
  const huge = head + 'Words words. '.repeat(90_000);
  assert.ok(huge.length > 1_048_576);
  const all = lint(parseSep(huge, { fileName: 'not a sep name.md' }));
  assert.deepEqual(all.map((f) => f.rule), ['document-too-large']);
  assert.equal(all[0].severity, 'warning');
  assert.deepEqual(all[0].range, range(0, 0, 0, 0));
  assert.match(all[0].message, /This file has 1,170,0\d\d characters/);
  none('document-too-large', huge.slice(0, 1_048_576), '0042-large.md');
  assert.ok(lint(parseSep(huge.slice(0, 1_048_576))).some((f) => f.rule === 'status-invalid'), 'the rules run at the limit');
});
