/**
 * The model owns its derived data: the line index and the section model live on the SepDocument, and the
 * per-node facts on the document's parser, not in module-level caches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IncrementalMarkdownParser, parseSep } from '../../../server/src/sep';

const ENGINE = join(__dirname, '..', '..', '..', 'server', 'src', 'sep');
const TEXT = '# SEP-42: Lanterns\n\n- **Status**: Draft\n\n## Abstract\n\nLanterns.\r\n\r## Motivatoin\n\nWhy.\n';

test('the document carries its line index and its section model, each computed once', () => {
  const doc = parseSep(TEXT, { fileName: '0042-lanterns.md' });
  assert.equal(doc.lines.text, TEXT);
  assert.equal(doc.lines.lineCount, 12, 'CRLF, lone CR and LF each end a line');
  assert.equal(doc.sectionModel, doc.sectionModel, 'the same model object on every read');
  assert.ok(doc.sectionModel.present.has('Abstract'));
  assert.ok(!Object.keys(doc).includes('sectionModel'), 'derived, so not enumerable: copies and JSON leave it out');
});

test('per-node facts belong to the document\'s parser: another parser of the same text starts afresh', () => {
  const a = new IncrementalMarkdownParser();
  const b = new IncrementalMarkdownParser();
  const first = parseSep(TEXT, { parser: a });
  assert.notEqual(a.memo, b.memo);
  const again = parseSep(TEXT.replace('Why.', 'Why not.'), { parser: a });
  assert.equal(again.sections[1].heading.text, first.sections[1].heading.text);
});

/**
 * Module-level maps the engine may keep: tables built from its own constants, and compiled `sep.files.include` globs
 * (by settings, bounded). Anything else at module level would hold data derived from documents beyond their life.
 */
const ALLOWED_MAPS = ['rules/registry.ts: BY_ID', 'rules/registry.ts: INFO_BY_ID', 'detect.ts: matchers'];

test('no engine module keeps a module-level map of document data (derived data lives on the model or its parser)', () => {
  const files = readdirSync(ENGINE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const found = files.flatMap((f) =>
    readFileSync(join(ENGINE, f), 'utf8')
      .split('\n')
      .map((line) => /^(?:export )?(?:const|let) (\w+)(?::[^=]*)? = new (?:Weak)?Map\b/.exec(line))
      .filter((m) => m !== null)
      .map((m) => `${f.split('\\').join('/')}: ${m[1]}`),
  );
  assert.deepEqual(found.filter((x) => !ALLOWED_MAPS.includes(x)), []);
  assert.ok(found.includes('detect.ts: matchers'), 'the pattern finds module-level maps');
});

test('heading matches are kept by the document\'s parser: its next version reuses them, another document does not', () => {
  const parser = new IncrementalMarkdownParser();
  const first = parseSep(TEXT, { parser });
  const typo = first.sections.find((s) => s.heading.text === 'Motivatoin')!.heading;
  assert.equal(first.sectionModel.match(typo)?.spec.name, 'Motivation');
  assert.equal(first.sectionModel.match(typo)?.kind, 'typo');
  const next = parseSep(TEXT.replace('Why.', 'Why not.'), { parser });
  const again = next.sections.find((s) => s.heading.text === 'Motivatoin')!.heading;
  assert.equal(next.sectionModel.match(again), first.sectionModel.match(typo), 'the same answer object, from the parser\'s table');
  const other = parseSep(TEXT);
  const elsewhere = other.sections.find((s) => s.heading.text === 'Motivatoin')!.heading;
  assert.notEqual(other.sectionModel.match(elsewhere), first.sectionModel.match(typo), 'another document answers afresh');
  assert.deepEqual(other.sectionModel.match(elsewhere), first.sectionModel.match(typo));
});
