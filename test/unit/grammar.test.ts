import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELDS, STATUSES, TYPES } from '../../common/vocabulary';

/**
 * The injection grammar is checked at the level of its regular expressions
 * (TextMate's Oniguruma syntax as used here is also valid JavaScript): each
 * rule is run on sample lines and the captured scopes are compared.
 */
const root = join(__dirname, '..', '..');
const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'sep.injection.tmLanguage.json'), 'utf8'));
const repo = grammar.repository;

interface Token {
  text: string;
  scope: string;
}

/** Applies one `match` rule and returns the captured groups with their scopes. */
function captures(rule: { match: string; captures: Record<string, { name: string }> }, line: string): Token[] | undefined {
  const m = new RegExp(rule.match).exec(line);
  if (!m) return undefined;
  return Object.entries(rule.captures)
    .filter(([i]) => m[Number(i)] !== undefined && m[Number(i)] !== '')
    .map(([i, c]) => ({ text: m[Number(i)], scope: c.name }));
}

/** All matches of the patterns of a rule with `patterns` (or a single `match`) in a text, leftmost first. */
function scan(rule: { match?: string; name?: string; patterns?: { match: string; name: string }[] }, text: string): Token[] {
  const pats = rule.patterns ?? [{ match: rule.match!, name: rule.name! }];
  const out: Token[] = [];
  let at = 0;
  while (at < text.length) {
    let best: { index: number; text: string; scope: string } | undefined;
    for (const p of pats) {
      const re = new RegExp(p.match, 'g');
      re.lastIndex = at;
      const m = re.exec(text);
      if (m && m[0] && (!best || m.index < best.index)) best = { index: m.index, text: m[0], scope: p.name };
    }
    if (!best) break;
    out.push({ text: best.text, scope: best.scope });
    at = best.index + best.text.length;
  }
  return out;
}

const scopeOf = (tokens: Token[] | undefined, text: string) => tokens?.find((t) => t.text === text)?.scope;

test('the grammar is an injection into Markdown that stays out of code and comments', () => {
  assert.equal(grammar.scopeName, 'sep.injection');
  assert.match(grammar.injectionSelector, /^L:text\.html\.markdown\b/);
  for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-comment']) assert.ok(grammar.injectionSelector.includes(excluded), excluded);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const entry = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === 'sep.injection');
  assert.deepEqual(entry.injectTo, ['text.html.markdown']);
  assert.equal(join(root, entry.path), join(root, 'syntaxes', 'sep.injection.tmLanguage.json'));
});

test('title: number and name get their own scopes', () => {
  const t = captures(repo.title, '# SEP-1234: Weather reports for agents');
  assert.equal(scopeOf(t, '1234'), 'constant.numeric.sep-number.sep');
  assert.equal(scopeOf(t, 'Weather reports for agents'), 'entity.name.section.markdown entity.name.title.sep');
  assert.equal(scopeOf(captures(repo.title, '# SEP-{NUMBER}: {Title}'), '{NUMBER}'), 'constant.numeric.sep-number.sep');
  assert.equal(captures(repo.title, '## SEP-1234: Not a title'), undefined);
  assert.equal(captures(repo.title, '# Some other heading'), undefined);
});

test('header fields: name and value, colon inside or outside the bold', () => {
  for (const line of ['- **Status**: Draft', '* **Status:** Draft']) {
    const t = captures(repo['header-field'], line);
    assert.equal(scopeOf(t, 'Status'), 'variable.other.property.header-field.sep support.type.property-name.sep', line);
    assert.equal(scopeOf(t, 'Draft'), 'meta.header-value.sep', line);
  }
  assert.equal(captures(repo['header-field'], '- **Note**: something'), undefined);
  assert.equal(captures(repo['header-field'], 'Status: Draft'), undefined);
});

test('every header field label of the vocabulary is recognised', () => {
  for (const f of FIELDS) assert.ok(captures(repo['header-field'], `- **${f.label}**: x`), f.label);
});

test('header values: statuses, types, dates, handles, PR numbers', () => {
  const v = repo['header-value'];
  for (const s of STATUSES) assert.deepEqual(scan(v, s.value), [{ text: s.value, scope: 'constant.language.status.sep' }], s.value);
  for (const s of TYPES) assert.deepEqual(scan(v, s.value), [{ text: s.value, scope: 'constant.language.type.sep' }], s.value);
  assert.deepEqual(scan(v, '2026-03-04'), [{ text: '2026-03-04', scope: 'constant.numeric.date.sep' }]);
  assert.deepEqual(scan(v, 'Ada Example <ada@example.org> (@ada-example)'), [{ text: '@ada-example', scope: 'entity.name.tag.handle.sep' }]);
  assert.deepEqual(scan(v, '#1850'), [{ text: '#1850', scope: 'constant.numeric.pr.sep' }]);
  assert.deepEqual(scan(v, 'Final (was Draft)'), [], 'a status word inside other text is not a status');
});

test('SEP-N references in prose', () => {
  const r = repo['sep-reference'];
  assert.deepEqual(scan(r, 'As SEP-1686 and SEP-12 say, see also xSEP-3, SEP-4a and MCP-SEP-5.'), [
    { text: 'SEP-1686', scope: 'constant.other.reference.sep' },
    { text: 'SEP-12', scope: 'constant.other.reference.sep' },
  ]);
});

test('RFC 2119 keywords: upper case, whole words, negations as one token', () => {
  const r = repo.rfc2119;
  const line = 'Servers MUST NOT send it; clients SHOULD retry, MAY cache, SHALL NOT store and SHOULD NOT log. It is REQUIRED, RECOMMENDED or OPTIONAL; SHALL and MUST too. must, MUSTARD, MAYBE, NON-MUST are prose.';
  assert.deepEqual(scan(r, line).map((t) => `${t.text}=${t.scope.split('.')[3]}`), [
    'MUST NOT=negative', 'SHOULD=recommended', 'MAY=optional', 'SHALL NOT=negative', 'SHOULD NOT=negative',
    'REQUIRED=required', 'RECOMMENDED=recommended', 'OPTIONAL=optional', 'SHALL=required', 'MUST=required',
  ]);
});
