/** The SEP Requirements tree as data: grouping by heading path, levels, coverage and the message above the tree. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RequirementStatement, RequirementsResult } from '../../../common/protocol';
import { levelCounts, requirementRoots, requirementsMessage, requirementsSnapshot, type RequirementGroupNode } from '../../../client/src/views/requirements';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 10 } });
const statement = (line: number, level: RequirementStatement['level'], headingPath: string[], extra: Partial<RequirementStatement> = {}): RequirementStatement => ({
  text: `Statement on line ${line} ${level.toUpperCase()} hold.`,
  range: at(line),
  level,
  keywords: [level === 'must' ? 'MUST' : level === 'should' ? 'SHOULD' : 'MAY'],
  headingPath,
  ...extra,
});

const SPEC = ['Specification'];
const ERRORS = ['Specification', 'Errors'];

test('statements are grouped by heading path in document order, each group counting its levels', () => {
  const result: RequirementsResult = {
    sep: 4321,
    statements: [statement(10, 'must', SPEC), statement(12, 'should', ERRORS), statement(14, 'must', ERRORS), statement(16, 'may', SPEC), statement(18, 'must', ['Specification', 'Errors', 'Retries'])],
  };
  const roots = requirementRoots(result) as RequirementGroupNode[];
  assert.deepEqual(roots.map((g) => [g.label, g.description]), [
    ['Specification', '1 MUST · 1 MAY'],
    ['Specification › Errors', '1 MUST · 1 SHOULD'],
    ['Specification › Errors › Retries', '1 MUST'],
  ]);
  assert.deepEqual(roots[1].statements.map((s) => s.range.start.line), [12, 14]);
  assert.equal(new Set(roots.flatMap((g) => g.statements.map((s) => s.id))).size, 5, 'ids are unique');
  assert.equal(levelCounts(result.statements), '3 MUST · 1 SHOULD · 1 MAY');
});

test('coverage: the file row counts covered MUST/SHOULD statements; MAY statements never show as uncovered', () => {
  const result: RequirementsResult = {
    sep: 4321,
    traceFile: 'file:///ws/conformance/sep-4321.yaml',
    statements: [
      statement(10, 'must', SPEC, { covered: true, rows: [0, 2] }),
      statement(12, 'should', SPEC, { covered: false, rows: [] }),
      statement(14, 'may', SPEC, { covered: false }),
    ],
  };
  const [file, group] = requirementRoots(result);
  assert.equal(file.type, 'file');
  assert.equal(file.label, 'sep-4321.yaml');
  assert.equal(file.description, '1 of 2 MUST/SHOULD covered');
  const statements = (group as RequirementGroupNode).statements;
  assert.deepEqual(statements.map((s) => [s.description, s.covered]), [['MUST · covered', true], ['SHOULD · not covered', false], ['MAY', undefined]]);
  assert.match(statements[0].tooltip, /Covered by rows 1, 3 of the traceability file/);
  assert.match(statements[0].tooltip, /line 11/);
});

test('long statements are shortened in the label and kept whole in the tooltip; messages explain an empty view', () => {
  const long = statement(3, 'must', SPEC, { text: `Servers MUST ${'wait '.repeat(100)}.` });
  const [group] = requirementRoots({ statements: [long] }) as RequirementGroupNode[];
  assert.ok(group.statements[0].label.length <= 140 && group.statements[0].label.endsWith('…'));
  assert.ok(group.statements[0].tooltip.startsWith(long.text));
  assert.match(requirementsMessage(undefined) ?? '', /Open a SEP/);
  assert.match(requirementsMessage({ statements: [] }) ?? '', /No normative statements/);
  assert.equal(requirementsMessage({ statements: [long] }), undefined);
  assert.equal(requirementsMessage({ statements: [long] }, 'server failed'), 'server failed');
  assert.deepEqual(requirementsSnapshot('file:///x.md', { statements: [long] }).groups[0].statements[0].line, 3);
});
