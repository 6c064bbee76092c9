/**
 * The requirements code lens on the Specification heading and the `sep/traceabilitySkeleton` request, over stdio.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { TRACEABILITY_SKELETON_REQUEST, type TraceabilitySkeletonResult } from '../../common/protocol';
import { startClient } from './client';

const URI = 'file:///work/seps/4321-lantern-pings.md';
const TEXT = [
  '# SEP-4321: Lantern Pings',
  '',
  '- **Status**: Draft',
  '- **Type**: Standards Track',
  '- **Created**: 2026-04-02',
  '- **Author(s)**: Ada Example (@ada-example)',
  '- **PR**: #4321',
  '',
  '## Abstract',
  '',
  'Lanterns MUST NOT be counted here: this is the Abstract.',
  '',
  '## Specification',
  '',
  'A lantern MUST answer a ping within a second. Clients SHOULD retry once.',
  '',
  '### Errors',
  '',
  '- A lantern MUST NOT answer a ping it did not receive.',
  '- Clients MAY log the error; they must not crash.',
  '',
  '```text',
  'ping MUST pong',
  '```',
  '',
  '## Rationale',
  '',
  'None.',
  '',
].join('\n');

test('code lens: count per level on the Specification heading; skeleton: MUST and SHOULD rows named after the SEP', async () => {
  const client = await startClient();
  try {
    const published = client.diagnostics(URI, 1);
    client.open(URI, TEXT, 1);
    await published;
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } })) as CodeLens[];
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, TEXT.split('\n').indexOf('## Specification'));
    assert.equal(lenses[0].command?.title, '2 MUST · 1 SHOULD · 1 MAY');
    assert.equal(lenses[0].command?.command, 'sep.requirements.focus');

    const result = (await client.connection.sendRequest(TRACEABILITY_SKELETON_REQUEST, { uri: URI })) as TraceabilitySkeletonResult;
    assert.ok('fileName' in result, JSON.stringify(result));
    assert.equal(result.fileName, 'sep-4321.yaml');
    assert.equal(result.statements, 3);
    const yaml = parse(result.text) as { sep: number; spec_url: string; requirements: { text: string; check: string }[] };
    assert.equal(yaml.sep, 4321);
    assert.equal(yaml.requirements.length, 3, 'the MAY statement is left out');
    assert.ok(yaml.requirements.every((r) => r.check.startsWith('sep-4321-') && r.text.length > 0));
    assert.ok(yaml.requirements.some((r) => /did not receive/.test(r.text)));

    const other = 'file:///work/notes.md';
    client.open(other, '# Notes\n\nNothing MUST happen.\n');
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: other } }), []);
    const refused = (await client.connection.sendRequest(TRACEABILITY_SKELETON_REQUEST, { uri: other })) as TraceabilitySkeletonResult;
    assert.ok('error' in refused);

    const draft = 'file:///work/seps/0000-draft.md';
    client.open(draft, TEXT.replace('SEP-4321', 'SEP-0000').replace('#4321', '#0000'));
    const unnumbered = (await client.connection.sendRequest(TRACEABILITY_SKELETON_REQUEST, { uri: draft })) as TraceabilitySkeletonResult;
    assert.match('error' in unnumbered ? unnumbered.error : '', /no number yet/);
  } finally {
    await client.close();
  }
});
