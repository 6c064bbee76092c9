/**
 * Documents opened from the sidebar carry their issue's title and kind in the URI query; the server
 * checks an issue-era SEP's title against it and leaves a pull request's pointer description unchecked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startClient } from './client';
import { originQuery } from '../../common/origin';
import { HTML_BODY, POINTER_DESCRIPTION } from '../support/issueEra';

const path = 'sep-github:/modelcontextprotocol/modelcontextprotocol/issues/4242/seps/4242-lantern-negotiation.md';

test('an issue body: title rules read the issue title from the URI, no PR field is asked for', async () => {
  const client = await startClient();
  try {
    // `=` percent-encoded, as VS Code writes a query.
    const good = `${path}?${originQuery({ kind: 'issue', title: 'SEP-4242: Lantern Negotiation' }).replace('=', '%3D')}`;
    const p1 = client.diagnostics(good, 1);
    client.open(good, HTML_BODY, 1);
    const codes = (await p1).diagnostics.map((d) => String(d.code));
    for (const quiet of ['title-missing', 'title-malformed', 'header-missing', 'field-pr-missing']) assert.ok(!codes.includes(quiet), `${quiet} in ${codes}`);
    const bad = `${path}?${originQuery({ kind: 'issue', title: 'Lantern Negotiation' })}`;
    const p2 = client.diagnostics(bad, 1);
    client.open(bad, HTML_BODY, 1);
    const title = (await p2).diagnostics.filter((d) => d.code === 'title-malformed');
    assert.equal(title.length, 1);
    assert.match(String(title[0].message), /issue's title "Lantern Negotiation"/);
  } finally {
    await client.close();
  }
});

test('a pull request description that points at a file gets one information line and nothing else', async () => {
  const client = await startClient();
  try {
    const uri = `${path}?${originQuery({ kind: 'pull', title: 'SEP: Lantern Negotiation' })}`;
    const p = client.diagnostics(uri, 1);
    client.open(uri, POINTER_DESCRIPTION, 1);
    const diagnostics = (await p).diagnostics;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['pull-description-not-sep', 3]]);
    assert.match(String(diagnostics[0].message), /seps\/4242-lantern-negotiation\.md/);
  } finally {
    await client.close();
  }
});
