import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_FILE, doc, fixed, fixesOf, none, one, run, withLine } from './helpers';

const ID = 'website-unreadable';

test('website-unreadable: quiet on the canonical header and title', () => {
  none(ID, doc());
  none(ID, doc({ headerLines: ['  - **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-03-14', '- **Author(s)**: Grace (@grace)', '-   **Sponsor**:   None', '- **PR**: #5150'] }));
});

test('website-unreadable: `- **Status:** Draft` (colon inside the bold) would show Status `Unknown`; the fix moves the colon', () => {
  const text = doc({ headerLines: ['- **Status:** Draft', '- **Type**: Standards Track', '- **Created**: 2026-03-14', '- **Author(s)**: Grace (@grace)', '- **Sponsor**: None', '- **PR**: #5150'] });
  const f = one(ID, text);
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.range, { start: { line: 2, character: 0 }, end: { line: 2, character: '- **Status:** Draft'.length } });
  assert.match(f.message, /would show Status `Unknown`/);
  assert.match(f.message, /write `- \*\*Status\*\*: Draft`/);
  assert.equal(fixesOf(f)[0].kind, 'certain');
  assert.equal(fixed(text, f, 'Rewrite as "- **Status**: ..."'), withLine(text, 2, '- **Status**: Draft'));
});

test('website-unreadable: `*` and `+` bullets, plain `Key: value`, `__bold__`, lower case and `Authors` are each reported and rewritten', () => {
  const cases: [string, string, RegExp][] = [
    ['* **Type**: Standards Track', '- **Type**: Standards Track', /Type `Unknown`/],
    ['+ **Type**: Standards Track', '- **Type**: Standards Track', /Type `Unknown`/],
    ['Type: Standards Track', '- **Type**: Standards Track', /Type `Unknown`/],
    ['- __Type__: Standards Track', '- **Type**: Standards Track', /Type `Unknown`/],
    ['- **type**: Standards Track', '- **Type**: Standards Track', /Type `Unknown`/],
    ['    * **Created**: 2026-03-14', '- **Created**: 2026-03-14', /Created `Unknown`/],
    ['- **Authors**: Grace (@grace)', '- **Author(s)**: Grace (@grace)', /Author\(s\) `Unknown`/],
    ['* **Sponsor**: @kind-maintainer', '- **Sponsor**: @kind-maintainer', /Sponsor `None`/],
    ['* **Accepted**: 2026-04-01', '- **Accepted**: 2026-04-01', /no Accepted date/],
  ];
  for (const [line, want, shows] of cases) {
    const fields = ['- **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-03-14', '- **Author(s)**: Grace (@grace)', '- **Sponsor**: None', '- **PR**: #5150'];
    const key = /Type|Created|Author|Sponsor|Accepted/i.exec(line)![0].toLowerCase();
    const at = fields.findIndex((x) => x.toLowerCase().includes(`**${key}`));
    if (at === -1) fields.push(line);
    else fields[at] = line;
    const text = doc({ headerLines: fields });
    const f = one(ID, text);
    assert.match(f.message, shows, line);
    const lineNo = 2 + (at === -1 ? fields.length - 1 : at);
    assert.equal(fixed(text, f, /^Rewrite as/), withLine(text, lineNo, want), line);
  }
});

test('website-unreadable: a wrapped Author(s) keeps its continuation lines when its first line is rewritten', () => {
  const text = doc({ headerLines: ['- **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-03-14', '* **Author(s)**: Grace (@grace),', '  Tom (@tom)', '- **Sponsor**: None', '- **PR**: #5150'] });
  const f = one(ID, text);
  assert.equal(fixed(text, f, /^Rewrite as/), withLine(text, 5, '- **Author(s)**: Grace (@grace),'));
});

test('website-unreadable: a field the website reads from another line names that line and its value', () => {
  const text = doc({ headerLines: ['* **Status**: Final', '- **Type**: Standards Track', '- **Created**: 2026-03-14', '- **Author(s)**: Grace (@grace)', '- **Sponsor**: None', '- **PR**: #5150'], body: '## Abstract\n\nOld preamble:\n\n- **Status**: Proposal\n' });
  const f = one(ID, text);
  assert.match(f.message, /would show Status `Proposal`, read from line 14/);
});

