/** Extensions Track SEPs (SEP-2133): the Extension Identifier field and what the SEP must name before review. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, parseSep } from '../../../server/src/sep';
import { identifierProblem } from '../../../server/src/sep/rules/extensions';
import { referenceSeps } from '../fixes/corpus';
import { doc, none, one, run, TODAY } from './helpers';

const EXT = { Type: 'Extensions Track', Status: 'In-Review' };
const STEWARDS = 'Developed in the Lantern Working Group; Extension Maintainers: @grace-sample, @tom-tester.';
const SDK = 'Implemented in the [TypeScript SDK](https://github.com/modelcontextprotocol/typescript-sdk/pull/4242).';
const body = (...lines: string[]) => `## Abstract\n\nLanterns agree.\n\n${lines.join('\n\n')}\n`;

test('Extension Identifier is a known field, validated as io.modelcontextprotocol/<name>', () => {
  const good = doc({ set: { ...EXT, 'Extension Identifier': '`io.modelcontextprotocol/lanterns`' }, body: body(STEWARDS, SDK) });
  assert.deepEqual(run(['extension-identifier', 'field-unknown'], good), []);
  for (const [id, why] of [
    ['lanterns', /no vendor prefix/],
    ['com.example/lanterns', /uses the prefix "com\.example"/],
    ['io.modelcontextprotocol/-lanterns', /must start and end with a letter or digit/],
    ['io.modelcontextprotocol/lan terns', /no vendor prefix|must start/],
  ] as const) {
    const f = one('extension-identifier', doc({ set: { ...EXT, 'Extension Identifier': id } }));
    assert.match(f.message, why, id);
  }
  const standards = one('extension-identifier', doc({ set: { 'Extension Identifier': 'io.modelcontextprotocol/lanterns' } }));
  assert.match(standards.message, /Only Extensions Track SEPs/);
  assert.equal(identifierProblem('io.modelcontextprotocol/oauth-client-credentials-v2'), undefined);
});

test('extension-stewards and extension-sdk-implementation apply from In-Review on, to Extensions Track only', () => {
  none('extension-stewards', doc({ set: EXT, body: body(STEWARDS) }));
  none('extension-sdk-implementation', doc({ set: EXT, body: body(SDK) }));
  const bare = doc({ set: EXT, body: body('Lanterns agree on colours.') });
  assert.match(one('extension-stewards', bare).message, /the Working Group and the Extension Maintainers/);
  assert.match(one('extension-stewards', doc({ set: EXT, body: body('The Lantern Working Group guides it.') })).message, /does not name the Extension Maintainers/);
  assert.match(one('extension-sdk-implementation', bare).message, /official SDK/);
  one('extension-sdk-implementation', doc({ set: EXT, body: body('A prototype lives at https://github.com/example/lanterns.') }));
  for (const set of [{ ...EXT, Status: 'Draft' }, { Status: 'Final' }]) {
    assert.deepEqual(run(['extension-stewards', 'extension-sdk-implementation'], doc({ set, body: body('Nothing named.') })), [], JSON.stringify(set));
  }
});

test('over the reference SEPs: 2663 has a valid identifier; only Extensions Track SEPs get the SEP-2133 checks', (t) => {
  const refs = referenceSeps(t);
  if (!refs) return;
  for (const ref of refs) {
    const found = lint(parseSep(ref.text, { fileName: ref.fileName }), { today: TODAY }).filter((f) => f.rule.startsWith('extension-'));
    const type = /^\s*-\s*\*\*Type\*\*:\s*(.+)$/m.exec(ref.text)?.[1].trim();
    if (type !== 'Extensions Track') assert.deepEqual(found, [], ref.fileName);
    if (ref.fileName.startsWith('2663-')) {
      assert.deepEqual(found.filter((f) => f.rule === 'extension-identifier'), []);
      const stewards = found.find((f) => f.rule === 'extension-stewards');
      assert.ok(stewards, '2663 names its Working Group but no Extension Maintainers');
      assert.match(stewards.message, /does not name the Extension Maintainers/);
    }
  }
});
