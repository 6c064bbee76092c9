/** The status bar item's words: the SEP's Status and its number of problems. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusBarText, statusBarTooltip } from '../../client/src/commands/statusText';

const none = { errors: 0, warnings: 0, other: 0 };

test('shows the Status and the total number of problems', () => {
  assert.equal(statusBarText('Draft', none), 'SEP: Draft · no problems');
  assert.equal(statusBarText('Draft', { errors: 1, warnings: 0, other: 0 }), 'SEP: Draft · 1 problem');
  assert.equal(statusBarText('In-Review', { errors: 2, warnings: 3, other: 1 }), 'SEP: In-Review · 6 problems');
});

test('says when there is no Status, and keeps what the document says short and inert', () => {
  assert.equal(statusBarText(undefined, none), 'SEP: no status · no problems');
  assert.equal(statusBarText('  ', none), 'SEP: no status · no problems');
  assert.equal(statusBarText('Draft | In-Review | Accepted | Rejected', none), 'SEP: Draft | In-Review | Acc… · no problems');
  assert.ok(!statusBarText('$(bug) Final', none).includes('$('), 'codicon syntax from the document is not rendered');
});

test('the tooltip breaks the problems down by severity', () => {
  const tip = statusBarTooltip('Final', { errors: 1, warnings: 2, other: 0 });
  assert.match(tip, /^Status: Final$/m);
  assert.match(tip, /^1 error, 2 warnings, 0 other$/m);
  assert.match(statusBarTooltip(undefined, none), /^Status: none/m);
});