test('website-unreadable: a header table is rewritten as bullets, every row kept', () => {
  const table = ['| Field | Value |', '| --- | --- |', '| **Status** | Draft |', '| Type | Standards Track |', '| Created | 2026-03-14 |', '| Author(s) | Grace (@grace) |', '| Sponsor | None |', '| PR | #5150 |', '| Discussion | https://example.test/d |'];
  const text = doc({ headerLines: table });
  const found = run(ID, text);
  assert.deepEqual(found.map((f) => f.range.start.line), [4, 5, 6, 7, 8], 'Status, Type, Created, Author(s), Sponsor; the PR number agrees with the file');
  assert.match(found[4].message, /Sponsor `None`/);
  const bullets = ['- **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-03-14', '- **Author(s)**: Grace (@grace)', '- **Sponsor**: None', '- **PR**: #5150', '- **Discussion**: https://example.test/d'];
  for (const f of found) {
    assert.equal(fixed(text, f, /header table as/), doc({ headerLines: bullets }));
    assert.equal(fixesOf(f)[0].kind, 'suggestion', 'rewriting the whole table is offered, not applied by fix-all');
  }
  none(ID, doc({ headerLines: bullets }));
});

test('website-unreadable: an unreadable PR line is reported only when the page would link another pull request', () => {
  const fields = (pr: string) => ['- **Status**: Draft', '- **Type**: Standards Track', '- **Created**: 2026-03-14', '- **Author(s)**: Grace (@grace)', '- **Sponsor**: None', pr];
  none(ID, doc({ headerLines: fields('* **PR**: #5150') }));
  const text = doc({ headerLines: fields('PR: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/6001') });
  const f = one(ID, text);
  assert.match(f.message, /would link pull request #5150 instead of #6001/);
  assert.equal(fixed(text, f, /^Rewrite as/), withLine(text, 7, '- **PR**: https://github.com/modelcontextprotocol/modelcontextprotocol/pull/6001'));
  none(ID, doc({ headerLines: fields('* **PR**: #6001') }), null);
  none(ID, doc({ headerLines: fields('* **PR**: #6001') }), '0000-lantern-negotiation.md');
  none(ID, doc({ headerLines: fields('- **PR**: #{NUMBER}') }));
  none(ID, doc({ headerLines: fields('* **PR**: 6001') }));
});

test('website-unreadable: a setext or indented title the engine reads is reported as `Untitled` and rewritten', () => {
  const setext = doc({ title: 'SEP-5150: Lantern Negotiation\n=============================' });
  const f = one(ID, setext);
  assert.match(f.message, /`Untitled`/);
  assert.equal(fixed(setext, f, 'Rewrite as "# SEP-5150: Lantern Negotiation"'), doc());
  const indented = doc({ title: '  # SEP-5150: Lantern Negotiation' });
  assert.equal(fixed(indented, one(ID, indented), /^Rewrite as/), doc());
  const later = doc({ title: 'SEP-5150: Lantern Negotiation\n===', body: '## Abstract\n\n```markdown\n# SEP-1: Example\n```\n' });
  assert.match(one(ID, later).message, /would show the title `Example` \(read from line 14\)/);
  const marked = doc({ title: 'SEP-5150: Lantern *Negotiation*\n===' });
  assert.equal(fixed(marked, one(ID, marked), /^Rewrite as/), doc({ title: '# SEP-5150: Lantern *Negotiation*' }), 'inline markup kept');
});

test('website-unreadable: titles title-malformed reports, and placeholder numbers, are left to those rules', () => {
  none(ID, doc({ title: '# SEP 5150 - Lantern Negotiation' }));
  none(ID, doc({ title: '## SEP-5150: Lantern Negotiation' }));
  none(ID, doc({ title: '# SEP-{NUMBER}: Lantern Negotiation' }), '0000-lantern-negotiation.md');
  none(ID, doc(), GOOD_FILE);
});
