import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/sep/lint';
import { parseSep } from '../../../server/src/sep/parse';
import type { Rule } from '../../../server/src/sep/rules/types';

/** Reports every `##` heading; lets the policy layer be tested apart from the real rules. */
const everyHeading: Rule = {
  id: 'every-heading',
  defaultSeverity: 'warning',
  description: 'test rule',
  fixKinds: [],
  check: (doc) => doc.headings.filter((h) => h.depth === 2).map((h) => ({ range: h.range, message: `heading ${h.text}` })),
};
const broken: Rule = {
  id: 'broken',
  defaultSeverity: 'information',
  description: 'always throws',
  fixKinds: [],
  check: () => {
    throw new Error('boom');
  },
};

const TEXT = ['# SEP-1: T', '', '## A', '', '<!-- sep-lint-disable-next-line every-heading -->', '## B', '', '<!-- sep-lint-disable -->', '## C', '<!-- sep-lint-enable every-heading -->', '## D', '', '## E <!-- sep-lint-disable-line -->', ''].join('\n');

test('inline directives silence findings by line, by block and for all rules', () => {
  const found = lint(parseSep(TEXT), { ruleSet: [everyHeading] }).map((f) => f.message);
  assert.deepEqual(found, ['heading A', 'heading D']);
});

test('a directive naming another rule silences nothing', () => {
  const text = '# SEP-1: T\n\n<!-- sep-lint-disable-next-line other-rule -->\n## A\n';
  assert.equal(lint(parseSep(text), { ruleSet: [everyHeading] }).length, 1);
});

test('severity comes from the registry default or the override; off silences', () => {
  const doc = parseSep('# SEP-1: T\n\n## A\n');
  assert.equal(lint(doc, { ruleSet: [everyHeading] })[0].severity, 'warning');
  assert.equal(lint(doc, { ruleSet: [everyHeading], rules: { 'every-heading': 'error' } })[0].severity, 'error');
  assert.equal(lint(doc, { ruleSet: [everyHeading], rules: { 'every-heading': 'off' } }).length, 0);
});

test('a rule that throws becomes one finding and the other rules still report', () => {
  const found = lint(parseSep('# SEP-1: T\n\n## A\n'), { ruleSet: [broken, everyHeading] });
  assert.deepEqual(found.map((f) => f.rule).sort(), ['broken', 'every-heading']);
  const failure = found.find((f) => f.rule === 'broken')!;
  assert.equal(failure.severity, 'error');
  assert.match(failure.message, /failed on this document.*boom/);
});

test('findings are sorted by position', () => {
  const found = lint(parseSep('# SEP-1: T\n\n## B\n\n## A\n'), { ruleSet: [everyHeading] });
  assert.deepEqual(found.map((f) => f.range.start.line), [2, 4]);
});
