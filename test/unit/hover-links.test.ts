import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSep } from '../../server/src/sep';
import { hoverAt } from '../../server/src/sep/hover';
import { sepAt, sepLinks } from '../../server/src/sep/links';
import { INDEXED_HEAD, indexSep, parseMaintainers, sepHead, type WorkspaceIndex } from '../../server/src/sep/workspace';

const WS: WorkspaceIndex = {
  seps: [{ number: '12', title: 'Tide tables', status: 'Final', fileName: '12-tide-tables.md', location: 'file:///ws/seps/12-tide-tables.md' }],
  maintainers: [],
};

const TEXT = [
  '# SEP-0000: Weather',
  '',
  '- **Status**: Draft',
  '- **Type**: Standards Track',
  '',
  '## Abstract',
  '',
  'Builds on SEP-12 and SEP-99, see [the tables](./12-tide-tables.md) and [SEP-12](https://example.org).',
  '',
  '## Backwards Compatibility',
  '',
  'None.',
  '',
].join('\n');
const doc = parseSep(TEXT, { fileName: '0000-weather.md' });

test('hover on a header field: what goes in it, why, and the values with this SEP\'s marked', () => {
  const h = hoverAt(doc, { line: 2, character: 5 }, WS)!;
  assert.deepEqual(h.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 10 } });
  assert.match(h.markdown, /^\*\*Status\*\* \(required\)/);
  assert.match(h.markdown, /\*Why:\* /);
  assert.match(h.markdown, /- \*\*Draft\*\* \(this SEP\): /);
  assert.match(h.markdown, /- \*\*Dormant\*\*: /);
  assert.equal(hoverAt(doc, { line: 2, character: 15 }, WS), undefined, 'not on the value');
});

test('hover on a standard section heading, also under a near-miss name', () => {
  const abstract = hoverAt(doc, { line: 5, character: 4 }, WS)!;
  assert.match(abstract.markdown, /^\*\*Abstract\*\*: a required SEP section\.\n\nA short technical summary/);
  assert.match(abstract.markdown, /\*Why:\* Most readers stop here/);
  const bc = hoverAt(doc, { line: 9, character: 6 }, WS)!;
  assert.match(bc.markdown, /^\*\*Backward Compatibility\*\* \(written here as "Backwards Compatibility"\)/);
});

test('hover on SEP-N: title and status from the workspace, or that it is not there', () => {
  const known = hoverAt(doc, { line: 7, character: 12 }, WS)!;
  assert.equal(known.markdown, '**SEP-12: Tide tables**\n\nStatus: Final · `12-tide-tables.md`');
  assert.deepEqual(known.range, { start: { line: 7, character: 10 }, end: { line: 7, character: 16 } });
  assert.match(hoverAt(doc, { line: 7, character: 23 }, WS)!.markdown, /SEP-99\*\* is not in this workspace/);
});

test('links: unlinked SEP-N mentions and relative SEP file links lead to the workspace file', () => {
  const links = sepLinks(doc, WS);
  assert.deepEqual(links.map((l) => [l.range.start.character, l.range.end.character, l.target.fileName]), [
    [10, 16, '12-tide-tables.md'],
    [33, 66, '12-tide-tables.md'],
  ]);
  assert.equal(sepAt(doc, { line: 7, character: 40 }, WS)?.location, 'file:///ws/seps/12-tide-tables.md');
  assert.equal(sepAt(doc, { line: 7, character: 21 }, WS), undefined, 'SEP-99 is not in the workspace');
});

test('indexSep reads number, name and status; drafts numbered 0000 are left out', () => {
  const entry = indexSep('0042-x.md', '# SEP-42: Answers\n\n- **Status**: Accepted\n', 'file:///a');
  assert.deepEqual(entry, { number: '42', title: 'Answers', status: 'Accepted', fileName: '0042-x.md', location: 'file:///a' });
  assert.equal(indexSep('0000-draft.md', '# SEP-0000: Draft\n', 'file:///b'), undefined);
});

test('parseMaintainers reads GitHub profile links with their group', () => {
  const people = parseMaintainers('# People\n\n## Core\n\n- [Pat Example](https://github.com/pat-example)\n- [Not a profile](https://example.org/x)\n\n## SDK\n\n- [Sam](https://github.com/samsample/)\n');
  assert.deepEqual(people, [
    { name: 'Pat Example', handle: 'pat-example', group: 'Core' },
    { name: 'Sam', handle: 'samsample', group: 'SDK' },
  ]);
});

test('parseMaintainers on the real MAINTAINERS.md', (t) => {
  const file = join(__dirname, '..', '..', '..', 'shared', 'reference', 'MAINTAINERS.md');
  if (!existsSync(file)) {
    if (process.env.CI === 'true') assert.fail(`reference material missing: ${file}`);
    t.skip(`reference material missing: ${file}`);
    return;
  }
  const people = parseMaintainers(readFileSync(file, 'utf8'));
  assert.ok(people.length >= 10, `${people.length} maintainers`);
  assert.ok(people.every((p) => /^[A-Za-z0-9-]+$/.test(p.handle) && p.name && p.group));
  assert.ok(people.some((p) => p.group === 'Core Maintainers'));
});

test('indexSep reads only the head of a SEP: the title and header before the first section, at most 8 KB', () => {
  const head = '# SEP-42: Answers\n\n- **Status**: Accepted\n- **Type**: Process\n\n';
  assert.equal(sepHead(`${head}## Abstract\n\nText.\n`), head);
  const noSections = `${head}${'Words. '.repeat(5000)}`;
  assert.equal(sepHead(noSections).length, INDEXED_HEAD);
  // A million characters of a flat list after the header: read as 8 KB, so its status still comes through.
  const entry = indexSep('0042-x.md', `${head}${'1. a\n'.repeat(200_000)}`, 'file:///a');
  assert.equal(entry?.status, 'Accepted');
  assert.equal(entry?.title, 'Answers');
});
